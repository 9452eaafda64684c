// UpdateExpression (and the legacy AttributeUpdates, which compile to the same actions):
// SET with `+`/`-`, if_not_exists and list_append; REMOVE (map keys and list elements);
// ADD for numbers and sets; DELETE from sets.
import {
  checkNumberRange,
  DynamoDecimal,
  formatNumber,
  numberKey,
  typeOf,
  base64Decode,
  base64Encode,
  type AttributeType,
  type AttributeValue,
  type Item,
} from '../AttributeValue';
import { validationError } from '../errors';
import { formatPath, readPath, relatePaths, type DocumentPath, type PathElement } from './DocumentPath';
import type { SyntaxOperand, SyntaxUpdate } from './Parser';
import type { ExpressionContext } from './Resolver';

export type UpdateValue =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'if_not_exists'; path: DocumentPath; fallback: UpdateValue }
  | { kind: 'list_append'; left: UpdateValue; right: UpdateValue }
  | { kind: 'arithmetic'; operator: '+' | '-'; left: UpdateValue; right: UpdateValue };

export interface UpdateActions {
  set: { path: DocumentPath; value: UpdateValue }[];
  remove: DocumentPath[];
  add: { path: DocumentPath; value: AttributeValue }[];
  delete: { path: DocumentPath; value: AttributeValue }[];
}

const KIND = 'UpdateExpression';
const CONDITION_FUNCTIONS = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size']);
const OPERAND_TYPE_NAMES: Record<AttributeType, string> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  BOOL: 'BOOLEAN',
  NULL: 'NULL',
  M: 'MAP',
  L: 'LIST',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
};
const ADD_TYPES = new Set<AttributeType>(['N', 'SS', 'NS', 'BS']);
const DELETE_TYPES = new Set<AttributeType>(['SS', 'NS', 'BS']);

export const INVALID_PATH_FOR_UPDATE = 'The document path provided in the update expression is invalid for update';
export const INCORRECT_DATA_TYPE = 'An operand in the update expression has an incorrect data type';
const MISSING_ATTRIBUTE = 'The provided expression refers to an attribute that does not exist in the item';

/** Compiles in the three phases described in ConditionExpression.ts, in DynamoDB's order. */
class UpdateCompiler {
  private readonly deferred: (() => void)[] = [];

  constructor(private readonly context: ExpressionContext) {}

  private error(message: string): Error {
    return this.context.error(KIND, message);
  }

  private literalType(value: UpdateValue, operator: string, allowed: AttributeType): void {
    if (value.kind === 'value' && typeOf(value.value) !== allowed) {
      throw this.error(`Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${typeOf(value.value)}`);
    }
  }

  private precheckValue(syntax: SyntaxOperand): void {
    switch (syntax.kind) {
      case 'path':
        return this.context.checkPath(KIND, syntax);
      case 'value':
        return;
      case 'arithmetic':
        this.precheckValue(syntax.left);
        return this.precheckValue(syntax.right);
      case 'call': {
        const name = syntax.name.text;
        if (CONDITION_FUNCTIONS.has(name)) throw this.error(`The function is not allowed in an update expression; function: ${name}`);
        if (name !== 'if_not_exists' && name !== 'list_append') throw this.error(`Invalid function name; function: ${name}`);
        return syntax.args.forEach((arg) => this.precheckValue(arg));
      }
    }
  }

  private precheck(syntax: SyntaxUpdate): void {
    const seen = new Set<string>();
    for (const clause of syntax.clauses) {
      if (seen.has(clause.name)) throw this.error(`The "${clause.name}" section can only be used once in an update expression;`);
      seen.add(clause.name);
      for (const action of clause.actions) {
        this.context.checkPath(KIND, action.path);
        if (action.clause === 'SET') this.precheckValue(action.value);
      }
    }
  }

  private value(syntax: SyntaxOperand): UpdateValue {
    switch (syntax.kind) {
      case 'path':
        return { kind: 'path', path: this.context.resolvePath(KIND, syntax) };
      case 'value':
        return { kind: 'value', value: this.context.resolveValue(KIND, syntax.token) };
      case 'arithmetic': {
        const left = this.value(syntax.left);
        const right = this.value(syntax.right);
        this.deferred.push(() => {
          this.literalType(left, syntax.operator, 'N');
          this.literalType(right, syntax.operator, 'N');
        });
        return { kind: 'arithmetic', operator: syntax.operator, left, right };
      }
      case 'call': {
        const name = syntax.name.text;
        const args = syntax.args.map((arg) => this.value(arg));
        const [first, second] = args as [UpdateValue, UpdateValue];
        this.deferred.push(() => {
          if (args.length !== 2) {
            throw this.error(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
          }
          if (name === 'if_not_exists' && first.kind !== 'path') {
            throw this.error(`Operator or function requires a document path; operator or function: ${name}`);
          }
          if (name === 'list_append') {
            this.literalType(first, name, 'L');
            this.literalType(second, name, 'L');
          }
        });
        if (name === 'list_append') return { kind: 'list_append', left: first, right: second };
        // A deferred check rejects a non-path first operand before compile() returns.
        return { kind: 'if_not_exists', path: first.kind === 'path' ? first.path : ['<not a path>'], fallback: second };
      }
    }
  }

  private operandOf(operator: 'ADD' | 'DELETE', value: AttributeValue, allowed: ReadonlySet<AttributeType>): AttributeValue {
    this.deferred.push(() => {
      const type = typeOf(value);
      if (!allowed.has(type)) {
        throw this.error(
          `Incorrect operand type for operator or function; operator: ${operator}, operand type: ${OPERAND_TYPE_NAMES[type]}, typeSet: ALLOWED_FOR_${operator}_OPERAND`,
        );
      }
    });
    return value;
  }

  compile(syntax: SyntaxUpdate): UpdateActions {
    this.precheck(syntax);
    const all = syntax.clauses.flatMap((clause) => clause.actions);
    const paths = all.map((action) => this.context.resolvePath(KIND, action.path));
    checkDisjointPaths(paths, (message) => this.error(message));
    const actions: UpdateActions = { set: [], remove: [], add: [], delete: [] };
    all.forEach((action, i) => {
      const path = paths[i] as DocumentPath;
      if (action.clause === 'SET') actions.set.push({ path, value: this.value(action.value) });
      else if (action.clause === 'REMOVE') actions.remove.push(path);
      else {
        const value = this.context.resolveValue(KIND, action.value.token);
        if (action.clause === 'ADD') actions.add.push({ path, value: this.operandOf('ADD', value, ADD_TYPES) });
        else actions.delete.push({ path, value: this.operandOf('DELETE', value, DELETE_TYPES) });
      }
    });
    for (const check of this.deferred) check();
    return actions;
  }
}

/** Rejects overlapping (`a` and `a.b`) and conflicting (`a.b` and `a[0]`) paths, as DynamoDB does. */
export function checkDisjointPaths(paths: readonly DocumentPath[], error: (message: string) => Error): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const a = paths[i] as DocumentPath;
      const b = paths[j] as DocumentPath;
      const relation = relatePaths(a, b);
      if (relation !== undefined) {
        throw error(
          `Two document paths ${relation === 'overlap' ? 'overlap' : 'conflict'} with each other; must remove or rewrite one of these paths; path one: ${formatPath(a)}, path two: ${formatPath(b)}`,
        );
      }
    }
  }
}

export function compileUpdate(context: ExpressionContext, syntax: SyntaxUpdate): UpdateActions {
  return new UpdateCompiler(context).compile(syntax);
}

/** The top-level attributes an update writes, for the "part of the key" check. */
export function updatedAttributes(actions: UpdateActions): string[] {
  return [...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)].map(
    (path) => path[0],
  );
}

export function checkKeyNotUpdated(actions: UpdateActions, keyAttributes: readonly string[]): void {
  for (const name of updatedAttributes(actions)) {
    if (keyAttributes.includes(name)) {
      throw validationError(`One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Application

function evaluate(value: UpdateValue, item: Item | undefined): AttributeValue {
  switch (value.kind) {
    case 'value':
      return value.value;
    case 'path': {
      const found = readPath(item, value.path);
      if (found === undefined) throw validationError(MISSING_ATTRIBUTE);
      return found;
    }
    case 'if_not_exists':
      return readPath(item, value.path) ?? evaluate(value.fallback, item);
    case 'list_append': {
      const left = evaluate(value.left, item);
      const right = evaluate(value.right, item);
      if (!('L' in left) || !('L' in right)) throw validationError(INCORRECT_DATA_TYPE);
      return { L: [...left.L, ...right.L] };
    }
    case 'arithmetic': {
      const left = evaluate(value.left, item);
      const right = evaluate(value.right, item);
      if (!('N' in left) || !('N' in right)) throw validationError(INCORRECT_DATA_TYPE);
      const a = new DynamoDecimal(left.N);
      const b = new DynamoDecimal(right.N);
      return { N: formatNumber(checkNumberRange(value.operator === '+' ? a.plus(b) : a.minus(b))) };
    }
  }
}

function clone(value: AttributeValue): AttributeValue {
  if ('M' in value) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, clone(v)])) };
  if ('L' in value) return { L: value.L.map(clone) };
  if ('SS' in value) return { SS: [...value.SS] };
  if ('NS' in value) return { NS: [...value.NS] };
  if ('BS' in value) return { BS: [...value.BS] };
  return value;
}

/** The container holding the last element of `path`, or undefined when the path leads nowhere. */
function parentOf(item: Item, path: DocumentPath): Record<string, AttributeValue> | AttributeValue[] | undefined {
  if (path.length === 1) return item;
  const parent = readPath(item, path.slice(0, -1) as unknown as DocumentPath);
  if (parent === undefined) return undefined;
  const last = path[path.length - 1] as PathElement;
  if (typeof last === 'number') return 'L' in parent ? parent.L : undefined;
  return 'M' in parent ? parent.M : undefined;
}

function writePath(item: Item, path: DocumentPath, value: AttributeValue): void {
  const parent = parentOf(item, path);
  if (parent === undefined) throw validationError(INVALID_PATH_FOR_UPDATE);
  const last = path[path.length - 1] as PathElement;
  if (Array.isArray(parent)) {
    const index = last as number;
    if (index >= parent.length) parent.push(value);
    else parent[index] = value;
  } else parent[last as string] = value;
}

function setMembers(value: AttributeValue): { type: 'SS' | 'NS' | 'BS'; members: string[]; key: (m: string) => string } | undefined {
  if ('SS' in value) return { type: 'SS', members: value.SS, key: (m) => m };
  if ('NS' in value) return { type: 'NS', members: value.NS, key: numberKey };
  if ('BS' in value) return { type: 'BS', members: value.BS, key: (m) => base64Encode(base64Decode(m)) };
  return undefined;
}

function addValues(existing: AttributeValue, operand: AttributeValue): AttributeValue {
  if ('N' in existing && 'N' in operand) {
    return { N: formatNumber(checkNumberRange(new DynamoDecimal(existing.N).plus(new DynamoDecimal(operand.N)))) };
  }
  // Only the legacy AttributeUpdates ADD accepts lists (it appends); UpdateExpression rejects them at compile time.
  if ('L' in existing && 'L' in operand) return { L: [...existing.L, ...operand.L.map(clone)] };
  const a = setMembers(existing);
  const b = setMembers(operand);
  if (a === undefined || b === undefined || a.type !== b.type) throw validationError(INCORRECT_DATA_TYPE);
  const keys = new Set(a.members.map(a.key));
  const union = [...a.members, ...b.members.filter((member) => !keys.has(a.key(member)))];
  return { [a.type]: union } as AttributeValue;
}

function deleteValues(existing: AttributeValue, operand: AttributeValue): AttributeValue | undefined {
  const a = setMembers(existing);
  const b = setMembers(operand);
  if (a === undefined || b === undefined || a.type !== b.type) throw validationError(INCORRECT_DATA_TYPE);
  const removed = new Set(b.members.map(b.key));
  const rest = a.members.filter((member) => !removed.has(a.key(member)));
  return rest.length === 0 ? undefined : ({ [a.type]: rest } as AttributeValue);
}

function removePath(item: Item, path: DocumentPath): void {
  const parent = parentOf(item, path);
  const last = path[path.length - 1] as PathElement;
  if (parent === undefined) throw validationError(INVALID_PATH_FOR_UPDATE);
  if (Array.isArray(parent)) {
    if ((last as number) < parent.length) parent.splice(last as number, 1);
  } else delete parent[last as string];
}

/** Later list indexes first, so removing one element does not shift the others. */
function removalOrder(a: DocumentPath, b: DocumentPath): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as PathElement;
    const y = b[i] as PathElement;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Applies compiled update actions to an item (undefined when the item does not exist yet)
 * and returns the new item; the input is not modified. Right-hand sides of SET are read from
 * the item as it was before the update, as DynamoDB does.
 */
export function applyUpdate(actions: UpdateActions, item: Item | undefined, keyAttributes: readonly string[] = []): Item {
  checkKeyNotUpdated(actions, keyAttributes);
  const values = actions.set.map((action) => evaluate(action.value, item));
  const result: Item = {};
  for (const [name, value] of Object.entries(item ?? {})) result[name] = clone(value);
  actions.set.forEach((action, i) => writePath(result, action.path, values[i] as AttributeValue));
  for (const path of [...actions.remove].sort(removalOrder)) removePath(result, path);
  for (const action of actions.add) {
    const existing = readPath(result, action.path);
    writePath(result, action.path, existing === undefined ? clone(action.value) : addValues(existing, action.value));
  }
  for (const action of actions.delete) {
    const existing = readPath(result, action.path);
    if (existing === undefined) {
      if (parentOf(result, action.path) === undefined) throw validationError(INVALID_PATH_FOR_UPDATE);
      continue;
    }
    const rest = deleteValues(existing, action.value);
    if (rest === undefined) removePath(result, action.path);
    else writePath(result, action.path, rest);
  }
  return result;
}
