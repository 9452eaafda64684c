// Attribute names a pattern's expressions use that the design never defines: almost always a
// typo ("stauts"), which DynamoDB accepts and answers with nothing matched, nothing projected
// or a new stray attribute. Found before the request is run, with the likeliest meant name.
import { isReservedWord } from '../../engine/ReservedWords';
import { closestName } from '../closestName';
import type { AccessPattern, DesignModel } from '../types';
import { attributesIn, tokenize } from './expressions';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An expression (or AttributesToGet list) in the request, with the names map it resolves `#refs` through. */
interface ExpressionSite {
  /** Where it is in the request, e.g. `FilterExpression` or `TransactItems/0/Update/UpdateExpression`. */
  field: string;
  names: string[];
  /** `#refs` that ExpressionAttributeNames does not define. */
  undefinedRefs: string[];
  /** Reserved words written as bare names, which DynamoDB rejects. */
  reservedWords: string[];
}

// The expression grammar's own words, which tokenize as names.
const GRAMMAR = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE']);

/** Bare names in an expression that DynamoDB reserves; function names (before "(") are not names. */
function bareReservedWords(text: string): string[] {
  const tokens = tokenize(text);
  const found = tokens.filter((token, i) => {
    const next = tokens[i + 1];
    const isFunction = next?.kind === 'punct' && next.text === '(';
    return token.kind === 'name' && !isFunction && !GRAMMAR.has(token.text.toUpperCase()) && isReservedWord(token.text);
  });
  return [...new Set(found.map((token) => token.text))];
}

const EXPRESSIONS = ['ProjectionExpression', 'FilterExpression', 'ConditionExpression', 'UpdateExpression'] as const;

/** A request body's ExpressionAttributeNames, its string entries only. */
export function namesMap(body: Json): Record<string, string> {
  const names = body.ExpressionAttributeNames;
  if (!isRecord(names)) return {};
  return Object.fromEntries(Object.entries(names).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The expressions of one request body (a whole request, one transaction action, one batch table). */
function sitesOf(body: Json, prefix: string): ExpressionSite[] {
  const names = namesMap(body);
  const sites: ExpressionSite[] = [];
  for (const member of EXPRESSIONS) {
    const text = body[member];
    if (typeof text !== 'string') continue;
    const undefinedRefs = [...new Set(tokenize(text).filter((t) => t.kind === 'nameRef' && !Object.hasOwn(names, t.text)).map((t) => t.text))];
    const defined = new Set(Object.values(names));
    const used = attributesIn(text, names).filter((name) => defined.has(name) || !undefinedRefs.includes(name));
    sites.push({ field: `${prefix}${member}`, names: used, undefinedRefs, reservedWords: bareReservedWords(text) });
  }
  if (Array.isArray(body.AttributesToGet)) {
    sites.push({ field: `${prefix}AttributesToGet`, names: body.AttributesToGet.filter((n): n is string => typeof n === 'string'), undefinedRefs: [], reservedWords: [] });
  }
  return sites;
}

/** Every expression site of a request: its own, each transaction action's and each batch-get table's. */
export function expressionSites(request: Json): ExpressionSite[] {
  const sites = sitesOf(request, '');
  if (Array.isArray(request.TransactItems)) {
    request.TransactItems.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      for (const [action, body] of Object.entries(entry)) if (isRecord(body)) sites.push(...sitesOf(body, `TransactItems/${i}/${action}/`));
    });
  }
  if (isRecord(request.RequestItems)) {
    for (const [table, body] of Object.entries(request.RequestItems)) if (isRecord(body)) sites.push(...sitesOf(body, `RequestItems/${table}/`));
  }
  return sites;
}

/** Every attribute name the design defines: entity attributes, entity-type attributes, key attributes and those of its imported items. */
export function knownAttributeNames(model: DesignModel): Set<string> {
  const known = new Set<string>([model.table.partitionKey.name]);
  if (model.table.sortKey) known.add(model.table.sortKey.name);
  for (const gsi of model.globalSecondaryIndexes) {
    known.add(gsi.partitionKey.name);
    if (gsi.sortKey) known.add(gsi.sortKey.name);
  }
  for (const lsi of model.localSecondaryIndexes) known.add(lsi.sortKey.name);
  if (model.table.ttlAttribute !== undefined) known.add(model.table.ttlAttribute);
  for (const entity of model.entities) {
    if (entity.typeAttribute !== undefined) known.add(entity.typeAttribute);
    for (const attribute of entity.attributes) known.add(attribute.name);
  }
  for (const fixed of model.items ?? []) for (const name of Object.keys(fixed.item)) known.add(name);
  return known;
}

export interface UnknownAttribute {
  field: string;
  name: string;
  /** The defined name it most likely stands for. */
  suggestion?: string;
}

/** Names the pattern's expressions use that the design does not define, each once per field. */
export function unknownAttributes(model: DesignModel, pattern: AccessPattern): UnknownAttribute[] {
  const known = knownAttributeNames(model);
  const found: UnknownAttribute[] = [];
  for (const site of expressionSites(pattern.request)) {
    for (const name of new Set(site.names)) {
      if (known.has(name)) continue;
      const suggestion = closestName(name, known);
      found.push({ field: site.field, name, ...(suggestion === undefined ? {} : { suggestion }) });
    }
  }
  return found;
}

/** `#refs` the pattern's expressions use without defining them: DynamoDB rejects such a request. */
export function undefinedNameRefs(pattern: AccessPattern): { field: string; ref: string }[] {
  return expressionSites(pattern.request).flatMap((site) => site.undefinedRefs.map((ref) => ({ field: site.field, ref })));
}

/** Reserved words the pattern's expressions use as bare attribute names: DynamoDB rejects such a request. */
export function reservedWordsUsed(pattern: AccessPattern): { field: string; word: string }[] {
  return expressionSites(pattern.request).flatMap((site) => site.reservedWords.map((word) => ({ field: site.field, word })));
}
