// Creating the design's table on a real endpoint, and waiting for it the way the AWS
// console does: DescribeTable until the table and every index are ACTIVE.
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { toCreateTableInput } from '../model/createTableInput';
import type { DesignModel } from '../model/types';
import { isDynamoDBError, type Sender } from './endpoint';

export interface WaitOptions {
  /** DescribeTable calls before giving up. */
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type DeployResult = { status: 'created' } | { status: 'exists' };

/** Table status, or undefined when there is no such table. */
export async function tableStatus(client: Sender, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    const creating = indexes.some((index) => index.IndexStatus !== undefined && index.IndexStatus !== 'ACTIVE');
    return creating ? 'CREATING' : Table?.TableStatus;
  } catch (error) {
    if (isDynamoDBError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

async function waitFor(client: Sender, tableName: string, wanted: 'ACTIVE' | 'GONE', options: WaitOptions): Promise<void> {
  const { attempts = 60, delayMs = 500, sleep = defaultSleep } = options;
  let last: string | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (attempt > 0) await sleep(delayMs);
    last = await tableStatus(client, tableName);
    if (wanted === 'ACTIVE' ? last === 'ACTIVE' : last === undefined) return;
  }
  throw new Error(
    wanted === 'ACTIVE'
      ? `Table ${tableName} was still ${last ?? 'missing'} after ${attempts} checks; look at it again later.`
      : `Table ${tableName} was still ${last} after ${attempts} checks; it is not deleted yet.`,
  );
}

/** Creates the design's table and waits until it is ACTIVE; an existing table is left alone. */
export async function deployTable(client: Sender, model: DesignModel, options: WaitOptions = {}): Promise<DeployResult> {
  try {
    // The engine's input type is DynamoDB's wire shape, which is what the SDK command takes.
    await client.send(new CreateTableCommand(toCreateTableInput(model) as CreateTableCommandInput));
  } catch (error) {
    if (isDynamoDBError(error, 'ResourceInUseException')) return { status: 'exists' };
    throw error;
  }
  await waitFor(client, model.table.name, 'ACTIVE', options);
  return { status: 'created' };
}

/** Deletes the table of the same name (and all its items), waits until it is gone, then deploys. */
export async function replaceTable(client: Sender, model: DesignModel, options: WaitOptions = {}): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: model.table.name }));
  } catch (error) {
    if (!isDynamoDBError(error, 'ResourceNotFoundException')) throw error;
  }
  await waitFor(client, model.table.name, 'GONE', options);
  const result = await deployTable(client, model, options);
  if (result.status === 'exists') throw new Error(`Table ${model.table.name} came back while it was being replaced.`);
}
