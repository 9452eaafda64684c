// The write-ahead journal behind `serve --db-path DIR`: every accepted change, appended to
// DIR/journal.log and flushed to disk (fdatasync) before the request that made it is
// answered. Start-up replays it. Each record is framed as
//
//   [payload length: u32 LE][CRC-32 of payload: u32 LE][payload: UTF-8 JSON]
//
// so a write torn by a crash or power loss (a short or garbled last record) is recognised and
// cut off, and everything before it, all acknowledged, is kept. Concurrent requests share one
// flush (group commit): while one fdatasync runs, the records that arrive queue for the next.
import { closeSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER_BYTES = 8;
/** Larger than any record a request can make (bodies are at most 16 MB); a longer length is garbage. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** A torn tail is at most one record; more unreadable bytes than that is damage, not a crash. */
const MAX_TORN_BYTES = MAX_RECORD_BYTES + HEADER_BYTES;
const READ_BYTES = 8 * 1024 * 1024;

export const JOURNAL_FILE = 'journal.log';

export interface ReplayResult {
  records: number;
  /** Bytes of an incomplete last record that were cut off. */
  tornBytes: number;
}

function frame(payload: Buffer): Buffer {
  const header = Buffer.allocUnsafe(HEADER_BYTES);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return header;
}

/**
 * Reads every intact record of `path` in order, calling `apply` with each payload, and cuts
 * off a torn tail so the next append follows the last good record.
 */
export function replayJournal(path: string, apply: (payload: string) => void): ReplayResult {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: 0, tornBytes: 0 };
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    // Read in large chunks (a syscall per record would dominate a million-record replay);
    // `chunk` holds the file from byte `chunkStart` on.
    let chunk = Buffer.alloc(0);
    let chunkStart = 0;
    const bytesAt = (position: number, length: number): Buffer | undefined => {
      if (position + length > size) return undefined;
      if (position + length > chunkStart + chunk.length) {
        const next = Buffer.allocUnsafe(Math.max(READ_BYTES, length));
        const kept = chunk.subarray(position - chunkStart);
        kept.copy(next);
        const wanted = Math.min(next.length, size - position) - kept.length;
        let read = 0;
        while (read < wanted) {
          const got = readSync(fd, next, kept.length + read, wanted - read, position + kept.length + read);
          if (got === 0) break;
          read += got;
        }
        chunk = next.subarray(0, kept.length + read);
        chunkStart = position;
        if (position + length > chunkStart + chunk.length) return undefined;
      }
      return chunk.subarray(position - chunkStart, position - chunkStart + length);
    };
    let offset = 0;
    let records = 0;
    while (offset < size) {
      const header = bytesAt(offset, HEADER_BYTES);
      if (header === undefined) break;
      const length = header.readUInt32LE(0);
      const checksum = header.readUInt32LE(4);
      if (length === 0 || length > MAX_RECORD_BYTES) break;
      const payload = bytesAt(offset + HEADER_BYTES, length);
      if (payload === undefined || crc32(payload) !== checksum) break;
      apply(payload.toString('utf8'));
      records++;
      offset += HEADER_BYTES + length;
    }
    const tornBytes = size - offset;
    if (tornBytes > MAX_TORN_BYTES) {
      throw new Error(
        `${path} is damaged at byte ${offset}: ${tornBytes} bytes after it cannot be read, more than one interrupted write leaves; ` +
          'move the file aside to start without it',
      );
    }
    if (tornBytes > 0) ftruncateSync(fd, offset);
    return { records, tornBytes };
  } finally {
    closeSync(fd);
  }
}

/** Appends records to a journal file; `append` resolves once the record is on disk. */
export class Journal {
  private pending: Buffer[] = [];
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  /** The first write or flush failure; after it every append fails, as the journal may have a gap. */
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  static async open(dir: string): Promise<Journal> {
    const path = join(dir, JOURNAL_FILE);
    const file = await open(path, 'a');
    // A new file's name is on disk only once its directory is flushed too.
    const directory = await open(dir, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return new Journal(path, file);
  }

  /** Why records can no longer be written, once a write or flush has failed. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Queues one record; resolves when it and every record before it are on disk. */
  append(payload: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const body = Buffer.from(payload, 'utf8');
    this.pending.push(frame(body), body);
    const written = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flushLoop();
    return written;
  }

  /** Waits for every queued record, then closes the file (once, however often called). */
  async close(): Promise<void> {
    await this.flushing;
    this.closing ??= this.file.close();
    await this.closing;
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const buffers = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        const data = Buffer.concat(buffers);
        for (let written = 0; written < data.length; ) written += (await this.file.write(data, written)).bytesWritten;
        await this.file.datasync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.failure = new Error(`cannot write ${this.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        for (const waiter of [...waiters, ...this.waiters]) waiter.reject(this.failure);
        this.pending = [];
        this.waiters = [];
      }
    }
    this.flushing = undefined;
  }
}
