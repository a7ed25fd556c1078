// Reading an untrusted pack. yauzl parses the end records and the central directory; everything a
// hostile zip can do wrong is checked here, before a byte of content is used:
// - entry count, per-entry and total uncompressed size (zip bombs: a bomb must declare what it
//   expands to, and reading never goes past that; see format.ts for why the ratio is not checked);
// - names from the raw bytes: no traversal, absolute, drive or UNC paths, backslashes, NUL,
//   reserved names, duplicates or case/Unicode collisions, and only the format's own names;
// - no symlinks or other non-files (external attributes), no encryption, only store or deflate;
// - the local header agrees with the central directory; entries do not overlap;
// - while reading: the real size equals the declared one (stopping as soon as it is exceeded)
//   and the CRC-32 matches (zlib.crc32).
// Entry data is read with large positional reads of our own (yauzl's streams read in small pieces).
import { open as openFile, stat, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { PackProblem } from '../../../shared/packs';
import { DEFAULT_LIMITS, isAttachmentName, MANIFEST, MANIFEST_SIG, type PackLimits } from './format';
import { collisionProblems, decodeName, nameProblem, printable } from './names';

export interface PackEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  /** The declared uncompressed size (reading enforces it). */
  size: number;
  dataStart: number;
}

export interface OpenedPack {
  path: string;
  fileSize: number;
  /** The entries that passed every structural check, in zip order. */
  entries: PackEntry[];
  problems: PackProblem[];
  /** Streams an entry's bytes to `sink`, checking size and CRC; throws an EntryError naming the file. */
  read(entry: PackEntry, sink: (chunk: Buffer) => void | Promise<void>, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export class EntryError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
    this.name = 'EntryError';
  }
}

const READ_CHUNK = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

interface RawEntry extends yauzl.Entry {
  fileNameRaw: Buffer;
}

function limitFor(name: string, limits: PackLimits): number {
  if (name === MANIFEST || name === MANIFEST_SIG) return limits.maxManifestBytes;
  return isAttachmentName(name) ? limits.maxAttachmentBytes : limits.maxDataBytes;
}

/** A size for messages: bytes, KB, MB or GB. */
export function mb(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** Structural problems of one central-directory entry (name aside). */
function entryProblem(e: RawEntry, name: string, limits: PackLimits): string | null {
  const flags = e.generalPurposeBitFlag;
  if (flags & 0x1) return 'is encrypted (general purpose bit 0)';
  if (flags & 0x40) return 'uses strong encryption';
  if (flags & 0x2000) return 'has an encrypted central directory';
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) return `uses compression method ${e.compressionMethod}; only stored (0) and deflate (8) are allowed`;
  const hostOs = e.versionMadeBy >> 8;
  const unixMode = e.externalFileAttributes >>> 16;
  if (hostOs === 3 && unixMode !== 0) {
    const type = unixMode & S_IFMT;
    if (type === S_IFLNK) return 'is a symbolic link';
    if (type !== S_IFREG && type !== 0) return 'is not a regular file (external attributes)';
  }
  if (e.externalFileAttributes & 0x10) return 'is marked as a directory (external attributes)';
  if (e.extraFields.some((f) => f.id === 0x7075)) return 'carries a second, Unicode file name (extra field 0x7075)';
  const max = limitFor(name, limits);
  if (e.uncompressedSize > max) return `is ${mb(e.uncompressedSize)} uncompressed, more than the ${mb(max)} allowed`;
  if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize) return `is stored but declares ${e.compressedSize} bytes in the zip and ${e.uncompressedSize} uncompressed`;
  return null;
}

async function readEntries(zip: yauzl.ZipFile): Promise<RawEntry[]> {
  const out: RawEntry[] = [];
  for await (const e of zip.eachEntry()) out.push(e as RawEntry);
  return out;
}

/** Opens a pack and checks its structure; never throws for a bad zip (the problems say what is wrong). */
export async function openPack(path: string, limits: PackLimits = DEFAULT_LIMITS, isKnownName?: (name: string) => boolean): Promise<OpenedPack> {
  const problems: PackProblem[] = [];
  const closed: OpenedPack = {
    path, fileSize: 0, entries: [], problems, read: () => Promise.reject(new Error('closed')), close: async () => {},
  };
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    closed.fileSize = info.size;
  } catch (e) {
    problems.push({ file: null, message: `cannot be read: ${(e as Error).message}` });
    return closed;
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: true });
  } catch (e) {
    problems.push({ file: null, message: `is not a readable zip file: ${(e as Error).message}` });
    return closed;
  }
  let raw: RawEntry[];
  try {
    if (zip.entryCount > limits.maxEntries) {
      problems.push({ file: null, message: `has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed` });
      return closed;
    }
    const cdOffset = (zip as unknown as { readEntryCursor?: number }).readEntryCursor;
    raw = await readEntries(zip);
    const decoded: { e: RawEntry; name: string }[] = [];
    for (const e of raw) {
      const d = decodeName(e.fileNameRaw, e.generalPurposeBitFlag);
      if ('error' in d) {
        problems.push({ file: d.shown, message: `has a name that ${d.error}` });
        continue;
      }
      decoded.push({ e, name: d.name });
    }
    problems.push(...collisionProblems(decoded.map((d) => d.name)));
    const collided = new Set(problems.map((p) => p.file));
    let total = 0;
    const candidates: { e: RawEntry; name: string; dataStart: number }[] = [];
    for (const { e, name } of decoded) {
      // Other zips checked with the same rules (an XLSX workbook) name their own files.
      const why = nameProblem(name, isKnownName) ?? entryProblem(e, name, limits);
      if (why) {
        problems.push({ file: printable(name), message: why });
        continue;
      }
      if (collided.has(name)) continue;
      total += e.uncompressedSize;
      try {
        const local = await zip.readLocalFileHeaderPromise(e);
        if (!Buffer.from(local.fileName).equals(e.fileNameRaw)) {
          problems.push({ file: name, message: 'has a different name in its local header than in the central directory' });
          continue;
        }
        if (local.compressionMethod !== e.compressionMethod || (local.generalPurposeBitFlag & 0x41) !== (e.generalPurposeBitFlag & 0x41)) {
          problems.push({ file: name, message: 'has a local header that disagrees with the central directory (method or encryption)' });
          continue;
        }
        candidates.push({ e, name, dataStart: local.fileDataStart });
      } catch (err) {
        problems.push({ file: name, message: `has a broken local header: ${(err as Error).message}` });
      }
    }
    if (total > limits.maxTotalBytes) problems.push({ file: null, message: `would expand to ${mb(total)}, more than the ${mb(limits.maxTotalBytes)} allowed` });
    // Entries must not overlap (overlapping entries make small zips expand enormously) and must
    // lie before the central directory.
    const sorted = [...candidates].sort((a, b) => a.e.relativeOffsetOfLocalHeader - b.e.relativeOffsetOfLocalHeader);
    for (let i = 0; i < sorted.length; i++) {
      const c = sorted[i]!;
      const end = c.dataStart + c.e.compressedSize;
      const next = sorted[i + 1];
      if (next && end > next.e.relativeOffsetOfLocalHeader) problems.push({ file: c.name, message: `overlaps "${next.name}" in the zip` });
      if (cdOffset !== undefined && end > cdOffset) problems.push({ file: c.name, message: 'runs into the central directory' });
    }
    const bad = new Set(problems.map((p) => p.file));
    for (const c of candidates) {
      if (bad.has(c.name)) continue;
      closed.entries.push({
        name: c.name, method: c.e.compressionMethod as 0 | 8, crc32: c.e.crc32 >>> 0, compressedSize: c.e.compressedSize, size: c.e.uncompressedSize, dataStart: c.dataStart,
      });
    }
  } catch (e) {
    problems.push({ file: null, message: `has a damaged central directory: ${(e as Error).message}` });
    closed.entries = [];
    return closed;
  } finally {
    zip.close();
  }

  const fh = await openFile(path, 'r');
  return {
    ...closed,
    read: (entry, sink, signal) => readEntry(fh, entry, sink, signal),
    close: () => fh.close(),
  };
}

function aborted(): Error {
  const e = new Error('The operation was cancelled');
  e.name = 'AbortError';
  return e;
}

async function* compressedChunks(fh: FileHandle, entry: PackEntry, signal?: AbortSignal): AsyncGenerator<Buffer> {
  let pos = entry.dataStart;
  const end = entry.dataStart + entry.compressedSize;
  while (pos < end) {
    if (signal?.aborted) throw aborted();
    const want = Math.min(READ_CHUNK, end - pos);
    const buf = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(buf, got, want - got, pos + got);
      if (bytesRead === 0) throw new EntryError(entry.name, 'is cut short: the zip ends inside it');
      got += bytesRead;
    }
    pos += want;
    yield buf;
  }
}

async function readEntry(fh: FileHandle, entry: PackEntry, sink: (chunk: Buffer) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
  let crc = 0;
  let size = 0;
  const take = async (chunk: Buffer) => {
    size += chunk.length;
    // A bomb lies about its size: it is refused here, before a byte beyond the declared size is used.
    if (size > entry.size) throw new EntryError(entry.name, `holds more than the ${entry.size} bytes its header declares (reading stopped there)`);
    crc = crc32(chunk, crc);
    await sink(chunk);
  };
  if (entry.method === 0) {
    for await (const chunk of compressedChunks(fh, entry, signal)) await take(chunk);
  } else {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let feedError: unknown = null;
    const drained = () => new Promise<void>((r) => {
      const done = () => { inflater.off('drain', done); inflater.off('close', done); r(); };
      inflater.once('drain', done);
      inflater.once('close', done);
    });
    const feed = (async () => {
      try {
        for await (const chunk of compressedChunks(fh, entry, signal)) {
          if (inflater.destroyed) return;
          if (!inflater.write(chunk)) await drained();
        }
        if (!inflater.destroyed) inflater.end();
      } catch (e) {
        feedError = e;
        inflater.destroy(e as Error);
      }
    })();
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) await take(chunk);
    } catch (e) {
      inflater.destroy();
      await feed;
      if (e instanceof EntryError || (e as Error).name === 'AbortError') throw e;
      if (feedError instanceof EntryError) throw feedError;
      throw new EntryError(entry.name, `cannot be decompressed: ${(e as Error).message}`);
    }
    await feed;
    if (feedError) throw feedError;
  }
  if (size !== entry.size) throw new EntryError(entry.name, `holds ${size} bytes but its header declares ${entry.size}`);
  if ((crc >>> 0) !== entry.crc32) throw new EntryError(entry.name, 'fails its CRC-32 check (the data is damaged)');
}
