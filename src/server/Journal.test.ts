import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE, replayJournal } from './Journal';

const root = mkdtempSync(join(tmpdir(), 'tablesmith-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

async function journalOf(records: string[]): Promise<string> {
  const dir = join(root, String(++dirs));
  mkdirSync(dir);
  const journal = await Journal.open(dir);
  await Promise.all(records.map((record) => journal.append(record)));
  await journal.close();
  return join(dir, JOURNAL_FILE);
}

function replayed(path: string): { payloads: string[]; tornBytes: number } {
  const payloads: string[] = [];
  const { tornBytes } = replayJournal(path, (payload) => payloads.push(payload));
  return { payloads, tornBytes };
}

describe('the journal', () => {
  it('replays every appended record in order, concurrent appends included', async () => {
    const records = Array.from({ length: 500 }, (_, n) => JSON.stringify({ n, text: 'é\u0000"' }));
    const path = await journalOf(records);
    expect(replayed(path)).toEqual({ payloads: records, tornBytes: 0 });
  });

  it('cuts off a torn last record, whatever part of it reached the disk, and keeps everything before', async () => {
    const records = ['{"a":1}', '{"b":2}'];
    const path = await journalOf(records);
    const intact = readFileSync(path);
    const next = readFileSync(await journalOf(['{"c":"a longer third record"}']));
    for (const cut of [1, 7, 8, 12, next.length - 1]) {
      writeFileSync(path, Buffer.concat([intact, next.subarray(0, cut)]));
      expect(replayed(path), `cut at ${cut}`).toEqual({ payloads: records, tornBytes: cut });
      // Cut off on disk too, so the next append follows the last good record.
      expect(statSync(path).size).toBe(intact.length);
    }
    // A last record with every byte present but one flipped fails its checksum.
    const flipped = Buffer.from(next);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 2) ^ 1, flipped.length - 2);
    writeFileSync(path, Buffer.concat([intact, flipped]));
    expect(replayed(path)).toEqual({ payloads: records, tornBytes: next.length });
    // The zeros a file system may leave after a crash are not records.
    appendFileSync(path, Buffer.alloc(4096));
    expect(replayed(path)).toEqual({ payloads: records, tornBytes: 4096 });
  });

  it('refuses to start from a journal damaged over more than one write could tear', async () => {
    const path = await journalOf(['{"a":1}']);
    appendFileSync(path, Buffer.alloc(70 * 1024 * 1024, 1));
    expect(() => replayJournal(path, () => {})).toThrow(/is damaged at byte 15: \d+ bytes after it cannot be read/);
  });

  it('fails every later append once a write fails, naming the file', async () => {
    const dir = join(root, 'closed');
    mkdirSync(dir);
    const journal = await Journal.open(dir);
    await journal.close();
    await expect(journal.append('{}')).rejects.toThrow(`cannot write ${join(dir, JOURNAL_FILE)}`);
    await expect(journal.append('{}')).rejects.toThrow('cannot write');
  });
});
