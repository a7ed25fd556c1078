// Sheet mappings remembered per source (the kind and the sheet's header set), so the next file
// from the same source maps itself. Kept in the settings table, one row per source: no table of
// their own is needed for a few dozen small JSON values.
import type { Db } from './open';
import type { RecordKind } from '../../../shared/records';
import { prepared } from './prepared';
import { TABLE } from './tables';

const PREFIX = 'sheet_mapping:';

export interface StoredMapping {
  id: string;
  sourceKey: string;
  json: string;
}

export function getSheetMapping(db: Db, sourceKey: string): string | undefined {
  return (prepared(db, 'SELECT value FROM settings WHERE key = ?').get(PREFIX + sourceKey) as { value: string } | undefined)?.value;
}

export function putSheetMapping(db: Db, sourceKey: string, json: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PREFIX + sourceKey, json);
}

export function listSheetMappings(db: Db): { sourceKey: string; json: string }[] {
  // A range over the key prefix: the settings primary key serves it.
  return (prepared(db, "SELECT key, value FROM settings WHERE key >= ? AND key < ? ORDER BY key").all(PREFIX, `${PREFIX}\uffff`) as { key: string; value: string }[])
    .map((r) => ({ sourceKey: r.key.slice(PREFIX.length), json: r.value }));
}

export function deleteSheetMapping(db: Db, sourceKey: string): boolean {
  return prepared(db, 'DELETE FROM settings WHERE key = ?').run(PREFIX + sourceKey).changes > 0;
}

/** The newest sheet import's activity entry. */
export function lastSheetImportId(db: Db): string | null {
  return (prepared(db, "SELECT id FROM activity WHERE action = 'import' AND kind = 'sheet' ORDER BY seq DESC LIMIT 1").pluck().get() as string | undefined) ?? null;
}

/** How many records of a kind the workbook holds (tombstones included: they are rows of the table too). */
export function countRecords(db: Db, kind: RecordKind): number {
  return prepared(db, `SELECT count(*) FROM ${TABLE[kind]}`).pluck().get() as number;
}

/** The largest rowid of a kind's table (0 when empty): rows inserted after it have larger ones. */
export function lastRowid(db: Db, kind: RecordKind): number {
  return prepared(db, `SELECT coalesce(max(rowid), 0) FROM ${TABLE[kind]}`).pluck().get() as number;
}

// What a sheet's rows refer to by name, loaded once per run (sheets/lookups.ts).
export function liveVendorNames(db: Db): { id: string; k: string }[] {
  return prepared(db, 'SELECT id, name AS k FROM vendors WHERE deleted_at IS NULL').all() as { id: string; k: string }[];
}

export function livePeopleNames(db: Db): { id: string; name: string; email: string }[] {
  return prepared(db, 'SELECT id, name, email FROM people WHERE deleted_at IS NULL').all() as { id: string; name: string; email: string }[];
}

export function liveDocumentTitles(db: Db): { id: string; v: string; title: string }[] {
  return prepared(db, 'SELECT id, vendor_id AS v, title FROM documents WHERE deleted_at IS NULL').all() as { id: string; v: string; title: string }[];
}

/** Every live record's natural key (the field's column, never input), with its vendor for inventory kinds. */
export function liveKeys(db: Db, kind: RecordKind, column: string): { id: string; v: string; k: unknown }[] {
  const scoped = kind !== 'vendor' && kind !== 'person';
  return prepared(db, `SELECT id, ${scoped ? 'vendor_id' : "''"} AS v, ${column} AS k FROM ${TABLE[kind]} WHERE deleted_at IS NULL`).all() as { id: string; v: string; k: unknown }[];
}

export { workbookStamp } from './workbookStamp';
