// Fills a `serve --db-path` directory with ITEMS items of the bench's post shape, through the
// server's own write path (each PutItem dispatched and journaled as a request would be, without
// HTTP in between), so bench:serve can time a start-up that replays them.
// Usage: makeDatabase <dir> <items>; prints one JSON line `{ items, ms }` when done.
import { createDatabases } from '../../src/server/Databases';
import { Journal } from '../../src/server/Journal';
import { socialBenchTable } from '../socialTable';
import { putItemInput } from './workload';

const [dir, count] = process.argv.slice(2);
const items = Number(count);
if (dir === undefined || !Number.isInteger(items) || items < 1) throw new Error('usage: makeDatabase <dir> <items>');
const started = performance.now();
const journal = await Journal.open(dir);
const databases = createDatabases({ journal });
const database = databases.engineFor({ accessKeyId: 'bench', region: 'us-east-1' });
const send = (operation: string, body: object) => database.dispatch('DynamoDB', operation, body as Record<string, unknown>, Buffer.from(JSON.stringify(body)));
await send('CreateTable', socialBenchTable('bench_db'));
// Enough requests in flight to share each flush to disk, as many clients would.
const IN_FLIGHT = 5_000;
let waiting: unknown[] = [];
for (let i = 0; i < items; i++) {
  waiting.push(send('PutItem', putItemInput('bench_db', i)));
  if (waiting.length === IN_FLIGHT) {
    await Promise.all(waiting);
    waiting = [];
  }
}
await Promise.all(waiting);
await databases.close();
console.log(JSON.stringify({ items, ms: performance.now() - started }));
