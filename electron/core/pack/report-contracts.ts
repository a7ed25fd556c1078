// A vendor's contracts in the report: the key dates worked out from them (the same functions the
// dashboard and the overview use, shared/contract-deadlines.ts) and one row per contract. A pack
// that withholds a contract's terms shows no date worked out from them; one that leaves the
// contracts out shows none at all.
import { positionOn, vendorNotice, type VendorNotice } from '../../../shared/contract-deadlines';
import { daysBetween, relativeDays } from '../../../shared/dates';
import { keptPositionOf } from '../services/contractPositions';
import { reportContracts, type ReportContractRow } from '../store/reportRows';
import type { Block, ReportInput } from './report';
import { label, withDetail, type Cell, type Column, type Row } from './report-cells';

/** The contract fields a term end is worked out from. */
const TERM_FIELDS = ['initialEnd', 'renewal', 'renewalMonths', 'optionsExercised'];
/** The contract fields a notice date is worked out from. */
const NOTICE_FIELDS = [...TERM_FIELDS, 'noticeAmount', 'noticeUnit', 'leadDays'];

/** Whether any of the contract fields is withheld from the pack ("contracts.field"). */
export const contractFieldsWithheld = (withheld: ReadonlySet<string> | undefined, fields: readonly string[]) =>
  fields.some((f) => withheld?.has(`contracts.${f}`) ?? false);
export const termsWithheld = (withheld: ReadonlySet<string> | undefined) => contractFieldsWithheld(withheld, TERM_FIELDS);
export const noticeWithheld = (withheld: ReadonlySet<string> | undefined) => contractFieldsWithheld(withheld, NOTICE_FIELDS);

/** The vendor's contracts the report shows: none where the pack leaves them out. */
export function contractsOf(input: ReportInput, vendorId: string): ReportContractRow[] {
  return input.leftOut?.has('contracts') ? [] : reportContracts(input.db, vendorId);
}

/** The vendor's deadlines from its contracts: the next serve-notice-by and the term end it is about. */
export interface VendorDeadlines {
  notice: VendorNotice | null;
  /** The term end of the contract the notice is for; without one, the earliest of the contracts the exit ends. */
  end: { date: string; title: string; renewal: string } | null;
}

export function vendorDeadlines(contracts: readonly ReportContractRow[], today: string): VendorDeadlines {
  const notice = vendorNotice(contracts, today, keptPositionOf);
  let end: VendorDeadlines['end'] = null;
  for (const c of contracts) {
    const currentEnd = keptPositionOf(c, today).currentEnd;
    if (!currentEnd || c.endedByExit !== 'yes') continue;
    const pick = notice ? c.id === notice.contractId : !end || currentEnd < end.date;
    if (pick) end = { date: currentEnd, title: c.title, renewal: c.renewal };
  }
  return { notice, end };
}

/** What happens to the contract if nothing is done, in words: "renews until 2028-06-30", "ends on …". */
function ifNotServed(c: ReportContractRow, today: string): string {
  if (c.servedOn) {
    const endsOn = positionOn(c, c.servedOn).endsOn;
    return endsOn ? `notice served: ends on ${endsOn}` : 'notice served';
  }
  const p = keptPositionOf(c, today);
  if (p.ifMissedRunsUntil) return `renews until ${p.ifMissedRunsUntil}`;
  if (!p.currentEnd) return 'runs until terminated';
  if (p.ended) return `ended on ${p.currentEnd}`;
  if (c.renewal === 'express' && p.noticeBy) return `ends on ${p.currentEnd} unless the option is exercised`;
  return `ends on ${p.currentEnd}`;
}

function serveBy(c: ReportContractRow, today: string): Cell {
  if (c.servedOn) return '';
  const p = keptPositionOf(c, today);
  if (!p.serveBy) return '';
  const by = c.renewal === 'express' ? `exercise the option by ${p.noticeBy}` : p.noticeBy !== p.serveBy ? `reaches the vendor by ${p.noticeBy}` : '';
  return withDetail(p.serveBy, [relativeDays(daysBetween(today, p.serveBy)), by].filter(Boolean).join('; '));
}

/** The contracts table under the vendor's facts; the columns a pack's withheld terms would tell are left out. */
export function* contractBlocks(input: ReportInput, contracts: readonly ReportContractRow[], level: 2 | 3): Generator<Block> {
  const { today, withheld } = input;
  const all: { column: Column; cell: (c: ReportContractRow) => Cell; shown: boolean }[] = [
    {
      column: { label: 'Contract', width: 30 }, shown: true,
      cell: (c) => withDetail(c.title, [label(c.kind), withheld?.has('contracts.reference') ? '' : c.reference, c.endedByExit === 'no' ? 'not ended by this exit' : ''].filter(Boolean).join(' · ')),
    },
    {
      column: { label: 'Current term ends', width: 16 }, shown: !termsWithheld(withheld),
      cell: (c) => { const end = keptPositionOf(c, today).currentEnd; return end ? withDetail(end, relativeDays(daysBetween(today, end))) : 'no end date'; },
    },
    { column: { label: 'Serve notice by', width: 18 }, shown: !noticeWithheld(withheld), cell: (c) => serveBy(c, today) },
    { column: { label: 'If notice is not served', width: 22 }, shown: !noticeWithheld(withheld), cell: (c) => ifNotServed(c, today) },
    { column: { label: 'Notice served on', width: 14 }, shown: !input.leftOut?.has('contract_notices'), cell: (c) => c.servedOn ?? (c.endedByExit === 'yes' ? 'not yet' : '') },
  ];
  const kept = all.filter((k) => k.shown);
  // The first column takes the width of the columns left out, so the table still fills the page.
  const spare = all.filter((k) => !k.shown).reduce((s, k) => s + k.column.width, 0);
  const columns = kept.map((k, i) => (i === 0 ? { ...k.column, width: k.column.width + spare } : k.column));
  yield { t: 'heading', level, text: `Contracts (${contracts.length})`, page: false };
  yield {
    t: 'table', columns, empty: 'None recorded.',
    rows: () => contracts.map((c): Row => kept.map((k) => k.cell(c))),
  };
}
