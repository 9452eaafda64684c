// The property suite is only as honest as its comparison: an engine answer perturbed in
// any compared member must be reported as a mismatch, the order of Scan items included
// (the engine scans in DynamoDB Local's order).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/protocol-http';
import { describe, expect, inject, it } from 'vitest';
import { engineHandler } from '../index';
import { createOracle, type Oracle } from '../testing/differential';
import type { Operation } from './operations';
import { Mismatch, emptyStats, runSequence } from './runSequence';
import type { TableShape } from './TableShape';

type Body = Record<string, unknown> & { Items?: unknown[]; ConsumedCapacity?: { CapacityUnits: number } };

interface Perturbation {
  readonly name: string;
  readonly action: string;
  readonly apply: (body: Body) => Body;
}

const SHAPE: TableShape = { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'N' }, gsis: [], lsis: [] };

const put = (sk: string, extra: Record<string, { S: string }> = {}): Operation => ({
  action: 'PutItem',
  input: { Item: { pk: { S: 'p' }, sk: { N: sk }, ...extra }, ReturnConsumedCapacity: 'TOTAL' },
});

const SEQUENCE: readonly Operation[] = [
  put('1', { a: { S: 'one' } }),
  put('2', { a: { S: 'two' } }),
  put('3', { a: { S: 'three' } }),
  { action: 'GetItem', input: { Key: { pk: { S: 'p' }, sk: { N: '1' } }, ReturnConsumedCapacity: 'TOTAL' } },
  {
    action: 'Query',
    pages: 1,
    input: { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, Limit: 2, ReturnConsumedCapacity: 'INDEXES' },
  },
  { action: 'Scan', pages: 1, input: { ReturnConsumedCapacity: 'TOTAL' } },
  {
    action: 'PutItem',
    input: { Item: { pk: { S: 'p' }, sk: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)', ReturnConsumedCapacity: 'TOTAL' },
  },
];

const PERTURBATIONS: readonly Perturbation[] = [
  { name: 'an attribute value', action: 'GetItem', apply: (b) => ({ ...b, Item: { ...(b.Item as object), a: { S: 'uno' } } }) },
  { name: 'the order of Query items', action: 'Query', apply: (b) => ({ ...b, Items: [...(b.Items ?? [])].reverse() }) },
  { name: 'a missing LastEvaluatedKey', action: 'Query', apply: ({ LastEvaluatedKey: _key, ...b }) => b },
  { name: 'the Count', action: 'Query', apply: (b) => ({ ...b, Count: 3 }) },
  { name: 'a Scan missing an item', action: 'Scan', apply: (b) => ({ ...b, Items: (b.Items ?? []).slice(1) }) },
  { name: 'the order of Scan items', action: 'Scan', apply: (b) => ({ ...b, Items: [...(b.Items ?? [])].reverse() }) },
  {
    name: 'consumed capacity',
    action: 'PutItem',
    apply: (b) => (b.ConsumedCapacity ? { ...b, ConsumedCapacity: { ...b.ConsumedCapacity, CapacityUnits: b.ConsumedCapacity.CapacityUnits + 1 } } : b),
  },
  { name: 'an error message', action: 'PutItem', apply: (b) => ('message' in b ? { ...b, message: 'The conditional request failed.' } : b) },
  {
    name: 'an error type',
    action: 'PutItem',
    apply: (b) => ('__type' in b ? { ...b, __type: 'com.amazonaws.dynamodb.v20120810#ValidationException' } : b),
  },
];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The engine behind the SDK, with `apply` rewriting the JSON answers of one action. */
function perturbed(oracle: Oracle, perturbation: Perturbation): Oracle {
  const inner = engineHandler(oracle.core);
  const handler = {
    ...inner,
    async handle(request: HttpRequest) {
      const { response } = await inner.handle(request);
      if (!String(request.headers['x-amz-target']).endsWith(`.${perturbation.action}`)) return { response };
      const body = perturbation.apply(JSON.parse(decoder.decode(response.body as Uint8Array)) as Body);
      const bytes = encoder.encode(JSON.stringify(body));
      return {
        response: new HttpResponse({ ...response, headers: { ...response.headers, 'content-length': String(bytes.length) }, body: bytes }),
      };
    },
  } as HttpHandler;
  const engine = new DynamoDBClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'differential', secretAccessKey: 'differential' },
    requestHandler: handler,
    maxAttempts: 1,
  });
  return { ...oracle, engine };
}

describe('property suite self-check', () => {
  const oracle = createOracle(inject('dynamodbLocalEndpoint'));

  it('agrees with DynamoDB Local on the unperturbed sequence', async () => {
    await runSequence(oracle, SHAPE, SEQUENCE, emptyStats());
  });

  it.each(PERTURBATIONS)('reports $name changed in the engine answer', async (perturbation) => {
    const error = await runSequence(perturbed(oracle, perturbation), SHAPE, SEQUENCE, emptyStats()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Mismatch);
    expect((error as Mismatch).action).toBe(perturbation.action);
  });

});
