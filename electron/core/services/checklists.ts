// Checklists per vendor: started from a template, due dates counted from the exit date T (unless
// set by hand), one knowledge-transfer item per process whose stage the process follows,
// evidence, links to inventory records and sign-off. Every change is logged.
import {
  ITEM_STATUS_LABEL, type Checklist, type ChecklistWithProgress, type TaskRow, type ChecklistItem, type ItemChanges, type ItemLink, type ItemStatus, type LinkKind,
} from '../../../shared/checklists';
import type { ItemMarks } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { ApiError, type FieldIssue } from '../../../shared/errors';
import { KIND_LABEL, TITLE_FIELD, refLabel } from '../../../shared/records';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { getRecord, isLive } from '../store/records';
import { indexItems, ITEM_KIND, toMatchQuery, toScopedMatchQuery } from '../store/search';
import { toColumn } from '../store/tables';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';
import { getTemplate } from './templates';

export const ITEM_COLUMNS = `i.id, i.checklist_id AS "checklistId", i.vendor_id AS "vendorId", i.position, i.phase, i.title, i.description,
  i.owner_role AS "ownerRole", i.owner_id AS "ownerId", i.offset_days AS "offsetDays", i.due_date AS "dueDate", i.due_manual AS "dueManual",
  i.owner_manual AS "ownerManual", i.status, i.blocked_reason AS "blockedReason", i.evidence, i.process_id AS "processId", i.signed_off_by_id AS "signedOffById",
  i.signed_off_at AS "signedOffAt", i.completed_at AS "completedAt", i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.deleted_at AS "deletedAt"`;

const CHECKLIST_COLUMNS = `id, vendor_id AS "vendorId", name, template_id AS "templateId", created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

export const toItem = (row: Record<string, unknown>): ChecklistItem => ({ ...(row as unknown as ChecklistItem), dueManual: row.dueManual === 1, ownerManual: row.ownerManual === 1 });

/** The checklist status a knowledge-transfer stage means. */
export function statusForKtStage(stage: string): ItemStatus {
  return stage === 'signed_off' ? 'done' : stage === 'not_started' ? 'todo' : 'in_progress';
}

const invalid = (field: string, message: string) => new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);

function liveVendor(ctx: ServiceContext, vendorId: string, field = 'vendorId') {
  const v = getRecord(ctx.db, 'vendor', vendorId);
  if (!v || v.deletedAt) throw invalid(field, 'refers to a vendor that does not exist or was deleted');
  return v;
}

function mustItem(ctx: ServiceContext, id: string): ChecklistItem {
  const row = prepared(ctx.db, `SELECT ${ITEM_COLUMNS} FROM checklist_items i WHERE i.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `No checklist item with id ${id}`);
  return toItem(row);
}

function mustChecklist(ctx: ServiceContext, id: string): Checklist {
  const c = prepared(ctx.db, `SELECT ${CHECKLIST_COLUMNS} FROM checklists WHERE id = ?`).get(id) as Checklist | undefined;
  if (!c || c.deletedAt) throw new ApiError('NOT_FOUND', `No checklist with id ${id}`);
  return c;
}

function log(ctx: ServiceContext, action: 'create' | 'update' | 'delete' | 'restore', kind: string, recordId: string, vendorId: string, summary: string, changes?: unknown) {
  describeChange(ctx, { action, kind, recordId, vendorId, summary, ...(changes ? { changes } : {}) });
}

const insertItemSql = `INSERT INTO checklist_items (id, checklist_id, vendor_id, position, phase, title, description, owner_role, owner_id, owner_manual,
  offset_days, due_date, due_manual, status, process_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Starts a vendor's checklist from a template; per-process items become one item per live process,
 * owned by the process's in-house successor (who takes the knowledge over) when it has one.
 */
export function startChecklist(ctx: ServiceContext, input: { vendorId: string; templateId: string; name?: string | undefined }): Checklist {
  return inWrite(ctx, () => {
    const vendor = liveVendor(ctx, input.vendorId);
    const template = (() => {
      try {
        return getTemplate(ctx.db, input.templateId);
      } catch {
        throw invalid('templateId', 'refers to a template that does not exist or was deleted');
      }
    })();
    const now = nowIso(ctx);
    const id = ctx.newId();
    const name = input.name?.trim() || template.name;
    prepared(ctx.db, 'INSERT INTO checklists (id, vendor_id, name, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, vendor.id, name, template.id, now, now);
    const processes = prepared(ctx.db, `SELECT p.id, p.name, p.kt_stage AS ktStage, s.id AS successorId FROM processes p
      LEFT JOIN people s ON s.id = p.successor_id AND s.deleted_at IS NULL WHERE p.vendor_id = ? AND p.deleted_at IS NULL
      ORDER BY CASE p.criticality WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, p.name COLLATE NOCASE`)
      .all(vendor.id) as { id: string; name: string; ktStage: string; successorId: string | null }[];
    const insert = prepared(ctx.db, insertItemSql);
    let position = 0;
    for (const t of template.items) {
      const due = vendor.exitDate ? addDays(vendor.exitDate, t.offsetDays) : null;
      if (t.perProcess) {
        for (const p of processes) {
          insert.run(ctx.newId(), id, vendor.id, position++, t.phase, `${t.title}: ${p.name}`, t.description, t.ownerRole, p.successorId, 0, t.offsetDays, due, 0,
            statusForKtStage(p.ktStage), p.id, now, now);
        }
      } else {
        insert.run(ctx.newId(), id, vendor.id, position++, t.phase, t.title, t.description, t.ownerRole, null, 0, t.offsetDays, due, 0, 'todo', null, now, now);
      }
    }
    indexItems(ctx.db, { checklistId: id });
    log(ctx, 'create', 'checklist', id, vendor.id, `Started checklist “${name}” for “${vendor.name}” from template “${template.name}” (${position} items)`);
    return mustChecklist(ctx, id);
  });
}


export function listChecklists(ctx: ServiceContext, vendorId: string, today: string): ChecklistWithProgress[] {
  return prepared(ctx.db, `SELECT c.id, c.vendor_id AS "vendorId", c.name, c.template_id AS "templateId", c.created_at AS "createdAt",
      c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
      count(i.id) FILTER (WHERE i.status <> 'not_applicable') AS total,
      count(i.id) FILTER (WHERE i.status = 'done') AS done,
      count(i.id) FILTER (WHERE i.status NOT IN ('done', 'not_applicable') AND i.due_date < ?) AS overdue,
      count(i.id) FILTER (WHERE i.status = 'blocked') AS blocked
    FROM checklists c LEFT JOIN checklist_items i ON i.checklist_id = c.id AND i.deleted_at IS NULL
    WHERE c.vendor_id = ? AND c.deleted_at IS NULL GROUP BY c.id ORDER BY c.created_at`).all(today, vendorId) as ChecklistWithProgress[];
}

export function renameChecklist(ctx: ServiceContext, input: { id: string; name: string }): Checklist {
  return inWrite(ctx, () => {
    const c = mustChecklist(ctx, input.id);
    prepared(ctx.db, 'UPDATE checklists SET name = ?, updated_at = ? WHERE id = ?').run(input.name, nowIso(ctx), c.id);
    log(ctx, 'update', 'checklist', c.id, c.vendorId, `Renamed checklist “${c.name}” to “${input.name}”`);
    return mustChecklist(ctx, c.id);
  });
}

export function setChecklistDeleted(ctx: ServiceContext, id: string, deleted: boolean): { id: string; deleted: boolean } {
  return inWrite(ctx, () => {
    const c = prepared(ctx.db, `SELECT ${CHECKLIST_COLUMNS} FROM checklists WHERE id = ?`).get(id) as Checklist | undefined;
    if (!c) throw new ApiError('NOT_FOUND', `No checklist with id ${id}`);
    const now = nowIso(ctx);
    prepared(ctx.db, 'UPDATE checklists SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deleted ? now : null, now, id);
    log(ctx, deleted ? 'delete' : 'restore', 'checklist', id, c.vendorId, `${deleted ? 'Deleted' : 'Restored'} checklist “${c.name}”`);
    return { id, deleted };
  });
}

export interface ItemQuery {
  checklistId?: string | undefined;
  vendorId?: string | undefined;
  ownerId?: string | undefined;
  status?: ItemStatus[] | undefined;
  phase?: number | undefined;
  overdue?: boolean | undefined;
  /** Words to find in the title, description or evidence note, or in the owner's name (each a prefix). */
  text?: string | undefined;
  today: string;
  offset?: number | undefined;
  limit?: number | undefined;
}

const MARK = '\u0002';

/**
 * The joins that find the text filter's words through the search index: in the vendor's items
 * (title, description, evidence note) or in people's names (the owner). Both carry the marked text.
 */
function textJoins(ctx: ServiceContext, q: ItemQuery): { sql: string; params: string[] } | null {
  if (!q.text || !toMatchQuery(q.text)) return null;
  const vendorId = q.vendorId ?? (q.checklistId
    ? (prepared(ctx.db, 'SELECT vendor_id FROM checklists WHERE id = ?').pluck().get(q.checklistId) as string | undefined)
    : undefined);
  const inItems = toScopedMatchQuery(q.text, ITEM_KIND, vendorId)!;
  const inNames = toScopedMatchQuery(q.text, 'person', undefined)!.replace('{title body}', '{title}');
  return {
    sql: `LEFT JOIN (SELECT d.record_id AS id, highlight(search_fts, 0, char(2), char(3)) AS title, snippet(search_fts, 1, char(2), char(3), '…', 10) AS body
        FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ?) m ON m.id = i.id
      LEFT JOIN (SELECT d.record_id AS id, highlight(search_fts, 0, char(2), char(3)) AS name
        FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ?) o ON o.id = i.owner_id`,
    params: [inItems, inNames],
  };
}

export function listItems(ctx: ServiceContext, q: ItemQuery): { rows: ChecklistItem[]; total: number; labels: Record<string, string>; marks?: Record<string, ItemMarks> } {
  const where = ['i.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  const text = textJoins(ctx, q);
  const params: unknown[] = [...(text?.params ?? [])];
  if (text) where.push('(m.id IS NOT NULL OR o.id IS NOT NULL)');
  if (q.checklistId) { where.push('i.checklist_id = ?'); params.push(q.checklistId); }
  if (q.vendorId) { where.push('i.vendor_id = ?'); params.push(q.vendorId); }
  if (q.ownerId) { where.push('i.owner_id = ?'); params.push(q.ownerId); }
  if (q.status?.length) { where.push(`i.status IN (${q.status.map(() => '?').join(',')})`); params.push(...q.status); }
  if (q.phase !== undefined) { where.push('i.phase = ?'); params.push(q.phase); }
  if (q.overdue) { where.push(`i.status NOT IN ('done', 'not_applicable') AND i.due_date < ?`); params.push(q.today); }
  const whereSql = where.join(' AND ');
  const from = `checklist_items i JOIN checklists c ON c.id = i.checklist_id ${text?.sql ?? ''}`;
  const marked = text ? `, m.title AS "markTitle", m.body AS "markBody", o.name AS "markOwner"` : '';
  const found = prepared(ctx.db, `SELECT ${ITEM_COLUMNS}${marked} FROM ${from} WHERE ${whereSql}
    ORDER BY i.phase, i.position LIMIT ? OFFSET ?`).all(...params, q.limit ?? 5000, q.offset ?? 0) as Record<string, unknown>[];
  const total = (prepared(ctx.db, `SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`).get(...params) as { n: number }).n;
  if (!text) {
    const rows = found.map(toItem);
    return { rows, total, labels: peopleLabels(ctx.db, rows) };
  }
  const marks: Record<string, ItemMarks> = {};
  const rows = found.map(({ markTitle, markBody, markOwner, ...row }) => {
    const m: ItemMarks = {};
    // highlight() and snippet() return the text unmarked when the words matched elsewhere.
    if (typeof markTitle === 'string' && markTitle.includes(MARK)) m.title = markTitle;
    if (typeof markBody === 'string' && markBody.includes(MARK)) m.body = markBody;
    if (typeof markOwner === 'string' && markOwner.includes(MARK)) m.owner = markOwner;
    marks[row.id as string] = m;
    return toItem(row);
  });
  return { rows, total, labels: peopleLabels(ctx.db, rows), marks };
}

function peopleLabels(db: Db, rows: ChecklistItem[]): Record<string, string> {
  const ids = [...new Set(rows.flatMap((r) => [r.ownerId, r.signedOffById]).filter((x): x is string => !!x))];
  const labels: Record<string, string> = {};
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const p of prepared(db, `SELECT id, name, deleted_at AS deletedAt FROM people WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: string; name: string; deletedAt: string | null }[]) {
      labels[p.id] = refLabel('person', p.name, p.deletedAt !== null);
    }
  }
  return labels;
}

export function addItem(
  ctx: ServiceContext,
  input: { checklistId: string; phase: number; title: string; description?: string | undefined; offsetDays?: number | undefined; dueDate?: string | null | undefined; ownerId?: string | null | undefined },
): ChecklistItem {
  return inWrite(ctx, () => {
    const c = mustChecklist(ctx, input.checklistId);
    const vendor = liveVendor(ctx, c.vendorId, 'checklistId');
    if (input.ownerId && !isLive(ctx.db, 'person', input.ownerId)) throw invalid('ownerId', 'refers to a person who does not exist or was deleted');
    const now = nowIso(ctx);
    const id = ctx.newId();
    const position = ((prepared(ctx.db, 'SELECT max(position) AS m FROM checklist_items WHERE checklist_id = ?').get(c.id) as { m: number | null }).m ?? -1) + 1;
    const offset = input.offsetDays ?? null;
    const manual = input.dueDate ? 1 : 0;
    const due = input.dueDate ?? (offset !== null && vendor.exitDate ? addDays(vendor.exitDate, offset) : null);
    prepared(ctx.db, insertItemSql).run(id, c.id, c.vendorId, position, input.phase, input.title, input.description ?? '', '', input.ownerId ?? null,
      input.ownerId ? 1 : 0, offset, due, manual, 'todo', null, now, now);
    indexItems(ctx.db, { ids: [id] });
    log(ctx, 'create', 'checklist_item', id, c.vendorId, `Added item “${input.title}” to checklist “${c.name}”`);
    return mustItem(ctx, id);
  });
}

/** Moves a process's KT stage and the status of its knowledge-transfer items together. */
function setProcessStage(ctx: ServiceContext, processId: string, stage: string, now: string) {
  const p = getRecord(ctx.db, 'process', processId);
  if (!p || p.ktStage === stage) return;
  prepared(ctx.db, 'UPDATE processes SET kt_stage = ?, updated_at = ? WHERE id = ?').run(stage, now, processId);
  log(ctx, 'update', 'process', processId, p.vendorId, `Knowledge-transfer stage of “${p.name}” moved to ${stage.replaceAll('_', ' ')} from its checklist`,
    { ktStage: { from: p.ktStage, to: stage } });
}

/** Called after a process's KT stage changed in the inventory: its KT items follow. */
export function followProcessStage(ctx: ServiceContext, processId: string, stage: string, now: string): void {
  const status = statusForKtStage(stage);
  prepared(ctx.db, `UPDATE checklist_items SET status = ?, completed_at = CASE WHEN ? = 'done' THEN coalesce(completed_at, ?) ELSE NULL END, updated_at = ?
    WHERE process_id = ? AND deleted_at IS NULL AND status <> ? AND status <> 'not_applicable'`)
    .run(status, status, now, now, processId, status);
}

/**
 * Called after a process's in-house successor changed: its knowledge-transfer items pass to the new
 * successor, except those whose owner was chosen by hand on the item (or, from before owners were
 * tracked, is someone other than the previous successor). A successor who has left is never given one.
 */
export function followSuccessor(ctx: ServiceContext, processId: string, from: string | null, to: string | null, now: string): number {
  const owner = to && isLive(ctx.db, 'person', to) ? to : null;
  return prepared(ctx.db, `UPDATE checklist_items SET owner_id = ?, updated_at = ?
    WHERE process_id = ? AND deleted_at IS NULL AND owner_manual = 0 AND (owner_id IS NULL OR owner_id = ?) AND owner_id IS NOT ?`)
    .run(owner, now, processId, from, owner).changes;
}

/** Called after a vendor's exit date moved: every item not set by hand follows T. */
export function followExitDate(ctx: ServiceContext, vendorId: string, exitDate: string | null, now: string): number {
  return prepared(ctx.db, `UPDATE checklist_items SET due_date = CASE WHEN ? IS NULL THEN NULL ELSE date(?, offset_days || ' days') END, updated_at = ?
    WHERE vendor_id = ? AND due_manual = 0 AND offset_days IS NOT NULL AND deleted_at IS NULL`).run(exitDate, exitDate, now, vendorId).changes;
}

export function updateItem(ctx: ServiceContext, input: { id: string; expectedUpdatedAt?: string | undefined; changes: ItemChanges }): ChecklistItem {
  return inWrite(ctx, () => {
    const before = mustItem(ctx, input.id);
    if (before.deletedAt) throw new ApiError('CONFLICT', 'This item was deleted; restore it before editing.');
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== before.updatedAt) {
      throw new ApiError('CONFLICT', 'This item was changed elsewhere since you opened it; reload and try again.');
    }
    const ch = input.changes;
    const issues: FieldIssue[] = [];
    // A new owner must be someone still here; an unchanged one who has left since does not block the edit.
    if (ch.ownerId && ch.ownerId !== before.ownerId && !isLive(ctx.db, 'person', ch.ownerId)) issues.push({ field: 'changes.ownerId', message: 'refers to a person who does not exist or was deleted' });
    const status = ch.status ?? before.status;
    const reason = ch.blockedReason ?? before.blockedReason;
    if (status === 'blocked' && !reason.trim()) issues.push({ field: 'changes.blockedReason', message: 'is required when the item is blocked: say what it waits for' });
    if (issues.length) throw new ApiError('INVALID_INPUT', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);

    const vendor = liveVendor(ctx, before.vendorId);
    const now = nowIso(ctx);
    const after: ChecklistItem = { ...before };
    if (ch.title !== undefined) after.title = ch.title;
    if (ch.description !== undefined) after.description = ch.description;
    if (ch.phase !== undefined) after.phase = ch.phase as ChecklistItem['phase'];
    if (ch.ownerId !== undefined && ch.ownerId !== before.ownerId) {
      after.ownerId = ch.ownerId;
      // Chosen on the item itself: a knowledge-transfer item stops following its process's successor.
      after.ownerManual = true;
    }
    if (ch.evidence !== undefined) after.evidence = ch.evidence;
    if (ch.blockedReason !== undefined) after.blockedReason = ch.blockedReason;
    if (ch.offsetDays !== undefined) {
      after.offsetDays = ch.offsetDays;
      after.dueManual = false;
    }
    if (ch.dueDate !== undefined) after.dueManual = ch.dueDate !== null;
    after.dueDate = after.dueManual ? (ch.dueDate ?? before.dueDate) : after.offsetDays !== null && vendor.exitDate ? addDays(vendor.exitDate, after.offsetDays) : null;
    if (ch.status !== undefined && ch.status !== before.status) {
      after.status = ch.status;
      after.completedAt = ch.status === 'done' ? now : null;
      if (ch.status !== 'done') { after.signedOffById = null; after.signedOffAt = null; }
    }
    const fields = ['title', 'description', 'phase', 'ownerId', 'ownerManual', 'evidence', 'blockedReason', 'offsetDays', 'dueDate', 'dueManual', 'status', 'completedAt', 'signedOffById', 'signedOffAt'] as const;
    const changed = fields.filter((f) => after[f] !== before[f]);
    if (changed.length === 0) return before;
    const sql = `UPDATE checklist_items SET ${changed.map((f) => `${toColumn(f)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
    prepared(ctx.db, sql).run(...changed.map((f) => (typeof after[f] === 'boolean' ? (after[f] ? 1 : 0) : after[f])), now, before.id);
    if (changed.includes('title') || changed.includes('description') || changed.includes('evidence')) indexItems(ctx.db, { ids: [before.id] });
    // A knowledge-transfer item done means its process is signed off; reopened, back to shadowing.
    if (before.processId && changed.includes('status')) {
      const p = getRecord(ctx.db, 'process', before.processId);
      if (p && after.status === 'done') setProcessStage(ctx, p.id, 'signed_off', now);
      else if (p && before.status === 'done' && p.ktStage === 'signed_off') setProcessStage(ctx, p.id, 'reverse_shadowing', now);
    }
    const what = changed.includes('status')
      ? `${after.status === 'done' ? 'Completed' : `Set to ${ITEM_STATUS_LABEL[after.status].toLowerCase()}`} “${after.title}”${after.status === 'blocked' ? `: ${after.blockedReason}` : ''}`
      : `Updated item “${after.title}”: ${changed.filter((f) => f !== 'dueManual' && f !== 'ownerManual' && f !== 'completedAt').map((f) => f.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(', ')}`;
    log(ctx, 'update', 'checklist_item', before.id, before.vendorId, what,
      Object.fromEntries(changed.map((f) => [f, { from: before[f], to: after[f] }])));
    return mustItem(ctx, before.id);
  });
}

/** Moves a knowledge-transfer item's process through its stages; the item's status follows. */
export function setItemKtStage(ctx: ServiceContext, input: { id: string; stage: string }): ChecklistItem {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, input.id);
    if (!item.processId) throw invalid('id', 'is not a knowledge-transfer item (it has no process)');
    const now = nowIso(ctx);
    setProcessStage(ctx, item.processId, input.stage, now);
    followProcessStage(ctx, item.processId, input.stage, now);
    return mustItem(ctx, item.id);
  });
}

/** Signs an item off (by a person, now), which also completes it; byId null withdraws the sign-off. */
export function signOffItem(ctx: ServiceContext, input: { id: string; byId: string | null }): ChecklistItem {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, input.id);
    if (item.deletedAt) throw new ApiError('CONFLICT', 'This item was deleted; restore it before signing it off.');
    if (input.byId && !isLive(ctx.db, 'person', input.byId)) throw invalid('byId', 'refers to a person who does not exist or was deleted');
    const now = nowIso(ctx);
    if (input.byId) {
      prepared(ctx.db, `UPDATE checklist_items SET signed_off_by_id = ?, signed_off_at = ?, status = 'done', completed_at = coalesce(completed_at, ?), updated_at = ? WHERE id = ?`)
        .run(input.byId, now, now, now, item.id);
      if (item.processId) setProcessStage(ctx, item.processId, 'signed_off', now);
      const who = getRecord(ctx.db, 'person', input.byId)!;
      log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Signed off “${item.title}” by ${who.name}`);
    } else {
      prepared(ctx.db, 'UPDATE checklist_items SET signed_off_by_id = NULL, signed_off_at = NULL, updated_at = ? WHERE id = ?').run(now, item.id);
      log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Withdrew the sign-off of “${item.title}”`);
    }
    return mustItem(ctx, item.id);
  });
}

export function setItemDeleted(ctx: ServiceContext, id: string, deleted: boolean): ChecklistItem {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, id);
    const now = nowIso(ctx);
    prepared(ctx.db, 'UPDATE checklist_items SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deleted ? now : null, now, id);
    indexItems(ctx.db, { ids: [id] });
    log(ctx, deleted ? 'delete' : 'restore', 'checklist_item', id, item.vendorId, `${deleted ? 'Deleted' : 'Restored'} item “${item.title}”`);
    return mustItem(ctx, id);
  });
}

function recordTitle(db: Db, kind: LinkKind, id: string): string | null {
  const r = getRecord(db, kind, id) as Record<string, unknown> | undefined;
  return r && !r.deletedAt ? String(r[TITLE_FIELD[kind]]) : null;
}

export function linkItem(ctx: ServiceContext, input: { itemId: string; recordKind: LinkKind; recordId: string }): ItemLink[] {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, input.itemId);
    const title = recordTitle(ctx.db, input.recordKind, input.recordId);
    if (title === null) throw invalid('recordId', `refers to a ${KIND_LABEL[input.recordKind].one.toLowerCase()} that does not exist or was deleted`);
    const now = nowIso(ctx);
    const existing = prepared(ctx.db, 'SELECT id FROM checklist_item_links WHERE item_id = ? AND record_kind = ? AND record_id = ?')
      .get(item.id, input.recordKind, input.recordId) as { id: string } | undefined;
    if (existing) prepared(ctx.db, 'UPDATE checklist_item_links SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, existing.id);
    else prepared(ctx.db, 'INSERT INTO checklist_item_links (id, item_id, record_kind, record_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ctx.newId(), item.id, input.recordKind, input.recordId, now, now);
    log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Linked “${item.title}” to ${KIND_LABEL[input.recordKind].one.toLowerCase()} “${title}”`);
    return itemLinks(ctx, item.id);
  });
}

export function unlinkItem(ctx: ServiceContext, input: { itemId: string; recordKind: LinkKind; recordId: string }): ItemLink[] {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, input.itemId);
    const now = nowIso(ctx);
    const r = prepared(ctx.db, 'UPDATE checklist_item_links SET deleted_at = ?, updated_at = ? WHERE item_id = ? AND record_kind = ? AND record_id = ? AND deleted_at IS NULL')
      .run(now, now, item.id, input.recordKind, input.recordId);
    if (r.changes) log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Unlinked a ${KIND_LABEL[input.recordKind].one.toLowerCase()} from “${item.title}”`);
    return itemLinks(ctx, item.id);
  });
}

export function itemLinks(ctx: ServiceContext, itemId: string): ItemLink[] {
  const rows = prepared(ctx.db, `SELECT id, item_id AS itemId, record_kind AS recordKind, record_id AS recordId FROM checklist_item_links
    WHERE item_id = ? AND deleted_at IS NULL ORDER BY created_at`).all(itemId) as Omit<ItemLink, 'title'>[];
  const links: ItemLink[] = [];
  for (const r of rows) {
    const title = recordTitle(ctx.db, r.recordKind, r.recordId);
    if (title !== null) links.push({ ...r, title });
  }
  // The KT item's own process is a link too, so the detail shows it without a separate step.
  const item = mustItem(ctx, itemId);
  if (item.processId && !links.some((l) => l.recordKind === 'process' && l.recordId === item.processId)) {
    const title = recordTitle(ctx.db, 'process', item.processId);
    if (title !== null) links.unshift({ id: `process:${item.processId}`, itemId, recordKind: 'process', recordId: item.processId, title });
  }
  return links;
}


/** A person's items across all vendors: overdue first, then by due date, open before closed. */
export function myTasks(ctx: ServiceContext, input: { personId: string; includeClosed?: boolean | undefined }, today: string): TaskRow[] {
  const rows = prepared(ctx.db, `SELECT ${ITEM_COLUMNS}, v.name AS "vendorName", c.name AS "checklistName"
    FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id JOIN vendors v ON v.id = i.vendor_id
    WHERE i.owner_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL AND v.deleted_at IS NULL
      ${input.includeClosed ? '' : `AND i.status NOT IN ('done', 'not_applicable')`}
    ORDER BY i.status IN ('done', 'not_applicable'), (i.due_date < ? AND i.status NOT IN ('done', 'not_applicable')) DESC,
      i.due_date IS NULL, i.due_date, v.name COLLATE NOCASE, i.position LIMIT 5000`).all(input.personId, today) as Record<string, unknown>[];
  return rows.map((r) => {
    const item = toItem(r) as TaskRow;
    item.overdue = !!item.dueDate && item.dueDate < today && item.status !== 'done' && item.status !== 'not_applicable';
    return item;
  });
}

/** Saves a vendor's checklist as a template of one's own; per-process items fold back into one. */
export function checklistAsTemplateItems(ctx: ServiceContext, checklistId: string): { phase: number; title: string; description: string; offsetDays: number; ownerRole: string; perProcess: boolean }[] {
  const c = mustChecklist(ctx, checklistId);
  const vendor = getRecord(ctx.db, 'vendor', c.vendorId);
  const items = listItems(ctx, { checklistId, today: '' }).rows;
  const out: ReturnType<typeof checklistAsTemplateItems> = [];
  const seenPerProcess = new Set<string>();
  for (const it of items) {
    const offsetDays = it.offsetDays ?? (it.dueDate && vendor?.exitDate ? Math.round((Date.parse(it.dueDate) - Date.parse(vendor.exitDate)) / 86_400_000) : 0);
    if (it.processId) {
      const p = getRecord(ctx.db, 'process', it.processId);
      const base = p && it.title.endsWith(`: ${p.name}`) ? it.title.slice(0, -(p.name.length + 2)) : it.title;
      const key = `${it.phase}:${base}`;
      if (seenPerProcess.has(key)) continue;
      seenPerProcess.add(key);
      out.push({ phase: it.phase, title: base, description: it.description, offsetDays, ownerRole: it.ownerRole, perProcess: true });
    } else {
      out.push({ phase: it.phase, title: it.title, description: it.description, offsetDays, ownerRole: it.ownerRole, perProcess: false });
    }
  }
  return out;
}
