// A vendor's readiness for exit (0–100) and the red flags that threaten it. One pure function:
// the screens, the CLI and the pack report all call it, so a score means the same everywhere.
import { isClosed, PHASES, type PhaseIndex } from './checklists';
import { contractFlags, NOTICE_WARNING_BANDS } from './contract-flags';
import { addDays, daysBetween } from './dates';
import { explainPart, type PartRecords } from './readiness-explain';
import type { FlagKind, GroupMembers, PartKey, Readiness, ReadinessGroups, ReadinessInput, ReadinessPart, RedFlag } from './readiness-types';

// The shapes it reads and answers are in readiness-types.ts; read from here by every caller.
export type { FlagKind, GroupMembers, PartKey, Readiness, ReadinessGroups, ReadinessInput, ReadinessPart, RedFlag } from './readiness-types';

/**
 * How much each part counts towards the score, out of 100. Parts with nothing to measure drop out.
 * The security-closure registers (issue 10) took 20 of the 100: the five earlier parts kept their
 * proportions (each ×0.8: 30 → 24, 25 → 20, 15 → 12), so a vendor with no register records scores
 * exactly as it did before; access and data weigh double infrastructure, since access left open
 * and data not deleted are what a security closure exists to prevent.
 */
export const PART_WEIGHTS = {
  checklist: 24, // checklist items done, weighted by phase (below)
  processes: 20, // processes signed off, weighted by criticality (below)
  repositories: 12, // transferred counts half, verified counts whole
  licences: 12, // a settled transfer route: novated, re-procured, lapsed, or already ours
  documents: 12, // published and reviewed counts whole, published but unreviewed half
  access: 8, // revoked, rotated or transferred, and verified
  data: 8, // returned, and its deletion certified where deletion is required
  infrastructure: 4, // transferred, migrated or decommissioned: done or verified
} as const;

/** The phases that decide an exit weigh more: knowledge transfer and cutover most, close least. */
export const PHASE_WEIGHTS: Record<PhaseIndex, number> = { 0: 1, 1: 1.5, 2: 2, 3: 1.5, 4: 2, 5: 1.5, 6: 0.5 };

/** A critical process signed off counts four times a low one. */
export const CRITICALITY_WEIGHTS = { critical: 4, high: 3, medium: 2, low: 1 } as const;

/** A serve-notice date this near shows as near (the first of the contract flags' warning bands). */
export const NOTICE_WARNING_DAYS = NOTICE_WARNING_BANDS[0];

/** An item overdue by more than this many days is a high-severity flag. */
export const OVERDUE_HIGH_DAYS = 14;

/** Vendor-held access still open this many days after T is a flag: the day after the exit, it should be gone. */
export const VENDOR_ACCESS_GRACE_DAYS = 1;
/** Access done but not verified this many days after T, and personal data without a deletion certificate from then on, are flags: the T+30 review. */
export const CLOSURE_REVIEW_DAYS = 30;
/** A certificate or domain renewing on the vendor's account that expires within this many days (or has expired) is a flag. */
export const RENEWAL_WARNING_DAYS = 60;
/** The infrastructure kinds that lapse when nobody renews them. */
export const RENEWING_KINDS: readonly string[] = ['tls_certificate', 'domain'];
/** Infrastructure in these statuses is past its disposition; access in these is revoked, rotated or transferred. */
const INFRA_DONE = new Set(['done', 'verified']);
const ACCESS_DONE = new Set(['done', 'verified']);

/**
 * Whether an infrastructure item is a certificate or domain, still open, renewing on the vendor's
 * account and expiring by today + RENEWAL_WARNING_DAYS: the store reads the same from a partial
 * index (store/readiness.ts), so its terms must stay those of migration 10's index.
 */
export function renewalAtRisk(i: { kind: string; status: string; renewalAccount: string; expiresOn: string | null }, today: string): boolean {
  return i.expiresOn !== null && i.renewalAccount === 'vendor' && RENEWING_KINDS.includes(i.kind) && !INFRA_DONE.has(i.status)
    && i.expiresOn <= addDays(today, RENEWAL_WARNING_DAYS);
}

/** How late an item is: 0 not overdue (or no date), 1 up to OVERDUE_HIGH_DAYS, 2 more. */
export type Lateness = 0 | 1 | 2;
export function lateness(dueDate: string | null, today: string): Lateness {
  if (!dueDate || dueDate >= today) return 0;
  return daysBetween(dueDate, today) > OVERDUE_HIGH_DAYS ? 2 : 1;
}

/** The order flags are listed in, within a severity: what threatens the whole exit first. */
const FLAG_ORDER: FlagKind[] = [
  'notice_date_past', 'notice_date_near', 'exit_after_contract_end', 'express_option_expiring', 'privileged_access_after_exit', 'vendor_access_open',
  'personal_data_not_certified', 'renewal_on_vendor_account', 'critical_process_no_successor', 'owner_left', 'licence_vendor_held_not_transferable',
  'repository_no_in_house_admin', 'item_overdue', 'item_blocked', 'critical_process_not_signed_off', 'access_not_verified', 'certificate_misses_backups',
  'no_exit_assistance_clause', 'document_missing',
];

const LABELS: Record<PartKey, string> = {
  checklist: 'Checklist items done',
  processes: 'Processes signed off',
  repositories: 'Repositories transferred',
  licences: 'Licences with a settled route',
  documents: 'Documents published and reviewed',
  access: 'Access revoked and verified',
  data: 'Data returned and deletion certified',
  infrastructure: 'Infrastructure transferred or decommissioned',
};

const SETTLED_LICENCE = new Set(['novated', 're_procured', 'lapsed']);
/** What an access record still lacks, by its status, as the explanation names it. */
const ACCESS_MISSING: Record<string, string> = { active: 'still active', scheduled: 'scheduled', done: 'done but not yet verified' };

/** A part's unweighted tally as the loops below count it, and the phases or criticalities met on the way. */
interface Tally extends PartRecords { met: Set<string>; missing: Map<string, number> }
const tally = (): Tally => ({ done: 0, half: 0, total: 0, leftOut: 0, met: new Set(), missing: new Map() });
/** The order the explanations name what is missing in, whatever order the groups came in: earliest stage first. */
const MISSING_ORDER = ['still active', 'scheduled', 'done but not yet verified', 'not yet returned', 'returned but without a deletion certificate', 'not started', 'in progress'];
/** Notes `n` records not yet counting, by what they still lack (the register parts name it). */
const lacking = (t: Tally, why: string, n: number) => t.missing.set(why, (t.missing.get(why) ?? 0) + n);

/** The multipliers that applied, in the order the weights are listed above, named as the screens name them. */
function weighting(key: PartKey, met: Set<string>): [string, number][] {
  if (key === 'checklist') return PHASES.flatMap((p, i): [string, number][] => (met.has(String(i)) ? [[p.label.toLowerCase(), PHASE_WEIGHTS[i as PhaseIndex]]] : []));
  if (key === 'processes') return Object.entries(CRITICALITY_WEIGHTS).filter(([c]) => met.has(c));
  return [];
}

function part(key: PartKey, done: number, total: number, t: Tally): ReadinessPart {
  const records = { done: t.done, half: t.half, total: t.total, leftOut: t.leftOut };
  return {
    key, label: LABELS[key], weight: PART_WEIGHTS[key], score: total > 0 ? Math.round((100 * done) / total) : null, done, total, records,
    explanation: explainPart({ key, done, total, records, weighting: weighting(key, t.met), missing: [...t.missing].sort(([a], [b]) => MISSING_ORDER.indexOf(a) - MISSING_ORDER.indexOf(b)) }),
  };
}

/** Groups a vendor's records (the small-workbook and test path) and scores them. */
export function computeReadiness(input: ReadinessInput): Readiness {
  const group = <R, K>(rows: R[], key: (r: R) => K, keyOf: (k: K) => string) => {
    const map = new Map<string, { key: K; rows: R[] }>();
    for (const r of rows) {
      const k = key(r);
      const id = keyOf(k);
      const g = map.get(id) ?? { key: k, rows: [] };
      g.rows.push(r);
      map.set(id, g);
    }
    return [...map.values()];
  };
  const j = JSON.stringify;
  const items = group(input.items, (i) => ({ phase: i.phase, status: i.status, late: lateness(i.dueDate, input.today) }), j);
  const processes = group(input.processes, (p) => ({
    criticality: p.criticality, ktStage: p.ktStage, hasSuccessor: p.successorId !== null, ownerLeft: (p.left?.length ?? 0) > 0,
  }), j);
  const repositories = group(input.repositories, (r) => ({ transferStatus: r.transferStatus, adminSide: r.adminSide }), j);
  const licences = group(input.licences, (l) => ({ licensee: l.licensee, transferable: l.transferable, transferStatus: l.transferStatus }), j);
  const documents = group(input.documents, (d) => ({ status: d.status, reviewed: d.reviewedOn !== null }), j);
  const access = group(input.access ?? [], (a) => ({
    privileged: a.privileged === 'yes', status: a.status, vendorHeld: a.holderId === null || a.holderSide === 'vendor',
  }), j);
  const datasets = group(input.datasets ?? [], (d) => ({
    personalData: d.personalData, received: d.receivedOn !== null, deletionRequired: d.deletionRequired, certified: d.certificateReceivedOn !== null,
    coversBackups: d.certificateCoversBackups,
  }), j);
  const infrastructure = group(input.infrastructure ?? [], (i) => ({ status: i.status, atRisk: renewalAtRisk(i, input.today) }), j);
  const groups: ReadinessGroups = {
    today: input.today,
    vendor: input.vendor,
    items: items.map((g) => ({ ...g.key, count: g.rows.length })),
    processes: processes.map((g) => ({ ...g.key, count: g.rows.length })),
    repositories: repositories.map((g) => ({ ...g.key, count: g.rows.length })),
    licences: licences.map((g) => ({ ...g.key, count: g.rows.length })),
    documents: documents.map((g) => ({ ...g.key, count: g.rows.length })),
    access: access.map((g) => ({ ...g.key, count: g.rows.length })),
    datasets: datasets.map((g) => ({ ...g.key, count: g.rows.length })),
    infrastructure: infrastructure.map((g) => ({ ...g.key, count: g.rows.length })),
  };
  // A group handed back by the scorer carries its count; its key is everything else.
  const find = <K, R>(all: { key: K; rows: R[] }[], g: K) => all.find((x) => j(x.key) === j(strip(g)))?.rows ?? [];
  return computeReadinessFromGroups(groups, {
    items: (g) => find(items, g),
    processes: (g) => find(processes, g),
    repositories: (g) => find(repositories, g),
    licences: (g) => find(licences, g),
    documents: (g) => find(documents, g),
    access: (g) => find(access, g),
    datasets: (g) => find(datasets, g),
    infrastructure: (g) => find(infrastructure, g),
  });
}

function strip<K>(k: K): K {
  const { count: _count, ...rest } = k as K & { count?: number };
  return rest as K;
}

/**
 * Scores grouped facts. With `members`, the flags name their records; without, only their
 * counts are known (the portfolio dashboard needs no more, and skips fetching them).
 */
export function computeReadinessFromGroups(input: ReadinessGroups, members?: GroupMembers): Readiness {
  const { today, vendor } = input;
  const flags: RedFlag[] = [];
  const flagCounts = { high: 0, medium: 0 };
  const lateBy = new Map<RedFlag, number>();
  const flag = (severity: RedFlag['severity'], n: number, make: () => RedFlag[]) => {
    flagCounts[severity] += n;
    if (members) flags.push(...make());
  };

  let itemsDone = 0;
  let itemsTotal = 0;
  const itemTally = tally();
  for (const g of input.items) {
    if (g.status === 'not_applicable') {
      itemTally.leftOut += g.count;
      continue;
    }
    const w = PHASE_WEIGHTS[g.phase] * g.count;
    itemsTotal += w;
    itemTally.total += g.count;
    itemTally.met.add(String(g.phase));
    if (g.status === 'done') {
      itemsDone += w;
      itemTally.done += g.count;
    }
    if (g.status === 'blocked') {
      flag('medium', g.count, () => members!.items(g).map((item) => ({
        kind: 'item_blocked', severity: 'medium', message: `Blocked: ${item.title}${item.blockedReason ? ` — ${item.blockedReason}` : ''}`, target: { kind: 'checklist_item', id: item.id },
      })));
    }
    if (g.late > 0 && !isClosed(g.status)) {
      const severity = g.late === 2 ? 'high' : 'medium';
      flag(severity, g.count, () => members!.items(g).map((item) => {
        const late = daysBetween(item.dueDate!, today);
        const f: RedFlag = { kind: 'item_overdue', severity, message: `Overdue by ${late} day${late === 1 ? '' : 's'}: ${item.title}`, target: { kind: 'checklist_item', id: item.id } };
        lateBy.set(f, late);
        return f;
      }));
    }
  }

  let procDone = 0;
  let procTotal = 0;
  const procTally = tally();
  for (const g of input.processes) {
    const w = CRITICALITY_WEIGHTS[g.criticality] * g.count;
    procTotal += w;
    procTally.total += g.count;
    procTally.met.add(g.criticality);
    const signed = g.ktStage === 'signed_off';
    if (signed) {
      procDone += w;
      procTally.done += g.count;
    }
    // Whoever knows the process or is to take it over is gone: it needs someone new, whatever its criticality.
    if (g.ownerLeft) {
      flag('high', g.count, () => members!.processes(g).map((p) => ({
        kind: 'owner_left', severity: 'high', message: `Owner left: ${p.name}${p.left?.length ? ` (${p.left.join(', ')})` : ''}`, target: { kind: 'process', id: p.id },
      })));
    }
    if (g.criticality !== 'critical' || (g.hasSuccessor && signed)) continue;
    if (!g.hasSuccessor) {
      flag('high', g.count, () => members!.processes(g).map((p) => ({
        kind: 'critical_process_no_successor', severity: 'high', message: `Critical process without an in-house successor: ${p.name}`, target: { kind: 'process', id: p.id },
      })));
    } else {
      flag('medium', g.count, () => members!.processes(g).map((p) => ({
        kind: 'critical_process_not_signed_off', severity: 'medium', message: `Critical process not signed off: ${p.name}`, target: { kind: 'process', id: p.id },
      })));
    }
  }

  let repoDone = 0;
  let repoTotal = 0;
  const repoTally = tally();
  for (const g of input.repositories) {
    repoTotal += g.count;
    repoDone += (g.transferStatus === 'verified' ? 1 : g.transferStatus === 'transferred' ? 0.5 : 0) * g.count;
    repoTally.total += g.count;
    if (g.transferStatus === 'verified') repoTally.done += g.count;
    if (g.transferStatus === 'transferred') repoTally.half += g.count;
    if (g.adminSide === 'in_house') continue;
    flag('high', g.count, () => members!.repositories(g).map((r) => ({
      kind: 'repository_no_in_house_admin', severity: 'high', message: `Repository without an in-house admin: ${r.name}`, target: { kind: 'repository', id: r.id },
    })));
  }

  let licDone = 0;
  let licTotal = 0;
  const licTally = tally();
  for (const g of input.licences) {
    licTotal += g.count;
    licTally.total += g.count;
    const settled = SETTLED_LICENCE.has(g.transferStatus) || g.licensee === 'us';
    if (settled) {
      licDone += g.count;
      licTally.done += g.count;
    }
    if (settled || g.licensee !== 'vendor' || g.transferable !== 'no') continue;
    flag('high', g.count, () => members!.licences(g).map((l) => ({
      kind: 'licence_vendor_held_not_transferable', severity: 'high', message: `Licence held by the vendor and not transferable: ${l.product}`, target: { kind: 'licence', id: l.id },
    })));
  }

  let docDone = 0;
  let docTotal = 0;
  const docTally = tally();
  for (const g of input.documents) {
    if (g.status === 'missing') {
      flag('medium', g.count, () => members!.documents(g).map((d) => ({
        kind: 'document_missing', severity: 'medium', message: `Missing document: ${d.title}`, target: { kind: 'document', id: d.id },
      })));
    }
    if (g.status === 'obsolete') {
      docTally.leftOut += g.count;
      continue;
    }
    docTotal += g.count;
    docTally.total += g.count;
    if (g.status === 'published') {
      docDone += (g.reviewed ? 1 : 0.5) * g.count;
      docTally[g.reviewed ? 'done' : 'half'] += g.count;
    }
  }

  // The registers. Dates after T count only once the vendor has an exit date.
  const exit = vendor.exitDate;
  // Worked out once per vendor, not per count group: a dashboard asks this of every group of 1,000 vendors.
  const afterExit = new Map<number, boolean>();
  const pastExit = (days: number) => {
    let past = afterExit.get(days);
    if (past === undefined) afterExit.set(days, (past = exit !== null && today > addDays(exit, days)));
    return past;
  };
  let accDone = 0;
  let accTotal = 0;
  const accTally = tally();
  for (const g of input.access) {
    accTotal += g.count;
    accTally.total += g.count;
    if (g.status === 'verified') {
      accDone += g.count;
      accTally.done += g.count;
    } else lacking(accTally, ACCESS_MISSING[g.status] ?? g.status, g.count);
    const open = !ACCESS_DONE.has(g.status);
    // One flag per record: privileged access left open after T is the graver form of vendor-held access left open.
    if (g.privileged && open && pastExit(0)) {
      flag('high', g.count, () => members!.access(g).map((a) => ({
        kind: 'privileged_access_after_exit', severity: 'high', message: `Privileged access still ${g.status} after the exit: ${a.name}`, target: { kind: 'access', id: a.id },
      })));
    } else if (g.vendorHeld && open && pastExit(VENDOR_ACCESS_GRACE_DAYS)) {
      flag('high', g.count, () => members!.access(g).map((a) => ({
        kind: 'vendor_access_open', severity: 'high', message: `Vendor-held access not revoked by T+${VENDOR_ACCESS_GRACE_DAYS}: ${a.name}`, target: { kind: 'access', id: a.id },
      })));
    }
    if (g.status === 'done' && pastExit(CLOSURE_REVIEW_DAYS)) {
      flag('medium', g.count, () => members!.access(g).map((a) => ({
        kind: 'access_not_verified', severity: 'medium', message: `Access done but not verified by T+${CLOSURE_REVIEW_DAYS}: ${a.name}`, target: { kind: 'access', id: a.id },
      })));
    }
  }

  let dataDone = 0;
  let dataTotal = 0;
  const dataTally = tally();
  for (const g of input.datasets) {
    dataTotal += g.count;
    dataTally.total += g.count;
    const settled = g.deletionRequired === 'no' || g.certified;
    if (g.received && settled) {
      dataDone += g.count;
      dataTally.done += g.count;
    } else lacking(dataTally, !g.received ? 'not yet returned' : 'returned but without a deletion certificate', g.count);
    if (g.personalData !== 'no' && g.deletionRequired === 'yes' && !g.certified && pastExit(CLOSURE_REVIEW_DAYS - 1)) {
      flag('high', g.count, () => members!.datasets(g).map((d) => ({
        kind: 'personal_data_not_certified', severity: 'high',
        message: `${g.personalData === 'special' ? 'Special-category personal data' : 'Personal data'} without a deletion certificate at T+${CLOSURE_REVIEW_DAYS}: ${d.name}`,
        target: { kind: 'dataset', id: d.id },
      })));
    }
    if (g.certified && g.coversBackups === 'no') {
      flag('medium', g.count, () => members!.datasets(g).map((d) => ({
        kind: 'certificate_misses_backups', severity: 'medium', message: `Deletion certificate does not cover backups: ${d.name}`, target: { kind: 'dataset', id: d.id },
      })));
    }
  }

  let infraDone = 0;
  let infraTotal = 0;
  const infraTally = tally();
  for (const g of input.infrastructure) {
    infraTotal += g.count;
    infraTally.total += g.count;
    if (INFRA_DONE.has(g.status)) {
      infraDone += g.count;
      infraTally.done += g.count;
    } else lacking(infraTally, g.status === 'in_progress' ? 'in progress' : 'not started', g.count);
    if (!g.atRisk) continue;
    flag('high', g.count, () => members!.infrastructure(g).map((i) => {
      const days = daysBetween(today, i.expiresOn!);
      const when = days < 0 ? `expired ${-days} day${days === -1 ? '' : 's'} ago` : days === 0 ? 'expires today' : `expires in ${days} day${days === 1 ? '' : 's'}`;
      return {
        kind: 'renewal_on_vendor_account', severity: 'high', message: `${i.kind === 'domain' ? 'Domain' : 'Certificate'} renewing on the vendor's account ${when}: ${i.name}`,
        target: { kind: 'infrastructure', id: i.id },
      };
    }));
  }

  // The contracts' notice dates, terms and clauses (shared/contract-flags.ts): always cheap, the
  // vendor's contracts come with it.
  for (const f of contractFlags(vendor, today, input.positionOf)) flag(f.severity, 1, () => [f]);

  const parts = [
    part('checklist', itemsDone, itemsTotal, itemTally),
    part('processes', procDone, procTotal, procTally),
    part('repositories', repoDone, repoTotal, repoTally),
    part('licences', licDone, licTotal, licTally),
    part('documents', docDone, docTotal, docTally),
    part('access', accDone, accTotal, accTally),
    part('data', dataDone, dataTotal, dataTally),
    part('infrastructure', infraDone, infraTotal, infraTally),
  ];
  const measured = parts.filter((p) => p.total > 0);
  const weightSum = measured.reduce((s, p) => s + p.weight, 0);
  const score = weightSum === 0 ? 0 : Math.round(measured.reduce((s, p) => s + (p.weight * p.done) / p.total, 0) * 100 / weightSum);
  // High before medium; then by kind, the exit-wide ones first; overdue items the latest first.
  flags.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'high' ? -1 : 1)
    || FLAG_ORDER.indexOf(a.kind) - FLAG_ORDER.indexOf(b.kind)
    || (lateBy.get(b) ?? 0) - (lateBy.get(a) ?? 0)
    || a.message.localeCompare(b.message));
  return { score, parts, flagCounts, flags };
}
