// The iCalendar export read back by another library (ical.js): all-day events on the right days,
// reminders at the lead times set, UIDs stable across exports and unique within one, text escaped
// and lines folded as RFC 5545 says.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_ALARMS, calendarAlarmsInput } from '../../shared/calendar';
import type { Deadline } from '../../shared/deadlines';
import { calendarOf } from '../../electron/core/services/calendar';

const now = new Date('2026-12-01T09:30:00Z');

function deadline(over: Partial<Deadline> = {}): Deadline {
  return {
    id: 'contract:c1:notice_due', kind: 'notice_due', date: '2028-02-29',
    title: 'Serve notice: Managed services agreement', detail: 'otherwise it renews until 2029-02-28',
    vendorId: 'v1', vendorName: 'Northwind', personId: null, personName: null,
    source: { kind: 'contract', id: 'c1' },
    ...over,
  };
}

const sample = (): Deadline[] => [
  deadline(),
  deadline({ id: 'licence:l1:licence_expiry', kind: 'licence_expiry', date: '2027-03-31', title: 'Licence expires: Jira', detail: 'renew or re-procure',
    personId: 'p1', personName: 'Ana Souza', source: { kind: 'licence', id: 'l1' } }),
];

function events(ics: string): ICAL.Event[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** The two events of the sample, in its order. */
function pair(ics: string): [ICAL.Event, ICAL.Event] {
  const all = events(ics);
  expect(all).toHaveLength(2);
  return [all[0]!, all[1]!];
}

const triggers = (e: ICAL.Event) => e.component.getAllSubcomponents('valarm').map((a) => ({
  action: a.getFirstPropertyValue('action'),
  trigger: String(a.getFirstPropertyValue('trigger')),
}));

describe('calendarOf', () => {
  it('writes one all-day event per deadline on its day, ending the next day', () => {
    const ics = calendarOf(sample(), { name: 'All deadlines', alarms: DEFAULT_CALENDAR_ALARMS, now });
    const [leap, monthEnd] = pair(ics);
    expect(leap.startDate.isDate).toBe(true);
    expect(leap.startDate.toString()).toBe('2028-02-29');
    expect(leap.endDate.toString()).toBe('2028-03-01');
    expect(monthEnd.startDate.isDate).toBe(true);
    expect(monthEnd.startDate.toString()).toBe('2027-03-31');
    expect(monthEnd.endDate.toString()).toBe('2027-04-01');
    expect(ics).toContain('DTSTART;VALUE=DATE:20280229');
  });

  it('names the app, stamps the export time and puts each event in the category of its kind', () => {
    const ics = calendarOf(sample(), { name: 'All deadlines', alarms: DEFAULT_CALENDAR_ALARMS, now });
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('prodid')).toContain('Handover Workbook');
    const [leap, monthEnd] = pair(ics);
    expect(leap.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-01T09:30:00Z');
    expect(leap.component.getFirstPropertyValue('categories')).toBe('Notice due');
    expect(monthEnd.component.getFirstPropertyValue('categories')).toBe('Licence expiry');
    expect(leap.summary).toBe('Serve notice: Managed services agreement (Northwind)');
    expect(monthEnd.description).toBe('renew or re-procure\nVendor: Northwind\nWho: Ana Souza');
  });

  it('sets display reminders at the default lead times: 30 and 7 days for notice dates, 7 and 1 for the rest', () => {
    const [notice, licence] = pair(calendarOf(sample(), { name: 'x', alarms: DEFAULT_CALENDAR_ALARMS, now }));
    expect(triggers(notice)).toEqual([{ action: 'DISPLAY', trigger: '-P30D' }, { action: 'DISPLAY', trigger: '-P7D' }]);
    expect(triggers(licence)).toEqual([{ action: 'DISPLAY', trigger: '-P7D' }, { action: 'DISPLAY', trigger: '-P1D' }]);
  });

  it('sets the reminders chosen, including one on the day and none at all', () => {
    const alarms = calendarAlarmsInput.parse({ notice: [90, 0, 60], other: [] });
    const [notice, licence] = pair(calendarOf(sample(), { name: 'x', alarms, now }));
    expect(triggers(notice).map((t) => t.trigger)).toEqual(['-P90D', '-P60D', 'PT0S']);
    expect(triggers(licence)).toEqual([]);
  });

  it('gives each event a UID equal across two exports and unique within one', () => {
    const first = events(calendarOf(sample(), { name: 'x', alarms: DEFAULT_CALENDAR_ALARMS, now }));
    const later = events(calendarOf([...sample()].reverse(), { name: 'x', alarms: DEFAULT_CALENDAR_ALARMS, now: new Date('2027-01-15T00:00:00Z') }));
    const uids = first.map((e) => e.uid);
    expect(uids).toEqual(['contract:c1:notice_due@handover-workbook', 'licence:l1:licence_expiry@handover-workbook']);
    expect(new Set(uids).size).toBe(uids.length);
    expect(later.map((e) => e.uid).sort()).toEqual([...uids].sort());
  });

  it('escapes commas, semicolons, backslashes, newlines and non-ASCII text so it reads back exactly', () => {
    const title = 'Notice; Müller & Søn, "Œuvre" \\ 日本語 — ✓';
    const detail = 'Line one, with comma;\nline two: registered post to Zürich';
    const e = events(calendarOf([deadline({ title, detail, vendorName: 'Ça, va; oui' })], { name: 'Ünïcode; cal', alarms: DEFAULT_CALENDAR_ALARMS, now }))[0]!;
    expect(e.summary).toBe(`${title} (Ça, va; oui)`);
    expect(e.description).toBe(`${detail}\nVendor: Ça, va; oui`);
  });

  it('folds every line at 75 octets without splitting a character', () => {
    const long = 'Überprüfung der Kündigungsfrist für den Rahmenvertrag — 日本語のテキスト '.repeat(6);
    const ics = calendarOf([deadline({ title: long, detail: long })], { name: 'x', alarms: DEFAULT_CALENDAR_ALARMS, now });
    const lines = ics.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(events(ics)[0]!.summary).toBe(`${long} (Northwind)`);
  });
});

describe('calendarAlarmsInput', () => {
  it.each([
    ['a negative lead', { notice: [-1], other: [] }, 'notice'],
    ['more than a year', { notice: [], other: [366] }, 'other'],
    ['a fraction of a day', { notice: [1.5], other: [] }, 'notice'],
    ['six reminders', { notice: [1, 2, 3, 4, 5, 6], other: [] }, 'notice'],
  ])('refuses %s, naming the group', (_what, input, field) => {
    const parsed = calendarAlarmsInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe(field);
  });
});
