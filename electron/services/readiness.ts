// Readiness for one vendor or all of them: loads just the columns the pure function needs
// (shared/readiness.ts), for every vendor in one pass per table, and the dashboard around it.
import type { DashboardRow, ItemStatus, PhaseIndex, PhaseSpan, VendorOverview } from '../../shared/checklists';
import { daysBetween, serveNoticeBy } from '../../shared/dates';
import { computeReadinessFromGroups, type GroupMembers, type Readiness, type ReadinessGroups } from '../../shared/readiness';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { ITEM_COLUMNS, toItem } from './checklists';

/**
 * Readiness of one vendor or of every live vendor. The database counts the records per
 * combination of the fields the rules read (see ReadinessGroups); the records of a group are
 * fetched only when a rule flags it. That keeps all vendors of a 100,000-record workbook well
 * inside the dashboard's budget, where turning every row into an object would not be.
 */
export function loadReadiness(db: Db, today: string, vendorId?: string): Map<string, Readiness> {
  const groups = new Map<string, ReadinessGroups>();
  const only = vendorId ? 'AND t.vendor_id = ?' : '';
  const args = vendorId ? [vendorId] : [];
  const vendors = prepared(db, `SELECT id, name, contract_end, notice_days, lead_days, exit_date, status FROM vendors
    WHERE deleted_at IS NULL ${vendorId ? 'AND id = ?' : ''}`).raw().all(...args) as [string, string, string | null, number | null, number | null, string | null, string][];
  for (const [id, name, contractEnd, noticeDays, leadDays, exitDate, status] of vendors) {
    groups.set(id, { today, vendor: { id, name, contractEnd, noticeDays, leadDays, exitDate, status }, items: [], processes: [], repositories: [], licences: [], documents: [] });
  }
  const each = (sql: string, params: unknown[], push: (g: ReadinessGroups, row: unknown[]) => void) => {
    for (const row of prepared(db, sql).raw().all(...params) as unknown[][]) {
      const g = groups.get(row[0] as string);
      if (g) push(g, row);
    }
  };
  each(`SELECT t.vendor_id, t.phase, t.status, coalesce(t.due_date < ?, 0), count(*) FROM checklist_items t JOIN checklists c ON c.id = t.checklist_id
    WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4`, [today, ...args], (g, r) => {
    g.items.push({ phase: r[1] as PhaseIndex, status: r[2] as ItemStatus, dueBeforeToday: r[3] === 1, count: r[4] as number });
  });
  each(`SELECT t.vendor_id, t.criticality, t.kt_stage, t.successor_id IS NOT NULL, count(*) FROM processes t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4`, args, (g, r) => {
    g.processes.push({ criticality: r[1] as ReadinessGroups['processes'][number]['criticality'], ktStage: r[2] as string, hasSuccessor: r[3] === 1, count: r[4] as number });
  });
  each(`SELECT t.vendor_id, t.transfer_status, p.side, count(*) FROM repositories t LEFT JOIN people p ON p.id = t.admin_id AND p.deleted_at IS NULL
    WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3`, args, (g, r) => {
    g.repositories.push({ transferStatus: r[1] as string, adminSide: r[2] as string | null, count: r[3] as number });
  });
  each(`SELECT t.vendor_id, t.licensee, t.transferable, t.transfer_status, count(*) FROM licences t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4`, args, (g, r) => {
    g.licences.push({ licensee: r[1] as string, transferable: r[2] as string, transferStatus: r[3] as string, count: r[4] as number });
  });
  each(`SELECT t.vendor_id, t.status, t.reviewed_on IS NOT NULL, count(*) FROM documents t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3`, args, (g, r) => {
    g.documents.push({ status: r[1] as string, reviewed: r[2] === 1, count: r[3] as number });
  });

  const out = new Map<string, Readiness>();
  for (const [id, g] of groups) out.set(id, computeReadinessFromGroups(g, membersOf(db, id, today)));
  return out;
}

/** The records of one group of one vendor: plain equality on the grouped fields, no rules. */
function membersOf(db: Db, vendorId: string, today: string): GroupMembers {
  return {
    items: (g) => prepared(db, `SELECT t.id, t.title, t.due_date AS dueDate, t.blocked_reason AS blockedReason FROM checklist_items t
      JOIN checklists c ON c.id = t.checklist_id WHERE t.vendor_id = ? AND t.deleted_at IS NULL AND c.deleted_at IS NULL
      AND t.phase = ? AND t.status = ? AND coalesce(t.due_date < ?, 0) = ? ORDER BY t.due_date, t.position`)
      .all(vendorId, g.phase, g.status, today, g.dueBeforeToday ? 1 : 0) as ReturnType<GroupMembers['items']>,
    processes: (g) => prepared(db, `SELECT id, name FROM processes t WHERE t.vendor_id = ? AND t.deleted_at IS NULL
      AND t.criticality = ? AND t.kt_stage = ? AND (t.successor_id IS NOT NULL) = ? ORDER BY t.name COLLATE NOCASE`)
      .all(vendorId, g.criticality, g.ktStage, g.hasSuccessor ? 1 : 0) as ReturnType<GroupMembers['processes']>,
    repositories: (g) => prepared(db, `SELECT t.id, t.name FROM repositories t LEFT JOIN people p ON p.id = t.admin_id AND p.deleted_at IS NULL
      WHERE t.vendor_id = ? AND t.deleted_at IS NULL AND t.transfer_status = ? AND p.side IS ? ORDER BY t.name COLLATE NOCASE`)
      .all(vendorId, g.transferStatus, g.adminSide) as ReturnType<GroupMembers['repositories']>,
    licences: (g) => prepared(db, `SELECT id, product FROM licences t WHERE t.vendor_id = ? AND t.deleted_at IS NULL
      AND t.licensee = ? AND t.transferable = ? AND t.transfer_status = ? ORDER BY t.product COLLATE NOCASE`)
      .all(vendorId, g.licensee, g.transferable, g.transferStatus) as ReturnType<GroupMembers['licences']>,
    documents: (g) => prepared(db, `SELECT id, title FROM documents t WHERE t.vendor_id = ? AND t.deleted_at IS NULL
      AND t.status = ? AND (t.reviewed_on IS NOT NULL) = ? ORDER BY t.title COLLATE NOCASE`)
      .all(vendorId, g.status, g.reviewed ? 1 : 0) as ReturnType<GroupMembers['documents']>,
  };
}

export function readinessForVendor(db: Db, vendorId: string, today: string): Readiness | null {
  return loadReadiness(db, today, vendorId).get(vendorId) ?? null;
}

/**
 * The portfolio dashboard: one row per vendor, riskiest first. Records today's scores in the
 * readiness history (one row per vendor per day) so the trend has something to compare with.
 */
export function dashboard(db: Db, today: string): DashboardRow[] {
  const all = loadReadiness(db, today);
  const vendors = new Map((prepared(db, `SELECT id, name, contract_end AS contractEnd, notice_days AS noticeDays, lead_days AS leadDays,
    exit_date AS exitDate, status FROM vendors WHERE deleted_at IS NULL`).all() as ReadinessGroups['vendor'][]).map((v) => [v.id, v]));
  // The aggregate the dashboard is built around: one pass over the covering index on
  // checklist_items (vendor_id, deleted_at, status, phase, due_date).
  const agg = new Map<string, DashboardRow['items']>();
  for (const [vendorId, status, n, overdue] of prepared(db, `SELECT vendor_id, status, count(*), sum(due_date < ?) FROM checklist_items
    WHERE deleted_at IS NULL GROUP BY vendor_id, status`).raw().all(today) as [string, ItemStatus, number, number | null][]) {
    const a = agg.get(vendorId) ?? { total: 0, done: 0, overdue: 0, blocked: 0 };
    if (status !== 'not_applicable') a.total += n;
    if (status === 'done') a.done += n;
    if (status === 'blocked') a.blocked += n;
    if (status !== 'done' && status !== 'not_applicable') a.overdue += overdue ?? 0;
    agg.set(vendorId, a);
  }
  const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const past = new Map((prepared(db, `SELECT h.vendor_id, h.score FROM readiness_history h
    WHERE h.day = (SELECT max(day) FROM readiness_history WHERE vendor_id = h.vendor_id AND day <= ?)`).raw().all(weekAgo) as [string, number][]));
  const rows: DashboardRow[] = [];
  const record = prepared(db, 'INSERT INTO readiness_history (vendor_id, day, score) VALUES (?, ?, ?) ON CONFLICT (vendor_id, day) DO UPDATE SET score = excluded.score');
  db.transaction(() => {
    for (const [vendorId, r] of all) {
      record.run(vendorId, today, r.score);
      const v = vendors.get(vendorId)!;
      const before = past.get(vendorId);
      rows.push({
        vendorId, name: v.name, status: v.status, exitDate: v.exitDate,
        daysToExit: v.exitDate ? daysBetween(today, v.exitDate) : null,
        serveNoticeBy: serveNoticeBy(v), readiness: r.score, trend: before === undefined ? null : r.score - before,
        flags: r.flags.length, highFlags: r.flags.filter((f) => f.severity === 'high').length,
        items: agg.get(vendorId) ?? { total: 0, done: 0, overdue: 0, blocked: 0 },
      });
    }
  }).immediate();
  return rows.sort(byRisk);
}

/** Riskiest first: exited vendors last; then most high flags, then the nearest exit, then the lowest score. */
export function byRisk(a: DashboardRow, b: DashboardRow): number {
  const done = (r: DashboardRow) => (r.status === 'exited' ? 1 : 0);
  return done(a) - done(b)
    || b.highFlags - a.highFlags
    || (a.daysToExit ?? Infinity) - (b.daysToExit ?? Infinity)
    || a.readiness - b.readiness
    || a.name.localeCompare(b.name);
}

/** The vendor overview's readiness block: score and parts, red flags, next deadlines, timeline. */
export function vendorOverview(db: Db, vendorId: string, today: string): VendorOverview | null {
  const readiness = readinessForVendor(db, vendorId, today);
  if (!readiness) return null;
  const nextDeadlines = (prepared(db, `SELECT ${ITEM_COLUMNS}, c.name AS "checklistName" FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id
    WHERE i.vendor_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL AND i.status NOT IN ('done', 'not_applicable') AND i.due_date >= ?
    ORDER BY i.due_date, i.phase, i.position LIMIT 6`).all(vendorId, today) as Record<string, unknown>[])
    .map((r) => ({ ...toItem(r), checklistName: r.checklistName as string }));
  const phases = (prepared(db, `SELECT i.phase, min(i.due_date) AS start, max(i.due_date) AS "end", min(i.offset_days) AS startOffset,
      max(i.offset_days) AS endOffset, count(*) FILTER (WHERE i.status = 'done') AS done, count(*) FILTER (WHERE i.status <> 'not_applicable') AS total
    FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id
    WHERE i.vendor_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY i.phase ORDER BY i.phase`).all(vendorId) as PhaseSpan[]);
  return { vendorId, today, readiness, nextDeadlines, phases };
}
