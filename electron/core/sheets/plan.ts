// The dry run: every row of the table read through the mapping into the record it would add or
// the changes it would make, or refused with the cell and the reason. Nothing is written here;
// apply.ts writes exactly what the plan says, in one transaction.
import { REQUIRED_FIELDS } from '../../../shared/contract';
import { DEFAULTS, TITLE_FIELD, crossFieldIssues, fieldMeta, kindNouns, type RecordKind } from '../../../shared/records';
import {
  MAX_PREVIEW_REFUSALS, MAX_PREVIEW_ROWS, type MissingPerson, type SheetMapping, type SheetPreview, type SheetRefusal,
  type SheetRowOutcome, type UnmatchedValues,
} from '../../../shared/sheets';
import type { Db } from '../store/open';
import { addedValues, getRecord } from '../store/records';
import { liveKeys } from '../store/sheets';
import { toColumn } from '../store/tables';
import { inferDateOrder, keyOf, mappedColumns, mappingError, type Column } from './columns';
import { ID_FIELD } from './fields';
import { columnLetter, isEmptyCell, isErrorValue, isFormulaWithoutValue, type Cell } from './grid';
import { isUuid, Lookups, refKey } from './lookups';
import { cellFixes, fixedCells } from './overrides';
import type { Table } from './table';
import { cellText, readChoice, readDate, readNumber } from './values';

type Row = Record<string, unknown>;

export interface PlannedUpdate {
  id: string;
  row: number;
  before: Row;
  changes: Row;
}

export interface Plan {
  preview: SheetPreview;
  /** The new records, each as store/records.ts addedValues (id first): compact enough to keep between the dry run and the apply. */
  adds: unknown[][];
  updates: PlannedUpdate[];
  people: Row[];
}

export interface PlanInput {
  db: Db;
  kind: RecordKind;
  table: Table;
  mapping: SheetMapping;
  fileName: string;
  sha256: string;
  /** The vendor rows belong to when no column says (name or id). */
  vendor?: string | undefined;
  newId: () => string;
}

export interface PlanProgress {
  done: number;
  total: number;
}

/** A person the sheet names there works for the vendor: a process's owner, the vendor's contact, an access's holder (a data set's owner is ours). */
const vendorSide = (kind: RecordKind, field: string) =>
  (field === 'ownerId' && kind === 'process') || field === 'vendorContactId' || field === 'holderId';
const PROGRESS_EVERY = 2000;
/**
 * Distinct texts of one column remembered. A column with more (names, descriptions: a new text on
 * nearly every row) is read cell by cell from then on, as looking each one up would cost more than it saves.
 */
const MAX_CACHED_TEXTS = 4096;

/** A cell read from its text alone (a choice, a currency, free text): its value, or the refusal and whether the text matched no option (offered in the picker). */
type TextRead = { value: unknown } | { message: string; unmatched: boolean };

/** The fields whose cell is read from its text alone, with no lookup and whatever the cell's type: the rest have a case of their own in planSteps. */
const readsTextAlone = (control: string) => !['int', 'money', 'date', 'vendor', 'person', 'document'].includes(control);

/** Reads a cell of such a field (the same checks, in the same order, whether or not its text was seen before). */
function readTextCell(col: Column, text: string, userMap: Record<string, string> | undefined): TextRead {
  const meta = col.meta!;
  let value: unknown = text;
  if (meta.control === 'enum') {
    const v = readChoice(text, meta.options ?? [], userMap, col.field);
    if (!v.ok) return { message: v.message, unmatched: true };
    value = v.value;
  } else if (meta.control === 'currency') {
    value = text.toUpperCase().replace('€', 'EUR').replace('$', 'USD').replace('£', 'GBP');
  }
  const parsed = col.schema!.safeParse(value);
  return parsed.success ? { value: parsed.data } : { message: parsed.error.issues[0]?.message ?? 'is not valid', unmatched: false };
}
/** Existing live records by their natural key (within the vendor for inventory kinds). */
function existingByKey(db: Db, kind: RecordKind, key: string): Map<string, string[]> {
  const rows = liveKeys(db, kind, toColumn(key));
  const m = new Map<string, string[]>();
  for (const r of rows) {
    if (r.k === null || r.k === '') continue;
    const k = `${r.v}\u0000${refKey(String(r.k))}`;
    const list = m.get(k);
    if (list) list.push(r.id); else m.set(k, [r.id]);
  }
  return m;
}

const NO_IDS: readonly string[] = [];
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * `{ ...defaults, ...values }`: the same properties in the same order (the fields are never
 * `__proto__`). V8 spreads objects of varying shapes (rows differ in which cells are filled)
 * slowly, and that spread was over half of a 100,000-row dry run; Object.assign onto a new object
 * has a fast path, faster again than copying the properties one by one.
 */
const withDefaults = (defaults: Row, values: Row): Row => Object.assign({}, defaults, values);

/**
 * A new id as one flat string. Node's randomUUID joins its 36 characters from pieces, and V8 keeps
 * such a string as a tree of some 14 parts (about 480 bytes instead of 56) until something reads a
 * character: a plan kept for 100,000 new records held 45 MB in those trees. Reading one flattens it.
 */
function flatId(id: string): string {
  id.charCodeAt(0);
  return id;
}

/** The plan in one go (inside a write transaction, which cannot wait). */
export function planSheet(input: PlanInput): Plan {
  const steps = planSteps(input);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/** The plan with a pause every few thousand rows (a job reports progress and can stop there). */
export async function planSheetAsync(input: PlanInput, onRows: (p: PlanProgress) => void, signal: AbortSignal): Promise<Plan> {
  const steps = planSteps(input);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    onRows(n.value);
    await new Promise<void>((r) => setImmediate(r));
    if (signal.aborted) throw Object.assign(new Error('The dry run was cancelled'), { name: 'AbortError' });
  }
}

function* planSteps(input: PlanInput): Generator<PlanProgress, Plan> {
  const { db, kind, table, mapping } = input;
  const newId = () => flatId(input.newId());
  const columns = mappedColumns(kind, table, mapping);
  const key = keyOf(kind, columns, mapping.key);
  const lookups = new Lookups(db);
  const scoped = kind !== 'vendor' && kind !== 'person';
  let defaultVendor: string | null = null;
  if (input.vendor !== undefined && scoped) {
    const v = lookups.vendor(input.vendor);
    if (!('id' in v)) throw mappingError('vendor', 'message' in v ? v.message : `no vendor is named "${input.vendor}"`);
    defaultVendor = v.id;
  }
  if (scoped && defaultVendor === null && !columns.some((c) => c.field === 'vendorId')) {
    throw mappingError('vendor', 'choose the vendor these rows belong to, or map a column to the vendor');
  }
  const titleField = TITLE_FIELD[kind];
  // Beyond the vendor and the title, what a new record cannot do without (an exit cost's amount and currency).
  const alsoRequired = (REQUIRED_FIELDS[kind] as readonly string[]).filter((f) => f !== titleField && f !== 'vendorId');
  const defaults: Row = DEFAULTS[kind];
  if (!columns.some((c) => c.field === titleField) && key !== ID_FIELD) {
    throw mappingError('mapping.columns', `map a column to "${fieldMeta(kind, titleField).label}": every ${kindNouns(kind).one} needs one`);
  }
  const inferred = inferDateOrder(table, columns);
  const dateOrder = mapping.dateOrder ?? inferred.order;
  const needsDateOrder = inferred.ambiguous && dateOrder === undefined;
  const byKey = key === ID_FIELD ? null : existingByKey(db, kind, key);
  const fixes = cellFixes(table, mapping);
  // The rows seen so far by their key, per vendor (or '' for kinds without one): keyed by the text
  // alone rather than by vendor and text joined, which makes a new string to hash for every row.
  const seenKeys = new Map<string, Map<string, number>>();

  const refused: SheetRefusal[] = [];
  let refusedRows = 0;
  const outcomes: SheetRowOutcome[] = [];
  const unmatched = new Map<string, { field: string; column: string; values: Map<string, number> }>();
  const missing = new Map<string, MissingPerson>();
  const adds: unknown[][] = [];
  const updates: PlannedUpdate[] = [];
  const people: Row[] = [];
  let unchanged = 0;
  const total = table.rows.length;

  // A column of choices or short texts (a frequency, an SLA) repeats a few values: each distinct
  // text is read and checked by the schema once, not once per row (a tenth of a 100,000-row dry
  // run with three such columns). By the column's place in `columns`; null for a column read otherwise.
  const texts = columns.map((c) => (c.meta !== null && c.compound === null && readsTextAlone(c.meta.control) ? new Map<string, TextRead>() : null));
  const textOf = (at: number, text: string): TextRead => {
    const col = columns[at]!;
    const known = texts[at];
    let c = known?.get(text);
    if (c === undefined) {
      c = readTextCell(col, text, mapping.values?.[col.field]);
      if (known) {
        if (known.size < MAX_CACHED_TEXTS) known.set(text, c);
        else texts[at] = null;
      }
    }
    return c;
  };
  const readsText = texts.map((t) => t !== null);
  const keyCol = columns.find((c) => c.field === key);
  // One list of the row's problems and one function to add to it, for every row: a closure made
  // per row (and its array) is most of what the loop allocates when every row is fine.
  const problems: SheetRefusal[] = [];
  let rowNumber = 0;
  const refuse = (column: string, field: string, message: string) => problems.push({ row: rowNumber, column, field, message });
  const hasProblemWith = (field: string) => {
    for (const p of problems) if (p.field === field) return true;
    return false;
  };

  for (let i = 0; i < total; i++) {
    if (i > 0 && i % PROGRESS_EVERY === 0) yield { done: i, total };
    const r = table.rows[i]!;
    const cells = fixes === null ? r.cells : fixedCells(r.cells, fixes.get(r.row));
    problems.length = 0;
    rowNumber = r.row;
    // A value beyond the last header has no column to go to.
    for (let c = table.headers.length; c < r.cells.length; c++) {
      if (!isEmptyCell(r.cells[c]!)) { refuse(columnLetter(c), '', 'has a value in a column without a header'); break; }
    }
    const values: Row = {};
    let pending: { col: Column; text: string }[] | null = null;
    for (let at = 0; at < columns.length; at++) {
      const col = columns[at]!;
      const cell: Cell = cells[col.index] ?? null;
      if (isFormulaWithoutValue(cell)) { refuse(col.label, col.field, `is a formula (=${cell.formula}) saved without its value; open the file in the spreadsheet and save it again`); continue; }
      if (isErrorValue(cell)) { refuse(col.label, col.field, `holds the error ${cell.error}, not a value; correct it in the spreadsheet and save it again`); continue; }
      // One trim per cell: an empty cell's text is '' (the second test only runs for those).
      const text = cellText(cell);
      if (text === '' && isEmptyCell(cell)) continue;
      if (col.field === ID_FIELD) {
        if (!isUuid(text)) refuse(col.label, col.field, `"${text}" is not an id of this workbook`);
        else values.id = text.toLowerCase();
        continue;
      }
      if (col.compound) {
        const c = col.compound(cell);
        if (!c.ok) { refuse(col.label, col.field, c.message); continue; }
        const parsed = col.schema!.safeParse(c.value.value);
        if (!parsed.success) { refuse(col.label, col.field, parsed.error.issues[0]?.message ?? 'is not valid'); continue; }
        values[col.field] = parsed.data;
        for (const [f, v] of Object.entries(c.value.also)) if (!columns.some((x) => x.field === f)) values[f] = v;
        continue;
      }
      const meta = col.meta!;
      if (readsText[at]) {
        const v = textOf(at, text);
        if ('message' in v) {
          refuse(col.label, col.field, v.message);
          if (v.unmatched) {
            const u = unmatched.get(col.field) ?? { field: col.field, column: col.header, values: new Map<string, number>() };
            u.values.set(text, (u.values.get(text) ?? 0) + 1);
            unmatched.set(col.field, u);
          }
          continue;
        }
        values[col.field] = v.value;
        continue;
      }
      let value: unknown = text;
      switch (meta.control) {
        case 'int':
        case 'money': {
          const n = readNumber(cell);
          if (!n.ok) { refuse(col.label, col.field, n.message); continue; }
          value = n.value.value;
          if (meta.control === 'money' && n.value.currency && !columns.some((c) => c.field === 'currency')) values.currency = n.value.currency;
          break;
        }
        case 'date': {
          const d = readDate(cell, dateOrder);
          if (!d.ok) { refuse(col.label, col.field, d.message); continue; }
          value = d.value;
          break;
        }
        case 'vendor': {
          const v = lookups.vendor(text);
          if (!('id' in v)) { refuse(col.label, col.field, 'message' in v ? v.message : `no vendor is named "${text}"`); continue; }
          value = v.id;
          break;
        }
        case 'person': {
          const p = lookups.person(text);
          // A person created for an earlier row is still missing: this row counts towards them too.
          if ('created' in p) { missing.get(refKey(text))!.rows++; value = p.id; break; }
          if ('id' in p) { value = p.id; break; }
          if ('message' in p) { refuse(col.label, col.field, p.message); continue; }
          const m = missing.get(refKey(text)) ?? { ref: text, rows: 0 };
          m.rows++;
          missing.set(refKey(text), m);
          if (!mapping.createPeople) { refuse(col.label, col.field, `no person is named "${text}" (create the missing people, or add them first)`); continue; }
          const id = newId();
          const email = text.includes('@') ? text.toLowerCase() : '';
          people.push({ ...DEFAULTS.person, name: email ? email.split('@')[0] : text, email, side: vendorSide(kind, col.field) ? 'vendor' : 'in_house', id });
          lookups.remember(text, id);
          value = id;
          break;
        }
        case 'document':
          (pending ??= []).push({ col, text });
          continue;
        default:
          break;
      }
      const parsed = col.schema!.safeParse(value);
      if (!parsed.success) { refuse(col.label, col.field, parsed.error.issues[0]?.message ?? 'is not valid'); continue; }
      values[col.field] = parsed.data;
    }
    if (scoped && values.vendorId === undefined && defaultVendor !== null && !hasProblemWith('vendorId')) values.vendorId = defaultVendor;
    if (scoped && values.vendorId === undefined && !hasProblemWith('vendorId')) {
      const col = columns.find((c) => c.field === 'vendorId');
      refuse(col?.label ?? '', 'vendorId', 'is required: which vendor this row belongs to');
    }
    // Runbooks are the same vendor's documents, so they are found once the vendor is known.
    for (const { col, text } of pending ?? []) {
      if (typeof values.vendorId !== 'string') continue;
      const d = lookups.document(values.vendorId, text);
      if ('id' in d) values[col.field] = d.id; else refuse(col.label, col.field, 'message' in d ? d.message : 'is not a document');
    }

    // Which record the row is.
    let existing: Row | undefined;
    const keyValue = key === ID_FIELD ? values.id : values[key];
    if (problems.length === 0) {
      if (keyValue === undefined || keyValue === null || keyValue === '') {
        if (key !== ID_FIELD) refuse(keyCol?.label ?? '', key, `is required: rows are matched on ${fieldMeta(kind, key).label.toLowerCase()}`);
      } else {
        const scope = scoped ? String(values.vendorId) : '';
        const keyText = refKey(String(keyValue));
        let seen = seenKeys.get(scope);
        if (!seen) seenKeys.set(scope, (seen = new Map()));
        const earlier = seen.get(keyText);
        if (earlier !== undefined) refuse(keyCol?.label ?? '', key, `repeats row ${earlier} (the same ${key === ID_FIELD ? 'id' : fieldMeta(kind, key).label.toLowerCase()})`);
        else seen.set(keyText, r.row);
        if (key === ID_FIELD) {
          existing = getRecord(db, kind, String(keyValue)) as unknown as Row | undefined;
          if (existing?.deletedAt) refuse(keyCol?.label ?? '', key, 'is a record that was deleted; restore it first');
        } else {
          const ids = (byKey!.size ? byKey!.get(`${scope}\u0000${keyText}`) : undefined) ?? NO_IDS;
          if (ids.length > 1) refuse(keyCol?.label ?? '', key, `matches ${ids.length} records; add an id column to tell them apart`);
          else if (ids.length === 1) existing = getRecord(db, kind, ids[0]!) as unknown as Row;
        }
      }
    }
    let action: SheetRowOutcome['action'] = 'refused';
    let changed: string[] = [];
    let record: Row | null = null;
    if (problems.length === 0) {
      if (existing) {
        changed = Object.keys(values).filter((f) => f !== ID_FIELD && !same(existing[f], values[f]));
        record = { ...existing, ...values };
      } else {
        record = withDefaults(defaults, values);
        record.id = (values.id as string | undefined) ?? newId();
        if (record[titleField] === undefined || record[titleField] === '') {
          refuse(columns.find((c) => c.field === titleField)?.label ?? '', titleField, 'is required for a new record');
        }
        for (const f of alsoRequired) {
          if (record[f] === undefined || record[f] === null || record[f] === '') refuse(columns.find((c) => c.field === f)?.label ?? '', f, 'is required for a new record');
        }
      }
      for (const issue of crossFieldIssues(kind, record, existing ? changed : undefined)) {
        refuse(columns.find((c) => c.field === issue.field)?.label ?? '', issue.field, issue.message);
      }
    }
    if (problems.length) {
      refusedRows++;
      for (const p of problems) if (refused.length < MAX_PREVIEW_REFUSALS) refused.push(p);
    } else if (existing) {
      if (changed.length === 0) { action = 'unchanged'; unchanged++; } else {
        action = 'update';
        updates.push({ id: existing.id as string, row: r.row, before: existing, changes: Object.fromEntries(changed.map((f) => [f, values[f]])) });
      }
    } else {
      action = 'add';
      adds.push(addedValues(kind, record!));
    }
    if (outcomes.length < MAX_PREVIEW_ROWS) {
      const title = String((record ?? values)[titleField] ?? existing?.[titleField] ?? cellText(r.cells[keyCol?.index ?? 0] ?? null));
      outcomes.push({ row: r.row, action, recordId: existing ? (existing.id as string) : null, title, changed });
    }
  }

  const unmatchedList: UnmatchedValues[] = [...unmatched.values()].map((u) => ({
    field: u.field, column: u.column, values: [...u.values].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows),
  }));
  return {
    preview: {
      fileName: input.fileName, sha256: input.sha256, added: adds.length, updated: updates.length, unchanged,
      refused, refusedTruncated: refused.length >= MAX_PREVIEW_REFUSALS, refusedRows,
      rows: outcomes, rowsTruncated: total > outcomes.length, unmatched: unmatchedList, missingPeople: [...missing.values()],
      needsDateOrder, peopleToCreate: people.length, key,
    },
    adds, updates, people,
  };
}

