// Create, read, update, delete (tombstone), restore and list for every record kind. Each write is
// one transaction that also keeps the search index in step and appends to the activity log.
import { DEFAULTS, KIND_LABEL, TITLE_FIELD, crossFieldIssues, fieldMeta, type RecordKind, type RecordOf } from '../../../shared/records';
import type { CreateInput, ListInput, ListResult, UpdateInput } from '../../../shared/contract';
import { ApiError, type FieldIssue } from '../../../shared/errors';
import { getRecord, insertRecord, isLive, listRecords, setDeleted, updateRecord } from '../store/records';
import { indexRecord } from '../store/search';
import { refFields } from '../store/tables';
import { followExitDate, followProcessStage, followSuccessor } from './checklists';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';

type Row = Record<string, unknown>;

function vendorOf(kind: RecordKind, record: Row): string | null {
  if (kind === 'vendor') return record.id as string;
  return (record.vendorId as string | null | undefined) ?? null;
}

function titleOf(kind: RecordKind, record: Row): string {
  return String(record[TITLE_FIELD[kind]] ?? '');
}

/**
 * Every referenced person, document or vendor must exist and be live; names the field if not.
 * On an update (`changed` given) only the references it changes are checked: one to a person who
 * has left since stays as it is and never blocks editing the rest. An inventory record's own
 * vendor is always checked: it is the record's parent, not a reference.
 */
function checkReferences(ctx: ServiceContext, kind: RecordKind, values: Row, prefix: string, changed?: readonly string[]): void {
  const issues: FieldIssue[] = [];
  for (const { field, target } of refFields(kind)) {
    const id = values[field];
    if (typeof id !== 'string') continue;
    const parent = field === 'vendorId' && kind !== 'person';
    if (changed && !changed.includes(field) && !parent) continue;
    if (!isLive(ctx.db, target, id)) {
      issues.push({ field: `${prefix}${field}`, message: `refers to a ${KIND_LABEL[target].one.toLowerCase()} that does not exist or was deleted` });
    }
  }
  // A process's runbook must be one of the same vendor's documents.
  if (kind === 'process' && typeof values.runbookId === 'string' && issues.length === 0) {
    const doc = getRecord(ctx.db, 'document', values.runbookId);
    if (doc && doc.vendorId !== values.vendorId) {
      issues.push({ field: `${prefix}runbookId`, message: 'must be a document of the same vendor' });
    }
  }
  // A notice is served on one of its own vendor's contracts.
  if (kind === 'notice' && typeof values.contractId === 'string' && issues.length === 0) {
    const contract = getRecord(ctx.db, 'contract', values.contractId);
    if (contract && contract.vendorId !== values.vendorId) {
      issues.push({ field: `${prefix}contractId`, message: 'must be a contract of the same vendor' });
    }
  }
  // Rules between fields, on the whole record: a change to one field meets the other's stored value.
  for (const i of crossFieldIssues(kind, values, changed)) issues.push({ field: `${prefix}${i.field}`, message: i.message });
  if (issues.length) {
    throw new ApiError('INVALID_INPUT', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
}

function mustGet<K extends RecordKind>(ctx: ServiceContext, kind: K, id: string): RecordOf[K] {
  const record = getRecord(ctx.db, kind, id);
  if (!record) throw new ApiError('NOT_FOUND', `No ${KIND_LABEL[kind].one.toLowerCase()} with id ${id}`);
  return record;
}

export function createRecord<K extends RecordKind>(ctx: ServiceContext, kind: K, input: CreateInput<K>): RecordOf[K] {
  return inWrite(ctx, () => {
    const at = nowIso(ctx);
    const record: Row = { ...DEFAULTS[kind], ...input, id: ctx.newId(), createdAt: at, updatedAt: at, deletedAt: null };
    checkReferences(ctx, kind, record, '');
    insertRecord(ctx.db, kind, record);
    indexRecord(ctx.db, kind, record);
    describeChange(ctx, {
      action: 'create', kind, recordId: record.id as string,
      vendorId: vendorOf(kind, record), summary: `Created ${KIND_LABEL[kind].one.toLowerCase()} “${titleOf(kind, record)}”`,
    });
    return mustGet(ctx, kind, record.id as string);
  });
}

export function updateRecordService<K extends RecordKind>(ctx: ServiceContext, kind: K, input: UpdateInput<K>): RecordOf[K] {
  return inWrite(ctx, () => {
    const before = mustGet(ctx, kind, input.id) as unknown as Row;
    if (before.deletedAt) throw new ApiError('CONFLICT', `This ${KIND_LABEL[kind].one.toLowerCase()} was deleted; restore it before editing.`);
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== before.updatedAt) {
      throw new ApiError('CONFLICT', `This ${KIND_LABEL[kind].one.toLowerCase()} was changed elsewhere since you opened it; reload and try again.`);
    }
    const changes = input.changes as Row;
    const changed = Object.keys(changes).filter((f) => changes[f] !== undefined && changes[f] !== before[f]);
    if (changed.length === 0) return before as unknown as RecordOf[K];
    const after: Row = { ...before, ...Object.fromEntries(changed.map((f) => [f, changes[f]])) };
    checkReferences(ctx, kind, after, 'changes.', changed);
    const at = nowIso(ctx);
    updateRecord(ctx.db, kind, input.id, Object.fromEntries(changed.map((f) => [f, changes[f]])), at);
    after.updatedAt = at;
    indexRecord(ctx.db, kind, after);
    // Checklists follow the inventory: due dates move with the exit date, KT items with the stage.
    if (kind === 'vendor' && changed.includes('exitDate')) followExitDate(ctx, input.id, (after.exitDate as string | null) ?? null, at);
    if (kind === 'process' && changed.includes('ktStage')) followProcessStage(ctx, input.id, after.ktStage as string, at);
    if (kind === 'process' && changed.includes('successorId')) {
      followSuccessor(ctx, input.id, (before.successorId as string | null) ?? null, (after.successorId as string | null) ?? null, at);
    }
    describeChange(ctx, {
      action: 'update', kind, recordId: input.id, vendorId: vendorOf(kind, after),
      summary: `Updated ${KIND_LABEL[kind].one.toLowerCase()} “${titleOf(kind, after)}”: ${changed.map((f) => fieldMeta(kind, f).label.toLowerCase()).join(', ')}`,
      changes: Object.fromEntries(changed.map((f) => [f, { from: before[f] ?? null, to: changes[f] ?? null }])),
    });
    return mustGet(ctx, kind, input.id);
  });
}

export function deleteRecord<K extends RecordKind>(ctx: ServiceContext, kind: K, id: string): RecordOf[K] {
  return setTombstone(ctx, kind, id, true);
}

export function restoreRecord<K extends RecordKind>(ctx: ServiceContext, kind: K, id: string): RecordOf[K] {
  return setTombstone(ctx, kind, id, false);
}

function setTombstone<K extends RecordKind>(ctx: ServiceContext, kind: K, id: string, deleted: boolean): RecordOf[K] {
  return inWrite(ctx, () => {
    const before = mustGet(ctx, kind, id) as unknown as Row;
    if (Boolean(before.deletedAt) === deleted) return before as unknown as RecordOf[K];
    if (!deleted && kind !== 'vendor' && kind !== 'person' && !isLive(ctx.db, 'vendor', before.vendorId as string)) {
      throw new ApiError('CONFLICT', 'Its vendor was deleted; restore the vendor first.');
    }
    if (!deleted && kind === 'notice' && !isLive(ctx.db, 'contract', before.contractId as string)) {
      throw new ApiError('CONFLICT', 'Its contract was deleted; restore the contract first.');
    }
    const at = nowIso(ctx);
    setDeleted(ctx.db, kind, id, deleted ? at : null, at);
    const after = { ...before, deletedAt: deleted ? at : null, updatedAt: at };
    indexRecord(ctx.db, kind, after);
    describeChange(ctx, {
      action: deleted ? 'delete' : 'restore', kind, recordId: id, vendorId: vendorOf(kind, after),
      summary: `${deleted ? 'Deleted' : 'Restored'} ${KIND_LABEL[kind].one.toLowerCase()} “${titleOf(kind, after)}”`,
    });
    return mustGet(ctx, kind, id);
  });
}

export function getRecordService<K extends RecordKind>(ctx: ServiceContext, kind: K, id: string): RecordOf[K] {
  return mustGet(ctx, kind, id);
}

export function listRecordsService<K extends RecordKind>(ctx: ServiceContext, kind: K, q: ListInput): ListResult<RecordOf[K]> {
  return listRecords(ctx.db, kind, q);
}
