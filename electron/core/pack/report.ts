// What README.html, report.md and the printed report say, as a sequence of blocks both renderers
// turn into text. One vendor: its summary first (key dates, readiness and its parts, the most
// pressing red flags), then the vendor and contract, all red flags, the checklists with the
// evidence behind each item, the inventory and the security-closure registers; several vendors: a table of them first, then
// each vendor so. Then people and attached files. Table rows are pulled from the database as the
// renderer writes them (never the whole table in memory).
import { daysBetween, daysToExit, relativeDays } from '../../../shared/dates';
import { NOTICE_WARNING_DAYS, type FlagKind, type Readiness, type RedFlag } from '../../../shared/readiness';
import { AUDITOR_INTENT, leftOutWords, profileLabel, withheldWords, type PackProfileSummary } from '../../../shared/pack-profiles';
import type { ChainReport } from '../../../shared/activityChain';
import { loadReadiness } from '../services/readiness';
import type { Db } from '../store/open';
import { reportAttachments, reportPeople, reportPeopleIds, reportVendors, type ReportContractRow, type ReportVendorRow } from '../store/reportRows';
import { checklistBlocks } from './report-checklists';
import { columns, fileSpans, formatBytes, label, withDetail, type Cell, type Column, type Row } from './report-cells';
import { costBlocks } from './report-costs';
import { contractBlocks, contractFieldsWithheld, contractsOf, noticeWithheld, termsWithheld, vendorDeadlines } from './report-contracts';
import { inventoryBlocks } from './report-inventory';
import { registerBlocks } from './report-registers';
import { REDACTED_FIELDS } from './tables';

export { formatBytes };
export type { Cell, Column, Row, Span } from './report-cells';

/** One of a vendor's key dates, as the first page shows it. */
export interface KeyDate {
  label: string;
  value: string;
  note: string;
  tone: 'bad' | 'warn' | '';
}

export type Block =
  /** `running` names the report on every printed page, with `asOf`. */
  | { t: 'title'; text: string; lines: string[]; running: string; asOf: string }
  /** `page`: on paper, the section starts on a new page. */
  | { t: 'heading'; level: 2 | 3; text: string; anchor?: string; page: boolean }
  | { t: 'p'; text: string }
  | { t: 'facts'; rows: [string, Cell][] }
  | { t: 'dates'; dates: KeyDate[] }
  | { t: 'readiness'; readiness: Readiness }
  | { t: 'flags'; flags: RedFlag[] }
  | { t: 'table'; columns: Column[]; rows: () => Iterable<Row>; empty: string };

export interface ReportInput {
  db: Db;
  vendorIds: string[];
  today: string;
  redact: boolean;
  attachmentsIncluded: boolean;
  /** A report printed from the app rather than a pack's README: no words about the pack's files. */
  printed?: boolean;
  createdAt: string;
  createdBy: string;
  workbookId: string;
  appVersion: string;
  /** Readiness per vendor, computed once for both renderers. */
  readiness: Map<string, Readiness | null>;
  /** The pack's redaction profile (packs; the printed report has none). */
  profile?: PackProfileSummary | undefined;
  /** Fields the pack withholds, "table.field": the report shows none of them and says so. */
  withheld?: ReadonlySet<string> | undefined;
  /** Tables the pack leaves out whole (its profile's cut): the report shows nothing of them. */
  leftOut?: ReadonlySet<string> | undefined;
  /** Rows are left out: readiness, which would describe a part as the whole, is not shown. */
  partial?: boolean | undefined;
  /** Auditor: the pack says it is for review only. */
  reviewOnly?: boolean | undefined;
  /** The check of the activity log the pack carries (packs that carry one). */
  history?: ChainReport | undefined;
  /** The pack leaves the activity log out (a profile or redaction withholds something its summaries may name). */
  historyLeftOut?: boolean | undefined;
}

/** Red flags that tell a contract's terms: whether a pack that withholds some of them ("table.field") must leave the flag out. */
const CONTRACT_FLAGS: Partial<Record<FlagKind, (withheld: ReadonlySet<string>) => boolean>> = {
  notice_date_near: noticeWithheld, notice_date_past: noticeWithheld, express_option_expiring: noticeWithheld,
  exit_after_contract_end: termsWithheld, no_exit_assistance_clause: (w) => contractFieldsWithheld(w, ['exitAssistance']),
};

/**
 * Readiness for the vendors, computed in one pass; where the vendor's contract terms are withheld
 * (`withheld`, "table.field"), the flags that would tell them are left out.
 */
export function readinessFor(db: Db, vendorIds: string[], today: string, withheld?: ReadonlySet<string>): Map<string, Readiness | null> {
  const all = loadReadiness(db, today, { vendorId: vendorIds.length === 1 ? vendorIds[0] : undefined, detailed: true });
  const tells = (f: RedFlag) => (withheld ? CONTRACT_FLAGS[f.kind]?.(withheld) ?? false : false);
  const out = new Map<string, Readiness | null>();
  for (const id of vendorIds) {
    const r = all.get(id) ?? null;
    const flags = r?.flags.filter((f) => !tells(f));
    out.set(id, r && flags && flags.length !== r.flags.length ? { ...r, flags, flagCounts: { high: flags.filter((f) => f.severity === 'high').length, medium: flags.filter((f) => f.severity === 'medium').length } } : r);
  }
  return out;
}

/** A vendor's readiness (shared/readiness.ts, through the service), computed for all the pack's vendors in one pass. */
export function readinessOf(input: ReportInput, vendorId: string): Readiness | null {
  if (input.partial) return null;
  if (input.readiness.size === 0) {
    for (const [id, r] of readinessFor(input.db, input.vendorIds, input.today, input.withheld)) input.readiness.set(id, r);
  }
  return input.readiness.get(vendorId) ?? null;
}

/** How many red flags the summary lists; the rest follow under “All red flags”. */
export const SUMMARY_FLAGS = 10;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** Contract end and serve notice by (from the vendor's contracts), planned exit and the days to go, with what each means today. */
export function keyDates(v: ReportVendorRow, contracts: readonly ReportContractRow[], today: string): KeyDate[] {
  const { notice: next, end } = vendorDeadlines(contracts, today);
  const notice = next?.serveBy ?? null;
  const noticeIn = notice ? daysBetween(today, notice) : null;
  // Once the exit is under way notice has been served: the date no longer threatens (as in readiness).
  const noticeOpen = v.status === 'active' || v.status === 'exit_planned';
  const toGo = daysToExit(v, today);
  return [
    {
      label: 'Contract end', value: end?.date ?? 'not set',
      note: end ? `${end.title}: ${relativeDays(daysBetween(today, end.date))}${end.renewal !== 'none' ? `; renewal ${label(end.renewal).toLowerCase()}` : ''}` : contracts.length ? '' : 'no contract recorded',
      tone: '',
    },
    {
      label: 'Serve notice by', value: notice ?? (contracts.length ? 'none due' : 'unknown'),
      note: noticeIn === null ? (contracts.length ? '' : 'needs a contract')
        : `${next!.title}: ${noticeOpen ? (noticeIn < 0 ? `passed ${days(-noticeIn)} ago` : relativeDays(noticeIn)) : `${relativeDays(noticeIn)}; exit under way`}`,
      tone: noticeIn === null || !noticeOpen ? '' : noticeIn < 0 ? 'bad' : noticeIn <= NOTICE_WARNING_DAYS ? 'warn' : '',
    },
    { label: 'Planned exit (T)', value: v.exitDate ?? 'not set', note: v.exitDate ? `${label(v.exitKind)} exit` : '', tone: '' },
    {
      label: 'Days to go', value: toGo === null ? '—' : toGo >= 0 ? String(toGo) : 'passed',
      note: toGo === null ? 'no exit date yet' : toGo >= 0 ? `to the planned exit` : `the exit date was ${days(-toGo)} ago`,
      tone: toGo !== null && toGo < 0 ? 'bad' : '',
    },
  ];
}

/** The pack's activity log as its README states it: "History intact, 12 entries since 2026-03-01 …", or where it broke. */
function historyLine(h: ChainReport): string {
  if (h.broken) return `History broken: ${h.broken.message}. The log this pack carries (history/activity.json) was changed in the workbook that made it.`;
  if (h.entries === 0) return 'History intact: the activity log has no entries yet.';
  return `History intact, ${h.entries} ${h.entries === 1 ? 'entry' : 'entries'} since ${(h.since ?? '').slice(0, 10)}: history/activity.json holds the activity log, each entry chained to the one before by its SHA-256 (head ${h.head}).`;
}

/** The blocks of the report, in reading order. */
export function* reportBlocks(input: ReportInput): Generator<Block> {
  const { db } = input;
  const vendors = reportVendors(db, input.vendorIds);
  const what = input.printed ? 'Exit report' : 'Transition pack';
  const whom = vendors.length === 1 ? vendors[0]!.name : `${vendors.length} vendors`;
  yield {
    t: 'title',
    text: `${what}: ${whom}`,
    running: `${what} — ${whom}`,
    asOf: input.today,
    lines: [
      `Made on ${input.createdAt.slice(0, 10)} by ${input.createdBy} with Handover Workbook ${input.appVersion} (workbook ${input.workbookId}).`,
      `Readiness and red flags as of ${input.today}.`,
      ...(input.redact ? [`Redacted: repository URLs, where secrets and licence keys are kept, and document locations are left out of this ${input.printed ? 'report' : 'pack'}.`] : []),
      ...profileLines(input),
      ...(input.printed ? [] : [
        input.attachmentsIncluded ? 'The attached files are in the attachments folder, named by their SHA-256; the evidence columns link to them.' : 'The attached files are not included in this pack: the report names them with their size.',
        'manifest.json lists every file with its size and SHA-256: check the pack with “handover verify” before relying on it.',
        ...(input.history ? [historyLine(input.history)] : input.historyLeftOut ? ['The activity log is left out of this pack: its entries can name what the pack withholds, and they cannot be blanked without breaking their hash chain.'] : []),
      ]),
    ],
  };
  const multi = vendors.length !== 1;
  if (multi) yield* portfolio(input, vendors);
  // One vendor: its sections are the report's; several: each vendor is a part with sections in it.
  const level = multi ? 3 : 2;
  for (const v of vendors) {
    if (multi) yield { t: 'heading', level: 2, text: v.name, anchor: `v-${v.id}`, page: true };
    const r = readinessOf(input, v.id);
    const contracts = contractsOf(input, v.id);
    yield { t: 'heading', level, text: 'Key dates', page: false };
    yield { t: 'dates', dates: keyDates(v, contracts, input.today).filter((d) => shown(d.label, input)) };
    yield { t: 'p', text: [`Status: ${label(v.status)}`, `target: ${target(v)}`, v.ourContact && `our contact: ${v.ourContact}`, v.vendorContact && `vendor contact: ${v.vendorContact}`].filter(Boolean).join(' · ') };
    if (r) {
      yield { t: 'heading', level, text: 'Readiness', page: false };
      yield { t: 'readiness', readiness: r };
      yield { t: 'heading', level, text: `Red flags (${r.flags.length})`, page: false };
      if (r.flags.length > SUMMARY_FLAGS) {
        yield { t: 'p', text: `${r.flagCounts.high} high, ${r.flagCounts.medium} medium. The ${SUMMARY_FLAGS} most pressing are here; all ${r.flags.length} follow under “All red flags”.` };
      }
      yield { t: 'flags', flags: r.flags.slice(0, SUMMARY_FLAGS) };
    }
    yield { t: 'heading', level, text: 'Vendor and contract', page: true };
    yield { t: 'facts', rows: facts(v, contracts, input) };
    if (!input.leftOut?.has('contracts')) yield* contractBlocks(input, contracts, level);
    yield* costBlocks(input, v.id, level);
    if (r && r.flags.length > SUMMARY_FLAGS) {
      yield { t: 'heading', level, text: `All red flags (${r.flags.length})`, page: false };
      yield { t: 'flags', flags: r.flags };
    }
    yield* checklistBlocks(input, v.id, level);
    yield* inventoryBlocks(input, v.id, level);
    yield* registerBlocks(input, v, level);
  }
  yield { t: 'heading', level: 2, text: 'People', anchor: 'people', page: true };
  yield {
    t: 'table', columns: columns(['Name', 18], ['Role', 18], ['Side', 11], ['Vendor', 21], ['E-mail', 32]), empty: 'Nobody.',
    rows: function* () {
      for (const p of reportPeople(db, input.vendorIds, reportPeopleIds(db, input.vendorIds))) {
        yield [String(p[0]), String(p[1] ?? ''), label(p[2]), String(p[3] ?? ''), String(p[4] ?? '')];
      }
    },
  };
  yield { t: 'heading', level: 2, text: 'Attachments', anchor: 'attachments', page: true };
  yield {
    t: 'table', columns: columns(['File', 30], ['Attached to', 28], ['Size', 11, true], ['SHA-256', 31]), empty: 'No attached files.',
    rows: function* () {
      for (const a of reportAttachments(db, input.vendorIds)) {
        const file = { name: String(a[0]), size: Number(a[2]), sha256: String(a[3]), storedName: String(a[4]) };
        yield [fileSpans(file, input.attachmentsIncluded)[0]!, String(a[1] ?? ''), formatBytes(file.size), file.sha256];
      }
    },
  };
}

const target = (v: ReportVendorRow) => (v.target === 'new_provider' ? `new provider${v.newProviderName ? ` ${v.newProviderName}` : ''}` : label(v.target).toLowerCase());

/** What the pack's profile means for the reader: whom it is for, what it leaves out, in words. */
function profileLines(input: ReportInput): string[] {
  const p = input.profile;
  if (!p) return [];
  const out: string[] = [];
  if (p.name !== 'full') out.push(`Profile: ${profileLabel(p)}.`);
  if (input.reviewOnly) out.push(AUDITOR_INTENT);
  if (p.name === 'person' && p.person) {
    out.push(`This pack holds only the checklist items assigned to ${p.person.name}, the records they link, those records’ vendors and the people they name; nothing else of the workbook is in it.`);
  }
  if (p.tables?.length) out.push(`Left out whole: ${leftOutWords(p.tables)}.`);
  if (input.leftOut?.has('contract_notices') && !input.leftOut.has('contracts')) out.push('Left out whole: the notices served on the contracts.');
  const fields = [...(input.withheld ?? [])].filter((k) => !(input.redact && REDACTED_FIELDS.includes(k)));
  if (fields.length) out.push(`Left out of every record: ${withheldWords(fields)}. An import of this pack keeps the receiver’s values of these fields.`);
  if (input.partial) out.push('Readiness and red flags are not shown: with part of the workbook left out, they would describe a part as the whole.');
  return out;
}

/**
 * Facts worked out from the contracts: left out when the pack withholds a field they are computed
 * from, or leaves the contracts out (the vendor's own contract fields from before issue 11 are no
 * longer shown: nothing edits them, and the dates come from the contracts).
 */
const DERIVED_FROM: Record<string, (withheld: ReadonlySet<string> | undefined) => boolean> = { 'Serve notice by': noticeWithheld, 'Contract end': termsWithheld };

function shown(label: string, input: ReportInput): boolean {
  const derived = DERIVED_FROM[label];
  if (!derived) return true;
  return !input.leftOut?.has('contracts') && !derived(input.withheld);
}

function facts(v: ReportVendorRow, contracts: readonly ReportContractRow[], input: ReportInput): [string, Cell][] {
  return allFacts(v, contracts, input.today).filter(([label]) => shown(label, input));
}

function allFacts(v: ReportVendorRow, contracts: readonly ReportContractRow[], today: string): [string, Cell][] {
  const next = vendorDeadlines(contracts, today).notice;
  const toGo = daysToExit(v, today);
  return [
    ['Status', label(v.status)],
    ['Services', v.services],
    ['Serve notice by', next ? `${next.serveBy} (${next.title})` : ''],
    ['Planned exit (T)', v.exitDate ? `${v.exitDate}${toGo === null ? '' : toGo >= 0 ? ` (in ${days(toGo)})` : ` (${days(-toGo)} ago)`}` : ''],
    ['Exit kind', label(v.exitKind)],
    ['Target', v.target === 'new_provider' ? `New provider${v.newProviderName ? `: ${v.newProviderName}` : ''}` : label(v.target)],
    ['Vendor contact', v.vendorContact ?? ''],
    ['Our contact', v.ourContact ?? ''],
    ...(v.notes ? [['Notes', v.notes] as [string, Cell]] : []),
  ];
}

/** Several vendors: one row each with its readiness, red flags and key dates, linking to its part. */
function* portfolio(input: ReportInput, vendors: ReportVendorRow[]): Generator<Block> {
  yield { t: 'heading', level: 2, text: 'Vendors', page: false };
  yield {
    t: 'table', empty: 'No vendors in this pack.',
    columns: columns(['Vendor', 22], ['Readiness', 11], ['Red flags', 12], ['Contract end', 14], ['Serve notice by', 14], ['Planned exit', 13], ['Days to go', 14]),
    rows: () => vendors.map((v) => {
      const r = readinessOf(input, v.id);
      const [end, notice, exit, toGo] = keyDates(v, contractsOf(input, v.id), input.today).map((d) => (shown(d.label, input) ? withDetail(d.value, d.note) : input.leftOut?.has('contracts') ? 'not in this pack' : 'withheld'));
      return [
        { text: v.name, href: `#v-${v.id}` }, r ? `${r.score} / 100` : '',
        r ? `${r.flags.length}${r.flagCounts.high ? ` (${r.flagCounts.high} high)` : ''}` : '', end!, notice!, exit!, toGo!,
      ];
    }),
  };
  // The most pressing flags of all: high before medium; within each, every vendor's first, then every one's second, …
  const lists = vendors.map((v) => (readinessOf(input, v.id)?.flags ?? []).map((f) => ({ ...f, message: `${v.name}: ${f.message}` })));
  const total = lists.reduce((n, l) => n + l.length, 0);
  const picked: RedFlag[] = [];
  for (const severity of ['high', 'medium'] as const) {
    const of = lists.map((l) => l.filter((f) => f.severity === severity));
    const longest = Math.max(0, ...of.map((l) => l.length));
    for (let i = 0; i < longest && picked.length < SUMMARY_FLAGS; i++) for (const l of of) if (l[i] && picked.length < SUMMARY_FLAGS) picked.push(l[i]!);
  }
  yield { t: 'heading', level: 2, text: `Red flags (${total})`, page: false };
  if (total > picked.length) yield { t: 'p', text: `The ${picked.length} most pressing across the vendors; each vendor’s part lists all of its own.` };
  yield { t: 'flags', flags: picked };
}


