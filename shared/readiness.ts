// A vendor's readiness for exit (0–100) and the red flags that threaten it. One pure function:
// the screens, the CLI and the pack report all call it, so a score means the same everywhere.
import { isClosed, PHASES, type ItemStatus, type PhaseIndex } from './checklists';
import type { ContractWithNotice } from './contract-deadlines';
import { contractFlags, NOTICE_WARNING_BANDS } from './contract-flags';
import { daysBetween } from './dates';
import { explainPart, type PartRecords } from './readiness-explain';

/** How much each part counts towards the score. Parts with nothing to measure drop out. */
export const PART_WEIGHTS = {
  checklist: 30, // checklist items done, weighted by phase (below)
  processes: 25, // processes signed off, weighted by criticality (below)
  repositories: 15, // transferred counts half, verified counts whole
  licences: 15, // a settled transfer route: novated, re-procured, lapsed, or already ours
  documents: 15, // published and reviewed counts whole, published but unreviewed half
} as const;

/** The phases that decide an exit weigh more: knowledge transfer and cutover most, close least. */
export const PHASE_WEIGHTS: Record<PhaseIndex, number> = { 0: 1, 1: 1.5, 2: 2, 3: 1.5, 4: 2, 5: 1.5, 6: 0.5 };

/** A critical process signed off counts four times a low one. */
export const CRITICALITY_WEIGHTS = { critical: 4, high: 3, medium: 2, low: 1 } as const;

/** A serve-notice date this near shows as near (the first of the contract flags' warning bands). */
export const NOTICE_WARNING_DAYS = NOTICE_WARNING_BANDS[0];

/** An item overdue by more than this many days is a high-severity flag. */
export const OVERDUE_HIGH_DAYS = 14;

/** How late an item is: 0 not overdue (or no date), 1 up to OVERDUE_HIGH_DAYS, 2 more. */
export type Lateness = 0 | 1 | 2;
export function lateness(dueDate: string | null, today: string): Lateness {
  if (!dueDate || dueDate >= today) return 0;
  return daysBetween(dueDate, today) > OVERDUE_HIGH_DAYS ? 2 : 1;
}

export interface ReadinessInput {
  today: string;
  /** `contracts`: the vendor's live contracts, each with the first notice served on it (shared/contract-flags.ts reads them). */
  vendor: { id: string; name: string; exitDate: string | null; status: string; contracts: readonly ContractWithNotice[] };
  items: { id: string; title: string; phase: PhaseIndex; status: ItemStatus; dueDate: string | null; blockedReason: string }[];
  /** `left`: those of its owner and successor who have left (were deleted), as "successor Dmitri Ivanov". */
  processes: { id: string; name: string; criticality: keyof typeof CRITICALITY_WEIGHTS; successorId: string | null; ktStage: string; left?: string[] }[];
  repositories: { id: string; name: string; transferStatus: string; adminSide: string | null }[];
  licences: { id: string; product: string; licensee: string; transferable: string; transferStatus: string }[];
  documents: { id: string; title: string; status: string; reviewedOn: string | null }[];
}

export type PartKey = keyof typeof PART_WEIGHTS;

export interface ReadinessPart {
  key: PartKey;
  label: string;
  weight: number;
  /** 0–100 for this part; null when there is nothing to measure. */
  score: number | null;
  /** Weighted progress and what it is out of, e.g. 12.5 of 40 (weight points, not records: see `records`). */
  done: number;
  total: number;
  /** The records behind it, unweighted: e.g. 5 of 44 items done. */
  records: PartRecords;
  /** What is counted and how it is weighted, with the counts and the points, in plain words: every face shows it as is. */
  explanation: string;
}

export type FlagKind =
  | 'critical_process_no_successor'
  | 'critical_process_not_signed_off'
  | 'owner_left'
  | 'exit_after_contract_end'
  | 'repository_no_in_house_admin'
  | 'licence_vendor_held_not_transferable'
  | 'document_missing'
  | 'item_overdue'
  | 'item_blocked'
  | 'notice_date_near'
  | 'notice_date_past'
  | 'no_exit_assistance_clause'
  | 'express_option_expiring';

export interface RedFlag {
  kind: FlagKind;
  severity: 'high' | 'medium';
  message: string;
  /** The record or checklist item that causes it, so the screens can link to it. */
  target: { kind: 'vendor' | 'contract' | 'process' | 'repository' | 'licence' | 'document' | 'checklist_item'; id: string };
}

/** The order flags are listed in, within a severity: what threatens the whole exit first. */
const FLAG_ORDER: FlagKind[] = [
  'notice_date_past', 'notice_date_near', 'exit_after_contract_end', 'express_option_expiring', 'critical_process_no_successor', 'owner_left', 'licence_vendor_held_not_transferable',
  'repository_no_in_house_admin', 'item_overdue', 'item_blocked', 'critical_process_not_signed_off', 'no_exit_assistance_clause', 'document_missing',
];

export interface Readiness {
  score: number;
  parts: ReadinessPart[];
  /** How many red flags, by severity: always known. */
  flagCounts: { high: number; medium: number };
  /** The flags themselves, naming their records; empty when only counts were asked for. */
  flags: RedFlag[];
}

const LABELS: Record<PartKey, string> = {
  checklist: 'Checklist items done',
  processes: 'Processes signed off',
  repositories: 'Repositories transferred',
  licences: 'Licences with a settled route',
  documents: 'Documents published and reviewed',
};

const SETTLED_LICENCE = new Set(['novated', 're_procured', 'lapsed']);

/** A part's unweighted tally as the loops below count it, and the phases or criticalities met on the way. */
interface Tally extends PartRecords { met: Set<string> }
const tally = (): Tally => ({ done: 0, half: 0, total: 0, leftOut: 0, met: new Set() });

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
    explanation: explainPart({ key, done, total, records, weighting: weighting(key, t.met) }),
  };
}

/**
 * The same facts grouped: how many records share each combination of the fields the rules read.
 * Big workbooks are summarised this way by the database (counting is cheap there; turning a
 * hundred thousand rows into objects is not), and `members` fetches the records of a group only
 * when a rule flags that group, so the rules themselves stay here, in one place.
 */
export interface ReadinessGroups {
  today: string;
  vendor: ReadinessInput['vendor'];
  items: { phase: PhaseIndex; status: ItemStatus; late: Lateness; count: number }[];
  processes: { criticality: keyof typeof CRITICALITY_WEIGHTS; ktStage: string; hasSuccessor: boolean; ownerLeft: boolean; count: number }[];
  repositories: { transferStatus: string; adminSide: string | null; count: number }[];
  licences: { licensee: string; transferable: string; transferStatus: string; count: number }[];
  documents: { status: string; reviewed: boolean; count: number }[];
}

export interface GroupMembers {
  items(g: ReadinessGroups['items'][number]): { id: string; title: string; dueDate: string | null; blockedReason: string }[];
  processes(g: ReadinessGroups['processes'][number]): { id: string; name: string; left?: string[] }[];
  repositories(g: ReadinessGroups['repositories'][number]): { id: string; name: string }[];
  licences(g: ReadinessGroups['licences'][number]): { id: string; product: string }[];
  documents(g: ReadinessGroups['documents'][number]): { id: string; title: string }[];
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
  const groups: ReadinessGroups = {
    today: input.today,
    vendor: input.vendor,
    items: items.map((g) => ({ ...g.key, count: g.rows.length })),
    processes: processes.map((g) => ({ ...g.key, count: g.rows.length })),
    repositories: repositories.map((g) => ({ ...g.key, count: g.rows.length })),
    licences: licences.map((g) => ({ ...g.key, count: g.rows.length })),
    documents: documents.map((g) => ({ ...g.key, count: g.rows.length })),
  };
  // A group handed back by the scorer carries its count; its key is everything else.
  const find = <K, R>(all: { key: K; rows: R[] }[], g: K) => all.find((x) => j(x.key) === j(strip(g)))?.rows ?? [];
  return computeReadinessFromGroups(groups, {
    items: (g) => find(items, g),
    processes: (g) => find(processes, g),
    repositories: (g) => find(repositories, g),
    licences: (g) => find(licences, g),
    documents: (g) => find(documents, g),
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

  // The contracts' notice dates, terms and clauses (shared/contract-flags.ts): always cheap, the
  // vendor's contracts come with it.
  for (const f of contractFlags(vendor, today)) flag(f.severity, 1, () => [f]);

  const parts = [
    part('checklist', itemsDone, itemsTotal, itemTally),
    part('processes', procDone, procTotal, procTally),
    part('repositories', repoDone, repoTotal, repoTally),
    part('licences', licDone, licTotal, licTally),
    part('documents', docDone, docTotal, docTally),
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
