// What a killed process leaves behind, and sweeping it when the workbook opens: the hidden
// `.partial` file of an export (wherever its destination was), the attachment store's temporary
// files and the stored files no attachment needs any more. (Import staging folders: see
// removeStaleStaging in import.ts.) Only files that are provably ours are removed: our naming
// pattern in the attachment store's own subfolders, or the partial names of an export this
// workbook recorded; and only once they are older than a margin by mtime, because another
// process (the CLI, a second window) may be writing them right now.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileNeeded } from '../store/attachments';
import { attachmentDir, sweepBlobs } from '../store/blobs';
import type { Db } from '../store/open';
import { deleteSetting, settingsWithPrefix, writeSettingApart } from '../store/settings';

/** An hour, as for import staging folders: no live export or import leaves a file untouched that long. */
export const LEFTOVER_MARGIN_MS = 60 * 60 * 1000;

/** Settings key of an export in flight: `export_in_flight:<the 12 hex digits of its partial file>`. */
const IN_FLIGHT = 'export_in_flight:';
const ID = /^[0-9a-f]{12}$/;

/** The hidden file an export writes before renaming it to its destination. */
export function partialPath(destination: string, id: string): string {
  return join(dirname(destination), `.${basename(destination)}.${id}.partial`);
}

function partialPattern(destination: string): (name: string) => boolean {
  const prefix = `.${basename(destination)}.`;
  return (name) => name.startsWith(prefix) && name.endsWith('.partial') && ID.test(name.slice(prefix.length, -'.partial'.length));
}

/**
 * Records in the workbook that an export to `destination` is under way, so that its partial file
 * is removed at a later open if the process dies before it can clean up. Uses a connection of its
 * own (the export reads through a read-only one). Returns how to forget it again. Best effort: a
 * workbook that cannot be written to (read-only media) still exports, only without this record.
 */
export function rememberExport(workbookPath: string, nativeBinding: string | undefined, id: string, destination: string, now: Date): () => void {
  const key = `${IN_FLIGHT}${id}`;
  const recorded = writeSettingApart(workbookPath, nativeBinding, key, JSON.stringify({ destination, startedAt: now.toISOString() }));
  return () => {
    if (recorded) writeSettingApart(workbookPath, nativeBinding, key, null);
  };
}

export interface SweepResult {
  partials: number;
  blobTemps: number;
  unreferencedBlobs: number;
}

/** Removes a file if it is a regular file (never a link or folder) last modified before `before`. */
function removeIfOld(path: string, before: number): 'removed' | 'fresh' | 'absent' {
  let s;
  try {
    s = lstatSync(path);
  } catch {
    return 'absent';
  }
  if (!s.isFile()) return 'absent';
  if (s.mtimeMs >= before) return 'fresh';
  rmSync(path, { force: true });
  return 'removed';
}

/** Partial files of recorded exports, then the records that have nothing left to watch. */
function sweepPartials(db: Db, before: number): number {
  let removed = 0;
  const rows = settingsWithPrefix(db, IN_FLIGHT);
  for (const { key, value } of rows) {
    let destination: unknown;
    let startedAt = Number.NaN;
    try {
      const v = JSON.parse(value) as { destination?: unknown; startedAt?: unknown };
      destination = v.destination;
      startedAt = typeof v.startedAt === 'string' ? Date.parse(v.startedAt) : Number.NaN;
    } catch {
      // A damaged record names no file: it is dropped below.
    }
    let fresh = false;
    if (typeof destination === 'string' && isAbsolute(destination)) {
      const ours = partialPattern(destination);
      let names: string[] = [];
      try {
        names = readdirSync(dirname(destination)).filter(ours);
      } catch {
        // The folder is gone (a temporary folder, an unplugged disk): nothing to remove there.
      }
      for (const name of names) {
        const r = removeIfOld(join(dirname(destination), name), before);
        if (r === 'removed') removed++;
        if (r === 'fresh') fresh = true;
      }
    }
    // Kept while its export may still run elsewhere: started recently, or its file still grows.
    if (!fresh && !(startedAt >= before)) deleteSetting(db, key);
  }
  return removed;
}

/**
 * Sweeps the leftovers of killed exports and attachment writes (see the top of this file). Never
 * throws: a leftover that cannot be removed now is tried again at the next open.
 */
export function sweepLeftovers(db: Db, workbookPath: string, olderThanMs = LEFTOVER_MARGIN_MS, now = Date.now()): SweepResult {
  const before = now - olderThanMs;
  const result: SweepResult = { partials: 0, blobTemps: 0, unreferencedBlobs: 0 };
  try {
    result.partials = sweepPartials(db, before);
  } catch {
    // Best effort, as the comment above says.
  }
  try {
    const r = sweepBlobs(attachmentDir(workbookPath), fileNeeded(db), before);
    result.blobTemps = r.temps;
    result.unreferencedBlobs = r.unreferenced;
  } catch {
    // Best effort.
  }
  return result;
}
