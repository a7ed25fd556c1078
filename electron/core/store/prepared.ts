// Prepared statements cached per database: preparing costs more than running a small statement,
// and every interactive write runs a handful of them.
import type Database from 'better-sqlite3';

type Db = Database.Database;
const MAX = 1000;
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    // Dynamic list queries vary with their filters; the set is bounded, but keep a ceiling anyway.
    if (cache.size >= MAX) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
