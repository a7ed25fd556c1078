// The SQL that cuts an export's read-only snapshot to a redaction profile (pack/profiles.ts).
// Temporary views named like the tables shadow them on that connection alone (SQLite resolves an
// unqualified name in `temp` first), so every later read of the export (data files, sheets,
// README, counts, attached files) sees only the rows the profile keeps, with its withheld columns
// already blank. Nothing is written to the workbook: the views live and die with the snapshot.
import type { Db } from './open';

/** Rows a view keeps: all, none, those whose id is in the cut's id list, or those whose `column` is not one of `values`. */
export type RowFilter = { all: true } | { none: true } | { ids: true } | { notIn: { column: string; values: readonly string[] } };

export interface TableCut {
  rows: RowFilter;
  /** Column → the value it reads as (text, number or null). */
  blanks: Record<string, string | number | null>;
}

// Letters, digits and underscores, not starting with a digit (attachments.sha256 is one).
const IDENT = /^[a-z_][a-z0-9_]*$/;

function literal(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}

function ident(s: string): string {
  // Names come from our table definitions, never from input; checked all the same, as they are spliced into SQL.
  if (!IDENT.test(s)) throw new Error(`not a plain SQL name: ${s}`);
  return s;
}

const idTable = (table: string) => `cut_${ident(table)}`;

function ensureIdTable(db: Db, table: string): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${idTable(table)} (id TEXT PRIMARY KEY) WITHOUT ROWID`);
}

/** Shadows each table with a view of what the cut keeps of it. Call once per snapshot, after any id lists are filled. */
export function createCutViews(db: Db, cuts: Record<string, TableCut>): void {
  for (const [table, cut] of Object.entries(cuts)) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(ident(table)) as string[]);
    const select = cols.map((c) => (c in cut.blanks ? `${literal(cut.blanks[c]!)} AS ${ident(c)}` : `t.${ident(c)}`)).join(', ');
    const r = cut.rows;
    let where = '1';
    if ('none' in r) where = '0';
    else if ('ids' in r) {
      ensureIdTable(db, table);
      where = `t.id IN (SELECT id FROM temp.${idTable(table)})`;
    } else if ('notIn' in r) where = r.notIn.values.length ? `t.${ident(r.notIn.column)} NOT IN (${r.notIn.values.map(literal).join(', ')})` : '1';
    db.exec(`CREATE TEMP VIEW ${ident(table)} AS SELECT ${select} FROM main.${ident(table)} t WHERE ${where}`);
  }
}

/** The id lists of one person's tasks, in the order they are filled. */
export const PERSON_CUT_TABLES = [
  'checklist_items', 'checklists', 'checklist_item_links', 'processes', 'repositories', 'licences', 'documents', 'vendors', 'people', 'attachment_links',
] as const;

const inCut = (table: string) => `(SELECT id FROM temp.${idTable(table)})`;
const linked = (kind: string) => `SELECT record_id FROM main.checklist_item_links WHERE id IN ${inCut('checklist_item_links')} AND deleted_at IS NULL AND record_kind = '${kind}'`;

/**
 * Fills the id lists of one person's tasks: the items they own (among the vendors in `scope`, a
 * JSON array, or all), their checklists and links, the records the items link (and the runbooks
 * of those processes), then, until nothing more is added, the vendors of every row kept and the
 * people those rows name, so that every reference in the pack finds its row. Returns how many
 * items the person owns there.
 */
export function fillPersonCut(db: Db, personId: string, scope: string | null): number {
  for (const t of PERSON_CUT_TABLES) ensureIdTable(db, t);
  const run = (sql: string) => db.prepare(sql).run({ p: personId, v: scope }).changes;
  const items = run(`INSERT OR IGNORE INTO temp.cut_checklist_items SELECT id FROM main.checklist_items
    WHERE owner_id = @p AND (@v IS NULL OR vendor_id IN (SELECT value FROM json_each(@v)))`);
  run(`INSERT OR IGNORE INTO temp.cut_checklists SELECT checklist_id FROM main.checklist_items WHERE id IN ${inCut('checklist_items')}`);
  run(`INSERT OR IGNORE INTO temp.cut_checklist_item_links SELECT id FROM main.checklist_item_links WHERE item_id IN ${inCut('checklist_items')}`);
  run(`INSERT OR IGNORE INTO temp.cut_processes ${linked('process')}
    UNION SELECT process_id FROM main.checklist_items WHERE id IN ${inCut('checklist_items')} AND process_id IS NOT NULL`);
  run(`INSERT OR IGNORE INTO temp.cut_repositories ${linked('repository')}`);
  run(`INSERT OR IGNORE INTO temp.cut_licences ${linked('licence')}`);
  run(`INSERT OR IGNORE INTO temp.cut_documents ${linked('document')}
    UNION SELECT runbook_id FROM main.processes WHERE id IN ${inCut('processes')} AND runbook_id IS NOT NULL`);
  run(`INSERT OR IGNORE INTO temp.cut_people VALUES (@p)`);
  for (;;) {
    const added = run(`INSERT OR IGNORE INTO temp.cut_vendors
        SELECT vendor_id FROM main.checklist_items WHERE id IN ${inCut('checklist_items')}
        UNION SELECT vendor_id FROM main.checklists WHERE id IN ${inCut('checklists')}
        UNION SELECT vendor_id FROM main.processes WHERE id IN ${inCut('processes')}
        UNION SELECT vendor_id FROM main.repositories WHERE id IN ${inCut('repositories')}
        UNION SELECT vendor_id FROM main.licences WHERE id IN ${inCut('licences')}
        UNION SELECT vendor_id FROM main.documents WHERE id IN ${inCut('documents')}
        UNION SELECT vendor_id FROM main.people WHERE id IN ${inCut('people')} AND vendor_id IS NOT NULL`)
      + run(`INSERT OR IGNORE INTO temp.cut_people SELECT x FROM (
          SELECT owner_id AS x FROM main.checklist_items WHERE id IN ${inCut('checklist_items')}
          UNION SELECT signed_off_by_id FROM main.checklist_items WHERE id IN ${inCut('checklist_items')}
          UNION SELECT owner_id FROM main.processes WHERE id IN ${inCut('processes')}
          UNION SELECT successor_id FROM main.processes WHERE id IN ${inCut('processes')}
          UNION SELECT admin_id FROM main.repositories WHERE id IN ${inCut('repositories')}
          UNION SELECT reviewed_by_id FROM main.documents WHERE id IN ${inCut('documents')}
          UNION SELECT vendor_contact_id FROM main.vendors WHERE id IN ${inCut('vendors')}
          UNION SELECT our_contact_id FROM main.vendors WHERE id IN ${inCut('vendors')}) WHERE x IS NOT NULL`);
    if (added === 0) break;
  }
  run(`INSERT OR IGNORE INTO temp.cut_attachment_links SELECT id FROM main.attachment_links
    WHERE (owner_kind = 'checklist_item' AND owner_id IN ${inCut('checklist_items')}) OR (owner_kind = 'document' AND owner_id IN ${inCut('documents')})`);
  return items;
}

/** A person's name and whether they left (a tombstone), or undefined when there is none with that id. */
export function personForCut(db: Db, id: string): { id: string; name: string; deletedAt: string | null } | undefined {
  return db.prepare('SELECT id, name, deleted_at AS deletedAt FROM main.people WHERE id = ?').get(id) as { id: string; name: string; deletedAt: string | null } | undefined;
}
