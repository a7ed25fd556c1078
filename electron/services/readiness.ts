// Readiness for one vendor or all of them: loads just the columns the pure function needs
// (shared/readiness.ts), for every vendor in one pass per table, and the dashboard around it.
import type { DashboardRow, ItemStatus, PhaseIndex, PhaseSpan, VendorOverview } from '../../shared/checklists';
import { daysBetween, serveNoticeBy } from '../../shared/dates';
import { computeReadiness, type Readiness, type ReadinessInput } from '../../shared/readiness';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { ITEM_COLUMNS, toItem } from './checklists';

type Inputs = Map<string, ReadinessInput>;

/** Builds the readiness inputs of the given vendors (all live vendors when none are given). */
export function loadReadinessInputs(db: Db, today: string, vendorId?: string): Inputs {
  const byVendor: Inputs = new Map();
  const vendorFilter = vendorId ? 'AND t.vendor_id = ?' : '';
  const args = vendorId ? [vendorId] : [];
  const vendors = prepared(db, `SELECT id, name, contract_end, notice_days, lead_days, exit_date, status FROM vendors
    WHERE deleted_at IS NULL ${vendorId ? 'AND id = ?' : ''}`).raw().all(...args) as [string, string, string | null, number | null, number | null, string | null, string][];
  for (const [id, name, contractEnd, noticeDays, leadDays, exitDate, status] of vendors) {
    byVendor.set(id, { today, vendor: { id, name, contractEnd, noticeDays, leadDays, exitDate, status }, items: [], processes: [], repositories: [], licences: [], documents: [] });
  }
  // Raw rows (arrays) rather than objects: a hundred thousand rows load measurably faster.
  const each = (sql: string, push: (input: ReadinessInput, row: unknown[]) => void) => {
    for (const row of prepared(db, sql).raw().iterate(...args) as IterableIterator<unknown[]>) {
      const input = byVendor.get(row[0] as string);
      if (input) push(input, row);
    }
  };
  each(`SELECT t.vendor_id, t.id, t.title, t.phase, t.status, t.due_date, t.blocked_reason FROM checklist_items t
    JOIN checklists c ON c.id = t.checklist_id WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL ${vendorFilter}`, (input, r) => {
    input.items.push({ id: r[1] as string, title: r[2] as string, phase: r[3] as PhaseIndex, status: r[4] as ItemStatus, dueDate: r[5] as string | null, blockedReason: r[6] as string });
  });
  each(`SELECT t.vendor_id, t.id, t.name, t.criticality, t.successor_id, t.kt_stage FROM processes t WHERE t.deleted_at IS NULL ${vendorFilter}`, (input, r) => {
    input.processes.push({ id: r[1] as string, name: r[2] as string, criticality: r[3] as ReadinessInput['processes'][number]['criticality'], successorId: r[4] as string | null, ktStage: r[5] as string });
  });
  each(`SELECT t.vendor_id, t.id, t.name, t.transfer_status, p.side FROM repositories t LEFT JOIN people p ON p.id = t.admin_id AND p.deleted_at IS NULL
    WHERE t.deleted_at IS NULL ${vendorFilter}`, (input, r) => {
    input.repositories.push({ id: r[1] as string, name: r[2] as string, transferStatus: r[3] as string, adminSide: r[4] as string | null });
  });
  each(`SELECT t.vendor_id, t.id, t.product, t.licensee, t.transferable, t.transfer_status FROM licences t WHERE t.deleted_at IS NULL ${vendorFilter}`, (input, r) => {
    input.licences.push({ id: r[1] as string, product: r[2] as string, licensee: r[3] as string, transferable: r[4] as string, transferStatus: r[5] as string });
  });
  each(`SELECT t.vendor_id, t.id, t.title, t.status, t.reviewed_on FROM documents t WHERE t.deleted_at IS NULL ${vendorFilter}`, (input, r) => {
    input.documents.push({ id: r[1] as string, title: r[2] as string, status: r[3] as string, reviewedOn: r[4] as string | null });
  });
  return byVendor;
}

export function readinessForVendor(db: Db, vendorId: string, today: string): Readiness | null {
  const input = loadReadinessInputs(db, today, vendorId).get(vendorId);
  return input ? computeReadiness(input) : null;
}


/**
 * The portfolio dashboard: one row per vendor, riskiest first. Records today's scores in the
 * readiness history (one row per vendor per day) so the trend has something to compare with.
 */
export function dashboard(db: Db, today: string): DashboardRow[] {
  const inputs = loadReadinessInputs(db, today);
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
    for (const [vendorId, input] of inputs) {
      const r = computeReadiness(input);
      record.run(vendorId, today, r.score);
      const v = input.vendor;
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
