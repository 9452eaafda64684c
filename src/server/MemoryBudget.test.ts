import { CreateTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { startServer } from './index';
import { defaultMemoryBudget, heapLimitBytes, MemoryBudget, parseMemorySize } from './MemoryBudget';

describe('the memory budget', () => {
  it('reads sizes as --max-memory takes them', () => {
    expect(parseMemorySize('512MB')).toBe(512 * 1024 * 1024);
    expect(parseMemorySize('2GB')).toBe(2 * 1024 ** 3);
    expect(parseMemorySize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseMemorySize('800')).toBe(800 * 1024 * 1024);
    expect(parseMemorySize('64kb')).toBe(64 * 1024);
    for (const bad of ['', 'lots', '-1GB', '0', '2TB']) expect(parseMemorySize(bad), bad).toBeUndefined();
    expect(defaultMemoryBudget()).toBeLessThan(heapLimitBytes());
  });

  it('admits writes while the measured heap plus what they add fits, and refuses past it', () => {
    let heap = 90;
    const budget = new MemoryBudget(100, () => heap);
    expect(budget.admits(4)).toBe(true); // 90 + 2 × 4 = 98
    heap = 97;
    // The estimate (98 + 4) passes the budget, so the heap is measured: 97 + 4 still does.
    expect(budget.admits(2)).toBe(false);
    heap = 50; // a collection freed room
    expect(budget.admits(2)).toBe(true);
    expect(budget.refusal()).toContain('memory budget of 0 MB (--max-memory');
  });

  it('refuses 400 KB puts past --max-memory with an error naming the budget, and keeps serving', { timeout: 120_000 }, async () => {
    const budgetBytes = getHeapStatistics().used_heap_size + 96 * 1024 * 1024;
    const server = await startServer({ port: 0, quiet: true, maxMemoryBytes: budgetBytes });
    const client = new DynamoDBClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'big', secretAccessKey: 'big' }, maxAttempts: 1 });
    try {
      await client.send(
        new CreateTableCommand({ TableName: 'Big', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] }),
      );
      const payload = 'x'.repeat(400 * 1024 - 100);
      let refused: Error | undefined;
      let stored = 0;
      // 2,000 puts would be 800 MB, far past the budget: the loop ends by a refusal.
      while (refused === undefined && stored < 2000) {
        try {
          await client.send(new PutItemCommand({ TableName: 'Big', Item: { pk: { S: `k${stored}` }, payload: { S: payload } } }));
          stored++;
        } catch (error) {
          refused = error as Error;
        }
      }
      expect(refused?.name).toBe('MemoryBudgetExceededException');
      expect(refused?.message).toContain(`memory budget of ${Math.round(budgetBytes / 1024 / 1024)} MB (--max-memory`);
      expect(stored).toBeGreaterThan(0);
      // Reads still answer, and what was stored is intact.
      expect((await client.send(new GetItemCommand({ TableName: 'Big', Key: { pk: { S: 'k0' } } }))).Item?.payload?.S).toBe(payload);
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['Big']);
    } finally {
      client.destroy();
      await server.close();
    }
  });
});
