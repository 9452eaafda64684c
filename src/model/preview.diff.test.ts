// The preview claims to show what DynamoDB stores. Proof: write each example's sample items
// to DynamoDB Local with the design's own CreateTable request, query every collection the
// preview shows for the table and each index, and compare items, order and projections.
import { describe, expect, inject, it } from 'vitest';
import { toCreateTableInput } from './createTableInput';
import { examples } from './examples';
import { computePreview, type IndexPreview } from './preview';
import { generateSampleItems, SampleCache } from './sampleData';

const endpoint = inject('dynamodbLocalEndpoint');

async function call(action: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${action}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=model/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${action}: ${JSON.stringify(json)}`);
  return json;
}

/** Sets are unordered: DynamoDB returns their members in an order of its own. */
function withSortedSets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedSets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = (key === 'SS' || key === 'NS' || key === 'BS') && Array.isArray(member) ? [...member].sort() : withSortedSets(member);
  }
  return out;
}

async function queryAll(tableName: string, index: IndexPreview, partitionKey: unknown): Promise<unknown[]> {
  const items: unknown[] = [];
  let startKey: unknown;
  do {
    const page = await call('Query', {
      TableName: tableName,
      ...(index.kind === 'TABLE' ? {} : { IndexName: index.name }),
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey.name },
      ExpressionAttributeValues: { ':pk': partitionKey },
      ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
    });
    items.push(...(page.Items as unknown[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

describe('preview against DynamoDB Local', () => {
  it.each(examples.map((example) => [example.id, example.model] as const))(
    '%s: every index holds exactly the previewed items, in order, projected',
    async (id, model) => {
      const tableName = `model-preview-${id}-${Date.now()}`;
      // Local has no KMS; encryption at rest does not change what is stored.
      const { SSESpecification: _sse, ...input } = toCreateTableInput(model);
      await call('CreateTable', { ...input, TableName: tableName, DeletionProtectionEnabled: false });
      try {
        const samples = generateSampleItems(model, new SampleCache());
        const preview = computePreview(model, samples);
        expect(preview.rejected).toEqual([]);
        for (let i = 0; i < samples.length; i += 25) {
          let requests: unknown[] = samples.slice(i, i + 25).map((s) => ({ PutRequest: { Item: s.item } }));
          while (requests.length > 0) {
            const output = await call('BatchWriteItem', { RequestItems: { [tableName]: requests } });
            requests = ((output.UnprocessedItems as Record<string, unknown[]> | undefined)?.[tableName] ?? []) as unknown[];
          }
        }
        for (const index of [preview.table, ...preview.indexes]) {
          // All index partitions (few), and a spread of the table's many.
          const collections = index.kind === 'GSI' ? index.collections : index.collections.filter((_, n) => n % 17 === 0);
          for (const collection of collections) {
            const stored = await queryAll(tableName, index, collection.partitionKey);
            expect(withSortedSets(stored), `${index.name} ${JSON.stringify(collection.partitionKey)}`).toEqual(
              withSortedSets(collection.items.map((i) => i.item)),
            );
          }
        }
        const scanned = await call('Scan', { TableName: tableName, Select: 'COUNT' });
        expect(scanned.Count).toBe(preview.table.itemCount);
      } finally {
        await call('DeleteTable', { TableName: tableName });
      }
    },
  );
});
