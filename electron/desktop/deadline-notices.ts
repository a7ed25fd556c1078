// Desktop notifications of what falls due within seven days: once when a workbook is opened, and
// once a day while it stays open (the first check after midnight). Nothing is shown when
// Settings turned them off, or when nothing falls due. The backend answers through the same API
// the window uses; Electron's Notification is handed in, so this is tested without Electron.
import type { AppInfo } from '../../shared/contract';
import { localToday } from '../../shared/dates';
import type { Deadline } from '../../shared/deadlines';
import type { ApiResponse } from '../../shared/errors';

/** How far ahead a notification looks (the same seven days as the count on Upcoming). */
export const NOTICE_DAYS = 7;
/** How many deadlines a notification names before "and N more". */
const NAMED = 3;

export interface NoticeText {
  title: string;
  body: string;
}

/** One notification for the lot: how many, how many overdue, the first few by date. */
export function noticeText(list: readonly Deadline[], today: string): NoticeText | null {
  if (list.length === 0) return null;
  const overdue = list.filter((d) => d.date < today).length;
  const dueSoon = list.length - overdue;
  const parts = [dueSoon > 0 && `${dueSoon} due within ${NOTICE_DAYS} days`, overdue > 0 && `${overdue} overdue`].filter(Boolean);
  const lines = list.slice(0, NAMED).map((d) => `${d.date < today ? 'Overdue' : d.date === today ? 'Today' : d.date}: ${d.title}${d.vendorName ? ` (${d.vendorName})` : ''}`);
  if (list.length > NAMED) lines.push(`and ${list.length - NAMED} more on Upcoming`);
  return { title: `Deadlines: ${parts.join(', ')}`, body: lines.join('\n') };
}

export interface DeadlineNoticeDeps {
  /** An API call to the open workbook's backend. */
  dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
  /** Shows the notification (Electron's Notification in the app). */
  show(text: NoticeText): void;
  now?: () => Date;
}

/**
 * Follows the open workbook: `opened()` after a workbook is opened (or another one switched to),
 * `tick()` every `everyMs` announces again once the day has changed. A failed call shows nothing
 * and is tried again on the next day, never in a loop.
 */
export function followDeadlines(deps: DeadlineNoticeDeps, everyMs = 10 * 60_000): { opened(): Promise<void>; tick(): Promise<void>; stop(): void } {
  const now = deps.now ?? (() => new Date());
  let announced: string | null = null;
  const check = async () => {
    const today = localToday(now());
    announced = today;
    const info = await deps.dispatch('app.info', {});
    if (!info.ok || !(info.value as AppInfo).deadlineNotifications) return;
    const list = await deps.dispatch('deadlines.list', { days: NOTICE_DAYS });
    if (!list.ok) return;
    const text = noticeText(list.value as Deadline[], today);
    if (text) deps.show(text);
  };
  const guarded = () => check().catch((err: unknown) => console.error('Handover Workbook: deadline notification failed', err));
  const tick = async () => {
    if (announced !== null && announced !== localToday(now())) await guarded();
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref?.();
  return { opened: guarded, tick, stop: () => clearInterval(timer) };
}
