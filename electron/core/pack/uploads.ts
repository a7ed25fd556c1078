// The files the browser face uploaded (packs, identity files, sheets): each written whole into a
// folder of the backend's own before anything reads it, known by an id, and removed when used,
// discarded, or left for too long.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/errors';

interface Upload {
  path: string;
  size: number;
  complete: boolean;
  createdAt: number;
}

export class Uploads {
  private readonly uploads = new Map<string, Upload>();

  /** A new upload's id and the file its bytes go to, in `dir`. */
  begin(dir: string): { id: string; path: string } {
    const id = randomUUID();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${id}.zip`);
    this.uploads.set(id, { path, size: 0, complete: false, createdAt: Date.now() });
    return { id, path };
  }

  complete(id: string, size: number): void {
    const u = this.uploads.get(id);
    if (u) {
      u.size = size;
      u.complete = true;
    }
  }

  discard(id: string): boolean {
    const u = this.uploads.get(id);
    if (!u) return false;
    rmSync(u.path, { force: true });
    this.uploads.delete(id);
    return true;
  }

  /** The file of a finished upload; refused, naming the field, for one unknown or still arriving. */
  path(id: string): string {
    const u = this.uploads.get(id);
    if (!u || !u.complete) throw new ApiError('NOT_FOUND', `No finished upload ${id}`, [{ field: 'upload', message: 'is not a finished upload' }]);
    return u.path;
  }

  /** Discards the uploads begun before `before` (ms since the epoch). */
  sweep(before: number): void {
    for (const [id, u] of this.uploads) if (u.createdAt < before) this.discard(id);
  }

  /** Forgets every upload (their folder is removed by the caller). */
  clear(): void {
    this.uploads.clear();
  }
}
