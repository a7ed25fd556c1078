// The derived exit dates of a vendor, as the screens show them.
import { daysBetween, daysToExit, localToday, relativeDays, serveNoticeBy, type ContractDates } from '../../shared/dates';

export interface ExitFacts {
  serveNoticeBy: string | null;
  /** Days from today to the serve-notice date (negative once past). */
  noticeIn: number | null;
  daysToExit: number | null;
}

export function exitFacts(v: ContractDates, today = localToday()): ExitFacts {
  const notice = serveNoticeBy(v);
  return { serveNoticeBy: notice, noticeIn: notice ? daysBetween(today, notice) : null, daysToExit: daysToExit(v, today) };
}

/** How urgent a date is: past, within a month, or later. */
export function urgency(days: number | null): 'past' | 'soon' | 'later' | 'none' {
  if (days == null) return 'none';
  if (days < 0) return 'past';
  if (days <= 30) return 'soon';
  return 'later';
}

export { relativeDays };
