// The derived exit dates of a vendor, as the screens show them.
import { daysBetween, localToday, relativeDays } from '../../shared/dates';

export interface ExitFacts {
  serveNoticeBy: string | null;
  /** Days from today to the serve-notice date (negative once past). */
  noticeIn: number | null;
  daysToExit: number | null;
}

/** `serveNoticeBy`: the backend's, from the contracts the exit ends (shared/contract-deadlines.ts). */
export function exitFacts(v: { exitDate: string | null; serveNoticeBy: string | null }, today = localToday()): ExitFacts {
  const notice = v.serveNoticeBy;
  return { serveNoticeBy: notice, noticeIn: notice ? daysBetween(today, notice) : null, daysToExit: v.exitDate ? daysBetween(today, v.exitDate) : null };
}

/** How urgent a date is: past, within a month, or later. */
export function urgency(days: number | null): 'past' | 'soon' | 'later' | 'none' {
  if (days == null) return 'none';
  if (days < 0) return 'past';
  if (days <= 30) return 'soon';
  return 'later';
}

export { relativeDays };
