// The attachment folder beside the workbook: each file stored once, named by its SHA-256, written
// to a temporary name, flushed and renamed, so a crash never leaves a half file under a real name.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
  if (existsSync(target) && statSync(target).size === bytes.byteLength) return { sha, written: false };
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
