// Replays one random operation sequence on a fresh table against both sides of an Oracle,
// comparing every answer with the core's differential helper. The first mismatch ends the
// sequence with a report naming the request and both normalized answers.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { base64Encode } from '../AttributeValue';
import { output, same, type Oracle, type Outcome } from '../testing/differential';
import type { Operation } from './operations';
import { createTableInput, type TableShape } from './TableShape';

export interface SequenceStats {
  /** Requests compared (each page of a Query or Scan counts once). */
  requests: number;
  /** Compared requests DynamoDB Local rejected with an error. */
  errors: number;
  byAction: Record<string, number>;
}

export function emptyStats(): SequenceStats {
  return { requests: 0, errors: 0, byAction: {} };
}

/** JSON for reports: bytes as base64, very long strings shortened. */
export function printable(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, element: unknown) => {
      if (element instanceof Uint8Array) return { $base64: base64Encode(element) };
      if (typeof element === 'string' && element.length > 300) return `${element.slice(0, 16)}…(${element.length} chars)`;
      return element;
    },
    1,
  ).replace(/\n\s*/g, ' ');
}

export class Mismatch extends Error {
  override readonly name = 'Mismatch';

  constructor(
    /** Position of the failing operation in its sequence. */
    readonly index: number,
    readonly action: string,
    readonly request: unknown,
    /** Normalized answers; undefined when the comparison itself failed. */
    readonly local: unknown,
    readonly engine: unknown,
    message: string,
  ) {
    super(message);
  }
}

// Any SDK command class taking input I; the helper compares plain JSON answers.
type CommandClass<I> = new (input: I) => object;

interface Step {
  readonly Command: CommandClass<never>;
  readonly input: Record<string, unknown>;
  readonly unordered: boolean;
}

function step<I>(Command: CommandClass<I>, input: I, unordered = false): Step {
  return { Command: Command as CommandClass<never>, input: input as Record<string, unknown>, unordered };
}

function firstStep(operation: Operation, TableName: string): Step {
  switch (operation.action) {
    case 'PutItem':
      return step(PutItemCommand, { TableName, ...operation.input });
    case 'UpdateItem':
      return step(UpdateItemCommand, { TableName, ...operation.input });
    case 'DeleteItem':
      return step(DeleteItemCommand, { TableName, ...operation.input });
    case 'GetItem':
      return step(GetItemCommand, { TableName, ...operation.input });
    case 'Query':
      return step(QueryCommand, { TableName, ...operation.input });
    case 'Scan':
      return step(ScanCommand, { TableName, ...operation.input });
    case 'BatchWriteItem':
      return step(BatchWriteItemCommand, { ...operation.input, RequestItems: { [TableName]: [...operation.requests] } });
    // BatchGetItem reads in parallel and documents no order for Responses either.
    case 'BatchGetItem':
      return step(BatchGetItemCommand, { ...operation.input, RequestItems: { [TableName]: { Keys: [...operation.keys], ...operation.read } } }, true);
  }
}

interface AssertionDetails {
  readonly actual?: unknown;
  readonly expected?: unknown;
  readonly message: string;
}

async function compare(oracle: Oracle, index: number, s: Step, stats: SequenceStats): Promise<Outcome> {
  const action = s.Command.name.replace(/Command$/, '');
  stats.requests++;
  stats.byAction[action] = (stats.byAction[action] ?? 0) + 1;
  try {
    const result = await same(oracle, s.Command, s.input as never, { unordered: s.unordered });
    if ('error' in result) stats.errors++;
    return result;
  } catch (error) {
    const details = error as AssertionDetails;
    throw new Mismatch(
      index,
      action,
      s.input,
      details.expected,
      details.actual,
      [
        `${action} (operation #${index}) answered differently.`,
        `request: ${printable(s.input)}`,
        `DynamoDB Local: ${printable(details.expected)}`,
        `engine:         ${printable(details.actual)}`,
        details.actual === undefined ? `cause: ${details.message}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
}

/** One operation as a line of a report: its action and first request. */
export function describeOperation(operation: Operation): string {
  const { input } = firstStep(operation, '<table>');
  const pages = 'pages' in operation && operation.pages > 1 ? ` (up to ${operation.pages} pages)` : '';
  return `${operation.action}${pages} ${printable(input)}`;
}

/**
 * Shortens a failing sequence to the operations the mismatch needs: everything after the
 * failing operation goes, then each earlier one is dropped if the same operation still
 * fails without it (one replay per operation, so the cost stays linear).
 */
export async function minimize(
  oracle: Oracle,
  shape: TableShape,
  operations: readonly Operation[],
  failure: Mismatch,
): Promise<{ operations: readonly Operation[]; failure: Mismatch }> {
  let sequence = operations.slice(0, failure.index + 1);
  let last = failure;
  for (let i = sequence.length - 2; i >= 0; i--) {
    const candidate = [...sequence.slice(0, i), ...sequence.slice(i + 1)];
    const outcome = await runSequence(oracle, shape, candidate, emptyStats()).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (outcome instanceof Mismatch && outcome.index === candidate.length - 1 && outcome.action === last.action) {
      sequence = candidate;
      last = outcome;
    }
  }
  return { operations: sequence, failure: last };
}

/**
 * Creates the table on both sides, runs the operations (following LastEvaluatedKey for
 * paged reads) and deletes the table. Throws a Mismatch at the first difference.
 */
export async function runSequence(oracle: Oracle, shape: TableShape, operations: readonly Operation[], stats: SequenceStats): Promise<void> {
  const tableName = oracle.table('prop');
  const created = await same(oracle, CreateTableCommand, createTableInput(tableName, shape));
  output(created);
  try {
    for (const [index, operation] of operations.entries()) {
      let current = firstStep(operation, tableName);
      const pages = 'pages' in operation ? operation.pages : 1;
      for (let page = 1; ; page++) {
        const result = await compare(oracle, index, current, stats);
        const lastKey = 'output' in result ? (result.output as { LastEvaluatedKey?: Record<string, AttributeValue> }).LastEvaluatedKey : undefined;
        if (page >= pages || lastKey === undefined) break;
        current = { ...current, input: { ...current.input, ExclusiveStartKey: lastKey } };
      }
    }
  } finally {
    await Promise.all([
      oracle.local.send(new DeleteTableCommand({ TableName: tableName })),
      oracle.engine.send(new DeleteTableCommand({ TableName: tableName })),
    ]);
  }
}
