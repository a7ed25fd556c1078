// Contract term arithmetic: when the current term ends, when notice must be served, and what
// happens if it is not. Pure functions on 'YYYY-MM-DD' days (shared/dates.ts), so the renderer,
// the report and the CLI say the same thing.
//
// Conventions, chosen because they are what contracts mean and where tools get it wrong:
// - Months are calendar months. Counting back from a day that does not exist in the target month
//   lands on that month's last day (one month before 31 March is 28 or 29 February).
// - A renewal term starts the day after the previous term ends and ends the day before the same
//   day N months later, counted from the first renewal's start, so month ends never drift
//   (a term ending 28 Feb 2027 renews to 29 Feb 2028).
// - Notice is measured back from the end of the term it terminates: the renewed end once a tacit
//   renewal has happened, never the initial end.
import { addDays, daysBetween } from './dates';

export type RenewalKind = 'none' | 'tacit' | 'express';

export interface NoticePeriod {
  amount: number;
  unit: 'days' | 'months';
}

export interface ContractTerms {
  /** Last day of the initial term; null when the contract has no end date. */
  initialEnd: string | null;
  renewal: RenewalKind;
  /** Length of each renewal term; a tacit or express renewal without one is treated as 12 months. */
  renewalMonths: number | null;
  notice: NoticePeriod | null;
  /** Our own lead time before the notice date (approvals, signatures), in days. */
  leadDays: number | null;
  /** Express renewals: how many options have been exercised so far. */
  optionsExercised?: number;
}

export interface TermPosition {
  /** End of the term that runs today (or of the last one, once the contract has ended); null when open-ended. */
  currentEnd: string | null;
  /** Tacit renewals that have already happened (notice dates passed unserved). */
  renewalsPast: number;
  /** The last day the notice can reach the vendor to end the contract at a term end; null when none applies. */
  noticeBy: string | null;
  /** noticeBy less our lead time: the day to start. */
  serveBy: string | null;
  /** The term end that notice served by noticeBy ends the contract on. */
  endsOn: string | null;
  /** If nothing is done by noticeBy: the contract runs until this day (null: it simply ends, or never ends). */
  ifMissedRunsUntil: string | null;
  /** The contract has ended (a term end without renewal is in the past). */
  ended: boolean;
  /** The explanation, one step a line, with the arithmetic shown. */
  steps: string[];
  /** One sentence for a card or a flag. */
  summary: string;
}

const DEFAULT_RENEWAL_MONTHS = 12;

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

/** Months since year 0 of the month a day falls in. */
function monthIndex(day: string): number {
  const [y, m] = parts(day);
  return y * 12 + m - 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` moved by `n` calendar months (negative: back), clamped to the target month's last day. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const date = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The last day on which notice of `notice` can be given to end a term on `termEnd`. */
export function noticeDeadline(termEnd: string, notice: NoticePeriod | null): string {
  if (!notice || notice.amount <= 0) return termEnd;
  return notice.unit === 'months' ? addMonths(termEnd, -notice.amount) : addDays(termEnd, -notice.amount);
}

/** End of renewal term `k` (k = 1 is the first renewal) after an initial term ending `initialEnd`. */
export function renewalEnd(initialEnd: string, months: number, k: number): string {
  if (k <= 0) return initialEnd;
  return addDays(addMonths(addDays(initialEnd, 1), months * k), -1);
}

function noticeWords(notice: NoticePeriod | null): string {
  if (!notice || notice.amount <= 0) return 'no notice period';
  const unit = notice.unit === 'months' ? (notice.amount === 1 ? 'month' : 'months') : notice.amount === 1 ? 'day' : 'days';
  return `${notice.amount} ${unit}' notice`;
}

function monthsWords(n: number): string {
  return `${n} month${n === 1 ? '' : 's'}`;
}

/**
 * Where a contract stands on `today`: the current term, the next notice deadline, and what a
 * missed deadline costs. Notice served on or before the deadline is in time (the deadline is the
 * last day it may arrive).
 */
export function termPosition(terms: ContractTerms, today: string): TermPosition {
  const steps: string[] = [];
  const lead = Math.max(0, terms.leadDays ?? 0);
  const withLead = (noticeBy: string) => (lead > 0 ? addDays(noticeBy, -lead) : noticeBy);
  const leadStep = (noticeBy: string) =>
    lead > 0 ? [`Less ${lead} day${lead === 1 ? '' : 's'} of internal lead time: start by ${addDays(noticeBy, -lead)}.`] : [];

  if (!terms.initialEnd) {
    return {
      currentEnd: null, renewalsPast: 0, noticeBy: null, serveBy: null, endsOn: null, ifMissedRunsUntil: null, ended: false,
      steps: ['The contract has no end date: it runs until terminated, so there is no notice deadline to compute.'],
      summary: 'No end date: runs until terminated.',
    };
  }
  const initialEnd = terms.initialEnd;
  const months = terms.renewalMonths && terms.renewalMonths > 0 ? terms.renewalMonths : DEFAULT_RENEWAL_MONTHS;
  steps.push(`The initial term ends on ${initialEnd}.`);

  if (terms.renewal === 'none') {
    const ended = today > initialEnd;
    if (ended) steps.push(`It does not renew: it ended on ${initialEnd}.`);
    else steps.push(`It does not renew: it ends on ${initialEnd} without notice${terms.notice ? `; ${noticeWords(terms.notice)} applies only to ending it earlier where the contract allows` : ''}.`);
    return {
      currentEnd: initialEnd, renewalsPast: 0, noticeBy: null, serveBy: null, endsOn: initialEnd, ifMissedRunsUntil: null, ended,
      steps, summary: ended ? `Ended on ${initialEnd}.` : `Ends on ${initialEnd}; no renewal.`,
    };
  }

  if (terms.renewal === 'express') {
    // Renewal happens only when we exercise an option; each exercised option adds one term.
    const exercised = Math.max(0, terms.optionsExercised ?? 0);
    const currentEnd = renewalEnd(initialEnd, months, exercised);
    if (exercised > 0) steps.push(`${exercised} renewal option${exercised === 1 ? '' : 's'} of ${monthsWords(months)} exercised: the current term ends on ${currentEnd}.`);
    const ended = today > currentEnd;
    if (ended) {
      steps.push(`No further option was exercised: the contract ended on ${currentEnd}.`);
      return { currentEnd, renewalsPast: exercised, noticeBy: null, serveBy: null, endsOn: currentEnd, ifMissedRunsUntil: null, ended, steps, summary: `Ended on ${currentEnd}.` };
    }
    const optionBy = noticeDeadline(currentEnd, terms.notice);
    const nextEnd = renewalEnd(initialEnd, months, exercised + 1);
    steps.push(`Renewal is by express option with ${noticeWords(terms.notice)}: ${currentEnd} − ${noticeWords(terms.notice).replace("' notice", '')} = ${optionBy}, the last day to exercise it (to run until ${nextEnd}).`);
    steps.push(`If nothing is done, the contract simply ends on ${currentEnd}.`);
    const closed = today > optionBy;
    if (closed) steps.push(`That option window closed on ${optionBy}.`);
    return {
      currentEnd, renewalsPast: exercised, noticeBy: closed ? null : optionBy, serveBy: closed ? null : withLead(optionBy), endsOn: currentEnd,
      ifMissedRunsUntil: null, ended: false, steps: closed ? steps : [...steps, ...leadStep(optionBy)],
      summary: closed ? `Ends on ${currentEnd}; the renewal option closed on ${optionBy}.` : `Ends on ${currentEnd} unless the renewal option is exercised by ${optionBy}.`,
    };
  }

  // Tacit renewal: the term running today is the first that ends on or after today; once its
  // notice date has passed unserved, the renewal after it is already decided.
  // Counted straight to within a term of today (the dashboard works this out for every contract),
  // then stepped: never more than a couple of steps.
  let j = initialEnd < today ? Math.max(0, Math.floor((monthIndex(today) - monthIndex(initialEnd)) / months) - 1) : 0;
  while (renewalEnd(initialEnd, months, j) < today) j++;
  const currentEnd = renewalEnd(initialEnd, months, j);
  const k = noticeDeadline(currentEnd, terms.notice) < today ? j + 1 : j;
  const endsOn = renewalEnd(initialEnd, months, k);
  const noticeBy = noticeDeadline(endsOn, terms.notice);
  const runsUntil = renewalEnd(initialEnd, months, k + 1);
  const minus = (end: string) =>
    terms.notice && terms.notice.amount > 0
      ? `${end} − ${noticeWords(terms.notice).replace("' notice", '')} = ${noticeDeadline(end, terms.notice)}`
      : `With no notice period the deadline is the term end itself, ${end}`;
  steps.push(`It renews tacitly for ${monthsWords(months)} at a time unless notice is served (${noticeWords(terms.notice)}).`);
  if (j > 0) steps.push(`It has renewed ${j === 1 ? 'once' : `${j} times`}: the current term ends on ${currentEnd}.`);
  if (k > j) {
    steps.push(`${minus(currentEnd)}, already passed: it renews until ${endsOn} whatever is done now.`);
  }
  steps.push(`${minus(endsOn)}: the last day notice may reach the vendor to end it on ${endsOn}.`);
  steps.push(...leadStep(noticeBy));
  steps.push(`If notice is not served by ${noticeBy}, the contract renews until ${runsUntil}.`);
  const days = daysBetween(today, noticeBy);
  return {
    currentEnd, renewalsPast: j, noticeBy, serveBy: withLead(noticeBy), endsOn, ifMissedRunsUntil: runsUntil, ended: false, steps,
    summary: `Serve notice by ${noticeBy} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}) to end on ${endsOn}; otherwise it renews until ${runsUntil}.`,
  };
}
