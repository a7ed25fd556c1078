// The SQL behind packs: which rows of each table belong to an export, and reading and writing
// rows by the table's column list (the pack's tables, pack/tables.ts, give the names; they come
// from our code, never from a pack). `@v` in a scope is a JSON array of the chosen vendor ids, or
// null for every vendor.
import { OWNER_TABLE } from './attachments';
import type { Db } from './open';
import { prepared } from './prepared';

/** The SQL side of one of the pack's tables: its name and columns (field = the JSON key). */
export interface SqlTable {
  sql: string;
  columns: readonly { field: string; column: string }[];
}

type Row = Record<string, unknown>;

/** SQL: the attachment link `l` belongs to a record of the vendors in @v. */
const OWNED_BY_VENDORS = (l: string) => `(${Object.entries(OWNER_TABLE)
  .map(([kind, table]) => `(${l}.owner_kind = '${kind}' AND ${l}.owner_id IN (SELECT id FROM ${table} WHERE vendor_id IN (SELECT value FROM json_each(@v))))`)
  .join('\n      OR ')})`;

/** The rows of each table that belong to an export, as SQL over `t`. */
export const PACK_SCOPE = {
  vendors: `(@v IS NULL OR t.id IN (SELECT value FROM json_each(@v)))`,
  people: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)) OR t.id IN (
      SELECT vendor_contact_id FROM vendors WHERE id IN (SELECT value FROM json_each(@v))
      UNION SELECT our_contact_id FROM vendors WHERE id IN (SELECT value FROM json_each(@v))
      UNION SELECT owner_id FROM processes WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT successor_id FROM processes WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT admin_id FROM repositories WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT reviewed_by_id FROM documents WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT owner_id FROM checklist_items WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT signed_off_by_id FROM checklist_items WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT served_by_id FROM contract_notices WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT holder_id FROM access_credentials WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT verified_by_id FROM access_credentials WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT owner_id FROM data_sets WHERE vendor_id IN (SELECT value FROM json_each(@v))
      UNION SELECT checked_by_id FROM data_sets WHERE vendor_id IN (SELECT value FROM json_each(@v))))`,
  processes: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  repositories: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  licences: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  documents: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  contracts: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  contract_notices: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  exit_costs: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  access_credentials: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  data_sets: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  infrastructure_items: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  contract_links: `(@v IS NULL OR t.contract_id IN (SELECT id FROM contracts WHERE vendor_id IN (SELECT value FROM json_each(@v))))`,
  // The user's own templates the exported checklists came from (all of them in a whole-workbook
  // pack). Built-in templates are the app's: packs refer to them by pack/tables' builtinTemplateId().
  templates: `t.builtin IS NULL AND (@v IS NULL OR t.id IN (SELECT template_id FROM checklists WHERE vendor_id IN (SELECT value FROM json_each(@v))))`,
  template_items: `t.template_id IN (SELECT id FROM templates WHERE builtin IS NULL AND (@v IS NULL OR id IN (SELECT template_id FROM checklists WHERE vendor_id IN (SELECT value FROM json_each(@v)))))`,
  checklists: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  checklist_items: `(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))`,
  checklist_item_links: `(@v IS NULL OR t.item_id IN (SELECT id FROM checklist_items WHERE vendor_id IN (SELECT value FROM json_each(@v))))`,
  attachment_links: `(@v IS NULL OR ${OWNED_BY_VENDORS('t')})`,
  attachments: `t.id IN (SELECT attachment_id FROM attachment_links l WHERE @v IS NULL OR ${OWNED_BY_VENDORS('l')})`,
} as const;

export type ScopedTable = keyof typeof PACK_SCOPE;

/** The SELECT list that yields a row with the JSON's keys, in order. */
export function selectColumns(t: SqlTable, alias = 't'): string {
  return t.columns.map((c) => `${alias}.${c.column} AS "${c.field}"`).join(', ');
}

/** How many rows of the table an export holds (tombstones included). */
export function scopedCount(db: Db, table: ScopedTable, t: SqlTable, scope: string | null): number {
  return db.prepare(`SELECT count(*) FROM ${t.sql} t WHERE ${PACK_SCOPE[table]}`).pluck().get({ v: scope }) as number;
}

/** The rows an export holds, tombstones included, by id, with the JSON's keys (values as SQLite has them). */
export function scopedRows(db: Db, table: ScopedTable, t: SqlTable, scope: string | null): IterableIterator<Row> {
  return db.prepare(`SELECT ${selectColumns(t)} FROM ${t.sql} t WHERE ${PACK_SCOPE[table]} ORDER BY t.id`).iterate({ v: scope }) as IterableIterator<Row>;
}

/** A cell of a spreadsheet row: a column, or the title (`titleColumn`) of the row of `table` whose id the column holds. */
export type SheetCell = { column: string } | { column: string; table: string; titleColumn: string };

/** The live rows an export holds, by id, as arrays of the cells asked for. */
export function scopedSheetRows(db: Db, table: ScopedTable, t: SqlTable, cells: SheetCell[], scope: string | null): IterableIterator<unknown[]> {
  const select = cells.map((c) => ('table' in c ? `(SELECT r.${c.titleColumn} FROM ${c.table} r WHERE r.id = t.${c.column})` : `t.${c.column}`));
  return db.prepare(`SELECT ${select.join(', ')} FROM ${t.sql} t WHERE ${PACK_SCOPE[table]} AND t.deleted_at IS NULL ORDER BY t.id`).raw().iterate({ v: scope }) as IterableIterator<unknown[]>;
}

/** The live attachments an export holds, by hash: the files it carries. */
export function scopedAttachmentFiles(db: Db, scope: string | null): { sha256: string; size: number; fileName: string; mediaType: string }[] {
  return db.prepare(`SELECT t.sha256, t.size, t.file_name AS fileName, t.media_type AS mediaType FROM attachments t WHERE ${PACK_SCOPE.attachments} AND t.deleted_at IS NULL ORDER BY t.sha256`)
    .all({ v: scope }) as { sha256: string; size: number; fileName: string; mediaType: string }[];
}

/** One row by id with the JSON's keys (values as SQLite has them); undefined if there is none. */
export function rowById(db: Db, t: SqlTable, id: string): Row | undefined {
  return prepared(db, `SELECT ${selectColumns(t)} FROM ${t.sql} t WHERE t.id = ?`).get(id) as Row | undefined;
}

/** Whether a row with that id exists, tombstone or not. */
export function rowExists(db: Db, t: SqlTable, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${t.sql} WHERE id = ?`).get(id) !== undefined;
}

/** Inserts a row; `values` are in the table's column order, ready for SQLite. */
export function insertRow(db: Db, t: SqlTable, values: unknown[]): void {
  prepared(db, `INSERT INTO ${t.sql} (${t.columns.map((c) => c.column).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`).run(...values);
}

/** Overwrites every column but the id of a row; `values` are in the table's column order without the id. */
export function overwriteRow(db: Db, t: SqlTable, id: string, values: unknown[]): void {
  const cols = t.columns.filter((c) => c.field !== 'id');
  prepared(db, `UPDATE ${t.sql} SET ${cols.map((c) => `${c.column} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
}

/** The id of the link between a checklist item and a record, tombstone or not (links match by what they connect). */
export function itemLinkId(db: Db, itemId: string, recordKind: string, recordId: string): string | undefined {
  return (prepared(db, 'SELECT id FROM checklist_item_links WHERE item_id = ? AND record_kind = ? AND record_id = ?')
    .get(itemId, recordKind, recordId) as { id: string } | undefined)?.id;
}

/** The id of the link between a contract and a document or licence, tombstone or not (links match by what they connect). */
export function contractLinkId(db: Db, contractId: string, recordKind: string, recordId: string): string | undefined {
  return (prepared(db, 'SELECT id FROM contract_links WHERE contract_id = ? AND record_kind = ? AND record_id = ?')
    .get(contractId, recordKind, recordId) as { id: string } | undefined)?.id;
}

/**
 * Runs `fn` with foreign keys unenforced (check them at its end with danglingReferences). The
 * pragma is a no-op inside a transaction, so this is called around one.
 */
export function withoutForeignKeys<T>(db: Db, fn: () => T): T {
  db.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Rows whose references point at no row (checked in one pass, with key lookups). */
export function danglingReferences(db: Db): { table: string; rowid: number; parent: string }[] {
  return db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}
