// Readiness counts for every vendor at once, from the tables migration 5 keeps
// (migrations/0005-readiness-counts.ts): a row per combination of the raw fields the readiness
// rules read, instead of a pass over every record. What depends on today (lateness) or on people
// (who has left, an admin's side) is read here, from indexes, in proportion to what it concerns.
import { isClosed, ITEM_STATUS, type ItemStatus, type PhaseIndex } from '../../../shared/checklists';
import { addDays } from '../../../shared/dates';
import { OVERDUE_HIGH_DAYS, RENEWAL_WARNING_DAYS, type ReadinessGroups } from '../../../shared/readiness';
import type { Db } from './open';
import { prepared } from './prepared';

/** One vendor's records grouped the way shared/readiness.ts scores them. */
export type VendorGroups = Omit<ReadinessGroups, 'today' | 'vendor'>;

/** The dashboard's checklist figures: every live item, whichever checklist it is in. */
export interface ItemFigures { total: number; done: number; overdue: number; blocked: number }

export interface CountedReadiness {
  groups: Map<string, VendorGroups>;
  items: Map<string, ItemFigures>;
}

/**
 * A counts table read as one row per vendor, its groups packed into one string ("a,b:n;…"):
 * handing a row to JavaScript costs more than counting it, and a workbook of 1,000 vendors has
 * some 150,000 groups. The keys are enum values and integers, which hold none of `,:;`.
 */
function perVendor(table: string, keys: string[]): string {
  return `SELECT vendor_id, group_concat(${keys.join(` || ',' || `)} || ':' || n, ';') FROM ${table} WHERE n > 0 GROUP BY vendor_id`;
}

/**
 * Unpacks perVendor's rows: `vendor` is called once per vendor and gives the visitor of its groups,
 * which gets each group's key as text (unique within the vendor), its fields, and its count.
 * Written for a few hundred thousand groups: no split arrays, one parse per distinct key.
 */
function eachGroup(db: Db, sql: string, vendor: (vendorId: string) => (text: string, key: string[], n: number) => void, ...params: unknown[]): void {
  const fields = new Map<string, string[]>();
  for (const [vendorId, packed] of rows(db, sql, ...params) as [string, string][]) {
    const visit = vendor(vendorId);
    for (let from = 0; from < packed.length;) {
      let end = packed.indexOf(';', from);
      if (end < 0) end = packed.length;
      const colon = packed.lastIndexOf(':', end);
      const text = packed.slice(from, colon);
      let key = fields.get(text);
      if (!key) fields.set(text, (key = text.split(',')));
      let n = 0;
      for (let i = colon + 1; i < end; i++) n = n * 10 + packed.charCodeAt(i) - 48;
      visit(text, key, n);
      from = end + 1;
    }
  }
}

/** The statuses an item can be overdue in (open ones): only those are looked at by due date. */
const OPEN = ITEM_STATUS.filter((s) => !isClosed(s));

const ITEMS_SQL = perVendor('readiness_item_counts', ['phase', 'status']);
/** Items in deleted checklists: still live (the dashboard counts them), but no part of readiness. */
const SHELVED_ITEMS_SQL = `SELECT t.vendor_id, t.phase, t.status, count(*) FROM checklists c
  JOIN checklist_items t INDEXED BY checklist_items_list ON t.checklist_id = c.id AND t.deleted_at IS NULL
  WHERE c.deleted_at IS NOT NULL GROUP BY 1, 2, 3`;
/**
 * Open items due before today, per vendor (CROSS JOIN: vendor by vendor, so each is a range of the
 * index on (deleted_at, vendor_id, status, due_date), not a pass over every item), with how many
 * of them are more than OVERDUE_HIGH_DAYS late. Parameters: today, the high cutoff.
 */
const OVERDUE_SQL = `SELECT t.vendor_id, t.checklist_id, t.phase, t.status, count(*), sum(t.due_date < ?) FROM vendors v
  CROSS JOIN checklist_items t INDEXED BY checklist_items_vendor_status ON t.deleted_at IS NULL AND t.vendor_id = v.id
    AND t.status IN (${OPEN.map(() => '?').join(', ')}) AND t.due_date < ?
  WHERE v.deleted_at IS NULL GROUP BY 1, 2, 3, 4`;
const PROCESSES_SQL = perVendor('readiness_process_counts', ['criticality', 'kt_stage', 'has_successor']);
/** Live processes whose owner or successor has left (is a deleted person), found from those people. */
const LEFT_PROCESSES_SQL = `WITH gone(id) AS (SELECT id FROM people WHERE deleted_at IS NOT NULL),
  hit(id) AS (SELECT t.id FROM gone JOIN processes t INDEXED BY processes_owner ON t.owner_id = gone.id
    UNION SELECT t.id FROM gone JOIN processes t INDEXED BY processes_successor ON t.successor_id = gone.id)
  SELECT t.vendor_id, t.criticality, t.kt_stage, t.successor_id IS NOT NULL, count(*) FROM hit JOIN processes t ON t.id = hit.id
  WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3, 4`;
/** An admin who has left is no admin: the side of a live person only ('' for none). */
const REPOSITORIES_SQL = `SELECT f.vendor_id, group_concat(f.transfer_status || ',' || ifnull(p.side, '') || ':' || f.n, ';') FROM readiness_repository_counts f
  LEFT JOIN people p ON p.id = f.admin_id AND p.deleted_at IS NULL WHERE f.n > 0 GROUP BY f.vendor_id`;
const LICENCES_SQL = perVendor('readiness_licence_counts', ['licensee', 'transferable', 'transfer_status']);
const DOCUMENTS_SQL = perVendor('readiness_document_counts', ['status', 'reviewed']);
/** Access by privileged, status and whether the vendor holds it, which migration 10's triggers keep. */
const ACCESS_SQL = perVendor('readiness_access_counts', ['privileged', 'status', 'vendor_held']);
const DATASETS_SQL = perVendor('readiness_dataset_counts', ['personal_data', 'received', 'deletion_required', 'certified', 'covers_backups']);
const INFRASTRUCTURE_SQL = perVendor('readiness_infrastructure_counts', ['status']);
/**
 * Certificates and domains renewing on the vendor's account, still open, expiring by the cutoff
 * (shared/readiness.ts renewalAtRisk): the partial index of migration 10 holds only such records,
 * so this reads those and nothing else. Its WHERE repeats the index's terms for the planner.
 */
export const AT_RISK_SQL = `SELECT vendor_id, status, count(*) FROM infrastructure_items INDEXED BY infrastructure_items_vendor_renewal
  WHERE deleted_at IS NULL AND expires_on IS NOT NULL AND renewal_account = 'vendor' AND kind IN ('tls_certificate', 'domain')
    AND status IN ('not_started', 'in_progress') AND expires_on <= ? GROUP BY 1, 2`;

type Row = unknown[];
const rows = (db: Db, sql: string, ...params: unknown[]) => prepared(db, sql).raw().all(...params) as Row[];
const any = (db: Db, sql: string) => prepared(db, sql).get() !== undefined;

/**
 * The readiness groups of every vendor that has records (vendors without any are absent), and the
 * dashboard's item figures. Exact: the same groups, by count, as grouping every live record would
 * give, except that closed items are never split by lateness (no rule reads the lateness of a
 * closed item).
 */
export function countReadiness(db: Db, today: string): CountedReadiness {
  const counting = countingSteps(db, today);
  for (const step of counting.steps) step();
  return counting.result;
}

/**
 * countReadiness as steps of about one query each, for a caller that yields to the event loop
 * between them (services/readiness.ts): at a thousand vendors the whole takes over 100 ms, a step
 * a few tens. `result` is complete once every step has run, in order.
 */
export function countingSteps(db: Db, today: string): { steps: (() => void)[]; result: CountedReadiness } {
  const groups = new Map<string, VendorGroups>();
  const of = (vendorId: string) => {
    let g = groups.get(vendorId);
    if (!g) groups.set(vendorId, (g = { items: [], processes: [], repositories: [], licences: [], documents: [], access: [], datasets: [], infrastructure: [] }));
    return g;
  };
  const items = new Map<string, ItemFigures>();

  // Items: per (phase, status), how many in all, how many of those overdue and how many long overdue.
  type Cell = { phase: PhaseIndex; status: ItemStatus; n: number; late: number; high: number };
  const cells = new Map<string, Map<string, Cell>>();
  const cellOf = (vendorId: string, phase: PhaseIndex, status: ItemStatus) => cells.get(vendorId)?.get(`${phase},${status}`);
  const shelved = new Set<string>();
  const steps: (() => void)[] = [];
  steps.push(() => eachGroup(db, ITEMS_SQL, (vendorId) => {
    const f: ItemFigures = { total: 0, done: 0, overdue: 0, blocked: 0 };
    items.set(vendorId, f);
    const mine = new Map<string, Cell>();
    cells.set(vendorId, mine);
    return (text, [phase, s], n) => {
      const status = s as ItemStatus;
      mine.set(text, { phase: Number(phase) as PhaseIndex, status, n, late: 0, high: 0 });
      if (status !== 'not_applicable') f.total += n;
      if (status === 'done') f.done += n;
      if (status === 'blocked') f.blocked += n;
    };
  }));
  steps.push(() => {
    if (!any(db, 'SELECT 1 FROM checklists WHERE deleted_at IS NOT NULL LIMIT 1')) return;
    for (const id of prepared(db, 'SELECT id FROM checklists WHERE deleted_at IS NOT NULL').pluck().all() as string[]) shelved.add(id);
    for (const [vendorId, phase, status, n] of rows(db, SHELVED_ITEMS_SQL) as [string, PhaseIndex, ItemStatus, number][]) {
      const c = cellOf(vendorId, phase, status);
      if (c) c.n -= n;
    }
  });
  steps.push(() => {
    const cutoff = addDays(today, -OVERDUE_HIGH_DAYS);
    for (const [vendorId, checklistId, phase, status, n, high] of rows(db, OVERDUE_SQL, cutoff, ...OPEN, today) as [string, string, PhaseIndex, ItemStatus, number, number][]) {
      const f = items.get(vendorId);
      if (f) f.overdue += n;
      const c = shelved.has(checklistId) ? undefined : cellOf(vendorId, phase, status);
      if (c) {
        c.late += n;
        c.high += high;
      }
    }
    for (const [vendorId, mine] of cells) {
      const list = of(vendorId).items;
      for (const c of mine.values()) {
        const { phase, status, n, late, high } = c;
        if (n - late > 0) list.push({ phase, status, late: 0, count: n - late });
        if (late - high > 0) list.push({ phase, status, late: 1, count: late - high });
        if (high > 0) list.push({ phase, status, late: 2, count: high });
      }
    }
  });

  // Processes: the kept counts; those whose owner or successor has left move to groups of their own.
  type Proc = VendorGroups['processes'][number];
  steps.push(() => eachGroup(db, PROCESSES_SQL, (vendorId) => {
    const list = of(vendorId).processes;
    return (_text, [criticality, ktStage, has], n) => {
      list.push({ criticality: criticality as Proc['criticality'], ktStage: ktStage!, hasSuccessor: has === '1', ownerLeft: false, count: n });
    };
  }));
  steps.push(() => {
    if (!any(db, 'SELECT 1 FROM people WHERE deleted_at IS NOT NULL LIMIT 1')) return;
    for (const [vendorId, criticality, ktStage, has, n] of rows(db, LEFT_PROCESSES_SQL) as [string, Proc['criticality'], string, number, number][]) {
      const list = of(vendorId).processes;
      const stayed = list.find((p) => p.criticality === criticality && p.ktStage === ktStage && p.hasSuccessor === (has === 1) && !p.ownerLeft);
      if (stayed) stayed.count -= n;
      list.push({ criticality, ktStage, hasSuccessor: has === 1, ownerLeft: true, count: n });
    }
    for (const g of groups.values()) g.processes = g.processes.filter((p) => p.count > 0);
  });

  // Admins of one side are one group, however many of them.
  steps.push(() => eachGroup(db, REPOSITORIES_SQL, (vendorId) => {
    const list = of(vendorId).repositories;
    return (_text, [transferStatus, side], n) => {
      const adminSide = side === '' ? null : side!;
      const same = list.find((r) => r.transferStatus === transferStatus && r.adminSide === adminSide);
      if (same) same.count += n;
      else list.push({ transferStatus: transferStatus!, adminSide, count: n });
    };
  }));
  steps.push(() => eachGroup(db, LICENCES_SQL, (vendorId) => {
    const list = of(vendorId).licences;
    return (_text, [licensee, transferable, transferStatus], n) => {
      list.push({ licensee: licensee!, transferable: transferable!, transferStatus: transferStatus!, count: n });
    };
  }));
  steps.push(() => eachGroup(db, DOCUMENTS_SQL, (vendorId) => {
    const list = of(vendorId).documents;
    return (_text, [status, reviewed], n) => {
      list.push({ status: status!, reviewed: reviewed === '1', count: n });
    };
  }));

  // The registers.
  steps.push(() => eachGroup(db, ACCESS_SQL, (vendorId) => {
    const list = of(vendorId).access;
    return (_text, [privileged, status, held], n) => {
      list.push({ privileged: privileged === 'yes', status: status!, vendorHeld: held === '1', count: n });
    };
  }));
  steps.push(() => eachGroup(db, DATASETS_SQL, (vendorId) => {
    const list = of(vendorId).datasets;
    return (_text, [personalData, received, deletionRequired, certified, coversBackups], n) => {
      list.push({ personalData: personalData!, received: received === '1', deletionRequired: deletionRequired!, certified: certified === '1', coversBackups: coversBackups!, count: n });
    };
  }));
  // Infrastructure: the kept counts; those at risk on the day move to groups of their own.
  steps.push(() => {
    eachGroup(db, INFRASTRUCTURE_SQL, (vendorId) => {
      const list = of(vendorId).infrastructure;
      return (_text, [status], n) => {
        list.push({ status: status!, atRisk: false, count: n });
      };
    });
    for (const [vendorId, status, n] of rows(db, AT_RISK_SQL, addDays(today, RENEWAL_WARNING_DAYS)) as [string, string, number][]) {
      const list = of(vendorId).infrastructure;
      const rest = list.find((i) => i.status === status && !i.atRisk);
      if (rest) rest.count -= n;
      list.push({ status, atRisk: true, count: n });
    }
    for (const g of groups.values()) g.infrastructure = g.infrastructure.filter((i) => i.count > 0);
  });
  return { steps, result: { groups, items } };
}

/** The scores already recorded for `day`, by vendor: the dashboard writes only those that changed. */
export function recordedScores(db: Db, day: string): Map<string, number> {
  return new Map(prepared(db, 'SELECT vendor_id, score FROM readiness_history WHERE day = ?').raw().all(day) as [string, number][]);
}
