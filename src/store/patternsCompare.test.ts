import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DEFAULT_SETTINGS, deployTable, endpointClient, seedSampleItems } from '../connect';
import { startTestServer, type TestServer } from '../server/testing/TestServer';
import { defaultModel } from '../model/examples';
import { exampleParameters, patternWrites } from '../model/accessPatterns';
import { generateSampleItems } from '../model/sampleData';
import type { AccessPattern } from '../model/types';
import { comparePattern } from './patternsCompare';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function seeded(accessKeyId: string) {
  const model = defaultModel();
  const samples = generateSampleItems(model);
  const client = endpointClient({ ...DEFAULT_SETTINGS, endpoint: server.endpoint, accessKeyId });
  await deployTable(client, model);
  await seedSampleItems(client, model, samples);
  return { model, samples, client };
}

const byName = (patterns: AccessPattern[], name: string) => {
  const found = patterns.find((p) => p.name === name);
  if (!found) throw new Error(`no pattern ${name}`);
  return found;
};

describe('comparePattern', () => {
  it('finds every read pattern of the example the same on a seeded endpoint', async () => {
    const { model, samples, client } = await seeded('compare-reads');
    const reads = model.accessPatterns.filter((p) => !patternWrites(p));
    expect(reads.length).toBeGreaterThan(5);
    for (const pattern of reads) {
      const comparison = await comparePattern(client, model, samples, pattern);
      expect({ name: pattern.name, differences: comparison.differences }).toEqual({ name: pattern.name, differences: [] });
      expect(comparison.verdict).toBe('same');
      expect(comparison.endpoint.ok).toBe(true);
    }
  });

  it('shows where the endpoint answers differently', async () => {
    const { model, samples, client } = await seeded('compare-drift');
    const pattern = byName(model.accessPatterns, 'Get user profile');
    const params = exampleParameters(model, pattern, samples);
    const text = (value: unknown) => JSON.stringify(value);
    const profile = samples.find((s) => text(s.item.SK) === text({ S: 'PROFILE' }) && text(s.item.PK) === text({ S: `USER#${params.userId}` }));
    expect(profile).toBeDefined();
    await client.send(new DeleteItemCommand({ TableName: model.table.name, Key: { PK: profile!.item.PK!, SK: profile!.item.SK! } as never }));
    const comparison = await comparePattern(client, model, samples, pattern);
    expect(comparison.verdict).toBe('different');
    expect(comparison.differences[0]).toMatchObject({ path: 'items[0]' });
    expect(comparison.differences[0]?.endpoint).toBeUndefined();
  });

  it('really writes on the endpoint, while the engine writes to a fresh copy', async () => {
    const { model, samples, client } = await seeded('compare-write');
    const pattern = model.accessPatterns.find(patternWrites);
    expect(pattern).toBeDefined();
    const first = await comparePattern(client, model, samples, pattern!);
    expect(first.verdict).toBe('same');
    const written = first.endpoint.ok ? first.endpoint.written?.[0] : undefined;
    expect(written?.after).toBeDefined();
    const { Item } = await client.send(new GetItemCommand({ TableName: model.table.name, Key: written!.key as never }));
    expect(Item).toEqual(written!.after);
  });

  it('reports the endpoint error when the table is missing', async () => {
    const model = defaultModel();
    const client = endpointClient({ ...DEFAULT_SETTINGS, endpoint: server.endpoint, accessKeyId: 'compare-missing' });
    const comparison = await comparePattern(client, model, generateSampleItems(model), byName(model.accessPatterns, 'Get user profile'));
    expect(comparison.verdict).toBe('different');
    expect(comparison.endpoint).toMatchObject({ ok: false, errorName: 'ResourceNotFoundException' });
  });
});

describe('patternWrites', () => {
  it('counts PartiQL writes and write operations, not reads', () => {
    const base = { id: 'p', name: 'p', parameters: [], request: {} };
    expect(patternWrites({ ...base, operation: 'Query' })).toBe(false);
    expect(patternWrites({ ...base, operation: 'TransactWriteItems' })).toBe(true);
    expect(patternWrites({ ...base, operation: 'ExecuteStatement', request: { Statement: ' select * from "T"' } })).toBe(false);
    expect(patternWrites({ ...base, operation: 'ExecuteStatement', request: { Statement: 'UPDATE "T" SET a = 1' } })).toBe(true);
  });
});
