// Opening a workbook: the one place that sets the pragmas and brings the schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { fillActivityChain } from './activityChain';

export type Db = Database.Database;

export const BUSY_TIMEOUT_MS = 20_000;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another ABI (the desktop app's Electron build). */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openWorkbook(path: string, options: OpenOptions = {}): Db {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    throw new ApiError('FILE_ERROR', `Cannot open the workbook ${path}: ${(e as Error).message}`);
  }
  try {
    // Read the version before anything writes: a workbook from a newer app is left untouched.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new ApiError(
        'UNSUPPORTED',
        `The workbook ${path} was written by a newer version of Handover Workbook (schema ${version}; this app knows up to ${SCHEMA_VERSION}). Update the app to open it; the file was not changed.`,
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Checkpoints run when the app is idle (see the backend), not inside an interactive commit;
      // this ceiling only bounds the WAL if the app is busy for a long time.
      db.pragma('wal_autocheckpoint = 10000');
      // Keep a few megabytes of WAL allocated after a checkpoint: commits that reuse allocated
      // space fsync faster than ones that grow the file.
      db.pragma('journal_size_limit = 8388608');
    }
    db.pragma('foreign_keys = ON');
    // A larger page cache: the dashboard and readiness scan whole tables of big workbooks.
    db.pragma('cache_size = -65536');
    // Writers wait for another process's write this long (the longest ordinary write, a large
    // demo or bulk change, takes seconds); imports are answered BUSY at once instead (importLock.ts).
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof ApiError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new ApiError('FILE_ERROR', `${path} is not a Handover Workbook (not an SQLite database, or damaged); it was not changed.`);
    }
    throw new ApiError('FILE_ERROR', `Cannot open the workbook ${path}: ${(e as Error).message}`);
  }
}

/**
 * What a migration's literal SQL cannot do, done in JS right after it, in the same transaction:
 * SQLite has no SHA-256, so the entries already logged get their hashes here (version 6).
 */
const AFTER: Partial<Record<number, (db: Db) => void>> = { 6: fillActivityChain };

/** Runs every pending migration in one transaction: either all apply or none does. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      AFTER[m.version]?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return pending[pending.length - 1]!.version;
}
