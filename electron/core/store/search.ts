// The full-text index over every record's name and text, and every checklist item's, kept in step
// by the services inside each write's transaction, and rebuilt wholesale after a bulk load.
import { SEARCH_FIELDS, TITLE_FIELD, type RecordKind } from '../../../shared/records';
import type { SearchHit } from '../../../shared/contract';
import type { Db } from './open';
import { TABLE, toColumn } from './tables';
import { prepared } from './prepared';

type Row = Record<string, unknown>;

function texts(kind: RecordKind, record: Row): { title: string; body: string } {
  const title = String(record[TITLE_FIELD[kind]] ?? '');
  const body = (SEARCH_FIELDS[kind] as readonly string[]).map((f) => String(record[f] ?? '')).filter(Boolean).join('\n');
  return { title, body };
}

/** Tokens of the scope column: the record's kind and its vendor. */
export function scopeTokens(kind: string, vendorId: string | null): string {
  return `k${kind}${vendorId ? ` v${vendorId.replaceAll('-', '')}` : ''}`;
}

/** Checklist items share the index under this kind: their title, description and evidence note. */
export const ITEM_KIND = 'checklist_item';

/** Replaces a document's entry in the index, or only takes it out when it is no longer live. */
function putDoc(db: Db, doc: { id: string; kind: string; vendorId: string | null; title: string; body: string; live: boolean }): void {
  const existing = prepared(db, 'SELECT rowid FROM search_docs WHERE record_id = ?').get(doc.id) as { rowid: number } | undefined;
  if (existing) {
    prepared(db, 'DELETE FROM search_fts WHERE rowid = ?').run(existing.rowid);
    prepared(db, 'DELETE FROM search_docs WHERE rowid = ?').run(existing.rowid);
  }
  if (!doc.live) return;
  const { rowid } = prepared(db, 'INSERT INTO search_docs (record_id, kind, vendor_id) VALUES (?, ?, ?) RETURNING rowid')
    .get(doc.id, doc.kind, doc.vendorId) as { rowid: number };
  prepared(db, 'INSERT INTO search_fts (rowid, title, body, scope) VALUES (?, ?, ?, ?)').run(rowid, doc.title, doc.body, scopeTokens(doc.kind, doc.vendorId));
}

/** Puts a record into the index (or replaces its entry); a deleted record is taken out. */
export function indexRecord(db: Db, kind: RecordKind, record: Row): void {
  const id = String(record.id);
  const vendorId = kind === 'vendor' ? id : ((record.vendorId as string | null | undefined) ?? null);
  const t = texts(kind, record);
  putDoc(db, { id, kind, vendorId, ...t, live: !record.deletedAt });
}

/**
 * Re-indexes checklist items from their table (those of one checklist, or some by id), after a
 * write that added or changed them. Written as in rebuildSearch and migration 3: the body is the
 * description and the evidence note, one per line.
 */
export function indexItems(db: Db, which: { checklistId: string } | { ids: string[] }): void {
  const select = `SELECT id, vendor_id AS vendorId, title, description || char(10) || evidence AS body, deleted_at AS deletedAt FROM checklist_items`;
  const rows: { id: string; vendorId: string; title: string; body: string; deletedAt: string | null }[] = [];
  if ('checklistId' in which) rows.push(...(prepared(db, `${select} WHERE checklist_id = ?`).all(which.checklistId) as typeof rows));
  else for (const id of which.ids) rows.push(...(prepared(db, `${select} WHERE id = ?`).all(id) as typeof rows));
  for (const r of rows) putDoc(db, { id: r.id, kind: ITEM_KIND, vendorId: r.vendorId, title: r.title, body: r.body, live: !r.deletedAt });
}

/** Rebuilds the whole index from the tables: used after bulk loads, far faster than row by row. */
export function rebuildSearch(db: Db): void {
  db.exec('DELETE FROM search_fts; DELETE FROM search_docs;');
  for (const kind of Object.keys(TABLE) as RecordKind[]) indexKindInBulk(db, kind);
  db.exec(`INSERT INTO search_docs (record_id, kind, vendor_id) SELECT id, '${ITEM_KIND}', vendor_id FROM checklist_items WHERE deleted_at IS NULL`);
  db.exec(`INSERT INTO search_fts (rowid, title, body, scope)
    SELECT d.rowid, t.title, t.description || char(10) || t.evidence, 'k${ITEM_KIND} v' || replace(d.vendor_id, '-', '')
    FROM search_docs d JOIN checklist_items t ON t.id = d.record_id WHERE d.kind = '${ITEM_KIND}'`);
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
}

/**
 * Indexes the live records of a kind in two statements: all of them (a rebuild, the index empty),
 * or the rows after `afterRowid` (a bulk import's new records, just inserted in this transaction:
 * told by their rowid, which needs no scan of the whole table and its index entries), up to
 * `upToRowid` when given (an import indexing its rows a part at a time).
 */
export function indexKindInBulk(db: Db, kind: RecordKind, afterRowid?: number, upToRowid?: number): void {
  const table = TABLE[kind];
  const vendorCol = kind === 'vendor' ? 'id' : 'vendor_id';
  const title = toColumn(TITLE_FIELD[kind]);
  const body = (SEARCH_FIELDS[kind] as readonly string[]).map((f) => `coalesce(${toColumn(f)}, '')`).join(` || char(10) || `);
  const only = `${afterRowid === undefined ? '' : ' AND rowid > ?'}${upToRowid === undefined ? '' : ' AND rowid <= ?'}`;
  const params = [afterRowid, upToRowid].filter((r) => r !== undefined);
  const first = (db.prepare('SELECT coalesce(max(rowid), 0) FROM search_docs').pluck().get() as number) + 1;
  // OR IGNORE: a record that has an entry already keeps it (an import's new records, and every
  // record of a rebuild's emptied index, have none).
  db.prepare(`INSERT OR IGNORE INTO search_docs (record_id, kind, vendor_id) SELECT id, '${kind}', ${vendorCol} FROM ${table} WHERE deleted_at IS NULL${only}`).run(...params);
  withBulkFtsSettings(db, () => db.prepare(`INSERT INTO search_fts (rowid, title, body, scope)
    SELECT d.rowid, t.${title}, ${body}, 'k${kind}' || coalesce(' v' || replace(d.vendor_id, '-', ''), '') FROM search_docs d JOIN ${table} t ON t.id = d.record_id
    WHERE d.kind = '${kind}' AND d.rowid >= ?`).run(first));
}

/** FTS5's own defaults for the terms it holds in memory before writing them out as a segment, and for merging segments as it writes. */
const FTS_HASH_BYTES = 1024 * 1024;
const FTS_AUTOMERGE = 4;
/** What a bulk insert holds instead: 100,000 records index about 40% faster, for some 30 MB more for the statement's length. */
const FTS_BULK_HASH_BYTES = 16 * 1024 * 1024;

/**
 * Runs a bulk insert into the index with a larger in-memory buffer of pending terms (far fewer
 * segments written and merged again) and without merging segments while it writes: 100,000
 * records index about a third faster, and leave some ten segments instead of three, which the
 * writes after merge as FTS5 always does. Both set back to FTS5's defaults after (they are stored).
 */
function withBulkFtsSettings<T>(db: Db, fn: () => T): T {
  db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${FTS_BULK_HASH_BYTES})`);
  db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)`);
  try {
    return fn();
  } finally {
    db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ${FTS_AUTOMERGE})`);
    db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`);
  }
}

/**
 * Turns what a person types into an FTS5 query: every word must match as a prefix.
 * Words are quoted, so FTS syntax characters in the input are never interpreted.
 */
export function toMatchQuery(q: string): string | null {
  const words = q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return `{title body} : (${words.slice(0, 8).map((w) => `"${w}"*`).join(' ')})`;
}

/** The same words, limited to one kind of one vendor (a table's filter box). */
export function toScopedMatchQuery(q: string, kind: string, vendorId: string | undefined): string | null {
  const words = toMatchQuery(q);
  if (!words) return null;
  const scope = scopeTokens(kind, vendorId ?? null).split(' ').map((t) => `"${t}"`).join(' ');
  return `${words} AND {scope} : (${scope})`;
}

/**
 * Up to `limit` live entries that match an FTS5 query (of one kind if given), leaving out the
 * index rows in `notRowids`; in index order, unranked. Checklist items of a deleted checklist and
 * entries of a deleted vendor are left out too.
 */
export function searchIndex(db: Db, q: { match: string; kind?: RecordKind | undefined; limit: number; notRowids?: number[] }): (SearchHit & { rowid: number })[] {
  const not = q.notRowids ?? [];
  return prepared(db, `
    SELECT f.rowid AS rowid, d.kind AS kind, d.record_id AS id, d.vendor_id AS vendorId, v.name AS vendorName, ci.checklist_id AS checklistId,
           f.title AS title, snippet(search_fts, -1, char(2), char(3), '…', 10) AS snippet
    FROM search_fts f
    JOIN search_docs d ON d.rowid = f.rowid
    LEFT JOIN vendors v ON v.id = d.vendor_id
    LEFT JOIN checklist_items ci ON d.kind = 'checklist_item' AND ci.id = d.record_id
    LEFT JOIN checklists c ON c.id = ci.checklist_id
    WHERE search_fts MATCH ? ${q.kind ? 'AND d.kind = ?' : ''} AND (v.id IS NULL OR v.deleted_at IS NULL) AND (c.id IS NULL OR c.deleted_at IS NULL) ${not.length ? `AND f.rowid NOT IN (${not.map(() => '?').join(',')})` : ''}
    LIMIT ?`).all(q.match, ...(q.kind ? [q.kind] : []), ...not, q.limit) as (SearchHit & { rowid: number })[];
}
