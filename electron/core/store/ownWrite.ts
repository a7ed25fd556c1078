// One long write on a connection of its own (a large sheet import), so the backend's connection
// keeps answering reads meanwhile, from the workbook as it was until the commit (WAL).
import { openWorkbook, type Db } from './open';

/**
 * Opens the workbook again and begins an immediate transaction on it (waiting, as any write does,
 * for another process's). Its commit writes the WAL only: folding 100 MB into the database file
 * there would hold the event loop for as long again, so the backend's idle checkpoint does it.
 */
export function beginOwnWrite(workbookPath: string, nativeBinding: string | undefined): Db {
  const db = openWorkbook(workbookPath, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('wal_autocheckpoint = 0');
    db.exec('BEGIN IMMEDIATE');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function commitOwnWrite(db: Db): void {
  db.exec('COMMIT');
}

/** Rolls back what was not committed, and closes the connection. */
export function endOwnWrite(db: Db): void {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
  } finally {
    db.close();
  }
}
