// Per-table Time to Live settings. The state lives beside the table object (not its name),
// so a table that is deleted and created again starts with TTL disabled, as in DynamoDB.
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import type { Table } from './Table';

export interface TimeToLiveSettings {
  attributeName: string;
}

const settings = new WeakMap<Table, TimeToLiveSettings>();

export function timeToLiveOf(table: Table): TimeToLiveSettings | undefined {
  return settings.get(table);
}

export interface TimeToLiveSpecification {
  Enabled: boolean;
  AttributeName: string;
}

export interface UpdateTimeToLiveInput {
  TableName?: string;
  TimeToLiveSpecification?: Partial<TimeToLiveSpecification>;
}

export function UpdateTimeToLive(context: EngineContext, input: UpdateTimeToLiveInput): { TimeToLiveSpecification: TimeToLiveSpecification } {
  const table = findTable(context, checkTableName(input.TableName));
  const spec = input.TimeToLiveSpecification;
  if (spec === undefined || spec === null) throw validationError('TimeToLiveSpecification cannot be null');
  const { Enabled: enabled, AttributeName: name } = spec;
  if (enabled === undefined || enabled === null || name === undefined || name === null) {
    throw validationError('AttributeName cannot be null when time to live is being enabled');
  }
  if (typeof name !== 'string' || name.length < 1 || name.length > 255) {
    throw validationError('Names of key attributes and attributes projected into an index must be between 1 and 255 characters, inclusive');
  }
  const current = settings.get(table);
  if (current && current.attributeName !== name) throw validationError('TimeToLive is active on a different AttributeName');
  if (enabled) {
    if (current) throw validationError('TimeToLive is already enabled');
    settings.set(table, { attributeName: name });
  } else {
    if (!current) throw validationError('TimeToLive is already disabled');
    settings.delete(table);
  }
  return { TimeToLiveSpecification: { Enabled: Boolean(enabled), AttributeName: name } };
}

export interface DescribeTimeToLiveOutput {
  TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED' | 'DISABLED'; AttributeName?: string };
}

export function DescribeTimeToLive(context: EngineContext, input: { TableName?: string }): DescribeTimeToLiveOutput {
  const table = findTable(context, checkTableName(input.TableName));
  const current = settings.get(table);
  return {
    TimeToLiveDescription: current ? { TimeToLiveStatus: 'ENABLED', AttributeName: current.attributeName } : { TimeToLiveStatus: 'DISABLED' },
  };
}
