// Random condition/filter, projection, update and key-condition expressions. They are
// generated as small ASTs and rendered to text with ExpressionAttributeNames/Values; the
// AST is only a way to produce varied, mostly meaningful text: both DynamoDB Local and the
// engine parse the same string, so precedence games (AND/OR without parentheses) are fair.
import fc from 'fast-check';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { isReservedWord } from '../ReservedWords';
import type { KeyAttribute } from './TableShape';
import { MAP_KEYS, expressionValue, keyValue } from './values';

export interface NameSegment {
  readonly name: string;
  readonly alias: boolean;
}
export type PathSegment = NameSegment | { readonly index: number };
export interface DocumentPath {
  readonly head: NameSegment;
  readonly rest: readonly PathSegment[];
}

export type Operand =
  | { readonly kind: 'path'; readonly path: DocumentPath }
  | { readonly kind: 'value'; readonly value: AttributeValue }
  | { readonly kind: 'size'; readonly path: DocumentPath };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { readonly kind: 'compare'; readonly op: Comparator; readonly left: Operand; readonly right: Operand }
  | { readonly kind: 'between'; readonly subject: Operand; readonly low: Operand; readonly high: Operand }
  | { readonly kind: 'in'; readonly subject: Operand; readonly list: readonly Operand[] }
  | { readonly kind: 'exists' | 'not_exists'; readonly path: DocumentPath }
  | { readonly kind: 'attribute_type'; readonly path: DocumentPath; readonly type: string }
  | { readonly kind: 'begins_with' | 'contains'; readonly path: DocumentPath; readonly operand: Operand }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition; readonly parens: boolean }
  | { readonly kind: 'not'; readonly operand: Condition };

/** Allocates placeholders as expressions render; one builder per request. */
export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private readonly aliases = new Map<string, string>();
  private valueCount = 0;

  name(name: string): string {
    let alias = this.aliases.get(name);
    if (alias === undefined) {
      alias = `#n${this.aliases.size}`;
      this.aliases.set(name, alias);
      this.names[alias] = name;
    }
    return alias;
  }

  value(value: AttributeValue): string {
    const placeholder = `:v${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}

const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function needsAlias(name: string): boolean {
  return !PLAIN_NAME.test(name) || isReservedWord(name);
}

export function renderPath(path: DocumentPath, ph: Placeholders): string {
  const segment = (s: NameSegment): string => (s.alias ? ph.name(s.name) : s.name);
  let out = segment(path.head);
  for (const part of path.rest) out += 'index' in part ? `[${part.index}]` : `.${segment(part)}`;
  return out;
}

function renderOperand(operand: Operand, ph: Placeholders): string {
  if (operand.kind === 'path') return renderPath(operand.path, ph);
  if (operand.kind === 'size') return `size(${renderPath(operand.path, ph)})`;
  return ph.value(operand.value);
}

// DynamoDB rejects redundant parentheses, so a nested AND/OR gets exactly one pair.
function renderNested(condition: Condition, ph: Placeholders): string {
  const text = renderCondition(condition, ph);
  return (condition.kind === 'and' || condition.kind === 'or') && !condition.parens ? `(${text})` : text;
}

export function renderCondition(condition: Condition, ph: Placeholders): string {
  switch (condition.kind) {
    case 'compare':
      return `${renderOperand(condition.left, ph)} ${condition.op} ${renderOperand(condition.right, ph)}`;
    case 'between':
      return `${renderOperand(condition.subject, ph)} BETWEEN ${renderOperand(condition.low, ph)} AND ${renderOperand(condition.high, ph)}`;
    case 'in':
      return `${renderOperand(condition.subject, ph)} IN (${condition.list.map((o) => renderOperand(o, ph)).join(', ')})`;
    case 'exists':
      return `attribute_exists(${renderPath(condition.path, ph)})`;
    case 'not_exists':
      return `attribute_not_exists(${renderPath(condition.path, ph)})`;
    case 'attribute_type':
      return `attribute_type(${renderPath(condition.path, ph)}, ${ph.value({ S: condition.type })})`;
    case 'begins_with':
    case 'contains':
      return `${condition.kind}(${renderPath(condition.path, ph)}, ${renderOperand(condition.operand, ph)})`;
    case 'not':
      return `NOT ${renderNested(condition.operand, ph)}`;
    case 'and':
    case 'or': {
      const text = `${renderNested(condition.left, ph)} ${condition.kind.toUpperCase()} ${renderNested(condition.right, ph)}`;
      return condition.parens ? `(${text})` : text;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Arbitraries

/**
 * A name, aliased when it must be. Now and then a name that needs an alias is written bare,
 * so reserved-word and syntax errors get compared too.
 */
function nameSegment(names: readonly string[]): fc.Arbitrary<NameSegment> {
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.oneof({ arbitrary: fc.constantFrom('alias' as const, 'auto' as const), weight: 40 }, { arbitrary: fc.constant('bare' as const), weight: 1 }),
    )
    .map(([name, mode]) => ({ name, alias: mode === 'alias' || (mode === 'auto' && needsAlias(name)) }));
}

/**
 * The attribute names expressions may use. Nested paths start mostly from `nestable`
 * names: a key attribute is a scalar, and `pk.x` is a validation error DynamoDB reports
 * before anything else.
 */
export interface Vocabulary {
  readonly names: readonly string[];
  readonly nestable: readonly string[];
}

export function documentPath(vocabulary: Vocabulary): fc.Arbitrary<DocumentPath> {
  const rest = fc.array(fc.oneof(nameSegment(MAP_KEYS), fc.integer({ min: 0, max: 2 }).map((index) => ({ index }))), {
    minLength: 1,
    maxLength: 2,
  });
  const topLevel = nameSegment(vocabulary.names).map((head) => ({ head, rest: [] }));
  const underAnyName = fc.record({ head: nameSegment(vocabulary.names), rest });
  if (vocabulary.nestable.length === 0) return fc.oneof({ arbitrary: topLevel, weight: 20 }, { arbitrary: underAnyName, weight: 1 });
  return fc.oneof(
    { arbitrary: topLevel, weight: 12 },
    { arbitrary: fc.record({ head: nameSegment(vocabulary.nestable), rest }), weight: 8 },
    { arbitrary: underAnyName, weight: 1 },
  );
}

function operand(vocabulary: Vocabulary): fc.Arbitrary<Operand> {
  return fc.oneof(
    { arbitrary: documentPath(vocabulary).map((path) => ({ kind: 'path' as const, path })), weight: 2 },
    { arbitrary: expressionValue.map((value) => ({ kind: 'value' as const, value })), weight: 4 },
    { arbitrary: documentPath(vocabulary).map((path) => ({ kind: 'size' as const, path })), weight: 1 },
  );
}

const ATTRIBUTE_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'] as const;

export function condition(vocabulary: Vocabulary): fc.Arbitrary<Condition> {
  const path = documentPath(vocabulary);
  const op = operand(vocabulary);
  // The subject of a comparison is usually an attribute, compared with a value.
  const subject = fc.oneof({ arbitrary: path.map((p) => ({ kind: 'path' as const, path: p })), weight: 4 }, { arbitrary: op, weight: 1 });
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('compare' as const), op: fc.constantFrom<Comparator>('=', '<>', '<', '<=', '>', '>='), left: subject, right: op }), weight: 5 },
    { arbitrary: fc.record({ kind: fc.constant('between' as const), subject, low: op, high: op }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('in' as const), subject, list: fc.array(op, { minLength: 1, maxLength: 4 }) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constantFrom('exists' as const, 'not_exists' as const), path }), weight: 2 },
    {
      arbitrary: fc.record({ kind: fc.constant('attribute_type' as const), path, type: fc.constantFrom<string>(...ATTRIBUTE_TYPES, 'X') }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constantFrom('begins_with' as const, 'contains' as const), path, operand: op }), weight: 2 },
  );
  const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      { arbitrary: leaf, weight: 4 },
      {
        arbitrary: fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('tree'), right: tie('tree'), parens: fc.boolean() }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant('not' as const), operand: tie('tree') }), weight: 1 },
    ),
  }));
  return tree;
}

/** Mostly paths under distinct names; now and then any, so overlaps and conflicts are compared too. */
export function projection(vocabulary: Vocabulary): fc.Arbitrary<readonly DocumentPath[]> {
  const path = documentPath(vocabulary);
  return fc.oneof(
    { arbitrary: fc.uniqueArray(path, { minLength: 1, maxLength: 4, selector: (p) => p.head.name }), weight: 6 },
    { arbitrary: fc.array(path, { minLength: 2, maxLength: 4 }), weight: 1 },
  );
}

export function renderProjection(paths: readonly DocumentPath[], ph: Placeholders): string {
  return paths.map((p) => renderPath(p, ph)).join(', ');
}

// ---------------------------------------------------------------------------------------
// Update expressions

export type UpdateOperand =
  | Operand
  | { readonly kind: 'if_not_exists'; readonly path: DocumentPath; readonly fallback: Operand }
  | { readonly kind: 'list_append'; readonly first: Operand; readonly second: Operand };

export type SetValue =
  | { readonly kind: 'operand'; readonly operand: UpdateOperand }
  | { readonly kind: '+' | '-'; readonly left: UpdateOperand; readonly right: UpdateOperand };

export type UpdateAction =
  | { readonly clause: 'SET'; readonly path: DocumentPath; readonly value: SetValue }
  | { readonly clause: 'REMOVE'; readonly path: DocumentPath }
  | { readonly clause: 'ADD' | 'DELETE'; readonly path: DocumentPath; readonly value: AttributeValue };

export interface Update {
  readonly actions: readonly UpdateAction[];
  /** Clause order in the text; DynamoDB accepts any. */
  readonly order: readonly UpdateAction['clause'][];
}

const listValue: fc.Arbitrary<AttributeValue> = fc.array(expressionValue, { maxLength: 2 }).map((L) => ({ L }));

// Update operands are mostly of a type DynamoDB accepts where it can tell statically
// (numbers in arithmetic, numbers or sets for ADD, sets for DELETE, no size()); now and then
// any value, so the static operand-type checks are compared too.
const sets: fc.Arbitrary<AttributeValue> = fc.constantFrom<AttributeValue>(
  { NS: ['1', '2'] },
  { NS: ['3'] },
  { SS: ['a'] },
  { SS: ['b', 'é'] },
  { BS: [Uint8Array.from([1])] },
);
const smallNumber: fc.Arbitrary<AttributeValue> = fc.integer({ min: -3, max: 3 }).map((n) => ({ N: String(n) }));
const mostly = (valid: fc.Arbitrary<AttributeValue>): fc.Arbitrary<AttributeValue> =>
  fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: expressionValue, weight: 1 });
const addValue = mostly(fc.oneof(smallNumber, sets));
const deleteValue = mostly(sets);

function updateOperand(vocabulary: Vocabulary): fc.Arbitrary<UpdateOperand> {
  const list = listValue.map((value) => ({ kind: 'value' as const, value }));
  const listOrPath = fc.oneof(list, documentPath(vocabulary).map((path) => ({ kind: 'path' as const, path })));
  return fc.oneof(
    { arbitrary: operand(vocabulary), weight: 3 },
    { arbitrary: numericOperand(vocabulary), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('list_append' as const), first: listOrPath, second: listOrPath }), weight: 2 },
  );
}

/** Operands of + and -: numbers (mostly), attributes, or if_not_exists with a number to fall back on (mostly). */
function numericOperand(vocabulary: Vocabulary): fc.Arbitrary<UpdateOperand> {
  const numeric = mostly(smallNumber).map((value) => ({ kind: 'value' as const, value }));
  const path = documentPath(vocabulary).map((p) => ({ kind: 'path' as const, path: p }));
  return fc.oneof(
    { arbitrary: numeric, weight: 2 },
    { arbitrary: path, weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('if_not_exists' as const), path: documentPath(vocabulary), fallback: numeric }), weight: 1 },
  );
}

/** Update actions; their targets come from `targets` (without key attributes, mostly). */
export function update(vocabulary: Vocabulary, targets: Vocabulary): fc.Arbitrary<Update> {
  const path = documentPath(targets);
  const arithmeticOperand = numericOperand(vocabulary);
  const setValue: fc.Arbitrary<SetValue> = fc.oneof(
    { arbitrary: updateOperand(vocabulary).map((operand) => ({ kind: 'operand' as const, operand })), weight: 3 },
    {
      arbitrary: fc.record({ kind: fc.constantFrom('+' as const, '-' as const), left: arithmeticOperand, right: arithmeticOperand }),
      weight: 1,
    },
  );
  const action: fc.Arbitrary<UpdateAction> = fc.oneof(
    { arbitrary: fc.record({ clause: fc.constant('SET' as const), path, value: setValue }), weight: 4 },
    { arbitrary: fc.record({ clause: fc.constant('REMOVE' as const), path }), weight: 2 },
    { arbitrary: fc.record({ clause: fc.constant('ADD' as const), path, value: addValue }), weight: 1 },
    { arbitrary: fc.record({ clause: fc.constant('DELETE' as const), path, value: deleteValue }), weight: 1 },
  );
  return fc.record({
    // Mostly targets under distinct names; now and then any, so overlaps and conflicts are compared too.
    actions: fc.oneof(
      { arbitrary: fc.uniqueArray(action, { minLength: 1, maxLength: 4, selector: (a) => a.path.head.name }), weight: 8 },
      { arbitrary: fc.array(action, { minLength: 2, maxLength: 4 }), weight: 1 },
    ),
    order: fc.shuffledSubarray(['SET', 'REMOVE', 'ADD', 'DELETE'] as UpdateAction['clause'][], { minLength: 4 }),
  });
}

function renderUpdateOperand(operand: UpdateOperand, ph: Placeholders): string {
  if (operand.kind === 'if_not_exists') return `if_not_exists(${renderPath(operand.path, ph)}, ${renderOperand(operand.fallback, ph)})`;
  if (operand.kind === 'list_append') return `list_append(${renderOperand(operand.first, ph)}, ${renderOperand(operand.second, ph)})`;
  return renderOperand(operand, ph);
}

function renderAction(action: UpdateAction, ph: Placeholders): string {
  const target = renderPath(action.path, ph);
  if (action.clause === 'REMOVE') return target;
  if (action.clause !== 'SET') return `${target} ${ph.value(action.value)}`;
  const value = action.value;
  if (value.kind === 'operand') return `${target} = ${renderUpdateOperand(value.operand, ph)}`;
  return `${target} = ${renderUpdateOperand(value.left, ph)} ${value.kind} ${renderUpdateOperand(value.right, ph)}`;
}

export function renderUpdate(update: Update, ph: Placeholders): string {
  const clauses: string[] = [];
  for (const clause of update.order) {
    const actions = update.actions.filter((a) => a.clause === clause);
    if (actions.length > 0) clauses.push(`${clause} ${actions.map((a) => renderAction(a, ph)).join(', ')}`);
  }
  return clauses.join(' ');
}

// ---------------------------------------------------------------------------------------
// Key conditions

export type RangeOperator = '=' | '<' | '<=' | '>' | '>=' | 'BETWEEN' | 'begins_with';

export interface KeyCondition {
  readonly hash: { readonly name: NameSegment; readonly value: AttributeValue; readonly op: '=' | '<' | '>=' };
  readonly range: { readonly name: NameSegment; readonly op: RangeOperator; readonly values: readonly AttributeValue[] } | undefined;
  readonly rangeFirst: boolean;
  readonly parens: boolean;
}

/**
 * A key condition on a table or index key schema. Mostly valid; the invalid ones use a
 * non-key attribute, a non-equality on the hash key, or a value of the wrong type.
 */
export function keyCondition(hash: KeyAttribute, range: KeyAttribute | undefined, otherNames: readonly string[]): fc.Arbitrary<KeyCondition> {
  const name = (key: string): fc.Arbitrary<NameSegment> =>
    fc.oneof(
      { arbitrary: fc.constant(key), weight: 30 },
      { arbitrary: fc.constantFrom(...otherNames), weight: 1 },
    ).chain((n) => fc.boolean().map((alias) => ({ name: n, alias: alias || needsAlias(n) })));
  const value = (type: KeyAttribute['type']): fc.Arbitrary<AttributeValue> =>
    fc.oneof({ arbitrary: keyValue(type), weight: 30 }, { arbitrary: expressionValue, weight: 1 });
  const hashPart = fc.record({
    name: name(hash.name),
    value: value(hash.type),
    op: fc.oneof({ arbitrary: fc.constant('=' as const), weight: 40 }, { arbitrary: fc.constantFrom('<' as const, '>=' as const), weight: 1 }),
  });
  const rangePart = range
    ? fc.option(
        fc.constantFrom<RangeOperator>('=', '<', '<=', '>', '>=', 'BETWEEN', 'begins_with').chain((op) =>
          fc.record({
            name: name(range.name),
            op: fc.constant(op),
            values: fc.array(value(range.type), { minLength: op === 'BETWEEN' ? 2 : 1, maxLength: op === 'BETWEEN' ? 2 : 1 }),
          }),
        ),
        { nil: undefined, freq: 3 },
      )
    : fc.constant(undefined);
  return fc.record({ hash: hashPart, range: rangePart, rangeFirst: fc.boolean(), parens: fc.boolean() });
}

export function renderKeyCondition(condition: KeyCondition, ph: Placeholders): string {
  const segment = (s: NameSegment): string => (s.alias ? ph.name(s.name) : s.name);
  const wrap = (text: string): string => (condition.parens ? `(${text})` : text);
  const hash = wrap(`${segment(condition.hash.name)} ${condition.hash.op} ${ph.value(condition.hash.value)}`);
  const range = condition.range;
  if (!range) return hash;
  const name = segment(range.name);
  const values = range.values.map((v) => ph.value(v));
  const rangeText = wrap(
    range.op === 'BETWEEN'
      ? `${name} BETWEEN ${values[0]} AND ${values[1]}`
      : range.op === 'begins_with'
        ? `begins_with(${name}, ${values[0]})`
        : `${name} ${range.op} ${values[0]}`,
  );
  return condition.rangeFirst ? `${rangeText} AND ${hash}` : `${hash} AND ${rangeText}`;
}
