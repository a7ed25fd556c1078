// Calendar arithmetic on plain 'YYYY-MM-DD' strings. Dates are calendar days with no time zone:
// all arithmetic is done in UTC so a daylight-saving change never moves a deadline by a day.

const DAY_MS = 86_400_000;

export function parseDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return formatDay(parseDay(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

/** Today's calendar date where the user is (local time), as 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export interface ContractDates {
  contractEnd: string | null;
  noticeDays: number | null;
  leadDays: number | null;
  exitDate: string | null;
}

/**
 * The last day on which we can start the termination: contract end − notice period − our own
 * internal lead time (approvals, budget). Unknown when the contract end is unknown.
 */
export function serveNoticeBy(v: ContractDates): string | null {
  if (!v.contractEnd) return null;
  return addDays(v.contractEnd, -((v.noticeDays ?? 0) + (v.leadDays ?? 0)));
}

/** Days from today to the planned exit date; negative once it has passed. */
export function daysToExit(v: ContractDates, today: string): number | null {
  return v.exitDate ? daysBetween(today, v.exitDate) : null;
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(n: number | null): string {
  if (n == null) return '';
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}
