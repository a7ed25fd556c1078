// The --db argument of the commands that read a workbook: it must name one that exists (reading
// never creates a workbook by accident).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkbook, type Db } from '../core/store/open';
import { UsageError, type Io } from './usage';

/** The workbook's absolute path, or null (with the reason on stderr) when there is none. */
export function existingWorkbook(db: string, io: Io): string | null {
  const path = resolve(db);
  if (existsSync(path)) return path;
  io.err(`No workbook at ${path}`);
  return null;
}

/**
 * Runs `read` on the workbook --db names, opened read-only (looking at a workbook never migrates or
 * changes it, and an older one is read as it is), and closes it after: 1 when there is none.
 */
export function readingWorkbook(db: string | undefined, io: Io, read: (db: Db, path: string) => number): number {
  if (!db) throw new UsageError('--db FILE is required');
  const path = existingWorkbook(db, io);
  if (!path) return 1;
  const wb = openWorkbook(path, { readonly: true });
  try {
    return read(wb, path);
  } finally {
    wb.close();
  }
}
