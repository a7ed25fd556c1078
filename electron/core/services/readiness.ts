// Readiness for one vendor or all of them: loads just the columns the pure function needs
// (shared/readiness.ts), for every vendor in one pass per table, and the dashboard around it.
import type { DashboardRow, ItemStatus, PhaseIndex, PhaseSpan, VendorOverview } from '../../../shared/checklists';
import { addDays, daysBetween, serveNoticeBy } from '../../../shared/dates';
import { computeReadinessFromGroups, OVERDUE_HIGH_DAYS, type GroupMembers, type Lateness, type Readiness, type ReadinessGroups } from '../../../shared/readiness';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { ITEM_COLUMNS, toItem } from './checklists';

/**
 * Readiness of one vendor or of every live vendor. The database counts the records per
 * combination of the fields the rules read (see ReadinessGroups); the records of a group are
 * fetched only when a rule flags it. That keeps all vendors of a 100,000-record workbook well
 * inside the dashboard's budget, where turning every row into an object would not be.
 */
export function loadReadiness(db: Db, today: string, options: { vendorId?: string | undefined; detailed?: boolean } = {}): Map<string, Readiness> {
  const { vendorId, detailed = false } = options;
  const cutoff = addDays(today, -OVERDUE_HIGH_DAYS);
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
  each(`SELECT t.vendor_id, t.phase, t.status, ${LATENESS_SQL}, count(*) FROM checklist_items t JOIN checklists c ON c.id = t.checklist_id
    WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4`, [today, cutoff, ...args], (g, r) => {
    g.items.push({ phase: r[1] as PhaseIndex, status: r[2] as ItemStatus, late: r[3] as Lateness, count: r[4] as number });
  });
  const gone = goneSql(db);
  each(`SELECT t.vendor_id, t.criticality, t.kt_stage, t.successor_id IS NOT NULL, ${gone}, count(*) FROM processes t WHERE t.deleted_at IS NULL ${only}
    GROUP BY 1, 2, 3, 4, 5`, args, (g, r) => {
    g.processes.push({
      criticality: r[1] as ReadinessGroups['processes'][number]['criticality'], ktStage: r[2] as string, hasSuccessor: r[3] === 1, ownerLeft: r[4] === 1, count: r[5] as number,
    });
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
  if (!detailed) {
    for (const [id, g] of groups) out.set(id, computeReadinessFromGroups(g));
    return out;
  }
  // Two passes: the first only notes which groups the rules flag; their records are then fetched
  // (one query per kind), and the second pass writes the flags.
  const wanted: Wanted = { items: [], processes: [], repositories: [], licences: [], documents: [] };
  for (const [id, g] of groups) computeReadinessFromGroups(g, recorder(id, wanted));
  const found = fetchMembers(db, [today, cutoff], gone, wanted);
  for (const [id, g] of groups) out.set(id, computeReadinessFromGroups(g, lookup(id, found)));
  return out;
}

/**
 * Whether a process's owner or successor has left (is a deleted person), as 0 or 1. Reading the
 * owner takes each process's row, not only the readiness index: skipped while nobody has left.
 */
function goneSql(db: Db): string {
  const anyoneLeft = prepared(db, 'SELECT 1 FROM people WHERE deleted_at IS NOT NULL LIMIT 1').get() !== undefined;
  return anyoneLeft
    // ifnull: `NULL IN (…)` is NULL, and the groups compare this with `=`.
    ? `(ifnull(t.owner_id IN (SELECT id FROM people WHERE deleted_at IS NOT NULL), 0) OR ifnull(t.successor_id IN (SELECT id FROM people WHERE deleted_at IS NOT NULL), 0))`
    : '0';
}

/** An item's lateness (see shared/readiness.ts), from its due date; parameters: today, the high cutoff. */
const LATENESS_SQL = `(CASE WHEN t.due_date IS NULL OR t.due_date >= ? THEN 0 WHEN t.due_date < ? THEN 2 ELSE 1 END)`;

type Part = keyof GroupMembers;
type Wanted = { [P in Part]: { vendorId: string; key: unknown[] }[] };
type Found = { [P in Part]: Map<string, ReturnType<GroupMembers[P]>> };

/** The grouped fields of a group, in the order the member queries compare them. */
const KEYS: { [P in Part]: (g: Parameters<GroupMembers[P]>[0]) => unknown[] } = {
  items: (g) => [g.phase, g.status, g.late],
  processes: (g) => [g.criticality, g.ktStage, g.hasSuccessor ? 1 : 0, g.ownerLeft ? 1 : 0],
  repositories: (g) => [g.transferStatus, g.adminSide],
  licences: (g) => [g.licensee, g.transferable, g.transferStatus],
  documents: (g) => [g.status, g.reviewed ? 1 : 0],
};

const keyOf = (vendorId: string, key: unknown[]) => JSON.stringify([vendorId, ...key]);

function recorder(vendorId: string, wanted: Wanted): GroupMembers {
  const seen = new Set<string>();
  const note = <P extends Part>(part: P) => (g: Parameters<GroupMembers[P]>[0]) => {
    // A group can be asked for twice (an item both blocked and overdue): fetch it once.
    const key = KEYS[part](g as never);
    const id = `${part}:${keyOf(vendorId, key)}`;
    if (!seen.has(id)) {
      seen.add(id);
      wanted[part].push({ vendorId, key });
    }
    return [];
  };
  return { items: note('items'), processes: note('processes'), repositories: note('repositories'), licences: note('licences'), documents: note('documents') };
}

function lookup(vendorId: string, found: Found): GroupMembers {
  const get = <P extends Part>(part: P) => (g: Parameters<GroupMembers[P]>[0]) =>
    (found[part].get(keyOf(vendorId, KEYS[part](g as never))) ?? []) as ReturnType<GroupMembers[P]>;
  return { items: get('items'), processes: get('processes'), repositories: get('repositories'), licences: get('licences'), documents: get('documents') };
}

/**
 * The records of the flagged groups: plain equality on the grouped fields, no rules. The groups
 * travel as a VALUES list joined to the readiness indexes (named: the planner would otherwise
 * pick the per-vendor index and read every row of the vendor once per group).
 */
const MEMBER_SQL: { [P in Part]: { columns: number; sql: (values: string, gone: string) => string; row: (r: unknown[]) => ReturnType<GroupMembers[P]>[number] } } = {
  items: {
    columns: 4,
    sql: (values) => `WITH g(vendor_id, phase, status, late) AS (VALUES ${values})
      SELECT g.vendor_id, g.phase, g.status, g.late, t.id, t.title, t.due_date, t.blocked_reason FROM g
      JOIN checklist_items t INDEXED BY checklist_items_vendor_status ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.status = g.status AND t.phase = g.phase
        AND ${LATENESS_SQL} = g.late
      JOIN checklists c ON c.id = t.checklist_id AND c.deleted_at IS NULL ORDER BY t.due_date, t.position`,
    row: (r) => ({ id: r[4] as string, title: r[5] as string, dueDate: r[6] as string | null, blockedReason: r[7] as string }),
  },
  processes: {
    columns: 5,
    sql: (values, gone) => `WITH g(vendor_id, criticality, kt_stage, has, gone) AS (VALUES ${values})
      SELECT g.vendor_id, g.criticality, g.kt_stage, g.has, g.gone, t.id, t.name,
        (SELECT name FROM people WHERE id = t.owner_id AND deleted_at IS NOT NULL), (SELECT name FROM people WHERE id = t.successor_id AND deleted_at IS NOT NULL) FROM g
      JOIN processes t INDEXED BY processes_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.criticality = g.criticality AND t.kt_stage = g.kt_stage
        AND (t.successor_id IS NOT NULL) = g.has AND ${gone} = g.gone ORDER BY t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[5] as string, name: r[6] as string, left: leftOf(r[7] as string | null, r[8] as string | null) }),
  },
  repositories: {
    columns: 3,
    sql: (values) => `WITH g(vendor_id, transfer_status, side) AS (VALUES ${values})
      SELECT g.vendor_id, g.transfer_status, g.side, t.id, t.name FROM g
      JOIN repositories t INDEXED BY repositories_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.transfer_status = g.transfer_status
      LEFT JOIN people p ON p.id = t.admin_id AND p.deleted_at IS NULL WHERE p.side IS g.side ORDER BY t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[3] as string, name: r[4] as string }),
  },
  licences: {
    columns: 4,
    sql: (values) => `WITH g(vendor_id, licensee, transferable, transfer_status) AS (VALUES ${values})
      SELECT g.vendor_id, g.licensee, g.transferable, g.transfer_status, t.id, t.product FROM g
      JOIN licences t INDEXED BY licences_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.licensee = g.licensee AND t.transferable = g.transferable
        AND t.transfer_status = g.transfer_status ORDER BY t.product COLLATE NOCASE`,
    row: (r) => ({ id: r[4] as string, product: r[5] as string }),
  },
  documents: {
    columns: 3,
    sql: (values) => `WITH g(vendor_id, status, reviewed) AS (VALUES ${values})
      SELECT g.vendor_id, g.status, g.reviewed, t.id, t.title FROM g
      JOIN documents t INDEXED BY documents_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.status = g.status
        AND (t.reviewed_on IS NOT NULL) = g.reviewed ORDER BY t.title COLLATE NOCASE`,
    row: (r) => ({ id: r[3] as string, title: r[4] as string }),
  },
};

/** Who of a process's owner and successor has left, as the red flag names them. */
export function leftOf(owner: string | null, successor: string | null): string[] {
  return [owner === null ? null : `owner ${owner}`, successor === null ? null : `successor ${successor}`].filter((x): x is string => x !== null);
}

function fetchMembers(db: Db, lateness: [string, string], gone: string, wanted: Wanted): Found {
  const found = { items: new Map(), processes: new Map(), repositories: new Map(), licences: new Map(), documents: new Map() } as Found;
  for (const part of Object.keys(MEMBER_SQL) as Part[]) {
    const spec = MEMBER_SQL[part];
    const groups = wanted[part];
    // Chunked: SQLite caps the parameters of one statement.
    for (let i = 0; i < groups.length; i += 2000) {
      const chunk = groups.slice(i, i + 2000);
      const values = chunk.map(() => `(${Array(spec.columns).fill('?').join(', ')})`).join(', ');
      const params = chunk.flatMap((g) => [g.vendorId, ...g.key]);
      const rows = prepared(db, spec.sql(values, gone)).raw().all(...params, ...(part === 'items' ? lateness : [])) as unknown[][];
      const map = found[part] as Map<string, unknown[]>;
      for (const r of rows) {
        const k = keyOf(r[0] as string, r.slice(1, spec.columns));
        let list = map.get(k);
        if (!list) map.set(k, (list = []));
        list.push(spec.row(r));
      }
    }
  }
  return found;
}

export function readinessForVendor(db: Db, vendorId: string, today: string): Readiness | null {
  return loadReadiness(db, today, { vendorId, detailed: true }).get(vendorId) ?? null;
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
  for (const [vendorId, r] of all) {
    const v = vendors.get(vendorId)!;
    const before = past.get(vendorId);
    rows.push({
      vendorId, name: v.name, status: v.status, exitDate: v.exitDate,
      daysToExit: v.exitDate ? daysBetween(today, v.exitDate) : null,
      serveNoticeBy: serveNoticeBy(v), readiness: r.score, trend: before === undefined ? null : r.score - before,
      flags: r.flagCounts.high + r.flagCounts.medium, highFlags: r.flagCounts.high,
      items: agg.get(vendorId) ?? { total: 0, done: 0, overdue: 0, blocked: 0 },
    });
  }
  recordHistory(db, () => {
    for (const [vendorId, r] of all) record.run(vendorId, today, r.score);
  });
  return rows.sort(byRisk);
}

/**
 * Today's scores for the trend. The history is a convenience: when another process holds the
 * write lock (an import being applied), showing the dashboard must not wait for it, so the write
 * is tried without waiting and skipped if the lock is taken.
 */
function recordHistory(db: Db, write: () => void): void {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(write).immediate();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) throw e;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
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
