// The checklist items query in SQL: a checklist's or a vendor's items, filtered (status, owner,
// phase, overdue, due by, text through the search index) and ordered by the group they fall in
// (phase, status or owner), with each group's counts, so a screen asks for exactly what it shows.
// Then the checklists and items one by one, for the checklist service and the demo.
import { ITEM_STATUS, type Checklist, type ChecklistItem, type ChecklistWithProgress, type ItemLink, type ItemStatus, type LinkKind } from '../../../shared/checklists';
import type { ItemGroup } from '../../../shared/contract';
import type { Db } from './open';
import { prepared } from './prepared';
import { ITEM_KIND, toMatchQuery, toScopedMatchQuery } from './search';
import { toColumn } from './tables';

export const ITEM_COLUMNS = `i.id, i.checklist_id AS "checklistId", i.vendor_id AS "vendorId", i.position, i.phase, i.title, i.description,
  i.owner_role AS "ownerRole", i.owner_id AS "ownerId", i.offset_days AS "offsetDays", i.due_date AS "dueDate", i.due_manual AS "dueManual",
  i.owner_manual AS "ownerManual", i.status, i.blocked_reason AS "blockedReason", i.evidence, i.process_id AS "processId", i.register, i.signed_off_by_id AS "signedOffById",
  i.signed_off_at AS "signedOffAt", i.completed_at AS "completedAt", i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.deleted_at AS "deletedAt"`;

export const toItem = (row: Record<string, unknown>): ChecklistItem => ({ ...(row as unknown as ChecklistItem), dueManual: row.dueManual === 1, ownerManual: row.ownerManual === 1 });

export type ItemGroupBy = 'phase' | 'status' | 'owner';

export interface ItemFilter {
  checklistId?: string | undefined;
  vendorId?: string | undefined;
  /** A person's id, or null for the items nobody owns. */
  ownerId?: string | null | undefined;
  status?: ItemStatus[] | undefined;
  phase?: number | undefined;
  overdue?: boolean | undefined;
  /** Items due on or before this day (YYYY-MM-DD). */
  dueBefore?: string | undefined;
  /** Words to find in the title, description or evidence note, or in the owner's name (each a prefix). */
  text?: string | undefined;
  groupBy?: ItemGroupBy | undefined;
  today: string;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** One group's figures as the query finds them (ItemGroup before its label is made), with the owner's name for owner groups. */
export type ItemGroupRow = Omit<ItemGroup, 'label'> & { ownerName: string | null };

// How each grouping keys and orders its groups: statuses in the order of ITEM_STATUS, owners by
// name with the unassigned items last.
const STATUS_ORDER = `CASE i.status ${ITEM_STATUS.map((s, n) => `WHEN '${s}' THEN ${n}`).join(' ')} END`;
const GROUPS: Record<ItemGroupBy, { key: string; rows: string; groups: string }> = {
  phase: { key: 'CAST(i.phase AS TEXT)', rows: 'i.phase', groups: 'min(i.phase)' },
  status: { key: 'i.status', rows: STATUS_ORDER, groups: `min(${STATUS_ORDER})` },
  owner: { key: `coalesce(i.owner_id, '')`, rows: 'i.owner_id IS NULL, ow.name COLLATE NOCASE, i.owner_id', groups: `key = '', min(ow.name) COLLATE NOCASE, key` },
};

/** The vendor a text filter is scoped to in the search index: the one given, or its checklist's. */
function vendorOf(db: Db, f: ItemFilter): string | undefined {
  if (f.vendorId) return f.vendorId;
  return f.checklistId ? (prepared(db, 'SELECT vendor_id FROM checklists WHERE id = ?').pluck().get(f.checklistId) as string | undefined) : undefined;
}

/**
 * The query's parts: FROM with the joins (the text filter finds its words through the search index,
 * in the vendor's items and in people's names, both carrying the marked text), the scope (which
 * items at all) and the filters (which of them are shown), with their named parameters.
 */
function parts(db: Db, f: ItemFilter) {
  const params: Record<string, unknown> = {};
  const text = f.text && toMatchQuery(f.text) ? f.text : null;
  let joins = 'LEFT JOIN people ow ON ow.id = i.owner_id';
  if (text) {
    params.inItems = toScopedMatchQuery(text, ITEM_KIND, vendorOf(db, f))!;
    params.inNames = toScopedMatchQuery(text, 'person', undefined)!.replace('{title body}', '{title}');
    joins += `
      LEFT JOIN (SELECT d.record_id AS id, highlight(search_fts, 0, char(2), char(3)) AS title, snippet(search_fts, 1, char(2), char(3), '…', 10) AS body
        FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH @inItems) m ON m.id = i.id
      LEFT JOIN (SELECT d.record_id AS id, highlight(search_fts, 0, char(2), char(3)) AS name
        FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH @inNames) o ON o.id = i.owner_id`;
  }
  const scope = ['i.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  if (f.checklistId) { scope.push('i.checklist_id = @checklistId'); params.checklistId = f.checklistId; }
  if (f.vendorId) { scope.push('i.vendor_id = @vendorId'); params.vendorId = f.vendorId; }
  const filters: string[] = [];
  if (text) filters.push('(m.id IS NOT NULL OR o.id IS NOT NULL)');
  if (f.ownerId === null) filters.push('i.owner_id IS NULL');
  else if (f.ownerId) { filters.push('i.owner_id = @ownerId'); params.ownerId = f.ownerId; }
  if (f.status?.length) {
    filters.push(`i.status IN (${f.status.map((_, n) => `@status${n}`).join(', ')})`);
    f.status.forEach((s, n) => (params[`status${n}`] = s));
  }
  if (f.phase !== undefined) { filters.push('i.phase = @phase'); params.phase = f.phase; }
  if (f.overdue) { filters.push(`i.status NOT IN ('done', 'not_applicable') AND i.due_date < @today`); params.today = f.today; }
  if (f.dueBefore) { filters.push('i.due_date <= @dueBefore'); params.dueBefore = f.dueBefore; }
  const from = `checklist_items i JOIN checklists c ON c.id = i.checklist_id ${joins}`;
  return { from, scope: scope.join(' AND '), filter: filters.length ? filters.join(' AND ') : '1', params, text: !!text };
}

export interface ItemQueryRows {
  rows: Record<string, unknown>[];
  total: number;
  groups?: ItemGroupRow[];
  /** True when the rows carry the text filter's marks (markTitle, markBody, markOwner). */
  marked: boolean;
}

export function queryItems(db: Db, f: ItemFilter): ItemQueryRows {
  const { from, scope, filter, params, text } = parts(db, f);
  const group = f.groupBy ? GROUPS[f.groupBy] : null;
  const marked = text ? `, m.title AS "markTitle", m.body AS "markBody", o.name AS "markOwner"` : '';
  const order = `${group ? `${group.rows}, ` : ''}i.phase, i.position`;
  const rows = prepared(db, `SELECT ${ITEM_COLUMNS}${marked} FROM ${from} WHERE ${scope} AND ${filter}
    ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit ?? 5000, offset: f.offset ?? 0 }) as Record<string, unknown>[];
  const total = prepared(db, `SELECT count(*) FROM ${from} WHERE ${scope} AND ${filter}`).pluck().get(params) as number;
  if (!group) return { rows, total, marked: text };
  // Every group of the scope that shows at least one item; its counts cover all its items, so a
  // filtered group still says how far along the whole of it is.
  const groups = prepared(db, `SELECT ${group.key} AS key, min(ow.name) AS ownerName,
      count(*) FILTER (WHERE i.status = 'done') AS done,
      count(*) FILTER (WHERE i.status <> 'not_applicable') AS total,
      count(*) FILTER (WHERE ${filter}) AS shown,
      min(i.due_date) AS firstDue, max(i.due_date) AS lastDue, min(i.offset_days) AS minOffset, max(i.offset_days) AS maxOffset
    FROM ${from} WHERE ${scope} GROUP BY 1 HAVING shown > 0 ORDER BY ${group.groups}`)
    .all(params) as ItemGroupRow[];
  return { rows, total, groups, marked: text };
}

// Checklists and their items one by one: what the checklist service and the demo read and write.

const CHECKLIST_COLUMNS = `id, vendor_id AS "vendorId", name, template_id AS "templateId", created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

/** A checklist, deleted or not. */
export function getChecklist(db: Db, id: string): Checklist | undefined {
  return prepared(db, `SELECT ${CHECKLIST_COLUMNS} FROM checklists WHERE id = ?`).get(id) as Checklist | undefined;
}

export function insertChecklist(db: Db, c: { id: string; vendorId: string; name: string; templateId: string | null; now: string }): void {
  prepared(db, 'INSERT INTO checklists (id, vendor_id, name, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(c.id, c.vendorId, c.name, c.templateId, c.now, c.now);
}

/** A vendor's live checklists, oldest first, each with its items' counts (not applicable ones left out of the total). */
export function checklistsWithProgress(db: Db, vendorId: string, today: string): ChecklistWithProgress[] {
  return prepared(db, `SELECT c.id, c.vendor_id AS "vendorId", c.name, c.template_id AS "templateId", c.created_at AS "createdAt",
      c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
      count(i.id) FILTER (WHERE i.status <> 'not_applicable') AS total,
      count(i.id) FILTER (WHERE i.status = 'done') AS done,
      count(i.id) FILTER (WHERE i.status NOT IN ('done', 'not_applicable') AND i.due_date < ?) AS overdue,
      count(i.id) FILTER (WHERE i.status = 'blocked') AS blocked
    FROM checklists c LEFT JOIN checklist_items i ON i.checklist_id = c.id AND i.deleted_at IS NULL
    WHERE c.vendor_id = ? AND c.deleted_at IS NULL GROUP BY c.id ORDER BY c.created_at`).all(today, vendorId) as ChecklistWithProgress[];
}

export function renameChecklistRow(db: Db, id: string, name: string, now: string): void {
  prepared(db, 'UPDATE checklists SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
}

/** Deletes (deletedAt set) or restores (null) a checklist. */
export function setChecklistDeletedAt(db: Db, id: string, deletedAt: string | null, now: string): void {
  prepared(db, 'UPDATE checklists SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, now, id);
}

/** An item, deleted or not. */
export function getItem(db: Db, id: string): ChecklistItem | undefined {
  const row = prepared(db, `SELECT ${ITEM_COLUMNS} FROM checklist_items i WHERE i.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row && toItem(row);
}

/** Everything a new item is made of (new items start unsigned and live); phase and status as the callers' inputs have them, checked by the schema. */
export type NewItem = Pick<ChecklistItem, 'id' | 'checklistId' | 'vendorId' | 'position' | 'title' | 'description' | 'ownerRole' | 'ownerId'
  | 'ownerManual' | 'offsetDays' | 'dueDate' | 'dueManual' | 'blockedReason' | 'evidence' | 'processId' | 'completedAt'> & { phase: number; status: string; now: string }
  & { register?: ChecklistItem['register'] | undefined };

export function insertItem(db: Db, it: NewItem): void {
  prepared(db, `INSERT INTO checklist_items (id, checklist_id, vendor_id, position, phase, title, description, owner_role, owner_id, owner_manual,
    offset_days, due_date, due_manual, status, blocked_reason, evidence, process_id, register, completed_at, created_at, updated_at)
    VALUES (@id, @checklistId, @vendorId, @position, @phase, @title, @description, @ownerRole, @ownerId, @ownerManual,
    @offsetDays, @dueDate, @dueManual, @status, @blockedReason, @evidence, @processId, @register, @completedAt, @now, @now)`)
    .run({ ...it, ownerManual: it.ownerManual ? 1 : 0, dueManual: it.dueManual ? 1 : 0, register: it.register ?? null });
}

/** The position after the checklist's last item (deleted ones count: a restored item keeps its place). */
export function nextItemPosition(db: Db, checklistId: string): number {
  return ((prepared(db, 'SELECT max(position) AS m FROM checklist_items WHERE checklist_id = ?').get(checklistId) as { m: number | null }).m ?? -1) + 1;
}

/** A vendor's live processes as a checklist takes them: most critical first, with their in-house successor if still here. */
export function processesForChecklist(db: Db, vendorId: string): { id: string; name: string; ktStage: string; successorId: string | null }[] {
  return prepared(db, `SELECT p.id, p.name, p.kt_stage AS ktStage, s.id AS successorId FROM processes p
      LEFT JOIN people s ON s.id = p.successor_id AND s.deleted_at IS NULL WHERE p.vendor_id = ? AND p.deleted_at IS NULL
      ORDER BY CASE p.criticality WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, p.name COLLATE NOCASE`)
    .all(vendorId) as { id: string; name: string; ktStage: string; successorId: string | null }[];
}

/** The names of these people (left ones too, with when they left), for the labels of owners and signers. */
export function peopleNames(db: Db, ids: string[]): { id: string; name: string; deletedAt: string | null }[] {
  const out: { id: string; name: string; deletedAt: string | null }[] = [];
  // In chunks: SQLite limits the parameters of one statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...(prepared(db, `SELECT id, name, deleted_at AS deletedAt FROM people WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: string; name: string; deletedAt: string | null }[]));
  }
  return out;
}

export function setProcessKtStage(db: Db, processId: string, stage: string, now: string): void {
  prepared(db, 'UPDATE processes SET kt_stage = ?, updated_at = ? WHERE id = ?').run(stage, now, processId);
}

/** A process's live knowledge-transfer items take this status (not applicable ones stay so); done ones keep when they were done. */
export function setProcessItemsStatus(db: Db, processId: string, status: string, now: string): void {
  prepared(db, `UPDATE checklist_items SET status = ?, completed_at = CASE WHEN ? = 'done' THEN coalesce(completed_at, ?) ELSE NULL END, updated_at = ?
    WHERE process_id = ? AND deleted_at IS NULL AND status <> ? AND status <> 'not_applicable'`)
    .run(status, status, now, now, processId, status);
}

/** A process's live items owned by `from` (or nobody) and not chosen by hand pass to `to`; returns how many. */
export function passProcessItems(db: Db, processId: string, from: string | null, to: string | null, now: string): number {
  return prepared(db, `UPDATE checklist_items SET owner_id = ?, updated_at = ?
    WHERE process_id = ? AND deleted_at IS NULL AND owner_manual = 0 AND (owner_id IS NULL OR owner_id = ?) AND owner_id IS NOT ?`)
    .run(to, now, processId, from, to).changes;
}

/** A vendor's live items not dated by hand get their due date from the exit date (none without one); returns how many. */
export function redateVendorItems(db: Db, vendorId: string, exitDate: string | null, now: string): number {
  return prepared(db, `UPDATE checklist_items SET due_date = CASE WHEN ? IS NULL THEN NULL ELSE date(?, offset_days || ' days') END, updated_at = ?
    WHERE vendor_id = ? AND due_manual = 0 AND offset_days IS NOT NULL AND deleted_at IS NULL`).run(exitDate, exitDate, now, vendorId).changes;
}

/** The item fields an edit may change, as ChecklistItem names them. */
export type ItemField = 'title' | 'description' | 'phase' | 'ownerId' | 'ownerManual' | 'evidence' | 'blockedReason' | 'offsetDays' | 'dueDate' | 'dueManual'
  | 'status' | 'completedAt' | 'signedOffById' | 'signedOffAt';

/** Writes these fields of an item (at least one). */
export function updateItemFields(db: Db, id: string, values: Partial<Pick<ChecklistItem, ItemField>>, now: string): void {
  const fields = Object.keys(values) as ItemField[];
  const sql = `UPDATE checklist_items SET ${fields.map((f) => `${toColumn(f)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
  prepared(db, sql).run(...fields.map((f) => (typeof values[f] === 'boolean' ? (values[f] ? 1 : 0) : values[f])), now, id);
}

/** Signed off by a person now, which completes the item (keeping when it was first done). */
export function signOffItemRow(db: Db, id: string, byId: string, now: string): void {
  prepared(db, `UPDATE checklist_items SET signed_off_by_id = ?, signed_off_at = ?, status = 'done', completed_at = coalesce(completed_at, ?), updated_at = ? WHERE id = ?`)
    .run(byId, now, now, now, id);
}

export function withdrawItemSignOff(db: Db, id: string, now: string): void {
  prepared(db, 'UPDATE checklist_items SET signed_off_by_id = NULL, signed_off_at = NULL, updated_at = ? WHERE id = ?').run(now, id);
}

/** Deletes (deletedAt set) or restores (null) an item. */
export function setItemDeletedAt(db: Db, id: string, deletedAt: string | null, now: string): void {
  prepared(db, 'UPDATE checklist_items SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, now, id);
}

/** Links an item to a record: a link taken back before comes back to life rather than doubling. */
export function putItemLink(db: Db, l: { id: string; itemId: string; recordKind: LinkKind; recordId: string; now: string }): void {
  const existing = prepared(db, 'SELECT id FROM checklist_item_links WHERE item_id = ? AND record_kind = ? AND record_id = ?')
    .get(l.itemId, l.recordKind, l.recordId) as { id: string } | undefined;
  if (existing) prepared(db, 'UPDATE checklist_item_links SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(l.now, existing.id);
  else prepared(db, 'INSERT INTO checklist_item_links (id, item_id, record_kind, record_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(l.id, l.itemId, l.recordKind, l.recordId, l.now, l.now);
}

/** Takes a live link back; returns whether there was one. */
export function deleteItemLink(db: Db, itemId: string, recordKind: LinkKind, recordId: string, now: string): boolean {
  return prepared(db, 'UPDATE checklist_item_links SET deleted_at = ?, updated_at = ? WHERE item_id = ? AND record_kind = ? AND record_id = ? AND deleted_at IS NULL')
    .run(now, now, itemId, recordKind, recordId).changes > 0;
}

/** An item's live links, oldest first. */
export function liveItemLinks(db: Db, itemId: string): Omit<ItemLink, 'title'>[] {
  return prepared(db, `SELECT id, item_id AS itemId, record_kind AS recordKind, record_id AS recordId FROM checklist_item_links
    WHERE item_id = ? AND deleted_at IS NULL ORDER BY created_at`).all(itemId) as Omit<ItemLink, 'title'>[];
}

/** A person's live items across live vendors and checklists: open before closed, overdue first, then by due date. */
export function personItems(db: Db, personId: string, includeClosed: boolean, today: string): Record<string, unknown>[] {
  return prepared(db, `SELECT ${ITEM_COLUMNS}, v.name AS "vendorName", c.name AS "checklistName"
    FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id JOIN vendors v ON v.id = i.vendor_id
    WHERE i.owner_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL AND v.deleted_at IS NULL
      ${includeClosed ? '' : `AND i.status NOT IN ('done', 'not_applicable')`}
    ORDER BY i.status IN ('done', 'not_applicable'), (i.due_date < ? AND i.status NOT IN ('done', 'not_applicable')) DESC,
      i.due_date IS NULL, i.due_date, v.name COLLATE NOCASE, i.position LIMIT 5000`).all(personId, today) as Record<string, unknown>[];
}
