// Deadlines as an iCalendar (RFC 5545) file: one all-day event per deadline with reminders at the
// lead times set. Each event's UID comes from the deadline's stable id, so importing a re-exported
// calendar updates the events already there instead of adding copies.
import { writeFileSync } from 'node:fs';
import ical, { ICalAlarmType } from 'ical-generator';
import {
  CALENDAR_DOWNLOAD_PATH, DEFAULT_CALENDAR_ALARMS, alarmGroupOf, calendarAlarmsInput, type CalendarAlarms, type CalendarExportResult,
} from '../../../shared/calendar';
import type { Deadline, DeadlineKind } from '../../../shared/deadlines';
import type { Db } from '../store/open';
import { livePeopleNames } from '../store/people';
import { getSetting, setSetting } from '../store/settings';
import { liveVendorNames } from '../store/vendors';
import { listDeadlines } from './deadlines';
import { checkDestination } from './destination';

const DAY_MS = 86_400_000;
const DAY_S = 86_400;

/** The CATEGORIES value per kind, as a calendar app shows it. */
export const CALENDAR_CATEGORY: Record<DeadlineKind, string> = {
  notice_start: 'Start notice',
  notice_due: 'Notice due',
  contract_renewal: 'Contract renewal',
  option_expiry: 'Renewal option expiry',
  licence_expiry: 'Licence expiry',
  item_due: 'Checklist item due',
  access_due: 'Access to close',
  infrastructure_expiry: 'Infrastructure expiry',
};

export interface CalendarOptions {
  /** The calendar's name (X-WR-CALNAME), e.g. "Handover Workbook: Northwind". */
  name: string;
  alarms: CalendarAlarms;
  /** DTSTAMP of every event: when the export was made. */
  now: Date;
}

export function calendarUid(deadline: Deadline): string {
  return `${deadline.id}@handover-workbook`;
}

// A 'YYYY-MM-DD' as UTC midnight: ical-generator writes a date-only value from its UTC fields, so
// the day written is the deadline's day whatever the machine's time zone.
function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function descriptionOf(d: Deadline): string {
  const lines = [d.detail];
  if (d.vendorName) lines.push(`Vendor: ${d.vendorName}`);
  if (d.personName) lines.push(`Who: ${d.personName}`);
  return lines.filter((line) => line.trim() !== '').join('\n');
}

export function calendarOf(deadlines: readonly Deadline[], options: CalendarOptions): string {
  const cal = ical({
    name: options.name,
    prodId: { company: 'Handover Workbook', product: 'Handover Workbook', language: 'EN' },
  });
  for (const d of deadlines) {
    const start = utcDay(d.date);
    const event = cal.createEvent({
      id: calendarUid(d),
      start,
      end: new Date(start.getTime() + DAY_MS),
      allDay: true,
      stamp: options.now,
      summary: d.vendorName ? `${d.title} (${d.vendorName})` : d.title,
      description: descriptionOf(d),
      categories: [{ name: CALENDAR_CATEGORY[d.kind] }],
    });
    for (const days of options.alarms[alarmGroupOf(d.kind)]) {
      // A positive trigger in ical-generator is seconds before the start: TRIGGER:-P<n>D.
      event.createAlarm({ type: ICalAlarmType.display, trigger: days * DAY_S, description: d.title });
    }
  }
  return cal.toString();
}

/** The settings key of the reminder lead times, a JSON CalendarAlarms. */
export const CALENDAR_ALARMS_KEY = 'calendar_alarms';

/** The lead times set, or the defaults; a stored value that no longer parses reads as the defaults. */
export function calendarAlarms(db: Db): CalendarAlarms {
  const stored = getSetting(db, CALENDAR_ALARMS_KEY);
  if (stored === undefined) return DEFAULT_CALENDAR_ALARMS;
  try {
    const parsed = calendarAlarmsInput.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_CALENDAR_ALARMS;
  } catch {
    return DEFAULT_CALENDAR_ALARMS;
  }
}

export function setCalendarAlarms(db: Db, alarms: CalendarAlarms): CalendarAlarms {
  setSetting(db, CALENDAR_ALARMS_KEY, JSON.stringify(alarms));
  return alarms;
}

export interface WorkbookCalendarInput {
  days: number;
  vendorId?: string;
  personId?: string;
}

export interface WorkbookCalendar {
  /** A file name to suggest: "handover-deadlines.ics", or one naming the vendor or person. */
  fileName: string;
  ics: string;
  events: number;
}

// A file name safe on every file system: letters, digits and dashes of the name.
function slug(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60);
}

/** The workbook's deadlines from today to today + days (one vendor's or one person's when given) as an .ics text. */
export function workbookCalendar(db: Db, today: string, now: Date, input: WorkbookCalendarInput): WorkbookCalendar {
  const deadlines = listDeadlines(db, today, input);
  const vendor = input.vendorId ? liveVendorNames(db).find((v) => v.id === input.vendorId)?.name : undefined;
  const person = input.personId ? livePeopleNames(db).find((p) => p.id === input.personId)?.name : undefined;
  const whose = [vendor, person].filter((n): n is string => Boolean(n));
  const name = whose.length ? `Handover Workbook: ${whose.join(', ')}` : 'Handover Workbook deadlines';
  const stem = whose.length ? `handover-${whose.map(slug).filter(Boolean).join('-') || 'deadlines'}` : 'handover-deadlines';
  return { fileName: `${stem}.ics`, ics: calendarOf(deadlines, { name, alarms: calendarAlarms(db), now }), events: deadlines.length };
}

/** The browser face's download address of this calendar (the caller adds the token). */
export function calendarDownloadPath(input: WorkbookCalendarInput): string {
  const query = new URLSearchParams({ days: String(input.days) });
  if (input.vendorId) query.set('vendorId', input.vendorId);
  if (input.personId) query.set('personId', input.personId);
  return `${CALENDAR_DOWNLOAD_PATH}?${query.toString()}`;
}

export interface CalendarExportWays {
  workbookPath: string;
  /** The face's own check of a path the caller named (the browser face names none). */
  checkedPath: (path: string, field: string) => string;
  /** The desktop's save dialog (it asks before replacing a file); absent on the browser face. */
  ask: ((suggestedName: string) => Promise<string | null>) | undefined;
}

/**
 * Writes the calendar to `destination` (never over an existing file), to where the save dialog
 * says, or, on a face with neither, answers the download address.
 */
export async function exportCalendar(
  db: Db, today: string, now: Date, input: WorkbookCalendarInput & { destination?: string }, ways: CalendarExportWays,
): Promise<CalendarExportResult> {
  const { destination, ...query } = input;
  const check = (path: string, replace: boolean) => checkDestination(path, { field: 'destination', extension: '.ics', workbookPath: ways.workbookPath, replace });
  let path: string;
  if (destination !== undefined) path = check(ways.checkedPath(destination, 'destination'), false);
  else if (ways.ask) {
    // Named after the vendor or person before the dialog opens; the events are counted after.
    const picked = await ways.ask(workbookCalendar(db, today, now, query).fileName);
    if (picked === null) return { fileName: '', path: '', downloadPath: '', events: 0 };
    path = check(ways.checkedPath(picked, 'destination'), true);
  } else {
    const cal = workbookCalendar(db, today, now, query);
    return { fileName: cal.fileName, path: '', downloadPath: calendarDownloadPath(query), events: cal.events };
  }
  const cal = workbookCalendar(db, today, now, query);
  writeFileSync(path, cal.ics);
  return { fileName: cal.fileName, path, downloadPath: '', events: cal.events };
}
