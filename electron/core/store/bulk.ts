// Bulk loads insert first and build the indexes afterwards: maintaining every index (and the
// full-text index) row by row makes a 100,000-record load several times slower.
import type { Db } from './open';
import { rebuildSearch } from './search';

export function bulkLoad<T>(db: Db, load: () => T): T {
  const result = db.transaction(() => {
    const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
      AND tbl_name IN ('vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'checklists', 'checklist_items')`).all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
    const result = load();
    for (const i of indexes) db.exec(i.sql);
    rebuildSearch(db);
    return result;
  }).immediate();
  // A bulk load leaves a WAL as large as the data; fold it into the database file now rather
  // than making the next interactive writes pay for it.
  db.pragma('wal_checkpoint(RESTART)');
  return result;
}
