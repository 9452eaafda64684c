// What every action sees: the tables, the clock, the account identity and the change feed.
import type { Item } from './AttributeValue';
import { DynamoDBError, validationError } from './errors';
import type { Table } from './Table';

export interface EngineOptions {
  /** Milliseconds since the epoch; inject a fixed clock for deterministic descriptions. */
  clock?: () => number;
  /** Region and account that appear in ARNs. */
  region?: string;
  accountId?: string;
  /**
   * Fills `bytes` with random values (stream event and shard ids). A host that replays
   * recorded writes injects a seeded source, so the replay makes the same ids.
   */
  randomBytes?: (bytes: Uint8Array) => void;
}

/** One item write, as streams need it: the images before and after. */
export interface ItemChange {
  readonly tableName: string;
  readonly keys: Item;
  readonly oldImage: Item | undefined;
  readonly newImage: Item | undefined;
}

export type ChangeListener = (change: ItemChange) => void;

export interface EngineContext {
  readonly tables: Map<string, Table>;
  readonly region: string;
  readonly accountId: string;
  /** Seconds since the epoch, with milliseconds, as descriptions carry it. */
  now(): number;
  readonly listeners: Set<ChangeListener>;
  randomBytes(bytes: Uint8Array): void;
}

export function createContext(options: EngineOptions = {}): EngineContext {
  const clock = options.clock ?? (() => Date.now());
  return {
    tables: new Map(),
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '000000000000',
    now: () => clock() / 1000,
    listeners: new Set(),
    randomBytes: options.randomBytes ?? ((bytes) => void globalThis.crypto.getRandomValues(bytes)),
  };
}

export function emitChange(context: EngineContext, change: ItemChange): void {
  for (const listener of context.listeners) listener(change);
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const NAME_MESSAGE =
  "Invalid table/index name.  Table/index names must be between 3 and 255 characters long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'";

/** Checks a TableName member the way DynamoDB's request validation does. */
export function checkTableName(name: unknown, member = 'tableName', nullIsInvalidName = false): string {
  if ((name === undefined || name === null) && !nullIsInvalidName) {
    throw validationError(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) throw validationError(NAME_MESSAGE);
  return name;
}

export function checkIndexName(name: unknown): string {
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) throw validationError(NAME_MESSAGE);
  return name;
}

export function findTable(context: EngineContext, name: string): Table {
  const table = context.tables.get(name);
  if (!table) throw new DynamoDBError('ResourceNotFoundException', 'Cannot do operations on a non-existent table');
  return table;
}

export function tableArn(context: EngineContext, name: string): string {
  return `arn:aws:dynamodb:${context.region}:${context.accountId}:table/${name}`;
}
