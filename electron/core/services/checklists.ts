// Checklists per vendor: started from a template, due dates counted from the exit date T (unless
// set by hand), one knowledge-transfer item per process whose stage the process follows,
// evidence, links to inventory records and sign-off. Every change is logged.
import {
  ITEM_STATUS_LABEL, PHASES, type Checklist, type ChecklistWithProgress, type TaskRow, type ChecklistItem, type ItemChanges, type ItemLink, type ItemStatus, type LinkKind,
} from '../../../shared/checklists';
import type { ItemMarks, ItemQueryResult } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { ApiError, type FieldIssue } from '../../../shared/errors';
import { KIND_LABEL, TITLE_FIELD, refLabel } from '../../../shared/records';
import {
  checklistsWithProgress, deleteItemLink, getChecklist, getItem, insertChecklist, insertItem, ITEM_COLUMNS, liveItemLinks, nextItemPosition, passProcessItems,
  peopleNames, personItems, processesForChecklist, putItemLink, queryItems, redateVendorItems, renameChecklistRow, setChecklistDeletedAt, setItemDeletedAt,
  setProcessItemsStatus, setProcessKtStage, signOffItemRow, toItem, updateItemFields, withdrawItemSignOff, type ItemFilter, type ItemGroupBy, type NewItem,
} from '../store/checklists';
import type { Db } from '../store/open';
import { getRecord, isLive } from '../store/records';
import { indexItems } from '../store/search';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';
import { getTemplate } from './templates';

// Read by the other services that list items (readiness, deadlines).
export { ITEM_COLUMNS, toItem };

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

export function mustItem(ctx: ServiceContext, id: string): ChecklistItem {
  const item = getItem(ctx.db, id);
  if (!item) throw new ApiError('NOT_FOUND', `No checklist item with id ${id}`);
  return item;
}

function mustChecklist(ctx: ServiceContext, id: string): Checklist {
  const c = getChecklist(ctx.db, id);
  if (!c || c.deletedAt) throw new ApiError('NOT_FOUND', `No checklist with id ${id}`);
  return c;
}

function log(ctx: ServiceContext, action: 'create' | 'update' | 'delete' | 'restore', kind: string, recordId: string, vendorId: string, summary: string, changes?: unknown) {
  describeChange(ctx, { action, kind, recordId, vendorId, summary, ...(changes ? { changes } : {}) });
}

/** What every item the service adds starts with: no evidence, not blocked, not done. */
const FRESH = { blockedReason: '', evidence: '', completedAt: null } satisfies Partial<NewItem>;

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
    insertChecklist(ctx.db, { id, vendorId: vendor.id, name, templateId: template.id, now });
    const processes = processesForChecklist(ctx.db, vendor.id);
    let position = 0;
    for (const t of template.items) {
      const due = vendor.exitDate ? addDays(vendor.exitDate, t.offsetDays) : null;
      const common = { ...FRESH, checklistId: id, vendorId: vendor.id, phase: t.phase, description: t.description, ownerRole: t.ownerRole, ownerManual: false,
        offsetDays: t.offsetDays, dueDate: due, dueManual: false, register: t.register, now };
      if (t.perProcess) {
        for (const p of processes) {
          insertItem(ctx.db, { ...common, id: ctx.newId(), position: position++, title: `${t.title}: ${p.name}`, ownerId: p.successorId, status: statusForKtStage(p.ktStage), processId: p.id });
        }
      } else {
        insertItem(ctx.db, { ...common, id: ctx.newId(), position: position++, title: t.title, ownerId: null, status: 'todo', processId: null });
      }
    }
    indexItems(ctx.db, { checklistId: id });
    log(ctx, 'create', 'checklist', id, vendor.id, `Started checklist “${name}” for “${vendor.name}” from template “${template.name}” (${position} items)`);
    return mustChecklist(ctx, id);
  });
}


export function listChecklists(ctx: ServiceContext, vendorId: string, today: string): ChecklistWithProgress[] {
  return checklistsWithProgress(ctx.db, vendorId, today);
}

export function renameChecklist(ctx: ServiceContext, input: { id: string; name: string }): Checklist {
  return inWrite(ctx, () => {
    const c = mustChecklist(ctx, input.id);
    renameChecklistRow(ctx.db, c.id, input.name, nowIso(ctx));
    log(ctx, 'update', 'checklist', c.id, c.vendorId, `Renamed checklist “${c.name}” to “${input.name}”`);
    return mustChecklist(ctx, c.id);
  });
}

export function setChecklistDeleted(ctx: ServiceContext, id: string, deleted: boolean): { id: string; deleted: boolean } {
  return inWrite(ctx, () => {
    const c = getChecklist(ctx.db, id);
    if (!c) throw new ApiError('NOT_FOUND', `No checklist with id ${id}`);
    const now = nowIso(ctx);
    setChecklistDeletedAt(ctx.db, id, deleted ? now : null, now);
    log(ctx, deleted ? 'delete' : 'restore', 'checklist', id, c.vendorId, `${deleted ? 'Deleted' : 'Restored'} checklist “${c.name}”`);
    return { id, deleted };
  });
}

export type ItemQuery = ItemFilter;

/** What a group is called: "2. Knowledge transfer", "Blocked", the owner's name. */
const GROUP_LABEL: Record<ItemGroupBy, (key: string, ownerName: string | null) => string> = {
  phase: (key) => `${key}. ${PHASES[Number(key)]?.label ?? `Phase ${key}`}`,
  status: (key) => ITEM_STATUS_LABEL[key as ItemStatus] ?? key,
  owner: (key, ownerName) => (key ? (ownerName ?? 'Someone who left') : 'Unassigned'),
};

const MARK = '\u0002';

export function listItems(ctx: ServiceContext, q: ItemQuery): ItemQueryResult {
  const found = queryItems(ctx.db, q);
  const label = q.groupBy ? GROUP_LABEL[q.groupBy] : null;
  const groups = label && found.groups?.map(({ ownerName, ...g }) => ({ ...g, label: label(g.key, ownerName) }));
  const withGroups = <T extends object>(r: T) => (groups ? { ...r, groups } : r);
  if (!found.marked) {
    const rows = found.rows.map(toItem);
    return withGroups({ rows, total: found.total, labels: peopleLabels(ctx.db, rows) });
  }
  const marks: Record<string, ItemMarks> = {};
  const rows = found.rows.map(({ markTitle, markBody, markOwner, ...row }) => {
    const m: ItemMarks = {};
    // highlight() and snippet() return the text unmarked when the words matched elsewhere.
    if (typeof markTitle === 'string' && markTitle.includes(MARK)) m.title = markTitle;
    if (typeof markBody === 'string' && markBody.includes(MARK)) m.body = markBody;
    if (typeof markOwner === 'string' && markOwner.includes(MARK)) m.owner = markOwner;
    marks[row.id as string] = m;
    return toItem(row);
  });
  return withGroups({ rows, total: found.total, labels: peopleLabels(ctx.db, rows), marks });
}

function peopleLabels(db: Db, rows: ChecklistItem[]): Record<string, string> {
  const ids = [...new Set(rows.flatMap((r) => [r.ownerId, r.signedOffById]).filter((x): x is string => !!x))];
  const labels: Record<string, string> = {};
  for (const p of peopleNames(db, ids)) labels[p.id] = refLabel('person', p.name, p.deletedAt !== null);
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
    const position = nextItemPosition(ctx.db, c.id);
    const offset = input.offsetDays ?? null;
    const manual = !!input.dueDate;
    const due = input.dueDate ?? (offset !== null && vendor.exitDate ? addDays(vendor.exitDate, offset) : null);
    insertItem(ctx.db, { ...FRESH, id, checklistId: c.id, vendorId: c.vendorId, position, phase: input.phase, title: input.title, description: input.description ?? '',
      ownerRole: '', ownerId: input.ownerId ?? null, ownerManual: !!input.ownerId, offsetDays: offset, dueDate: due, dueManual: manual, status: 'todo', processId: null, now });
    indexItems(ctx.db, { ids: [id] });
    log(ctx, 'create', 'checklist_item', id, c.vendorId, `Added item “${input.title}” to checklist “${c.name}”`);
    return mustItem(ctx, id);
  });
}

/** Moves a process's KT stage and the status of its knowledge-transfer items together. */
function setProcessStage(ctx: ServiceContext, processId: string, stage: string, now: string) {
  const p = getRecord(ctx.db, 'process', processId);
  if (!p || p.ktStage === stage) return;
  setProcessKtStage(ctx.db, processId, stage, now);
  log(ctx, 'update', 'process', processId, p.vendorId, `Knowledge-transfer stage of “${p.name}” moved to ${stage.replaceAll('_', ' ')} from its checklist`,
    { ktStage: { from: p.ktStage, to: stage } });
}

/** Called after a process's KT stage changed in the inventory: its KT items follow. */
export function followProcessStage(ctx: ServiceContext, processId: string, stage: string, now: string): void {
  setProcessItemsStatus(ctx.db, processId, statusForKtStage(stage), now);
}

/**
 * Called after a process's in-house successor changed: its knowledge-transfer items pass to the new
 * successor, except those whose owner was chosen by hand on the item (or, from before owners were
 * tracked, is someone other than the previous successor). A successor who has left is never given one.
 */
export function followSuccessor(ctx: ServiceContext, processId: string, from: string | null, to: string | null, now: string): number {
  const owner = to && isLive(ctx.db, 'person', to) ? to : null;
  return passProcessItems(ctx.db, processId, from, owner, now);
}

/** Called after a vendor's exit date moved: every item not set by hand follows T. */
export function followExitDate(ctx: ServiceContext, vendorId: string, exitDate: string | null, now: string): number {
  return redateVendorItems(ctx.db, vendorId, exitDate, now);
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
    updateItemFields(ctx.db, before.id, Object.fromEntries(changed.map((f) => [f, after[f]])), now);
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
      signOffItemRow(ctx.db, item.id, input.byId, now);
      if (item.processId) setProcessStage(ctx, item.processId, 'signed_off', now);
      const who = getRecord(ctx.db, 'person', input.byId)!;
      // Who signed before and the status it completed, so an undo can put both back (api/historyItems.ts).
      log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Signed off “${item.title}” by ${who.name}`, {
        signedOffById: { from: item.signedOffById, to: input.byId },
        ...(item.status !== 'done' ? { status: { from: item.status, to: 'done' } } : {}),
      });
    } else {
      withdrawItemSignOff(ctx.db, item.id, now);
      log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Withdrew the sign-off of “${item.title}”`, { signedOffById: { from: item.signedOffById, to: null } });
    }
    return mustItem(ctx, item.id);
  });
}

export function setItemDeleted(ctx: ServiceContext, id: string, deleted: boolean): ChecklistItem {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, id);
    const now = nowIso(ctx);
    setItemDeletedAt(ctx.db, id, deleted ? now : null, now);
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
    putItemLink(ctx.db, { id: ctx.newId(), itemId: item.id, recordKind: input.recordKind, recordId: input.recordId, now });
    // What was linked, so an undo can take the link back (api/historyItems.ts).
    log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Linked “${item.title}” to ${KIND_LABEL[input.recordKind].one.toLowerCase()} “${title}”`,
      { link: { recordKind: input.recordKind, recordId: input.recordId } });
    return itemLinks(ctx, item.id);
  });
}

export function unlinkItem(ctx: ServiceContext, input: { itemId: string; recordKind: LinkKind; recordId: string }): ItemLink[] {
  return inWrite(ctx, () => {
    const item = mustItem(ctx, input.itemId);
    const now = nowIso(ctx);
    if (deleteItemLink(ctx.db, item.id, input.recordKind, input.recordId, now)) {
      log(ctx, 'update', 'checklist_item', item.id, item.vendorId, `Unlinked a ${KIND_LABEL[input.recordKind].one.toLowerCase()} from “${item.title}”`,
        { unlink: { recordKind: input.recordKind, recordId: input.recordId } });
    }
    return itemLinks(ctx, item.id);
  });
}

export function itemLinks(ctx: ServiceContext, itemId: string): ItemLink[] {
  const rows = liveItemLinks(ctx.db, itemId);
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
  return personItems(ctx.db, input.personId, !!input.includeClosed, today).map((r) => {
    const item = toItem(r) as TaskRow;
    item.overdue = !!item.dueDate && item.dueDate < today && item.status !== 'done' && item.status !== 'not_applicable';
    return item;
  });
}

/** Saves a vendor's checklist as a template of one's own; per-process items fold back into one. */
export function checklistAsTemplateItems(ctx: ServiceContext, checklistId: string): {
  phase: number; title: string; description: string; offsetDays: number; ownerRole: string; perProcess: boolean; register: ChecklistItem['register'];
}[] {
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
      out.push({ phase: it.phase, title: base, description: it.description, offsetDays, ownerRole: it.ownerRole, perProcess: true, register: it.register });
    } else {
      out.push({ phase: it.phase, title: it.title, description: it.description, offsetDays, ownerRole: it.ownerRole, perProcess: false, register: it.register });
    }
  }
  return out;
}
