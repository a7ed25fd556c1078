// The full-text index over every record's name and text, kept in step by the services inside
// each write's transaction, and rebuilt wholesale after a bulk load.
import { SEARCH_FIELDS, TITLE_FIELD, type RecordKind } from '../../shared/records';
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

/** Puts a record into the index (or replaces its entry); a deleted record is taken out. */
export function indexRecord(db: Db, kind: RecordKind, record: Row): void {
  const id = String(record.id);
  const existing = prepared(db, 'SELECT rowid FROM search_docs WHERE record_id = ?').get(id) as { rowid: number } | undefined;
  if (existing) {
    prepared(db, 'DELETE FROM search_fts WHERE rowid = ?').run(existing.rowid);
    prepared(db, 'DELETE FROM search_docs WHERE rowid = ?').run(existing.rowid);
  }
  if (record.deletedAt) return;
  const vendorId = kind === 'vendor' ? id : ((record.vendorId as string | null | undefined) ?? null);
  const { rowid } = prepared(db, 'INSERT INTO search_docs (record_id, kind, vendor_id) VALUES (?, ?, ?) RETURNING rowid')
    .get(id, kind, vendorId) as { rowid: number };
  const t = texts(kind, record);
  prepared(db, 'INSERT INTO search_fts (rowid, title, body, scope) VALUES (?, ?, ?, ?)').run(rowid, t.title, t.body, scopeTokens(kind, vendorId));
}

/** Rebuilds the whole index from the tables: used after bulk loads, far faster than row by row. */
export function rebuildSearch(db: Db): void {
  db.exec('DELETE FROM search_fts; DELETE FROM search_docs;');
  for (const kind of Object.keys(TABLE) as RecordKind[]) {
    const table = TABLE[kind];
    const vendorCol = kind === 'vendor' ? 'id' : 'vendor_id';
    const title = toColumn(TITLE_FIELD[kind]);
    const body = (SEARCH_FIELDS[kind] as readonly string[]).map((f) => `coalesce(${toColumn(f)}, '')`).join(` || char(10) || `);
    db.exec(`INSERT INTO search_docs (record_id, kind, vendor_id) SELECT id, '${kind}', ${vendorCol} FROM ${table} WHERE deleted_at IS NULL`);
    db.exec(`INSERT INTO search_fts (rowid, title, body, scope)
      SELECT d.rowid, t.${title}, ${body}, 'k${kind}' || coalesce(' v' || replace(d.vendor_id, '-', ''), '') FROM search_docs d JOIN ${table} t ON t.id = d.record_id WHERE d.kind = '${kind}'`);
  }
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
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
