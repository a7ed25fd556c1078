// The iCalendar export's reminder settings: how many days before a deadline each reminder
// (VALARM) fires, for notice dates and for everything else. Notice dates get earlier reminders
// because serving notice takes preparation (a letter, a signature, registered post).
import { z } from 'zod';
import type { DeadlineKind } from './deadlines';

export const ALARM_GROUPS = ['notice', 'other'] as const;
export type AlarmGroup = (typeof ALARM_GROUPS)[number];

/** Lead days per group, each list sorted from the earliest reminder to the latest. */
export type CalendarAlarms = Record<AlarmGroup, number[]>;

export const DEFAULT_CALENDAR_ALARMS: CalendarAlarms = { notice: [30, 7], other: [7, 1] };

export const MAX_ALARMS_PER_GROUP = 5;
export const MAX_LEAD_DAYS = 365;

export function alarmGroupOf(kind: DeadlineKind): AlarmGroup {
  return kind === 'notice_start' || kind === 'notice_due' ? 'notice' : 'other';
}

const leadDays = z.array(z.number().int({ error: 'must be a whole number of days' })
  .min(0, { error: 'must be 0 days or more' })
  .max(MAX_LEAD_DAYS, { error: `must be at most ${MAX_LEAD_DAYS} days` }))
  .max(MAX_ALARMS_PER_GROUP, { error: `at most ${MAX_ALARMS_PER_GROUP} reminders` })
  // Duplicates would only give two identical reminders: kept out so the list reads as it fires.
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const calendarAlarmsInput = z.strictObject({ notice: leadDays, other: leadDays });

/** Whose deadlines a calendar holds, and how far ahead. */
export const calendarQueryInput = z.strictObject({
  vendorId: z.uuid({ error: 'must be the id of a vendor' }).optional(),
  personId: z.uuid({ error: 'must be the id of a person' }).optional(),
  days: z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be 1 day or more' }).max(3650, { error: 'must be at most 3650 days' }).default(365),
});

export const calendarExportInput = calendarQueryInput.extend({
  /** Where to write it. Without it: the desktop's save dialog, or the browser face's download route. */
  destination: z.string().trim().min(1, { error: 'is required' }).max(4096, { error: 'is too long' })
    .refine((s) => !s.includes('\u0000'), { error: 'must be a file path' }).optional(),
});

/** The browser face's download of a calendar (GET, the token and the query's fields in the address). */
export const CALENDAR_DOWNLOAD_PATH = '/calendar.ics';

/** What `calendar.export` answers: the file written, a download to follow, or (path '' and downloadPath '') a cancelled dialog. */
export interface CalendarExportResult {
  fileName: string;
  path: string;
  downloadPath: string;
  events: number;
}
