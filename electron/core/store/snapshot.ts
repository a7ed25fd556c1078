// A read-only view of a workbook frozen at one moment: a second connection inside one read
// transaction, so everything read through it (a whole pack) shows the same state however long
// the reading takes, while the app's own connection stays free to write.
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { SCHEMA_VERSION } from './migrations';
import type { Db } from './open';

/** Opens the workbook a second time, read-only, and starts the read transaction. */
export function openSnapshot(path: string, nativeBinding?: string): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    throw new ApiError('FILE_ERROR', `Cannot read the workbook ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new ApiError('UNSUPPORTED', `The workbook ${path} has schema ${version}; this app exports schema ${SCHEMA_VERSION}. Open it in the app first.`);
    }
    db.exec('BEGIN');
    // A deferred transaction takes its snapshot at the first read: read now, so the moment is this one.
    db.prepare('SELECT count(*) FROM vendors').get();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Ends the read transaction and closes the connection. */
export function closeSnapshot(db: Db): void {
  if (db.inTransaction) db.exec('COMMIT');
  db.close();
}
