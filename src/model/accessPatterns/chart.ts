// The access-pattern chart of The DynamoDB Book: for every pattern, the index it uses, its
// key condition and filter with the values spelled out, and example parameter values.
import { member } from '../../engine/AttributeMap';
import type { AccessPattern, DesignModel } from '../types';
import { requestTemplate } from './buildRequest';
import { tokenize } from './expressions';
import type { SampleItem } from '../sampleData';
import { exampleParameters } from './samples';
import { resolveTarget } from './target';

export interface ChartRow {
  pattern: string;
  operation: string;
  target: string;
  keyCondition: string;
  filter: string;
  examples: string;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueText(value: unknown): string {
  if (!isRecord(value)) return JSON.stringify(value);
  const [type, inner] = Object.entries(value)[0] ?? [];
  if (type === 'S' || type === 'N' || type === 'B') return type === 'S' ? `"${String(inner)}"` : String(inner);
  return JSON.stringify(value);
}

/** An expression with its #names and :values replaced by what they stand for. */
export function spellOut(expression: string, request: Json): string {
  const names = isRecord(request.ExpressionAttributeNames) ? request.ExpressionAttributeNames : {};
  const values = isRecord(request.ExpressionAttributeValues) ? request.ExpressionAttributeValues : {};
  let out = '';
  let last = 0;
  for (const token of tokenize(expression)) {
    let replacement: string | undefined;
    if (token.kind === 'nameRef' && typeof names[token.text] === 'string') replacement = names[token.text] as string;
    if (token.kind === 'valueRef' && values[token.text] !== undefined) replacement = valueText(values[token.text]);
    if (replacement === undefined) continue;
    out += expression.slice(last, token.at) + replacement;
    last = token.at + token.text.length;
  }
  return out + expression.slice(last);
}

function keyText(key: unknown): string {
  if (!isRecord(key)) return '';
  return Object.entries(key)
    .map(([name, value]) => `${name} = ${valueText(value)}`)
    .join(', ');
}

function keysOf(pattern: AccessPattern, request: Json, model: DesignModel): string[] {
  const table = model.table.name;
  const keyNames = [model.table.partitionKey.name, model.table.sortKey?.name];
  // A written item's key is what the chart shows, not its every attribute.
  const pickKeys = (item: unknown): Json =>
    isRecord(item) ? Object.fromEntries(Object.entries(item).filter(([name]) => keyNames.includes(name))) : {};
  switch (pattern.operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [keyText(request.Key)];
    case 'PutItem':
      return [`put ${keyText(pickKeys(request.Item))}`];
    case 'BatchGetItem': {
      const mine = isRecord(request.RequestItems) ? member(request.RequestItems, table) : undefined;
      return isRecord(mine) && Array.isArray(mine.Keys) ? mine.Keys.map(keyText) : [];
    }
    case 'BatchWriteItem': {
      const mine = isRecord(request.RequestItems) ? member(request.RequestItems, table) : undefined;
      if (!Array.isArray(mine)) return [];
      return mine.map((entry) => {
        if (isRecord(entry) && isRecord(entry.PutRequest)) return `put ${keyText(pickKeys(entry.PutRequest.Item))}`;
        return `delete ${keyText(isRecord(entry) && isRecord(entry.DeleteRequest) ? entry.DeleteRequest.Key : undefined)}`;
      });
    }
    case 'TransactGetItems':
    case 'TransactWriteItems': {
      const items = Array.isArray(request.TransactItems) ? request.TransactItems : [];
      return items.flatMap((entry) =>
        isRecord(entry)
          ? Object.entries(entry).map(([action, body]) => {
              if (!isRecord(body)) return action;
              const key = action === 'Put' ? pickKeys(body.Item) : body.Key;
              const update = typeof body.UpdateExpression === 'string' ? ` ${spellOut(body.UpdateExpression, body)}` : '';
              return `${action.toLowerCase()} ${keyText(key)}${update}`;
            })
          : [],
      );
    }
    default:
      return [];
  }
}


function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function chartRows(model: DesignModel, samples: readonly SampleItem[] = []): ChartRow[] {
  return model.accessPatterns.map((pattern) => {
    let request: Json;
    try {
      request = requestTemplate(model, pattern);
    } catch {
      request = pattern.request;
    }
    const resolved = resolveTarget(model, pattern);
    const target = resolved.ok ? resolved.target.name : '(missing index)';
    let keyCondition: string;
    if (pattern.operation === 'Query') {
      keyCondition = typeof request.KeyConditionExpression === 'string' ? spellOut(request.KeyConditionExpression, request) : '';
    } else if (pattern.operation === 'Scan') {
      keyCondition = '(whole table scan)';
    } else if (pattern.operation === 'ExecuteStatement') {
      keyCondition = typeof request.Statement === 'string' ? request.Statement : '';
    } else {
      keyCondition = keysOf(pattern, request, model).join('; ');
    }
    const filter = typeof request.FilterExpression === 'string' ? spellOut(request.FilterExpression, request) : '';
    const examples = exampleParameters(model, pattern, samples);
    return {
      pattern: pattern.name,
      operation: pattern.operation,
      target: pattern.operation === 'Query' || pattern.operation === 'Scan' || pattern.operation === 'GetItem' ? target : model.table.name,
      keyCondition,
      filter,
      examples: pattern.parameters
        .map((p) => `${p.name} = ${examples[p.name] ?? '?'}`)
        .join(', '),
    };
  });
}

/** The chart as a Markdown table, ready for a design document. */
export function chartMarkdown(model: DesignModel, samples: readonly SampleItem[] = []): string {
  const header = ['Access pattern', 'Operation', 'Table / index', 'Key condition', 'Filter', 'Example values'];
  const code = (text: string) => (text === '' ? '' : `\`${text.replace(/`/g, "'")}\``);
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...chartRows(model, samples).map(
      (r) => `| ${[r.pattern, r.operation, r.target, code(r.keyCondition), code(r.filter), r.examples].map(escapeCell).join(' | ')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
