// Generic, parameterised SQL for the six record kinds. Column names come only from the shapes in
// shared/records.ts (never from input), values always travel as parameters.
import { fieldMeta, fieldNames, refLabel, TITLE_FIELD, type RecordKind, type RecordOf } from '../../../shared/records';
import type { ListInput, ListResult } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { Db } from './open';
import { toScopedMatchQuery } from './search';
import { refFields, selectList, TABLE, toColumn } from './tables';
import { prepared } from './prepared';

type Row = Record<string, unknown>;

const toSql = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

/** The columns an insert fills, in order: the id and the fields, then the three timestamps. */
const insertColumns = (kind: RecordKind) => ['id', ...fieldNames(kind), 'createdAt', 'updatedAt', 'deletedAt'];
const insertSql = (kind: RecordKind, cols: readonly string[]) => `INSERT INTO ${TABLE[kind]} (${cols.map(toColumn).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;

export function insertRecord(db: Db, kind: RecordKind, record: Row): void {
  const cols = insertColumns(kind);
  prepared(db, insertSql(kind, cols)).run(...cols.map((c) => toSql(record[c])));
}

export function getRecord<K extends RecordKind>(db: Db, kind: K, id: string): RecordOf[K] | undefined {
  return prepared(db, `SELECT ${selectList(kind)} FROM ${TABLE[kind]} t WHERE t.id = ?`).get(id) as RecordOf[K] | undefined;
}

export function updateRecord(db: Db, kind: RecordKind, id: string, changes: Row, updatedAt: string): void {
  const fields = Object.keys(changes).filter((f) => (fieldNames(kind) as string[]).includes(f));
  const sets = [...fields.map((f) => `${toColumn(f)} = ?`), 'updated_at = ?'];
  prepared(db, `UPDATE ${TABLE[kind]} SET ${sets.join(', ')} WHERE id = ?`).run(...fields.map((f) => toSql(changes[f])), updatedAt, id);
}

export function setDeleted(db: Db, kind: RecordKind, id: string, deletedAt: string | null, updatedAt: string): void {
  prepared(db, `UPDATE ${TABLE[kind]} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(deletedAt, updatedAt, id);
}

/** Whether a live record of that kind exists (used to check references before writing). */
export function isLive(db: Db, kind: RecordKind, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${TABLE[kind]} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
}

function sortExpression(kind: RecordKind, sort: string | undefined): string {
  if (!sort) return `t.${toColumn(fieldNames(kind)[kind === 'vendor' || kind === 'person' ? 0 : 1]!)} COLLATE NOCASE`;
  if (sort === 'createdAt' || sort === 'updatedAt') return `t.${toColumn(sort)}`;
  if (!(fieldNames(kind) as string[]).includes(sort)) {
    throw new ApiError('INVALID_INPUT', `sort: ${kind} has no field "${sort}"`, [{ field: 'sort', message: `has no field "${sort}"` }]);
  }
  const ref = refFields(kind).find((r) => r.field === sort);
  if (ref) {
    const titleCol = toColumn(TITLE_FIELD[ref.target]);
    return `(SELECT r.${titleCol} FROM ${TABLE[ref.target]} r WHERE r.id = t.${toColumn(sort)}) COLLATE NOCASE`;
  }
  // A cost's amount is decimal text, and the table shows what the cost comes to (dual running:
  // monthly × months): sorted by that number, not by the text ("9800" after "28500"). A double is
  // close enough to order by; the sums themselves are exact (shared/costs.ts).
  if (kind === 'cost' && sort === 'amount') return `CAST(t.amount AS REAL) * CASE WHEN t.category = 'dual_running' THEN coalesce(t.months, 0) ELSE 1 END`;
  const meta = fieldMeta(kind, sort);
  // Choices sort in their declared order (critical, high, medium, low), not alphabetically.
  if (meta.control === 'enum' && meta.options) {
    return `CASE t.${toColumn(sort)} ${meta.options.map((o, i) => `WHEN '${o}' THEN ${i}`).join(' ')} END`;
  }
  return meta.control === 'int' || meta.control === 'money' || meta.control === 'date'
    ? `t.${toColumn(sort)}`
    : `t.${toColumn(sort)} COLLATE NOCASE`;
}

/** One page of a kind's records with filter and sort, plus the total and the names it refers to. */
export function listRecords<K extends RecordKind>(db: Db, kind: K, q: ListInput): ListResult<RecordOf[K]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!q.includeDeleted) where.push('t.deleted_at IS NULL');
  if (q.vendorId) {
    if (kind === 'vendor') { where.push('t.id = ?'); } else { where.push('t.vendor_id = ?'); }
    params.push(q.vendorId);
  }
  for (const [field, value] of Object.entries(q.where ?? {})) {
    if (!(fieldNames(kind) as string[]).includes(field) || fieldMeta(kind, field).control !== 'enum') {
      throw new ApiError('INVALID_INPUT', `where.${field}: ${kind} has no choice field "${field}"`, [{ field: `where.${field}`, message: 'is not a choice field' }]);
    }
    where.push(`t.${toColumn(field)} = ?`);
    params.push(value);
  }
  const match = q.filter ? toScopedMatchQuery(q.filter, kind, kind === 'vendor' ? undefined : q.vendorId) : null;
  if (match) {
    where.push(`t.id IN (SELECT d.record_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ?)`);
    params.push(match);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const limit = q.limit ?? 200;
  const offset = q.offset ?? 0;
  const rows = prepared(db, `SELECT ${selectList(kind)} FROM ${TABLE[kind]} t ${whereSql}
    ORDER BY ${sortExpression(kind, q.sort)} ${dir}, t.id ${dir} LIMIT ? OFFSET ?`).all(...params, limit, offset) as RecordOf[K][];
  const total = offset === 0 && rows.length < limit
    ? rows.length
    : (prepared(db, `SELECT count(*) AS n FROM ${TABLE[kind]} t ${whereSql}`).get(...params) as { n: number }).n;
  return { rows, total, labels: labelsFor(db, kind, rows as unknown as Row[]) };
}

/** Display names of the people, documents and vendors a set of rows refers to; one deleted since reads "Dmitri Ivanov (left)". */
export function labelsFor(db: Db, kind: RecordKind, rows: Row[]): Record<string, string> {
  const labels: Record<string, string> = {};
  const wanted = new Map<RecordKind, Set<string>>();
  for (const { field, target } of refFields(kind)) {
    for (const row of rows) {
      const id = row[field];
      if (typeof id === 'string') {
        if (!wanted.has(target)) wanted.set(target, new Set());
        wanted.get(target)!.add(id);
      }
    }
  }
  for (const [target, ids] of wanted) {
    const titleCol = toColumn(TITLE_FIELD[target]);
    const list = [...ids];
    // Chunked: SQLite caps the number of parameters in one statement.
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const found = prepared(db, `SELECT id, ${titleCol} AS label, deleted_at AS deletedAt FROM ${TABLE[target]} WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as { id: string; label: string; deletedAt: string | null }[];
      for (const f of found) labels[f.id] = refLabel(target, f.label, f.deletedAt !== null);
    }
  }
  return labels;
}

/** A prepared insert for bulk loads (demo data, imports): one statement reused for every row. */
export function prepareInsert(db: Db, kind: RecordKind): (record: Row) => void {
  const cols = insertColumns(kind);
  const stmt = prepared(db, insertSql(kind, cols));
  return (record) => {
    stmt.run(...cols.map((c) => toSql(record[c])));
  };
}

const addedFieldsOf = new Map<RecordKind, readonly string[]>();

/** What a new record holds before it is written, in the insert's order: the id and the fields (the timestamps come with the write). */
export function addedFields(kind: RecordKind): readonly string[] {
  let f = addedFieldsOf.get(kind);
  if (!f) addedFieldsOf.set(kind, (f = insertColumns(kind).slice(0, -3)));
  return f;
}

/**
 * A new record as one array in addedFields order, its values as SQLite takes them: the compact
 * form a large sheet's plan holds (an array per row instead of an object of a dozen properties).
 */
export function addedValues(kind: RecordKind, record: Row): unknown[] {
  const fields = addedFields(kind);
  const out = new Array<unknown>(fields.length);
  for (let i = 0; i < fields.length; i++) out[i] = toSql(record[fields[i]!]);
  return out;
}

/** Rows one statement of insertAdded writes: a 100,000-row insert takes about half as long as row by row, and more per statement gains nothing. */
const ADDED_PER_STATEMENT = 16;

/**
 * Inserts records in addedValues form, created (and so updated) at one time, live: several rows
 * per statement, since running a statement costs more than the row it writes.
 */
export function insertAdded(db: Db, kind: RecordKind, rows: readonly (readonly unknown[])[], at: string): void {
  const cols = insertColumns(kind);
  const width = cols.length;
  const many = prepared(db, insertSql(kind, cols) + `, (${cols.map(() => '?').join(', ')})`.repeat(ADDED_PER_STATEMENT - 1));
  const params = new Array<unknown>(width * ADDED_PER_STATEMENT);
  let i = 0;
  for (; i + ADDED_PER_STATEMENT <= rows.length; i += ADDED_PER_STATEMENT) {
    let k = 0;
    for (let j = i; j < i + ADDED_PER_STATEMENT; j++) k = putAdded(params, k, rows[j]!, at);
    many.run(params);
  }
  const one = prepared(db, insertSql(kind, cols));
  const single = new Array<unknown>(width);
  for (; i < rows.length; i++) {
    putAdded(single, 0, rows[i]!, at);
    one.run(single);
  }
}

/** Puts one added row and its timestamps (created, updated, not deleted) into a statement's parameters from `k`; answers where the next row goes. */
function putAdded(params: unknown[], k: number, values: readonly unknown[], at: string): number {
  for (const v of values) params[k++] = v;
  params[k++] = at;
  params[k++] = at;
  params[k++] = null;
  return k;
}
