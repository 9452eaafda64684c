// The generated data-access module, compiled with `tsc --strict`, runs every access pattern of
// every built-in example against DynamoDB Local and against the in-browser engine, both seeded
// with the design's sample items; both must return the same results, pattern after pattern
// (writes included, so later reads see the same table).
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createEngine, engineHandler } from '../engine';
import { exampleParameters } from '../model/accessPatterns/samples';
import { examples } from '../model/examples';
import { generateSampleItems } from '../model/sampleData';
import type { AccessPattern, DesignModel } from '../model/types';
import { toCreateTableInput } from '../model/createTableInput';
import { seedEngine } from '../server/ModelSeed';
import { camelCase, uniqueIdentifiers } from './identifiers';
import { loadModule, typeCheck } from './testing/compile';
import { typescriptModule } from './typescriptModule';

const credentials = { accessKeyId: 'tablesmith', secretAccessKey: 'tablesmith' };

function typedParameters(pattern: AccessPattern, values: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    pattern.parameters.map((parameter) => {
      const value = values[parameter.name] ?? '';
      return [parameter.name, parameter.type === 'N' ? Number(value) : parameter.type === 'BOOL' ? value === 'true' : value];
    }),
  );
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { result: await run() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

/**
 * Items sorted by primary key where the order is not the module's doing: batch gets (DynamoDB
 * promises no order) and unpaginated scans (the order is the engine's partition hash, which the
 * engine's own differential tests own; this test is about the generated requests).
 */
function comparable(model: DesignModel, pattern: AccessPattern, value: unknown): unknown {
  const outcome = value as { result?: unknown };
  const items = Array.isArray(outcome.result) ? outcome.result : (outcome.result as { items?: unknown[]; lastEvaluatedKey?: unknown } | undefined)?.items;
  const unordered = pattern.operation === 'BatchGetItem' || (pattern.operation === 'Scan' && (outcome.result as { lastEvaluatedKey?: unknown }).lastEvaluatedKey === undefined);
  if (!unordered || items === undefined) return value;
  const key = (item: unknown): string => {
    const record = item as Record<string, unknown>;
    return `${String(record[model.table.partitionKey.name])}\u0000${String(record[model.table.sortKey?.name ?? ''])}`;
  };
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('TypeScript data-access module', () => {
  const patterned = examples.filter((example) => example.model.accessPatterns.length > 0);

  it('compiles under tsc --strict for every example', () => {
    expect(patterned.length).toBeGreaterThan(0);
    const files = Object.fromEntries(patterned.map((example) => [`${example.id}.ts`, typescriptModule(example.model)]));
    expect(typeCheck(files)).toEqual([]);
  }, 120_000);

  for (const example of patterned) {
    it(`returns what the in-browser engine returns for every pattern (${example.id})`, async () => {
      const model: DesignModel = { ...example.model, table: { ...example.model.table, name: `ts-module-${example.id}-${Date.now()}` } };
      const local = new DynamoDBClient({ endpoint: inject('dynamodbLocalEndpoint'), region: 'us-east-1', credentials });
      await local.send(new CreateTableCommand(toCreateTableInput(model) as ConstructorParameters<typeof CreateTableCommand>[0]));
      const samples = generateSampleItems(model);
      for (const sample of samples) await local.send(new PutItemCommand({ TableName: model.table.name, Item: sample.item as never }));

      const engine = createEngine();
      seedEngine(engine, model);
      const inBrowser = new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: engineHandler(engine) });

      const generated = loadModule(typescriptModule(model));
      const functionNames = uniqueIdentifiers(model.accessPatterns.map((pattern) => pattern.name), (name) => camelCase(name, 'pattern'));
      const clients = [DynamoDBDocumentClient.from(local), DynamoDBDocumentClient.from(inBrowser)];
      let readsWithItems = 0;
      for (const [position, pattern] of model.accessPatterns.entries()) {
        const fn = generated[functionNames[position] ?? ''] as (client: unknown, params: unknown) => Promise<unknown>;
        expect(typeof fn, pattern.name).toBe('function');
        const params = typedParameters(pattern, exampleParameters(model, pattern, samples));
        const [fromLocal, fromEngine] = [await outcome(() => fn(clients[0], params)), await outcome(() => fn(clients[1], params))];
        expect(comparable(model, pattern, fromEngine), pattern.name).toEqual(comparable(model, pattern, fromLocal));
        if ('error' in (fromLocal as object)) throw new Error(`${pattern.name} failed on DynamoDB Local: ${JSON.stringify(fromLocal)}`);
        const result = (fromLocal as { result?: unknown }).result;
        const items = Array.isArray(result) ? result : (result as { items?: unknown[] } | undefined)?.items;
        if ((items !== undefined && items.length > 0) || (pattern.operation === 'GetItem' && result !== undefined)) readsWithItems += 1;
      }
      // The comparison proves something only if the reads found data.
      const reads = model.accessPatterns.filter((pattern) => ['GetItem', 'Query', 'Scan', 'BatchGetItem', 'ExecuteStatement'].includes(pattern.operation));
      expect(readsWithItems).toBe(reads.length);
    });
  }
});
