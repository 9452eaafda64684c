// UpdateExpression (and the legacy AttributeUpdates, which compile to the same actions):
// SET with `+`/`-`, if_not_exists and list_append; REMOVE (map keys and list elements);
// ADD for numbers and sets; DELETE from sets.
import { attributeMap } from '../AttributeMap';
import { rebuiltSetOrder } from '../SetOrder';
import {
  addNumbers,
  MAX_NESTING_LEVEL,
  numberKey,
  typeOf,
  TYPE_DISPLAY_NAMES,
  base64Decode,
  base64Encode,
  type AttributeType,
  type AttributeValue,
  type Item,
} from '../AttributeValue';
import { validationError } from '../errors';
import { formatPath, readPath, samePath, type DocumentPath, type PathElement } from './DocumentPath';
import type { SyntaxOperand, SyntaxUpdate } from './Parser';
import { pathTree } from './PathTree';
import type { ExpressionContext } from './Resolver';

export type UpdateValue =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'if_not_exists'; path: DocumentPath; fallback: UpdateValue }
  | { kind: 'list_append'; left: UpdateValue; right: UpdateValue }
  | { kind: 'arithmetic'; operator: '+' | '-'; left: UpdateValue; right: UpdateValue };

export type UpdateClause = 'SET' | 'REMOVE' | 'ADD' | 'DELETE';

export type UpdateAction =
  | { clause: 'SET'; path: DocumentPath; value: UpdateValue }
  | { clause: 'REMOVE'; path: DocumentPath }
  | { clause: 'ADD' | 'DELETE'; path: DocumentPath; value: AttributeValue };

export interface UpdateActions {
  set: { path: DocumentPath; value: UpdateValue }[];
  remove: DocumentPath[];
  add: { path: DocumentPath; value: AttributeValue }[];
  delete: { path: DocumentPath; value: AttributeValue }[];
  /**
   * The actions as indexes into the lists above, in the order DynamoDB Local checks them against
   * the item (its path tree's, see PathTree.ts; as written for the legacy AttributeUpdates).
   */
  order: { clause: UpdateClause; index: number }[];
  /** The refusal of an ADD or DELETE whose operand does not suit the attribute's value. */
  typeMismatch: string;
  /** The refusal of an update that reads or writes inside a key attribute (see checkKeyScalars). */
  keyScalarError?: Error | undefined;
}

function actionAt(actions: UpdateActions, clause: UpdateClause, index: number): UpdateAction {
  switch (clause) {
    case 'SET':
      return { clause, ...(actions.set[index] as UpdateActions['set'][number]) };
    case 'REMOVE':
      return { clause, path: actions.remove[index] as DocumentPath };
    case 'ADD':
      return { clause, ...(actions.add[index] as UpdateActions['add'][number]) };
    case 'DELETE':
      return { clause, ...(actions.delete[index] as UpdateActions['delete'][number]) };
  }
}

export function emptyUpdateActions(typeMismatch = INCORRECT_DATA_TYPE): UpdateActions {
  return { set: [], remove: [], add: [], delete: [], order: [], typeMismatch };
}

export function pushAction(actions: UpdateActions, action: UpdateAction): void {
  switch (action.clause) {
    case 'SET':
      actions.order.push({ clause: 'SET', index: actions.set.push({ path: action.path, value: action.value }) - 1 });
      return;
    case 'REMOVE':
      actions.order.push({ clause: 'REMOVE', index: actions.remove.push(action.path) - 1 });
      return;
    case 'ADD':
      actions.order.push({ clause: 'ADD', index: actions.add.push({ path: action.path, value: action.value }) - 1 });
      return;
    case 'DELETE':
      actions.order.push({ clause: 'DELETE', index: actions.delete.push({ path: action.path, value: action.value }) - 1 });
  }
}

const KIND = 'UpdateExpression';
const CONDITION_FUNCTIONS = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size']);
const ADD_TYPES = new Set<AttributeType>(['N', 'SS', 'NS', 'BS']);
const DELETE_TYPES = new Set<AttributeType>(['SS', 'NS', 'BS']);

export const INVALID_PATH_FOR_UPDATE = 'The document path provided in the update expression is invalid for update';
export const INCORRECT_DATA_TYPE = 'An operand in the update expression has an incorrect data type';
const MISSING_ATTRIBUTE = 'The provided expression refers to an attribute that does not exist in the item';

/**
 * Compiles in DynamoDB's order: checks made while parsing (as in ConditionExpression.ts), the
 * paths' tree (overlapping and conflicting paths), then each action's operand checks.
 */
class UpdateCompiler {
  /** The operand checks of each action as written, children before their parent. */
  private readonly deferred: (() => void)[][] = [];

  private defer(check: () => void): void {
    (this.deferred[this.deferred.length - 1] as (() => void)[]).push(check);
  }

  constructor(private readonly context: ExpressionContext) {}

  private error(message: string): Error {
    return this.context.error(KIND, message);
  }

  private literalType(value: UpdateValue, operator: string, allowed: AttributeType): void {
    if (value.kind === 'value' && typeOf(value.value) !== allowed) {
      throw this.error(`Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${typeOf(value.value)}`);
    }
  }

  /** `top`: the operand is the whole SET value, the only place list_append may stand. */
  private precheckValue(syntax: SyntaxOperand, top: boolean): void {
    switch (syntax.kind) {
      case 'path':
        return this.context.checkPath(KIND, syntax);
      case 'value':
        return;
      case 'arithmetic':
        this.precheckValue(syntax.left, false);
        return this.precheckValue(syntax.right, false);
      case 'call': {
        const name = syntax.name.text;
        if (CONDITION_FUNCTIONS.has(name)) throw this.error(`The function is not allowed in an update expression; function: ${name}`);
        if (name !== 'if_not_exists' && name !== 'list_append') throw this.error(`Invalid function name; function: ${name}`);
        if (name === 'list_append' && !top) throw this.error(`The function is not allowed to be used this way in an expression; function: ${name}`);
        return syntax.args.forEach((arg) => this.precheckValue(arg, false));
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
        if (action.clause !== 'SET') continue;
        if (action.redundantParentheses) throw this.error('The expression has redundant parentheses;');
        this.precheckValue(action.value, true);
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
        this.defer(() => {
          this.literalType(left, syntax.operator, 'N');
          this.literalType(right, syntax.operator, 'N');
        });
        return { kind: 'arithmetic', operator: syntax.operator, left, right };
      }
      case 'call': {
        const name = syntax.name.text;
        const args = syntax.args.map((arg) => this.value(arg));
        const [first, second] = args as [UpdateValue, UpdateValue];
        this.defer(() => {
          if (args.length !== 2) {
            throw this.error(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
          }
          if (name === 'if_not_exists' && first.kind !== 'path') {
            throw this.error(`Operator or function requires a document path; operator or function: ${name}`);
          }
          if (name === 'if_not_exists' && first.kind === 'path' && second.kind === 'path' && samePath(first.path, second.path)) {
            throw this.error(
              `The first operand must be distinct from the remaining operands for this operator or function; operator: ${name}, first operand: ${formatPath(first.path)}`,
            );
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
    this.defer(() => {
      const type = typeOf(value);
      if (!allowed.has(type)) {
        throw this.error(
          `Incorrect operand type for operator or function; operator: ${operator}, operand type: ${TYPE_DISPLAY_NAMES[type]}, typeSet: ALLOWED_FOR_${operator}_OPERAND`,
        );
      }
    });
    return value;
  }

  compile(syntax: SyntaxUpdate): UpdateActions {
    this.precheck(syntax);
    const all = syntax.clauses.flatMap((clause) => clause.actions);
    const paths = all.map((action) => this.context.resolvePath(KIND, action.path));
    const tree = pathTree(paths, (message) => this.error(message));
    const actions = emptyUpdateActions();
    all.forEach((action, i) => {
      const checks: (() => void)[] = [];
      this.deferred.push(checks);
      const path = paths[i] as DocumentPath;
      try {
        if (action.clause === 'SET') pushAction(actions, { clause: 'SET', path, value: this.value(action.value) });
        else if (action.clause === 'REMOVE') pushAction(actions, { clause: 'REMOVE', path });
        else {
          const value = this.context.resolveValue(KIND, action.value.token);
          const allowed = action.clause === 'ADD' ? ADD_TYPES : DELETE_TYPES;
          pushAction(actions, { clause: action.clause, path, value: this.operandOf(action.clause, value, allowed) });
        }
      } catch (error) {
        // An undefined value fails its action before the action's operand checks, and is
        // reported only if no later action fails too.
        checks.splice(0, checks.length, () => {
          throw error;
        });
      }
    });
    // DynamoDB reports the first operand error of the last offending action.
    let failure: unknown;
    for (const checks of this.deferred) {
      try {
        for (const check of checks) check();
      } catch (error) {
        failure = error;
      }
    }
    if (failure !== undefined) throw failure;
    const written = actions.order;
    actions.order = tree.order().map((index) => written[index] as UpdateActions['order'][number]);
    return actions;
  }
}

export function compileUpdate(context: ExpressionContext, syntax: SyntaxUpdate): UpdateActions {
  return new UpdateCompiler(context).compile(syntax);
}

/** Every path an update writes (for UPDATED_OLD/UPDATED_NEW and the key check). */
export function updatedPaths(actions: UpdateActions): DocumentPath[] {
  return [...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)];
}

/** Every path an update writes or reads. */
export function updateExpressionPaths(actions: UpdateActions): DocumentPath[] {
  const paths = updatedPaths(actions);
  const visit = (value: UpdateValue): void => {
    switch (value.kind) {
      case 'path':
        paths.push(value.path);
        return;
      case 'if_not_exists':
        paths.push(value.path);
        visit(value.fallback);
        return;
      case 'list_append':
      case 'arithmetic':
        visit(value.left);
        visit(value.right);
        return;
      case 'value':
        return;
    }
  };
  for (const action of actions.set) visit(action.value);
  return paths;
}

/**
 * The refusal of an update that writes a key attribute, or undefined when it writes none.
 * DynamoDB Local names the first written one in key schema order (`keyAttributes`: hash, range).
 */
export function keyUpdateError(actions: UpdateActions, keyAttributes: readonly string[]): Error | undefined {
  const written = new Set(updatedPaths(actions).map((path) => path[0]));
  const name = keyAttributes.find((attribute) => written.has(attribute));
  return name === undefined ? undefined : validationError(`One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`);
}

function checkKeyNotUpdated(actions: UpdateActions, keyAttributes: readonly string[]): void {
  const error = keyUpdateError(actions, keyAttributes);
  if (error) throw error;
}

// ---------------------------------------------------------------------------------------
// Application

/**
 * A SET value, evaluated left to right as DynamoDB Local does: an operand of the wrong type is
 * refused before the next one is read, and if_not_exists reads its fallback even when the
 * attribute exists.
 */
function evaluate(value: UpdateValue, item: Item | undefined): AttributeValue {
  switch (value.kind) {
    case 'value':
      return value.value;
    case 'path': {
      const found = readPath(item, value.path);
      if (found === undefined) throw validationError(MISSING_ATTRIBUTE);
      return found;
    }
    case 'if_not_exists': {
      const fallback = evaluate(value.fallback, item);
      return readPath(item, value.path) ?? fallback;
    }
    case 'list_append':
      return { L: [...evaluateAs(value.left, item, 'L').L, ...evaluateAs(value.right, item, 'L').L] };
    case 'arithmetic': {
      const left = evaluateAs(value.left, item, 'N');
      return { N: addNumbers(left.N, evaluateAs(value.right, item, 'N').N, value.operator === '-') };
    }
  }
}

function evaluateAs<T extends 'N' | 'L'>(value: UpdateValue, item: Item | undefined, type: T): Extract<AttributeValue, Record<T, unknown>> {
  const result = evaluate(value, item);
  if (!(type in result)) throw validationError(INCORRECT_DATA_TYPE);
  return result as Extract<AttributeValue, Record<T, unknown>>;
}

function clone(value: AttributeValue): AttributeValue {
  if ('M' in value) return { M: cloneMap(value.M) };
  if ('L' in value) return { L: value.L.map(clone) };
  if ('SS' in value) return { SS: [...value.SS] };
  if ('NS' in value) return { NS: [...value.NS] };
  if ('BS' in value) return { BS: [...value.BS] };
  return value;
}

function cloneMap(map: Readonly<Record<string, AttributeValue>>): Record<string, AttributeValue> {
  const copy = attributeMap<AttributeValue>();
  for (const name of Object.keys(map)) copy[name] = clone(map[name] as AttributeValue);
  return copy;
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

/** Levels a value spans: 1 for a scalar or an empty document, 1 more per M or L it is inside. */
function levels(value: AttributeValue): number {
  let deepest = 0;
  if ('M' in value) for (const name of Object.keys(value.M)) deepest = Math.max(deepest, levels(value.M[name] as AttributeValue));
  else if ('L' in value) for (const element of value.L) deepest = Math.max(deepest, levels(element));
  return deepest + 1;
}

// A value written below a document path nests as deep as the path plus its own levels.
function checkNesting(path: DocumentPath, value: AttributeValue): void {
  if (path.length - 1 + levels(value) > MAX_NESTING_LEVEL) throw validationError('Nesting Levels have exceeded supported limits');
}

function setMembers(value: AttributeValue): { type: 'SS' | 'NS' | 'BS'; members: string[]; key: (m: string) => string } | undefined {
  if ('SS' in value) return { type: 'SS', members: value.SS, key: (m) => m };
  if ('NS' in value) return { type: 'NS', members: value.NS, key: numberKey };
  if ('BS' in value) return { type: 'BS', members: value.BS, key: (m) => base64Encode(base64Decode(m)) };
  return undefined;
}

function addValues(existing: AttributeValue, operand: AttributeValue, typeMismatch: string): AttributeValue {
  if ('N' in existing && 'N' in operand) return { N: addNumbers(existing.N, operand.N) };
  // Only the legacy AttributeUpdates ADD accepts lists (it appends); UpdateExpression rejects them at compile time.
  if ('L' in existing && 'L' in operand) return { L: [...existing.L, ...operand.L.map(clone)] };
  const a = setMembers(existing);
  const b = setMembers(operand);
  if (a === undefined || b === undefined || a.type !== b.type) throw validationError(typeMismatch);
  const keys = new Set(a.members.map(a.key));
  const union = [...a.members, ...b.members.filter((member) => !keys.has(a.key(member)))];
  // A number set rebuilt by ADD comes back normalized, whatever form its members had.
  return { [a.type]: rebuiltSetOrder(a.type, a.type === 'NS' ? union.map(numberKey) : union) } as AttributeValue;
}

function deleteValues(existing: AttributeValue, operand: AttributeValue, typeMismatch: string): AttributeValue | undefined {
  const a = setMembers(existing);
  const b = setMembers(operand);
  if (a === undefined || b === undefined || a.type !== b.type) throw validationError(typeMismatch);
  const removed = new Set(b.members.map(b.key));
  const rest = a.members.filter((member) => !removed.has(a.key(member)));
  if (rest.length === a.members.length) return existing;
  if (rest.length === 0) return undefined;
  // Like ADD, a number set rebuilt by DELETE comes back normalized.
  return { [a.type]: rebuiltSetOrder(a.type, a.type === 'NS' ? rest.map(numberKey) : rest) } as AttributeValue;
}

function removePath(item: Item, path: DocumentPath): void {
  const parent = parentOf(item, path);
  const last = path[path.length - 1] as PathElement;
  if (parent === undefined) throw validationError(INVALID_PATH_FOR_UPDATE);
  if (Array.isArray(parent)) {
    if ((last as number) < parent.length) parent.splice(last as number, 1);
  } else delete parent[last as string];
}

/**
 * Order of application: SETs in ascending list-index order (so appends past the end land in
 * index order) and REMOVEs from the highest index down (so a removal never shifts another).
 */
function byPath(direction: 1 | -1): (a: DocumentPath, b: DocumentPath) => number {
  return (a, b) => {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const x = a[i] as PathElement;
      const y = b[i] as PathElement;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * direction;
      if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1;
      return x < y ? -1 : 1;
    }
    return a.length - b.length;
  };
}

/**
 * Applies compiled update actions to an item (undefined when the item does not exist yet)
 * and returns the new item; the input is not modified. Operands are read from the item as
 * it was before the update. The first failing action in `actions.order` is reported: its
 * target path cannot be written, or its value cannot be computed.
 */
export function applyUpdate(actions: UpdateActions, item: Item | undefined, keyAttributes: readonly string[] = []): Item {
  checkKeyNotUpdated(actions, keyAttributes);
  if (actions.keyScalarError) throw actions.keyScalarError;
  const original: Item = item ?? attributeMap();

  const setValues: AttributeValue[] = [];
  const addResults: AttributeValue[] = [];
  // undefined: the set became empty and goes; null: nothing to change.
  const deleteResults: (AttributeValue | undefined | null)[] = [];
  for (const { clause, index } of actions.order) {
    const action = actionAt(actions, clause, index);
    if (parentOf(original, action.path) === undefined) throw validationError(INVALID_PATH_FOR_UPDATE);
    const existing = readPath(original, action.path);
    if (action.clause === 'SET') setValues[index] = evaluate(action.value, item);
    else if (action.clause === 'ADD') addResults[index] = existing === undefined ? clone(action.value) : addValues(existing, action.value, actions.typeMismatch);
    else if (action.clause === 'DELETE') deleteResults[index] = existing === undefined ? null : deleteValues(existing, action.value, actions.typeMismatch);
  }

  const result = cloneMap(original);
  const ascending = byPath(1);
  const sets = actions.set.map((action, index) => ({ path: action.path, value: setValues[index] as AttributeValue }));
  for (const { path, value } of sets.sort((a, b) => ascending(a.path, b.path))) {
    checkNesting(path, value);
    writePath(result, path, value);
  }
  for (const path of [...actions.remove].sort(byPath(-1))) removePath(result, path);
  actions.add.forEach((action, index) => writePath(result, action.path, addResults[index] as AttributeValue));
  actions.delete.forEach((action, index) => {
    const rest = deleteResults[index];
    if (rest === undefined) removePath(result, action.path);
    else if (rest !== null) writePath(result, action.path, rest);
  });
  return result;
}
