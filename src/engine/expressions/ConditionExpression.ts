// ConditionExpression, FilterExpression and the predicates of KeyConditionExpression:
// compiled once from the syntax tree (placeholders resolved, DynamoDB's semantic checks
// applied) and evaluated per item without further lookups.
import {
  base64Decode,
  binaryBeginsWith,
  compareValues,
  typeOf,
  valuesEqual,
  numberKey,
  type AttributeValue,
  type AttributeType,
  type Item,
} from '../AttributeValue';
import { formatPath, readPath, samePath, type DocumentPath } from './DocumentPath';
import { hasRedundantParentheses, type ExpressionKind, type SyntaxCall, type SyntaxCondition, type SyntaxOperand, type Comparator } from './Parser';
import type { ExpressionContext } from './Resolver';

export type { Comparator } from './Parser';

export type Operand =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'size'; operand: Operand };

export type Condition =
  | { kind: 'compare'; operator: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; subject: Operand; low: Operand; high: Operand }
  | { kind: 'in'; subject: Operand; list: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'attribute_exists' | 'attribute_not_exists'; path: DocumentPath }
  | { kind: 'attribute_type'; path: DocumentPath; type: Operand }
  | { kind: 'begins_with'; subject: Operand; prefix: Operand }
  | { kind: 'contains'; subject: Operand; operand: Operand };

export const MAX_IN_OPERANDS = 100;

const CONDITION_FUNCTIONS: Record<string, number> = {
  attribute_exists: 1,
  attribute_not_exists: 1,
  attribute_type: 2,
  begins_with: 2,
  contains: 2,
};
const UPDATE_FUNCTIONS = new Set(['if_not_exists', 'list_append']);
const SCALAR_TYPES = new Set<AttributeType>(['S', 'N', 'B']);
const BEGINS_WITH_TYPES = new Set<AttributeType>(['S', 'B']);
const SIZED_TYPES = new Set<AttributeType>(['S', 'B', 'SS', 'NS', 'BS', 'L', 'M']);
const VALID_TYPE_NAMES = 'N,BS,L,B,NULL,M,S,SS,NS,BOOL';
// DynamoDB Local prints these from a Java HashSet whose order changes from run to run.
const ATTRIBUTE_TYPE_OPERAND_TYPES = '{FS,DECIMAL,M,HDS,DICT,N,DOUBLE,SS,HD,NULL,DOUBLESET,FLOAT,BOOL,S,DECIMALSET,NS,B,BS,INTSET,L,INT}';

/** DynamoDB's rendering of a value in messages: `AttributeValue: {N:2}`. */
function describeValue(value: AttributeValue): string {
  if ('B' in value) {
    // DynamoDB Local prints the Java ByteBuffer holding the bytes.
    const length = base64Decode(value.B).length;
    return `AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=${length} cap=${length}]}`;
  }
  const type = typeOf(value);
  return `AttributeValue: {${type}:${String((value as Record<string, unknown>)[type])}}`;
}

/** The type DynamoDB knows before reading the item: a literal's, or N for size(). */
function staticType(operand: Operand): AttributeType | undefined {
  if (operand.kind === 'value') return typeOf(operand.value);
  return operand.kind === 'size' ? 'N' : undefined;
}

/**
 * Compiles in DynamoDB's two phases, which decide which error a request with several
 * mistakes gets: (1) checks made while parsing (reserved words, nesting depth, function
 * names, redundant parentheses); (2) a left-to-right walk that resolves each operator's
 * placeholders, then checks its operand counts, operand types, `a = a` and BETWEEN/IN limits.
 */
class ConditionCompiler {
  constructor(
    private readonly context: ExpressionContext,
    private readonly kind: ExpressionKind,
  ) {}

  private error(message: string): Error {
    return this.context.error(this.kind, message);
  }

  private incorrectType(name: string, type: AttributeType | string): Error {
    return this.error(`Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${type}`);
  }

  compile(syntax: SyntaxCondition): Condition {
    this.precheckCondition(syntax);
    return this.condition(syntax);
  }

  // --- phase 1 -------------------------------------------------------------------------

  private precheckCondition(syntax: SyntaxCondition): void {
    switch (syntax.kind) {
      case 'parenthesis':
        if (syntax.inner.kind === 'parenthesis') throw this.error('The expression has redundant parentheses;');
        return this.precheckCondition(syntax.inner);
      case 'and':
      case 'or':
        this.precheckCondition(syntax.left);
        return this.precheckCondition(syntax.right);
      case 'not':
        return this.precheckCondition(syntax.operand);
      case 'compare':
        this.precheckOperand(syntax.left);
        return this.precheckOperand(syntax.right);
      case 'between':
        return [syntax.subject, syntax.low, syntax.high].forEach((operand) => this.precheckOperand(operand));
      case 'in':
        return [syntax.subject, ...syntax.list].forEach((operand) => this.precheckOperand(operand));
      case 'function':
        this.checkFunctionName(syntax.call, 'condition');
        return syntax.call.args.forEach((operand) => this.precheckOperand(operand));
    }
  }

  private precheckOperand(syntax: SyntaxOperand): void {
    if (hasRedundantParentheses(syntax)) throw this.error('The expression has redundant parentheses;');
    if (syntax.kind === 'path') this.context.checkPath(this.kind, syntax);
    else if (syntax.kind === 'call') {
      this.checkFunctionName(syntax, 'operand');
      syntax.args.forEach((operand) => this.precheckOperand(operand));
    }
  }

  private checkFunctionName(call: SyntaxCall, position: 'condition' | 'operand'): void {
    const name = call.name.text;
    if (UPDATE_FUNCTIONS.has(name)) throw this.error(`The function is not allowed in a condition expression; function: ${name}`);
    const isCondition = Object.hasOwn(CONDITION_FUNCTIONS, name);
    if (!isCondition && name !== 'size') throw this.error(`Invalid function name; function: ${name}`);
    if (isCondition !== (position === 'condition')) {
      throw this.error(`The function is not allowed to be used this way in an expression; function: ${name}`);
    }
  }

  private checkArity(call: SyntaxCall, args: unknown[]): void {
    const name = call.name.text;
    const arity = Object.hasOwn(CONDITION_FUNCTIONS, name) ? (CONDITION_FUNCTIONS[name] as number) : 1;
    if (args.length !== arity) {
      throw this.error(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
    }
  }

  // --- phases 2 and 3 ------------------------------------------------------------------

  private operand(syntax: SyntaxOperand): Operand {
    switch (syntax.kind) {
      case 'path':
        return { kind: 'path', path: this.context.resolvePath(this.kind, syntax) };
      case 'value':
        return { kind: 'value', value: this.context.resolveValue(this.kind, syntax.token) };
      case 'arithmetic':
        // The condition grammar has no arithmetic; the parser never produces it here.
        throw this.error('Syntax error; arithmetic is only allowed in SET actions');
      case 'call': {
        const args = syntax.args.map((arg) => this.operand(arg));
        const operand = args[0] as Operand;
        this.checkArity(syntax, args);
        this.requireTypes('size', [operand], SIZED_TYPES);
        return { kind: 'size', operand };
      }
    }
  }

  private requirePath(operand: Operand, name: string): DocumentPath {
    if (operand.kind !== 'path') throw this.error(`Operator or function requires a document path; operator or function: ${name}`);
    return operand.path;
  }

  private requireTypes(name: string, operands: Operand[], allowed: ReadonlySet<AttributeType>): void {
    for (const operand of operands) {
      const type = staticType(operand);
      if (type !== undefined && !allowed.has(type)) throw this.incorrectType(name, type);
    }
  }

  private requireDistinct(operator: string, first: Operand, rest: Operand[]): void {
    if (first.kind !== 'path') return;
    if (rest.some((other) => other.kind === 'path' && samePath(other.path, first.path))) {
      throw this.error(
        `The first operand must be distinct from the remaining operands for this operator or function; operator: ${operator}, first operand: ${formatPath(first.path)}`,
      );
    }
  }

  private condition(syntax: SyntaxCondition): Condition {
    switch (syntax.kind) {
      case 'parenthesis':
        return this.condition(syntax.inner);
      case 'and':
      case 'or':
        return { kind: syntax.kind, left: this.condition(syntax.left), right: this.condition(syntax.right) };
      case 'not':
        return { kind: 'not', operand: this.condition(syntax.operand) };
      case 'compare': {
        const left = this.operand(syntax.left);
        const right = this.operand(syntax.right);
        if (syntax.operator !== '=' && syntax.operator !== '<>') this.requireTypes(syntax.operator, [left, right], SCALAR_TYPES);
        this.requireDistinct(syntax.operator, left, [right]);
        return { kind: 'compare', operator: syntax.operator, left, right };
      }
      case 'between': {
        const subject = this.operand(syntax.subject);
        const low = this.operand(syntax.low);
        const high = this.operand(syntax.high);
        this.requireTypes('BETWEEN', [subject, low, high], SCALAR_TYPES);
        this.requireDistinct('BETWEEN', subject, [low, high]);
        if (low.kind === 'value' && high.kind === 'value') {
          this.context.readsValueContent = true;
          const bounds = `lower bound operand: ${describeValue(low.value)}, upper bound operand: ${describeValue(high.value)}`;
          if (typeOf(low.value) !== typeOf(high.value)) {
            throw this.error(`The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`);
          }
          if (compareValues(low.value, high.value) > 0) {
            throw this.error(`The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`);
          }
        }
        return { kind: 'between', subject, low, high };
      }
      case 'in': {
        const subject = this.operand(syntax.subject);
        const list = syntax.list.map((operand) => this.operand(operand));
        this.requireDistinct('IN', subject, list);
        if (list.length > MAX_IN_OPERANDS) {
          throw this.error(`The IN operator is provided with too many operands; number of operands: ${list.length}`);
        }
        return { kind: 'in', subject, list };
      }
      case 'function':
        return this.functionCondition(syntax.call);
    }
  }

  private functionCondition(call: SyntaxCall): Condition {
    const name = call.name.text;
    const args = call.args.map((arg) => this.operand(arg));
    const [first, second] = args as [Operand, Operand];
    this.checkArity(call, args);
    this.requireDistinct(name, first, args.slice(1));
    switch (name) {
      case 'attribute_exists':
      case 'attribute_not_exists':
        return { kind: name, path: this.requirePath(first, name) };
      case 'attribute_type': {
        // DynamoDB Local checks the type operand before the path.
        if (second.kind === 'size') throw this.incorrectType(name, 'N');
        if (second.kind !== 'value') throw this.incorrectType(name, ATTRIBUTE_TYPE_OPERAND_TYPES);
        if (!('S' in second.value)) throw this.incorrectType(name, typeOf(second.value));
        this.context.readsValueContent = true;
        if (!VALID_TYPE_NAMES.split(',').includes(second.value.S)) {
          throw this.error(`Invalid attribute type name found; type: ${second.value.S}, valid types: {${VALID_TYPE_NAMES}}`);
        }
        return { kind: 'attribute_type', path: this.requirePath(first, name), type: second };
      }
      case 'begins_with':
        this.requireTypes(name, [first, second], BEGINS_WITH_TYPES);
        return { kind: 'begins_with', subject: first, prefix: second };
      default:
        return { kind: 'contains', subject: first, operand: second };
    }
  }
}

export function compileCondition(context: ExpressionContext, kind: ExpressionKind, syntax: SyntaxCondition): Condition {
  return new ConditionCompiler(context, kind).compile(syntax);
}

// ---------------------------------------------------------------------------------------
// Evaluation

function sizeOf(value: AttributeValue): number | undefined {
  if ('S' in value) return value.S.length;
  if ('B' in value) return base64Decode(value.B).length;
  if ('SS' in value) return value.SS.length;
  if ('NS' in value) return value.NS.length;
  if ('BS' in value) return value.BS.length;
  if ('L' in value) return value.L.length;
  if ('M' in value) return Object.keys(value.M).length;
  return undefined;
}

export function evaluateOperand(operand: Operand, item: Item | undefined): AttributeValue | undefined {
  switch (operand.kind) {
    case 'value':
      return operand.value;
    case 'path':
      return readPath(item, operand.path);
    case 'size': {
      const value = evaluateOperand(operand.operand, item);
      const size = value === undefined ? undefined : sizeOf(value);
      return size === undefined ? undefined : { N: String(size) };
    }
  }
}

function scalarType(value: AttributeValue): AttributeType | undefined {
  const type = typeOf(value);
  return SCALAR_TYPES.has(type) ? type : undefined;
}

/** Orders two values when DynamoDB can (same scalar type); otherwise undefined. */
function order(a: AttributeValue | undefined, b: AttributeValue | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  const type = scalarType(a);
  if (type === undefined || type !== scalarType(b)) return undefined;
  return compareValues(a, b);
}

function compare(operator: Comparator, left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  if (operator === '=') return left !== undefined && right !== undefined && valuesEqual(left, right);
  if (operator === '<>') return !(left !== undefined && right !== undefined && valuesEqual(left, right));
  const result = order(left, right);
  if (result === undefined) return false;
  switch (operator) {
    case '<':
      return result < 0;
    case '<=':
      return result <= 0;
    case '>':
      return result > 0;
    default:
      return result >= 0;
  }
}

function contains(subject: AttributeValue, operand: AttributeValue): boolean {
  if ('S' in subject) return 'S' in operand && subject.S.includes(operand.S);
  if ('SS' in subject) return 'S' in operand && subject.SS.includes(operand.S);
  if ('NS' in subject) return 'N' in operand && subject.NS.some((member) => numberKey(member) === numberKey(operand.N));
  if ('BS' in subject) return 'B' in operand && subject.BS.some((member) => valuesEqual({ B: member }, operand));
  if ('B' in subject) {
    if (!('B' in operand)) return false;
    const haystack = base64Decode(subject.B);
    const needle = base64Decode(operand.B);
    outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
      for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  }
  if ('L' in subject) return subject.L.some((element) => valuesEqual(element, operand));
  return false;
}

export function evaluateCondition(condition: Condition, item: Item | undefined): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'or':
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case 'not':
      return !evaluateCondition(condition.operand, item);
    case 'compare':
      return compare(condition.operator, evaluateOperand(condition.left, item), evaluateOperand(condition.right, item));
    case 'between': {
      const subject = evaluateOperand(condition.subject, item);
      const low = order(subject, evaluateOperand(condition.low, item));
      const high = order(subject, evaluateOperand(condition.high, item));
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'in': {
      const subject = evaluateOperand(condition.subject, item);
      if (subject === undefined) return false;
      return condition.list.some((operand) => {
        const candidate = evaluateOperand(operand, item);
        return candidate !== undefined && valuesEqual(subject, candidate);
      });
    }
    case 'attribute_exists':
      return readPath(item, condition.path) !== undefined;
    case 'attribute_not_exists':
      return readPath(item, condition.path) === undefined;
    case 'attribute_type': {
      const value = readPath(item, condition.path);
      const type = evaluateOperand(condition.type, item);
      return value !== undefined && type !== undefined && 'S' in type && typeOf(value) === type.S;
    }
    case 'begins_with': {
      const subject = evaluateOperand(condition.subject, item);
      const prefix = evaluateOperand(condition.prefix, item);
      if (subject === undefined || prefix === undefined) return false;
      if ('S' in subject && 'S' in prefix) return subject.S.startsWith(prefix.S);
      if ('B' in subject && 'B' in prefix) return binaryBeginsWith(subject.B, prefix.B);
      return false;
    }
    case 'contains': {
      const subject = evaluateOperand(condition.subject, item);
      const operand = evaluateOperand(condition.operand, item);
      return subject !== undefined && operand !== undefined && contains(subject, operand);
    }
  }
}

/** Attribute paths a condition reads (for Query's "key attributes in filter" check). */
export function conditionPaths(condition: Condition): DocumentPath[] {
  const paths: DocumentPath[] = [];
  const visitOperand = (operand: Operand): void => {
    if (operand.kind === 'path') paths.push(operand.path);
    else if (operand.kind === 'size') visitOperand(operand.operand);
  };
  const visit = (node: Condition): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        visit(node.left);
        visit(node.right);
        return;
      case 'not':
        visit(node.operand);
        return;
      case 'compare':
        visitOperand(node.left);
        visitOperand(node.right);
        return;
      case 'between':
        [node.subject, node.low, node.high].forEach(visitOperand);
        return;
      case 'in':
        [node.subject, ...node.list].forEach(visitOperand);
        return;
      case 'attribute_exists':
      case 'attribute_not_exists':
        paths.push(node.path);
        return;
      case 'attribute_type':
        paths.push(node.path);
        visitOperand(node.type);
        return;
      case 'begins_with':
        visitOperand(node.subject);
        visitOperand(node.prefix);
        return;
      case 'contains':
        visitOperand(node.subject);
        visitOperand(node.operand);
        return;
    }
  };
  visit(condition);
  return paths;
}
