// Bulk loads insert first and build the indexes afterwards: maintaining every index (and the
// full-text index) row by row makes a 100,000-record load several times slower.
import type { Db } from './open';
import { rebuildSearch } from './search';
import { checkpointWal } from './wal';

/**
 * Drops the indexes of these tables (inside the caller's transaction) and answers one function per
 * index that builds it again: one sorted build instead of an update per inserted row.
 */
export function dropIndexesEach(db: Db, tables: readonly string[]): (() => void)[] {
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN (${tables.map(() => '?').join(', ')})`).all(...tables) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  return indexes.map((i) => () => db.exec(i.sql));
}

/** dropIndexesEach, answering one function that builds them all again. */
export function dropIndexes(db: Db, tables: readonly string[]): () => void {
  const each = dropIndexesEach(db, tables);
  return () => {
    for (const build of each) build();
  };
}

/** The page cache a sheet's bulk write runs with, in KiB: the connection's own is 64 MiB (open.ts). */
const BULK_CACHE_KIB = 16 * 1024;

/**
 * Sets the smaller page cache a bulk write of new rows runs with, and answers the function that
 * sets the connection's own back. The new pages are written once and spill to the WAL whatever the
 * cache holds, so a large cache buys such a write nothing (100,000 rows take as long) while filling
 * to its limit: some 50 MB of the process's peak memory.
 */
export function setBulkCache(db: Db): () => void {
  const own = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  return () => db.pragma(`cache_size = ${own}`);
}

export function bulkLoad<T>(db: Db, load: () => T): T {
  const result = db.transaction(() => {
    const rebuild = dropIndexes(db, ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'checklists', 'checklist_items']);
    const result = load();
    rebuild();
    rebuildSearch(db);
    return result;
  }).immediate();
  // A bulk load leaves a WAL as large as the data; fold it into the database file now rather
  // than making the next interactive writes pay for it.
  checkpointWal(db, 'RESTART');
  return result;
}
