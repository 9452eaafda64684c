// Writing the design's sample items to a real endpoint with BatchWriteItem, 25 at a time,
// resending what DynamoDB leaves unprocessed (as it does under throttling).
import { member } from '../engine/AttributeMap';
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { SampleItem } from '../model/sampleData';
import type { DesignModel } from '../model/types';
import type { Sender } from './endpoint';

const BATCH_SIZE = 25;

export interface SeedOptions {
  /** Resends of one batch's unprocessed items before giving up. */
  retries?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each batch with the items written so far. */
  onProgress?: (written: number, total: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Batches of at most 25 that never name one key twice (DynamoDB refuses such a batch); a
 * repeated key starts the next batch, so the later item wins, as in the preview.
 */
export function seedBatches(model: DesignModel, samples: readonly SampleItem[]): SampleItem[][] {
  const keyNames = [model.table.partitionKey.name, ...(model.table.sortKey ? [model.table.sortKey.name] : [])];
  const batches: SampleItem[][] = [];
  let keys = new Set<string>();
  for (const sample of samples) {
    const key = JSON.stringify(keyNames.map((name) => sample.item[name] ?? null));
    const current = batches[batches.length - 1];
    if (!current || current.length === BATCH_SIZE || keys.has(key)) {
      batches.push([sample]);
      keys = new Set([key]);
    } else {
      current.push(sample);
      keys.add(key);
    }
  }
  return batches;
}

/** Writes every sample item; returns how many were written. Throws DynamoDB's error for a refused batch. */
export async function seedSampleItems(client: Sender, model: DesignModel, samples: readonly SampleItem[], options: SeedOptions = {}): Promise<number> {
  const { retries = 8, delayMs = 100, sleep = defaultSleep, onProgress } = options;
  const tableName = model.table.name;
  let written = 0;
  onProgress?.(0, samples.length);
  for (const batch of seedBatches(model, samples)) {
    let requests: WriteRequest[] = batch.map((sample) => ({ PutRequest: { Item: sample.item as never } }));
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt > retries) throw new Error(`${requests.length} items stayed unprocessed after ${retries} retries; ${written} of ${samples.length} were written.`);
      // Exponential backoff, as the AWS SDKs recommend for unprocessed items.
      if (attempt > 0) await sleep(delayMs * 2 ** (attempt - 1));
      const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
      const unprocessed = (output.UnprocessedItems && member(output.UnprocessedItems, tableName)) ?? [];
      written += requests.length - unprocessed.length;
      requests = unprocessed;
      onProgress?.(written, samples.length);
    }
  }
  return written;
}
