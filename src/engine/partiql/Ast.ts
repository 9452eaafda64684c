// The PartiQL subset DynamoDB accepts, as a syntax tree. Statements are parsed once; the
// `?` parameters stay symbolic so one parsed statement serves every execution.
import type { AttributeValue } from '../AttributeValue';

/** Where a token starts in the statement, as DynamoDB reports it: `at line:column:length`. */
export interface SourcePosition {
  line: number;
  column: number;
  length: number;
}

export type PathSegment = { kind: 'attribute'; name: string } | { kind: 'index'; index: number };

export interface PathNode {
  kind: 'path';
  segments: PathSegment[];
  position: SourcePosition;
}

export type ValueNode =
  | { kind: 'literal'; value: AttributeValue; position: SourcePosition }
  /** PartiQL's MISSING: the absence of a value (`a = MISSING`, `IS MISSING`). */
  | { kind: 'missing'; position: SourcePosition }
  | { kind: 'parameter'; index: number; position: SourcePosition }
  | { kind: 'map'; entries: { key: string; value: ValueNode }[]; position: SourcePosition }
  | { kind: 'list'; items: ValueNode[]; position: SourcePosition }
  | { kind: 'set'; items: ValueNode[]; position: SourcePosition };

export interface CallNode {
  kind: 'call';
  /** Lower-cased: PartiQL function names are case-insensitive. */
  name: string;
  args: OperandNode[];
  position: SourcePosition;
}

export interface ArithmeticNode {
  kind: 'arithmetic';
  operator: '+' | '-';
  left: OperandNode;
  right: OperandNode;
  position: SourcePosition;
}

export type OperandNode = PathNode | ValueNode | CallNode | ArithmeticNode;

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type ConditionNode =
  | { kind: 'compare'; operator: Comparator; left: OperandNode; right: OperandNode }
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'between'; operand: OperandNode; low: OperandNode; high: OperandNode }
  | { kind: 'in'; operand: OperandNode; list: OperandNode[] }
  | { kind: 'is'; operand: OperandNode; test: 'MISSING' | 'NULL'; negated: boolean }
  | { kind: 'function'; call: CallNode };

export interface TableReference {
  table: string;
  index?: string;
}

export interface OrderBy {
  path: PathNode;
  descending: boolean;
}

export type Returning = 'ALL_OLD' | 'MODIFIED_OLD' | 'ALL_NEW' | 'MODIFIED_NEW';

export interface SelectStatement {
  kind: 'select';
  /** `undefined` for `SELECT *`. */
  projection?: PathNode[];
  from: TableReference;
  where?: ConditionNode;
  orderBy: OrderBy[];
}

export interface InsertStatement {
  kind: 'insert';
  table: string;
  item: ValueNode;
}

export interface UpdateStatement {
  kind: 'update';
  table: string;
  set: { path: PathNode; value: OperandNode }[];
  remove: PathNode[];
  where?: ConditionNode;
  returning?: Returning;
}

export interface DeleteStatement {
  kind: 'delete';
  table: string;
  where?: ConditionNode;
  returning?: Returning;
}

/** `EXISTS(SELECT …)`: a condition check, allowed only inside ExecuteTransaction. */
export interface ExistsStatement {
  kind: 'exists';
  select: SelectStatement;
}

export type Statement = SelectStatement | InsertStatement | UpdateStatement | DeleteStatement | ExistsStatement;

export interface ParsedStatement {
  statement: Statement;
  /** Number of `?` placeholders, checked against the request's Parameters. */
  parameterCount: number;
}
