// Readiness for one vendor or all of them: loads just the columns the pure function needs
// (shared/readiness.ts), for every vendor in one pass per table, and the dashboard around it.
// The queries are in store/readiness.ts (kept counts) and store/readinessRecords.ts (records).
import type { DashboardRow, VendorOverview } from '../../../shared/checklists';
import { ApiError } from '../../../shared/errors';
import { assistancePeriod, vendorNotice, type AssistancePeriod } from '../../../shared/contract-deadlines';
import { daysBetween } from '../../../shared/dates';
import { computeReadinessFromGroups, type GroupMembers, type Readiness, type ReadinessGroups } from '../../../shared/readiness';
import { contractsByVendor } from '../store/contracts';
import type { Db } from '../store/open';
import { countingSteps, countReadiness, recordedScores, type CountedReadiness, type VendorGroups } from '../store/readiness';
import { workbookStamp } from '../store/workbookStamp';
import {
  fetchMembers, goneSql, groupRecords, KEYS, keyOf, nextDueItems, phaseSpans, readinessVendors, recordScores, scoresAsOf, type Found, type Part, type Wanted,
} from '../store/readinessRecords';
import { keptPositionOf } from './contractPositions';

export { leftOf } from '../store/readinessRecords';

/** A vendor without records of any kind: every part drops out. */
const none: VendorGroups = { items: [], processes: [], repositories: [], licences: [], documents: [], access: [], datasets: [], infrastructure: [] };

/**
 * Readiness of one vendor or of every live vendor. The database counts the records per
 * combination of the fields the rules read (see ReadinessGroups); the records of a group are
 * fetched only when a rule flags it. Every vendor's counts alone (the portfolio: no vendor, no
 * details) come from the counts the store keeps (store/readiness.ts, migration 5) instead: at
 * 1,000 vendors and a million records, counting the records themselves took most of a second.
 */
export function loadReadiness(db: Db, today: string, options: { vendorId?: string | undefined; detailed?: boolean } = {}): Map<string, Readiness> {
  const { vendorId, detailed = false } = options;
  if (!vendorId && !detailed) return scoreAll(db, today, countReadiness(db, today)).readiness;
  const vendors = readinessVendors(db, vendorId);
  const gone = goneSql(db);
  const records = groupRecords(db, today, gone, vendors.map((v) => v.id), vendorId);
  const groups = new Map<string, ReadinessGroups>(vendors.map((vendor) => [vendor.id, { today, vendor, positionOf: keptPositionOf, ...records.get(vendor.id)! }]));

  const out = new Map<string, Readiness>();
  if (!detailed) {
    for (const [id, g] of groups) out.set(id, computeReadinessFromGroups(g));
    return out;
  }
  // Two passes: the first only notes which groups the rules flag; their records are then fetched
  // (one query per kind), and the second pass writes the flags.
  const wanted: Wanted = { items: [], processes: [], repositories: [], licences: [], documents: [], access: [], datasets: [], infrastructure: [] };
  for (const [id, g] of groups) computeReadinessFromGroups(g, recorder(id, wanted));
  const found = fetchMembers(db, today, gone, wanted);
  for (const [id, g] of groups) out.set(id, computeReadinessFromGroups(g, lookup(id, found)));
  return out;
}

/**
 * Every live vendor's score, parts and flag counts from the kept counts (store/readiness.ts):
 * the portfolio's path, whose cost follows the number of vendors, not of records.
 */
function scoreAll(db: Db, today: string, counted: CountedReadiness): { readiness: Map<string, Readiness>; vendors: Map<string, ReadinessGroups['vendor']> } {
  const readiness = new Map<string, Readiness>();
  const vendors = new Map<string, ReadinessGroups['vendor']>();
  for (const vendor of readinessVendors(db)) {
    vendors.set(vendor.id, vendor);
    readiness.set(vendor.id, computeReadinessFromGroups({ today, vendor, positionOf: keptPositionOf, ...(counted.groups.get(vendor.id) ?? none) }));
  }
  return { readiness, vendors };
}

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
  return {
    items: note('items'), processes: note('processes'), repositories: note('repositories'), licences: note('licences'), documents: note('documents'),
    access: note('access'), datasets: note('datasets'), infrastructure: note('infrastructure'),
  };
}

function lookup(vendorId: string, found: Found): GroupMembers {
  const get = <P extends Part>(part: P) => (g: Parameters<GroupMembers[P]>[0]) =>
    (found[part].get(keyOf(vendorId, KEYS[part](g as never))) ?? []) as ReturnType<GroupMembers[P]>;
  return {
    items: get('items'), processes: get('processes'), repositories: get('repositories'), licences: get('licences'), documents: get('documents'),
    access: get('access'), datasets: get('datasets'), infrastructure: get('infrastructure'),
  };
}

export function readinessForVendor(db: Db, vendorId: string, today: string): Readiness | null {
  return loadReadiness(db, today, { vendorId, detailed: true }).get(vendorId) ?? null;
}

/** Lets other tasks (a face's read, a timer) run between the dashboard's steps. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Vendors scored between two yields: at a thousand vendors, scoring them all takes 20-40 ms. */
const SCORED_PER_STEP = 250;

/**
 * The counts of every vendor, read in steps with the event loop free between them: the whole
 * takes over 100 ms on a workbook of a thousand vendors, right after an import even more (its
 * pages cold), and an event loop held that long holds every face. If anything was written
 * meanwhile the steps may have read two states, so they run again; a second clash runs them in
 * one go, which nothing can interleave.
 */
async function countStepwise(db: Db, today: string): Promise<CountedReadiness> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const stamp = workbookStamp(db);
    const counting = countingSteps(db, today);
    for (const step of counting.steps) {
      step();
      await yieldToLoop();
      if (!db.open) throw new ApiError('BUSY', 'The workbook was closed while the dashboard was being read; open it again.');
    }
    if (workbookStamp(db) === stamp) return counting.result;
  }
  return countReadiness(db, today);
}

/**
 * The portfolio dashboard: one row per vendor, riskiest first; and the write that records today's
 * scores in the readiness history (one row per vendor per day, so the trend has something to
 * compare with), null when no score changed. The caller runs that write, a commit, as a task of
 * its own. Reading yields between steps (countStepwise), scoring every SCORED_PER_STEP vendors.
 */
export async function dashboardRows(db: Db, today: string): Promise<{ rows: DashboardRow[]; recordHistory: (() => void) | null }> {
  const counted = await countStepwise(db, today);
  const all = new Map<string, Readiness>();
  const vendors = new Map<string, ReadinessGroups['vendor']>();
  const listed = readinessVendors(db);
  for (let i = 0; i < listed.length; i++) {
    const vendor = listed[i]!;
    vendors.set(vendor.id, vendor);
    all.set(vendor.id, computeReadinessFromGroups({ today, vendor, positionOf: keptPositionOf, ...(counted.groups.get(vendor.id) ?? none) }));
    if ((i + 1) % SCORED_PER_STEP === 0) await yieldToLoop();
  }
  if (!db.open) throw new ApiError('BUSY', 'The workbook was closed while the dashboard was being read; open it again.');
  const agg = counted.items;
  const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const past = scoresAsOf(db, weekAgo);
  const rows: DashboardRow[] = [];
  for (const [vendorId, r] of all) {
    const v = vendors.get(vendorId)!;
    const before = past.get(vendorId);
    rows.push({
      vendorId, name: v.name, status: v.status, exitDate: v.exitDate,
      daysToExit: v.exitDate ? daysBetween(today, v.exitDate) : null,
      serveNoticeBy: vendorNotice(v.contracts, today, keptPositionOf)?.serveBy ?? null, readiness: r.score, trend: before === undefined ? null : r.score - before,
      flags: r.flagCounts.high + r.flagCounts.medium, highFlags: r.flagCounts.high,
      items: agg.get(vendorId) ?? { total: 0, done: 0, overdue: 0, blocked: 0 },
    });
  }
  // Only what changed since the last look today: a dashboard shown again and again (every change
  // refreshes it) then writes nothing, and waits for no commit.
  const recorded = recordedScores(db, today);
  const changed = [...all].filter(([vendorId, r]) => recorded.get(vendorId) !== r.score);
  const recordHistory = changed.length ? () => recordScores(db, today, changed.map(([vendorId, r]) => [vendorId, r.score])) : null;
  return { rows: rows.sort(byRisk), recordHistory };
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
  const nextDeadlines = nextDueItems(db, vendorId, today, 6);
  const phases = phaseSpans(db, vendorId);
  const contracts = contractsByVendor(db, vendorId).get(vendorId) ?? [];
  const assistance = contracts.map(assistancePeriod).filter((a): a is AssistancePeriod => a !== null);
  return { vendorId, today, readiness, nextDeadlines, phases, notice: vendorNotice(contracts, today, keptPositionOf), assistance };
}
