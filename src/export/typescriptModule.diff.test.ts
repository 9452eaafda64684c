// The generated data-access module, compiled with `tsc --strict`, runs every access pattern of
// every built-in example against DynamoDB Local and against the in-browser engine, both seeded
// with the design's sample items; both must return the same results, pattern after pattern
// (writes included, so later reads see the same table).
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { engineHandler } from '../engine';
import { parameterType } from '../model/accessPatterns/entityWrites';
import { documentValue } from '../model/accessPatterns/parameterValues';
import { syncParameters } from '../model/accessPatterns/placeholders';
import { exampleParameters } from '../model/accessPatterns/samples';
import { starterRequest } from '../model/accessPatterns/starter';
import { examples } from '../model/examples';
import { generateSampleItems } from '../model/sampleData';
import { ordersByStatusPattern, SHOP_IDS, shopDesign } from '../model/testing/shopDesign';
import type { AccessPattern, DesignModel, ParameterType } from '../model/types';
import { buildRequest } from '../model/accessPatterns/buildRequest';
import { toCreateTableInput } from '../model/createTableInput';
import { loadDesignEngine } from '../model/loadDesignEngine';
import { camelCase, uniqueIdentifiers } from './identifiers';
import { loadModule, typeCheck } from './testing/compile';
import { typescriptModule } from './typescriptModule';

const credentials = { accessKeyId: 'tablesmith', secretAccessKey: 'tablesmith' };

/** A designer parameter value (text, DynamoDB JSON for documents) as the generated function takes it. */
function nativeValue(type: ParameterType, text: string): unknown {
  if (type === 'N') return Number(text);
  if (type === 'BOOL') return text === 'true';
  const parsed = documentValue(type, text);
  if (!parsed.ok) throw new Error(parsed.message);
  if (type === 'S' || type === 'B') return text;
  const member = type === 'BS' ? (parsed.value as string[]).map((b) => Buffer.from(b, 'base64')) : parsed.value;
  return unmarshall({ value: { [type]: member } } as never).value;
}

/** The designer's values for a pattern, typed for the module; a parameter without a value is left out. */
function typedParameters(pattern: AccessPattern, values: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    pattern.parameters.flatMap((parameter) => {
      const value = values[parameter.name];
      return value === undefined ? [] : [[parameter.name, nativeValue(parameter.type, value)]];
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

/**
 * The design's table with its sample items on DynamoDB Local and in the in-browser engine,
 * each behind a DocumentClient for the generated module.
 */
async function seededClients(model: DesignModel) {
  const local = new DynamoDBClient({ endpoint: inject('dynamodbLocalEndpoint'), region: 'us-east-1', credentials });
  await local.send(new CreateTableCommand(toCreateTableInput(model) as ConstructorParameters<typeof CreateTableCommand>[0]));
  const samples = generateSampleItems(model);
  for (const sample of samples) await local.send(new PutItemCommand({ TableName: model.table.name, Item: sample.item as never }));
  const { engine } = loadDesignEngine(model, samples);
  const inBrowser = new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: engineHandler(engine) });
  return { samples, clients: [DynamoDBDocumentClient.from(local), DynamoDBDocumentClient.from(inBrowser)] as const };
}

type GeneratedFunction = (client: unknown, params: unknown) => Promise<unknown>;

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
      const { samples, clients } = await seededClients(model);
      const generated = loadModule(typescriptModule(model));
      const functionNames = uniqueIdentifiers(model.accessPatterns.map((pattern) => pattern.name), (name) => camelCase(name, 'pattern'));
      let readsWithItems = 0;
      for (const [position, pattern] of model.accessPatterns.entries()) {
        const fn = generated[functionNames[position] ?? ''] as GeneratedFunction;
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

  it('creates an order with the generated createOrder that the generated "orders by status" then returns, as the designer does in the engine', async () => {
    const shop = shopDesign();
    const request = starterRequest(shop, SHOP_IDS.order, 'PutItem');
    const draft: AccessPattern = { id: 'ap-createOrder', name: 'Create order', operation: 'PutItem', entity: SHOP_IDS.order, parameters: [], request };
    const create: AccessPattern = { ...draft, parameters: syncParameters(request, [], (name) => parameterType(shop, draft, name)) };
    const model: DesignModel = { ...shop, table: { ...shop.table, name: `ts-module-shop-${Date.now()}` }, accessPatterns: [...shop.accessPatterns, create] };
    const code = typescriptModule(model);
    expect(typeCheck({ 'shop.ts': code })).toEqual([]);
    const generated = loadModule(code);
    const createOrder = generated.createOrder as GeneratedFunction;
    const ordersByStatus = generated.ordersByStatus as GeneratedFunction;
    const ConditionalCheckFailed = generated.ConditionalCheckFailed as new () => Error;

    const { samples, clients } = await seededClients(model);
    const values = exampleParameters(model, create, samples);
    const status = values.status ?? '';
    const byStatus = { ...ordersByStatusPattern(), id: 'ap-byStatus' };
    for (const client of clients) await createOrder(client, typedParameters(create, values));
    const [fromLocal, fromEngine] = [await ordersByStatus(clients[0], { status }), await ordersByStatus(clients[1], { status })];
    expect(fromEngine).toEqual(fromLocal);

    // The designer runs the same two patterns in its own engine and sees the same items.
    const designer = loadDesignEngine(model, samples).engine;
    for (const [pattern, params] of [[create, values], [byStatus, { status }]] as const) {
      const built = buildRequest(model, pattern, params);
      const answer = designer.dispatch(built.operation, built.input);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      if (pattern === byStatus) expect({ items: (answer.body.Items as Record<string, never>[]).map((item) => unmarshall(item)) }).toEqual(fromLocal);
    }

    const created = (fromLocal as { items: Record<string, unknown>[] }).items.find((item) => item.orderId === values.orderId);
    expect(created).toMatchObject({ GSI1PK: `STATUS#${status}`, GSI1SK: `ORDER#${values.createdAt}`, entityType: 'order', total: Number(values.total) });
    expect(created?.shippingAddress).toEqual(unmarshall(JSON.parse(values.shippingAddress ?? '{}') as never));
    for (const client of clients) await expect(createOrder(client, typedParameters(create, values))).rejects.toBeInstanceOf(ConditionalCheckFailed);
  }, 120_000);
});
