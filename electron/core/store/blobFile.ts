// Storing a file (from disk, or an upload's request body) into the attachment folder without
// holding it in memory: it is read in blocks, hashed and written to a temporary name in the store
// at once, flushed, then renamed to its hash (or dropped when the store already has that content).
// From disk only regular files are taken: a named pipe, socket or device would read as empty (or
// never end) and be stored as a lie.
import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream, createWriteStream, type Stats } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../shared/errors';
import { blobPath, touchBlob } from './blobs';

export interface StoredFile {
  sha: string;
  size: number;
  /** False when the store already held this content. */
  written: boolean;
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function notAFile(path: string, s: Stats, field: string): ApiError {
  const message = `${basename(path)} is ${kindOf(s)}, not a regular file; only files can be attached`;
  return new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
}

/** Why a stream was refused by streamIntoStore: it went past `maxBytes` (the HTTP route answers 413). */
export class BlobTooLarge extends ApiError {}

interface StreamOptions {
  maxBytes: number;
  /** The input field named in errors. */
  field: string;
  /** The file's name as the user knows it, for errors. */
  name: string;
  signal?: AbortSignal | undefined;
  /** Called once every byte is written and flushed, before the file takes its hash's name: a throw keeps it out of the store. */
  beforeCommit?: (size: number) => Promise<void>;
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Streams `source` into the store `dir` under its SHA-256: hashed while it is written to a
 * temporary name in the store, flushed, then renamed (or dropped when the store already holds that
 * content). Never holds more than a block of it in memory; refuses it as soon as it passes `maxBytes`.
 */
export async function putBlobFromStream(dir: string, source: Readable, opts: StreamOptions): Promise<StoredFile> {
  const { field, name } = opts;
  await mkdir(dir, { recursive: true });
  // A name sweepBlobs knows (INCOMING): a kill mid-copy leaves nothing that is never removed.
  let temp: string | null = join(dir, `.incoming.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > opts.maxBytes) {
          const message = `${name} is larger than the ${megabytes(opts.maxBytes)} an attachment may be`;
          return done(new BlobTooLarge('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]));
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(source, tap, createWriteStream(temp, { flags: 'wx' }), opts.signal ? { signal: opts.signal } : {});
    const written = await open(temp, 'r+');
    try {
      await written.sync();
    } finally {
      await written.close();
    }
    await opts.beforeCommit?.(size);
    const sha = hash.digest('hex');
    const target = blobPath(dir, sha);
    const existing = await stat(target).catch(() => null);
    if (existing && existing.size === size) {
      // Marked as just used, so a sweep in another process does not take it before its row lands.
      touchBlob(target);
      return { sha, size, written: false };
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(temp, target);
    temp = null;
    return { sha, size, written: true };
  } finally {
    if (temp) await rm(temp, { force: true });
  }
}

/** Copies `path` into the store `dir` under its SHA-256. Refuses anything but a regular file, and files over `maxBytes`. */
export async function putBlobFromFile(dir: string, path: string, opts: { maxBytes: number; field?: string; signal?: AbortSignal }): Promise<StoredFile> {
  const field = opts.field ?? 'file';
  let before: Stats;
  try {
    before = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `${path} does not exist (moved or deleted?)` : `${path} cannot be read (${code ?? (e as Error).message})`;
    throw new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
  }
  if (!before.isFile()) throw notAFile(path, before, field);
  // Opened without blocking, and checked again on the open handle: a path swapped for a pipe in
  // between would otherwise hang the open until some writer appeared.
  const fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const s = await fh.stat();
    if (!s.isFile()) throw notAFile(path, s, field);
    if (s.size > opts.maxBytes) {
      const message = `${basename(path)} is larger than the ${megabytes(opts.maxBytes)} an attachment may be`;
      throw new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
    }
    // A file still being written (a download, a log) would be stored as whatever part was there,
    // under the name of the whole: what was read must be the file as it was opened and still is.
    const unchanged = async (size: number) => {
      const after = await fh.stat();
      if (size !== s.size || after.size !== s.size || after.mtimeMs !== s.mtimeMs) {
        const message = `${basename(path)} changed while it was copied (${s.size} bytes when opened, ${size} read, ${after.size} now): is it still being written? Nothing was attached; try again when it is complete`;
        throw new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
      }
    };
    const source = createReadStream('', { fd: fh, autoClose: false, highWaterMark: 1024 * 1024 });
    return await putBlobFromStream(dir, source, { maxBytes: opts.maxBytes, field, name: basename(path), signal: opts.signal, beforeCommit: unchanged });
  } finally {
    await fh.close().catch(() => undefined);
  }
}
