// Applying a plan: one transaction, one activity entry naming the file and its SHA-256. The entry
// records every field the import set, from what to what, so the import is undone (and redone) as
// a whole: `revertBatch` writes the recorded values back, refusing if any record changed since.
import { ApiError } from '../../../shared/errors';
import { KIND_LABEL, RECORD_KINDS, TITLE_FIELD, kindNouns, type RecordKind } from '../../../shared/records';
import { SHEET_KINDS, SHEET_KIND_RECORD, type SheetKind } from '../../../shared/sheets';
import { entriesAfter } from '../store/activity';
import { dropIndexesEach, setBulkCache } from '../store/bulk';
import { setCountsAside } from '../store/counts';
import { addedFields, getRecord, insertAdded, insertRecord, setDeleted, updateRecord } from '../store/records';
import { countRecords, lastRowid } from '../store/sheets';
import { TABLE } from '../store/tables';
import { indexKindInBulk, indexRecord } from '../store/search';
import { followExitDate, followProcessStage, followSuccessor } from '../services/checklists';
import { describeChange, nowIso, type ServiceContext } from '../services/context';
import type { Plan } from './plan';

type Row = Record<string, unknown>;

/** The entry's kind: undo (history.ts) recognises a sheet import by it. */
export const SHEET_ACTIVITY_KIND = 'sheet';

/** What the import (or its undo) set on one record; `deletedAt` from a non-null value means it created the record. */
interface BatchRecord {
  kind: RecordKind;
  id: string;
  fields: Record<string, { from: unknown; to: unknown }>;
}

export interface BatchChanges {
  file: string;
  sha256: string;
  sheetKind: SheetKind;
  /** When the write happened. */
  at: string;
  records: BatchRecord[];
}

/** Adds from which a sheet loads in bulk (when they also at least double the table). */
const BULK_ADDS = 5000;

/** A value marking "the record did not exist": undoing a create tombstones it. */
const ABSENT = 'absent';

/** What every created record's entry says, one object shared by all of them (never changed: revertBatch only reads it). */
const CREATED: BatchRecord['fields'] = Object.freeze({ deletedAt: Object.freeze({ from: ABSENT, to: null }) });

/** Checklist items follow the inventory, as they do for an edit by hand (services/records.ts). */
function follow(ctx: ServiceContext, kind: RecordKind, id: string, before: Row, after: Row, changed: readonly string[], at: string): void {
  if (kind === 'vendor' && changed.includes('exitDate')) followExitDate(ctx, id, (after.exitDate as string | null) ?? null, at);
  if (kind === 'process' && changed.includes('ktStage')) followProcessStage(ctx, id, after.ktStage as string, at);
  if (kind === 'process' && changed.includes('successorId')) {
    followSuccessor(ctx, id, (before.successorId as string | null) ?? null, (after.successorId as string | null) ?? null, at);
  }
}

function countWords(added: number, updated: number, people: number, kind: RecordKind): string {
  const nouns = kindNouns(kind);
  const parts = [`${added} ${added === 1 ? nouns.one : nouns.many} added`, `${updated} updated`];
  if (people) parts.push(`${people} ${people === 1 ? 'person' : 'people'} created`);
  return parts.join(', ');
}

/** How far a write has come: what it is doing, and of how many records. */
export interface ApplyStep {
  step: string;
  done: number;
  total: number;
}

/** Records written between two pauses of a large write (apply-job.ts resumes it in another turn of the event loop). */
const RECORDS_PER_STEP = 10_000;

/** Runs a write's steps to the end without pausing: a small import, or any write inside one write scope. */
function runSteps<T>(steps: Generator<ApplyStep, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Writes the plan; call inside a write scope (the dispatcher's or the service's own). */
export function applyPlan(ctx: ServiceContext, sheetKind: SheetKind, plan: Plan): { records: number } {
  return runSteps(applySteps(ctx, sheetKind, plan));
}

/**
 * The write of a plan as steps: each one resumed inside a write scope of one open transaction
 * (the last one describes the change, so the entry is logged there). Between steps the caller may
 * pause (apply-job.ts lets the event loop run); the transaction stays open across them.
 */
export function* applySteps(ctx: ServiceContext, sheetKind: SheetKind, plan: Plan): Generator<ApplyStep, { records: number }> {
  const kind = SHEET_KIND_RECORD[sheetKind];
  const at = nowIso(ctx);
  const records: BatchRecord[] = [];
  const vendors = new Set<string>();
  const total = plan.adds.length + plan.updates.length;
  for (const p of plan.people) {
    const person = { ...p, createdAt: at, updatedAt: at, deletedAt: null };
    insertRecord(ctx.db, 'person', person);
    indexRecord(ctx.db, 'person', person);
    records.push({ kind: 'person', id: p.id as string, fields: CREATED });
  }
  // In key order: the rows land at the end of the primary key's tree instead of all over it
  // (random ids make every insert of a large sheet touch a different page). Sorted as positions
  // over a plain array of the ids: comparing the rows' own values is several times slower.
  // The plan's rows are taken over (nothing reads them after): no copy of 100,000 rows.
  const ids = plan.adds.map((a) => a[0] as string);
  const adds = Array.from(ids.keys()).sort((i, j) => (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0)).map((i) => plan.adds[i]!);
  // A sheet that at least doubles its table loads like the demo does: indexes built once after the
  // rows, and the new rows indexed for search in two statements.
  const bulk = adds.length >= BULK_ADDS && adds.length >= countRecords(ctx.db, kind);
  const fields = addedFields(kind);
  const vendorAt = kind === 'vendor' ? 0 : fields.indexOf('vendorId');
  const insertSome = (some: readonly unknown[][]) => {
    insertAdded(ctx.db, kind, some, at);
    for (const values of some) {
      if (!bulk) indexRecord(ctx.db, kind, Object.fromEntries(fields.map((f, i) => [f, values[i]])));
      records.push({ kind, id: values[0] as string, fields: CREATED });
      vendors.add(String(values[vendorAt] ?? ''));
    }
  };
  const writing = `Writing ${total.toLocaleString('en')} ${kindNouns(kind).many}`;
  if (adds.length < BULK_ADDS) insertSome(adds);
  else {
    // Many adds: the readiness counts of the new rows taken in one statement, not one trigger per
    // row, and a page cache no larger than the write needs.
    const setCacheBack = setBulkCache(ctx.db);
    try {
      const rebuild = bulk ? dropIndexesEach(ctx.db, [TABLE[kind]]) : null;
      const before = lastRowid(ctx.db, kind);
      const putCountsBack = setCountsAside(ctx.db, TABLE[kind]);
      for (let i = 0; i < adds.length; i += RECORDS_PER_STEP) {
        insertSome(adds.slice(i, i + RECORDS_PER_STEP));
        yield { step: writing, done: Math.min(i + RECORDS_PER_STEP, adds.length), total };
      }
      putCountsBack();
      if (rebuild) {
        for (const build of rebuild) {
          yield { step: 'Building indexes', done: adds.length, total };
          build();
        }
        yield { step: 'Indexing for search', done: 0, total: adds.length };
        const last = lastRowid(ctx.db, kind);
        for (let from = before; from < last; from += RECORDS_PER_STEP) {
          indexKindInBulk(ctx.db, kind, from, Math.min(from + RECORDS_PER_STEP, last));
          yield { step: 'Indexing for search', done: Math.min(from + RECORDS_PER_STEP, last) - before, total: adds.length };
        }
      }
    } finally {
      setCacheBack();
    }
  }
  let updated = 0;
  for (const u of plan.updates) {
    const after = { ...u.before, ...u.changes, updatedAt: at };
    updateRecord(ctx.db, kind, u.id, u.changes, at);
    indexRecord(ctx.db, kind, after);
    follow(ctx, kind, u.id, u.before, after, Object.keys(u.changes), at);
    records.push({ kind, id: u.id, fields: Object.fromEntries(Object.keys(u.changes).map((f) => [f, { from: u.before[f] ?? null, to: u.changes[f] ?? null }])) });
    vendors.add(kind === 'vendor' ? u.id : String(u.before.vendorId ?? ''));
    if (++updated % RECORDS_PER_STEP === 0) yield { step: writing, done: adds.length + updated, total };
  }
  vendors.delete('');
  yield { step: 'Saving', done: total, total };
  const { preview } = plan;
  const changes: BatchChanges = { file: preview.fileName, sha256: preview.sha256, sheetKind, at, records };
  describeChange(ctx, {
    action: 'import', kind: SHEET_ACTIVITY_KIND, recordId: null, vendorId: vendors.size === 1 ? [...vendors][0]! : null,
    summary: `Imported ${KIND_LABEL[kind].many.toLowerCase()} from “${preview.fileName}” (SHA-256 ${preview.sha256}): ${countWords(plan.adds.length, plan.updates.length, plan.people.length, kind)}`,
    changes,
  });
  return { records: records.length };
}

function isBatch(c: unknown): c is BatchChanges {
  const b = c as BatchChanges | null;
  return typeof b === 'object' && b !== null && typeof b.at === 'string' && Array.isArray(b.records) && (SHEET_KINDS as readonly string[]).includes(b.sheetKind)
    && b.records.every((r) => (RECORD_KINDS as readonly string[]).includes(r.kind) && typeof r.id === 'string' && typeof r.fields === 'object');
}

/** Whether an activity entry is a sheet import (or the undo of one) that revertBatch can take back. */
export function isRevertible(entry: { action: string; kind: string; changes: unknown }): boolean {
  return entry.action === 'import' && entry.kind === SHEET_ACTIVITY_KIND && isBatch(entry.changes);
}

/**
 * Writes back what a sheet import (or its undo) recorded, as one change logged the same way, so
 * the next undo or redo takes this one back. Refused, with nothing changed, when a record changed
 * since the write being taken back: a field it set holds another value now, or the log has an
 * entry about the record after it (other than the undo and redo steps, which `isNeutral` names).
 */
export function revertBatch(ctx: ServiceContext, entry: { seq: number; changes: unknown }, summary: string, isNeutral: (activityId: string) => boolean): void {
  const { changes } = entry;
  if (!isBatch(changes)) throw new ApiError('UNSUPPORTED', `“${summary}” cannot be undone.`);
  const at = nowIso(ctx);
  const back: BatchRecord[] = [];
  const refuse = (r: BatchRecord, now: Row | undefined, why: string) => {
    const title = now ? `${KIND_LABEL[r.kind].one.toLowerCase()} “${String(now[TITLE_FIELD[r.kind]] ?? r.id)}”` : `a ${KIND_LABEL[r.kind].one.toLowerCase()}`;
    return new ApiError('CONFLICT', `Cannot undo “${summary}”: ${title} ${why}. Nothing was changed.`);
  };
  // Everything is checked before anything is written.
  const current = changes.records.map((r) => {
    const now = getRecord(ctx.db, r.kind, r.id) as unknown as Row | undefined;
    if (!now) throw refuse(r, now, 'is gone');
    for (const [f, c] of Object.entries(r.fields)) {
      const holds = f === 'deletedAt' ? (now.deletedAt === null) === (c.to === null) : (now[f] ?? null) === (c.to ?? null);
      if (!holds) throw refuse(r, now, `changed since (${f === 'deletedAt' ? (now.deletedAt ? 'deleted' : 'restored') : f})`);
    }
    const later = entriesAfter(ctx.db, r.id, entry.seq).find((e) => !isNeutral(e.id));
    if (later) throw refuse(r, now, `changed since (“${later.summary}”)`);
    return now;
  });
  changes.records.forEach((r, i) => {
    const now = current[i]!;
    const set: Row = {};
    const fields: BatchRecord['fields'] = {};
    let deletedAt: string | null | undefined;
    for (const [f, c] of Object.entries(r.fields)) {
      if (f === 'deletedAt') {
        deletedAt = c.from === null ? null : at;
        fields.deletedAt = { from: now.deletedAt === null ? null : ABSENT, to: deletedAt };
        continue;
      }
      set[f] = c.from;
      fields[f] = { from: now[f] ?? null, to: c.from };
    }
    if (Object.keys(set).length) updateRecord(ctx.db, r.kind, r.id, set, at);
    if (deletedAt !== undefined) setDeleted(ctx.db, r.kind, r.id, deletedAt, at);
    const after = { ...now, ...set, updatedAt: at, ...(deletedAt !== undefined ? { deletedAt } : {}) };
    indexRecord(ctx.db, r.kind, after);
    follow(ctx, r.kind, r.id, now, after, Object.keys(set), at);
    back.push({ kind: r.kind, id: r.id, fields });
  });
  const next: BatchChanges = { ...changes, at, records: back };
  describeChange(ctx, { action: 'import', kind: SHEET_ACTIVITY_KIND, recordId: null, vendorId: null, summary: `Took back: ${summary}`, changes: next });
}
