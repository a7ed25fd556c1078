// The attachment folder beside the workbook: each file stored once, named by its SHA-256, written
// to a temporary name, flushed and renamed, so a crash never leaves a half file under a real name.
// What a crash does leave (a temporary file, a file no attachment refers to) is swept by sweepBlobs.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export function attachmentDir(workbookPath: string): string {
  const base = basename(workbookPath, extname(workbookPath));
  return join(dirname(workbookPath), `${base}.attachments`);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function blobPath(dir: string, sha: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a SHA-256: ${sha}`);
  return join(dir, sha.slice(0, 2), sha);
}

/** Stores the bytes under their hash unless the same content is already there. Returns the hash. */
export function putBlob(dir: string, bytes: Uint8Array): { sha: string; written: boolean } {
  const sha = sha256(bytes);
  const target = blobPath(dir, sha);
  if (existsSync(target) && statSync(target).size === bytes.byteLength) {
    touchBlob(target);
    return { sha, written: false };
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    let off = 0;
    while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return { sha, written: true };
}

export function removeBlob(dir: string, sha: string): void {
  rmSync(blobPath(dir, sha), { force: true });
}

/**
 * Marks a stored file as just used: one no attachment refers to yet is about to be (a file added
 * again, an import), and a sweep in another process leaves files younger than its margin alone.
 */
export function touchBlob(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A store on read-only media is never swept either.
  }
}

const SUBFOLDER = /^[0-9a-f]{2}$/;
const BLOB = /^[0-9a-f]{64}$/;
const TEMP = /^\.([0-9a-f]{64})\.[0-9a-f]{12}\.tmp$/;
/** A file being streamed in (blobFile.ts): its hash is known only at the end, so it sits at the top. */
export const INCOMING = /^\.incoming\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes what killed writes left in the store: temporary files of putBlob, and stored files that
 * `needed` says no attachment refers to; only those last modified before `before` (ms), only
 * regular files named by our own patterns inside the two-hex subfolder their hash belongs in.
 * Anything else in the folder is left alone.
 */
export function sweepBlobs(dir: string, needed: (sha: string) => boolean, before: number): { temps: number; unreferenced: number } {
  const removed = { temps: 0, unreferenced: 0 };
  if (!existsSync(dir)) return removed;
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (sub.isFile() && INCOMING.test(sub.name)) {
      const path = join(dir, sub.name);
      try {
        if (lstatSync(path).mtimeMs < before) {
          rmSync(path, { force: true });
          removed.temps++;
        }
      } catch {
        // Gone already: tried again at the next open.
      }
      continue;
    }
    if (!sub.isDirectory() || !SUBFOLDER.test(sub.name)) continue;
    const folder = join(dir, sub.name);
    for (const name of readdirSync(folder)) {
      const temp = TEMP.exec(name);
      let kind: 'temps' | 'unreferenced' | null = null;
      if (temp) kind = temp[1]!.startsWith(sub.name) ? 'temps' : null;
      else if (BLOB.test(name) && name.startsWith(sub.name) && !needed(name)) kind = 'unreferenced';
      if (kind === null) continue;
      const path = join(folder, name);
      try {
        const s = lstatSync(path);
        if (!s.isFile() || s.mtimeMs >= before) continue;
        rmSync(path, { force: true });
        removed[kind]++;
      } catch {
        // Gone already, or not ours to remove after all: tried again at the next open.
      }
    }
  }
  return removed;
}
