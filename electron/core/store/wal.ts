// Folding the write-ahead log back into the database file, when the app chooses to (it is idle,
// or a bulk load just finished) rather than inside an interactive commit.
import type { Db } from './open';

/** PASSIVE copies what it can without waiting for readers; RESTART also waits so the next writer starts the WAL afresh. */
export function checkpointWal(db: Db, mode: 'PASSIVE' | 'RESTART'): void {
  db.pragma(`wal_checkpoint(${mode})`);
}

/**
 * Folds the whole WAL into the database file and truncates it, waiting for readers at most
 * `waitMs` (a reader's snapshot from before a commit keeps the WAL from being reset). Answers
 * whether it finished; if not, what it could copy is copied and the next checkpoint does the rest.
 */
export function emptyWal(db: Db, waitMs: number): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${waitMs}`);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}
