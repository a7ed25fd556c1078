// A streaming zip writer for packs: local headers, the data, a central directory, zip64 where
// sizes or offsets need it. Written for speed with flat memory:
// - every entry is cut into blocks; blocks deflate in parallel on libuv's thread pool (both cores),
//   each block primed with the last 32 KiB of the one before (so the ratio is that of one stream)
//   and ended with a sync flush, so the blocks concatenate into one valid deflate stream;
// - CRC-32 with zlib.crc32 (native) and SHA-256 on the way through, for the manifest;
// - already-compressed files are stored, not deflated (compressible.ts);
// - a bounded number of bytes in flight, whatever the size of the files;
// - headers are written with placeholders and patched once the entry's CRC and sizes are known
//   (the output is a file, so no data descriptors are needed and every reader is happy).
// The format's records are in zip-records.ts, the buffered output file in zip-output.ts.
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { constants as Z, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';
import { hasCompressedMagic, knownCompressed, SAMPLE_BYTES, SAMPLE_STORE_ABOVE, STORE_ABOVE_RATIO } from './compressible';
import { Output } from './zip-output';
import { centralEntry, dosDateTime, endRecords, fillLocalHeader, localHeader, localHeaderPatch, MAX32, type DosDateTime, type WrittenEntry } from './zip-records';

const deflate = promisify(deflateRaw) as (buf: Buffer, opts: object) => Promise<Buffer>;

export type EntrySource =
  /** A file on disk of known size (an attachment); its name and media type help decide store or deflate. */
  | { kind: 'file'; path: string; size: number; fileName?: string; mediaType?: string }
  /** Text made on the fly (data files, reports): always deflated. */
  | { kind: 'generated'; chunks: () => AsyncIterable<string | Uint8Array> };

export interface ZipEntryInput {
  name: string;
  source: EntrySource;
}

export interface ZipWriteOptions {
  /** Deflate level (default 6, as zip's). */
  level?: number;
  /** Bytes per block (default 1 MiB). */
  blockSize?: number;
  /** Raw bytes read ahead of the writer at most (default 32 MiB). */
  maxInFlightBytes?: number;
  /** Modification time written for every entry. */
  date?: Date;
  /** Write zip64 records even when nothing needs them (tests). */
  forceZip64?: boolean;
  signal?: AbortSignal;
  /** Called with the number of input bytes just consumed. */
  onProgress?: (bytes: number) => void;
}

const WINDOW = 32 * 1024;
/** An empty final deflate block: ends a stream whose blocks all ended in a sync flush. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

interface EntryState {
  name: string;
  nameBytes: Buffer;
  /** 8 (deflate) or 0 (store); decided by the first block. */
  method: 0 | 8;
  crc: number;
  size: number;
  hash: Hash;
  sha256: string;
  compressedSize: number;
  offset: number;
  header: Buffer | null;
  headerFlushed: boolean;
}

interface Item {
  entry: EntryState;
  data: Promise<Buffer>;
  rawLength: number;
  first: boolean;
  last: boolean;
}

function abortError(): Error {
  const e = new Error('The export was cancelled');
  e.name = 'AbortError';
  return e;
}

export class ZipWriter {
  private readonly out: Output;
  private readonly entries: WrittenEntry[] = [];
  private readonly level: number;
  private readonly blockSize: number;
  private readonly maxInFlight: number;
  private readonly dos: DosDateTime;

  constructor(fh: FileHandle, private readonly opts: ZipWriteOptions = {}) {
    this.out = new Output(fh);
    this.level = opts.level ?? 6;
    this.blockSize = opts.blockSize ?? 1024 * 1024;
    this.maxInFlight = opts.maxInFlightBytes ?? 32 * 1024 * 1024;
    this.dos = dosDateTime(opts.date ?? new Date());
  }

  get written(): readonly WrittenEntry[] {
    return this.entries;
  }

  private checkAbort() {
    if (this.opts.signal?.aborted) throw abortError();
  }

  /** Writes the entries in order, reading and compressing ahead of the writer. Resolves once all are written. */
  async write(inputs: Iterable<ZipEntryInput> | AsyncIterable<ZipEntryInput>): Promise<WrittenEntry[]> {
    const queue: Item[] = [];
    let inFlight = 0;
    let producing = true;
    let failure: unknown = null;
    let wakeConsumer: (() => void) | null = null;
    let wakeProducer: (() => void) | null = null;
    const written: WrittenEntry[] = [];

    const signalConsumer = () => { const w = wakeConsumer; wakeConsumer = null; w?.(); };
    const signalProducer = () => { const w = wakeProducer; wakeProducer = null; w?.(); };

    const push = async (item: Item) => {
      // Keep a failed compression from being reported as unhandled before the writer awaits it.
      item.data.catch(() => undefined);
      while (inFlight > 0 && inFlight + item.rawLength > this.maxInFlight && failure === null) {
        await new Promise<void>((r) => { wakeProducer = r; });
      }
      if (failure !== null) throw failure;
      queue.push(item);
      inFlight += item.rawLength;
      signalConsumer();
    };

    const producer = async () => {
      try {
        for await (const input of inputs) {
          this.checkAbort();
          if (failure !== null) return;
          await this.produce(input, push);
        }
      } finally {
        producing = false;
        signalConsumer();
      }
    };

    const consumer = async () => {
      for (;;) {
        if (queue.length === 0) {
          if (!producing) return;
          await new Promise<void>((r) => { wakeConsumer = r; });
          continue;
        }
        const item = queue.shift()!;
        this.checkAbort();
        const e = item.entry;
        if (item.first) {
          e.offset = this.out.position;
          e.header = localHeader(e.nameBytes, e.method, this.dos);
          e.headerFlushed = false;
          await this.out.write(e.header, () => { e.headerFlushed = true; });
        }
        const data = await item.data;
        if (data.length) await this.out.write(data);
        e.compressedSize += data.length;
        inFlight -= item.rawLength;
        signalProducer();
        if (item.last) {
          const done = await this.finishEntry(e);
          written.push(done);
        }
      }
    };

    const p = producer().catch((err: unknown) => { failure ??= err; signalConsumer(); });
    try {
      await consumer();
    } catch (err) {
      failure ??= err;
      signalProducer();
    }
    await p;
    if (failure !== null) throw failure;
    return written;
  }

  private newEntry(name: string): EntryState {
    return {
      name, nameBytes: Buffer.from(name, 'utf8'), method: 8, crc: 0, size: 0, hash: createHash('sha256'),
      sha256: '', compressedSize: 0, offset: 0, header: null, headerFlushed: false,
    };
  }

  private consumed(entry: EntryState, raw: Buffer) {
    entry.crc = crc32(raw, entry.crc);
    entry.hash.update(raw);
    entry.size += raw.length;
    if (entry.size > MAX32 - 1) throw new Error(`${entry.name} is larger than 4 GiB, more than a pack entry may hold`);
    this.opts.onProgress?.(raw.length);
  }

  private compress(raw: Buffer, dictionary: Buffer | null, last: boolean): Promise<Buffer> {
    return deflate(raw, { level: this.level, finishFlush: last ? Z.Z_FINISH : Z.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) });
  }

  private async produce(input: ZipEntryInput, push: (item: Item) => Promise<void>): Promise<void> {
    const entry = this.newEntry(input.name);
    const src = input.source;
    if (src.kind === 'generated') {
      let first = true;
      let prevTail: Buffer | null = null;
      let parts: (string | Uint8Array)[] = [];
      let partBytes = 0;
      const emit = async () => {
        const raw = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
        parts = [];
        partBytes = 0;
        this.consumed(entry, raw);
        const data = this.compress(raw, prevTail, false);
        prevTail = raw.length >= WINDOW ? raw.subarray(raw.length - WINDOW) : raw;
        await push({ entry, data, rawLength: raw.length, first, last: false });
        first = false;
      };
      for await (const chunk of src.chunks()) {
        this.checkAbort();
        parts.push(chunk);
        // A string's length undercounts its UTF-8 bytes a little; close enough for cutting blocks.
        partBytes += chunk.length;
        if (partBytes >= this.blockSize) {
          await emit();
          // Generating text is synchronous work: let I/O and other requests in between blocks.
          await new Promise<void>((r) => { setImmediate(r); });
        }
      }
      if (partBytes > 0) await emit();
      await push({ entry, data: Promise.resolve(FINAL_BLOCK), rawLength: 0, first, last: true });
      return;
    }

    // A file: read in blocks; the first block decides store or deflate.
    const fh = await open(src.path, 'r');
    try {
      const size = src.size;
      if (size === 0) {
        entry.method = 0;
        await push({ entry, data: Promise.resolve(Buffer.alloc(0)), rawLength: 0, first: true, last: true });
        return;
      }
      let pos = 0;
      let prevTail: Buffer | null = null;
      let storeKnown = knownCompressed(src.fileName, src.mediaType);
      while (pos < size) {
        this.checkAbort();
        const want = Math.min(this.blockSize, size - pos);
        const raw = Buffer.allocUnsafe(want);
        let got = 0;
        while (got < want) {
          const { bytesRead } = await fh.read(raw, got, want - got, pos + got);
          if (bytesRead === 0) throw new Error(`${src.path} is shorter than expected (${size} bytes); it changed during the export`);
          got += bytesRead;
        }
        const first = pos === 0;
        const last = pos + want >= size;
        pos += want;
        this.consumed(entry, raw);
        if (first) {
          // Already compressed (name, type, magic number), or a quick level-1 sample of its start
          // hardly shrinks: store it, without spending a full deflate on finding that out.
          storeKnown ||= hasCompressedMagic(raw);
          if (!storeKnown && !last) {
            const sample = raw.subarray(0, SAMPLE_BYTES);
            storeKnown = deflateRawSync(sample, { level: 1 }).length > sample.length * SAMPLE_STORE_ABOVE;
          }
          if (storeKnown) entry.method = 0;
        }
        let data: Promise<Buffer>;
        if (entry.method === 0) {
          data = Promise.resolve(raw);
        } else if (first && last) {
          // A one-block entry: the smaller of deflated and stored wins.
          data = this.compress(raw, null, true).then((c) => {
            const worth = c.length < raw.length * STORE_ABOVE_RATIO || (c.length < raw.length && raw.length < SAMPLE_BYTES);
            entry.method = worth ? 8 : 0;
            return worth ? c : raw;
          });
        } else {
          data = this.compress(raw, prevTail, last);
        }
        prevTail = raw.length >= WINDOW ? raw.subarray(raw.length - WINDOW) : raw;
        await push({ entry, data, rawLength: raw.length, first, last });
      }
      if (pos !== size) throw new Error(`${src.path} changed size during the export`);
      const extra = Buffer.alloc(1);
      if ((await fh.read(extra, 0, 1, size)).bytesRead !== 0) throw new Error(`${src.path} grew during the export`);
    } finally {
      await fh.close();
    }
  }

  private async finishEntry(e: EntryState): Promise<WrittenEntry> {
    const header = e.header!;
    if (e.compressedSize > MAX32 - 1) throw new Error(`${e.name} compressed to more than 4 GiB`);
    if (!e.headerFlushed) fillLocalHeader(header, e);
    else await this.out.patch(e.offset + 8, localHeaderPatch(e, this.dos));
    e.header = null;
    e.sha256 = e.hash.digest('hex');
    const done: WrittenEntry = { name: e.name, size: e.size, sha256: e.sha256, crc32: e.crc >>> 0, compressedSize: e.compressedSize, method: e.method, offset: e.offset };
    this.entries.push(done);
    return done;
  }

  /** Writes the central directory (and the zip64 end records when needed), flushes, returns the zip's size. */
  async finish(): Promise<number> {
    this.checkAbort();
    const force = this.opts.forceZip64 === true;
    const cdStart = this.out.position;
    for (const e of this.entries) await this.out.write(centralEntry(e, this.dos, force));
    await this.out.write(endRecords(this.entries.length, cdStart, this.out.position - cdStart, force));
    await this.out.flush();
    return this.out.position;
  }
}
