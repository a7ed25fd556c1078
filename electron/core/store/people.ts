// The columns that hold a person's id, found from the schema (so a new person field is covered
// without a change here), and the queries over them: who refers to a person, and moving those
// references to someone else.
import { RECORD_KINDS, TITLE_FIELD, type RecordKind } from '../../../shared/records';
import type { PersonRefGroup, PersonRefKind } from '../../../shared/people';
import type { Db } from './open';
import { prepared } from './prepared';
import { refFields, TABLE, toColumn } from './tables';

export interface PersonRefColumn {
  kind: PersonRefKind;
  field: string;
  table: string;
  /** The SQL expression of the record's title and of its vendor's id, over `t`. */
  title: string;
  vendor: string;
  /** Live records only, and only those of a live vendor (the rest are shown nowhere). */
  live: string;
}

/** Every field of every kind that holds a person's id: the record kinds' from their schemas, then the checklist items'. */
export const PERSON_REF_COLUMNS: readonly PersonRefColumn[] = [
  ...RECORD_KINDS.flatMap((kind: RecordKind) => refFields(kind).filter((r) => r.target === 'person').map((r) => {
    const vendorLive = kind === 'vendor' ? '' : ' AND EXISTS (SELECT 1 FROM vendors v WHERE v.id = t.vendor_id AND v.deleted_at IS NULL)';
    return {
      kind: kind as PersonRefKind, field: r.field, table: TABLE[kind], title: `t.${toColumn(TITLE_FIELD[kind])}`,
      vendor: kind === 'vendor' ? 't.id' : 't.vendor_id', live: `t.deleted_at IS NULL${vendorLive}`,
    };
  })),
  ...(['ownerId', 'signedOffById'] as const).map((field) => ({
    kind: 'checklist_item' as const, field, table: 'checklist_items', title: 't.title', vendor: 't.vendor_id',
    live: `t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM checklists c JOIN vendors v ON v.id = c.vendor_id
      WHERE c.id = t.checklist_id AND c.deleted_at IS NULL AND v.deleted_at IS NULL)`,
  })),
];

const referring = (f: PersonRefColumn) => `${toColumn(f.field)} = ? AND ${f.live}`;

/** How many live records name the person in this column. */
export function countReferring(db: Db, f: PersonRefColumn, personId: string): number {
  return (prepared(db, `SELECT count(*) AS n FROM ${f.table} t WHERE t.${referring(f)}`).get(personId) as { n: number }).n;
}

/** The first `limit` of them by title (any case), with their vendor's name. */
export function referringExamples(db: Db, f: PersonRefColumn, personId: string, limit: number): PersonRefGroup['records'] {
  return prepared(db, `SELECT t.id, ${f.title} AS title, (SELECT name FROM vendors WHERE id = ${f.vendor}) AS vendorName
    FROM ${f.table} t WHERE t.${referring(f)} ORDER BY ${f.title} COLLATE NOCASE, t.id LIMIT ?`).all(personId, limit) as PersonRefGroup['records'];
}

/** All of them, with their title and vendor's id. */
export function referringRecords(db: Db, f: PersonRefColumn, personId: string): { id: string; title: string; vendorId: string }[] {
  return prepared(db, `SELECT t.id, ${f.title} AS title, ${f.vendor} AS vendorId FROM ${f.table} t WHERE t.${toColumn(f.field)} = ? AND ${f.live}`)
    .all(personId) as { id: string; title: string; vendorId: string }[];
}

/** Points one record's column at another person. */
export function setReference(db: Db, f: PersonRefColumn, recordId: string, personId: string, updatedAt: string): void {
  prepared(db, `UPDATE ${f.table} SET ${toColumn(f.field)} = ?, updated_at = ? WHERE id = ?`).run(personId, updatedAt, recordId);
}

/** Live people's ids and names (the CLI finds a person by either). */
export function livePeopleNames(db: Db): { id: string; name: string }[] {
  return prepared(db, 'SELECT id, name FROM people WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as { id: string; name: string }[];
}
