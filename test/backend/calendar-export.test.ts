// The calendar through the API: reminder settings kept and refused by field, the workbook's
// deadlines written as an .ics that ical.js reads back (all, one vendor's, one person's), never
// over an existing file unless the save dialog asked, and a download address on a face with no dialogs.
import ICAL from 'ical.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaceDialogs } from '../../electron/core/api/handlers';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

function vevents(path: string) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toString(), summary: e.summary, triggers: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))) };
  });
}

// The test clock starts on 2026-03-01: three months' notice on the tacit contract ending 2026-06-30 is due by 2026-03-30.
async function seed() {
  const ana = await wb.call('person.create', { name: 'Ana Souza', side: 'in_house' });
  const north = await wb.call('vendor.create', { name: 'Northwind', exitDate: '2026-12-31', status: 'exit_planned', ourContactId: ana.id });
  const other = await wb.call('vendor.create', { name: 'Contoso', exitDate: '2026-12-31', status: 'exit_planned' });
  await wb.call('contract.create', {
    vendorId: north.id, title: 'Managed services agreement', kind: 'master_agreement', initialEnd: '2026-06-30', renewal: 'tacit', renewalMonths: 12,
    noticeAmount: 3, noticeUnit: 'months', leadDays: 0,
  });
  await wb.call('licence.create', { vendorId: other.id, product: 'Jira', renewalDate: '2026-05-31' });
  return { ana, north, other };
}

describe('calendar reminder settings', () => {
  it('defaults to 30 and 7 days for notice dates, 7 and 1 for the rest, and keeps what is set, sorted', async () => {
    expect(await wb.call('calendar.settings.get', {})).toEqual({ notice: [30, 7], other: [7, 1] });
    await wb.call('calendar.settings.set', { notice: [14, 60], other: [0] });
    expect(await wb.call('calendar.settings.get', {})).toEqual({ notice: [60, 14], other: [0] });
    // Logged like the other settings, and like them not taken back by undo.
    expect((await wb.call('history.state', {})).undo).toMatchObject({ summary: expect.stringContaining('Calendar reminders set'), undoable: false });
  });

  it('refuses a lead time out of range, naming the field, and keeps the old one', async () => {
    await wb.call('calendar.settings.set', { notice: [10], other: [2] });
    const err = await wb.refuse('calendar.settings.set', { notice: [400], other: [] });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('notice');
    expect((await wb.refuse('calendar.settings.set', { notice: [], other: [1, 2, 3, 4, 5, 6] })).message).toContain('other');
    expect(await wb.call('calendar.settings.get', {})).toEqual({ notice: [10], other: [2] });
  });
});

describe('calendar.export', () => {
  it('writes every deadline within the days asked, with the reminders set', async () => {
    await seed();
    await wb.call('calendar.settings.set', { notice: [20], other: [3, 1] });
    const out = join(wb.dir, 'all.ics');
    const r = await wb.call('calendar.export', { destination: out });
    const events = vevents(out);
    expect(r).toMatchObject({ path: out, events: events.length, downloadPath: '' });
    const notice = events.find((e) => e.start === '2026-03-30');
    expect(notice?.summary).toBe('Notice due: Managed services agreement (Northwind)');
    expect(events.find((e) => e.start === '2026-06-30')?.summary).toBe('Term ends: Managed services agreement (Northwind)');
    expect(notice?.triggers).toEqual(['-P20D']);
    expect(events.find((e) => e.start === '2026-05-31')?.triggers).toEqual(['-P3D', '-P1D']);
    // Only what falls within the window: nothing is due in the next 10 days.
    await wb.call('calendar.export', { destination: join(wb.dir, 'soon.ics'), days: 10 });
    expect(vevents(join(wb.dir, 'soon.ics'))).toEqual([]);
  });

  it('writes one vendor\u2019s or one person\u2019s deadlines, with the same UIDs as the full calendar', async () => {
    const { ana, other } = await seed();
    await wb.call('calendar.export', { destination: join(wb.dir, 'all.ics') });
    await wb.call('calendar.export', { destination: join(wb.dir, 'contoso.ics'), vendorId: other.id });
    await wb.call('calendar.export', { destination: join(wb.dir, 'ana.ics'), personId: ana.id });
    const all = vevents(join(wb.dir, 'all.ics'));
    const contoso = vevents(join(wb.dir, 'contoso.ics'));
    const mine = vevents(join(wb.dir, 'ana.ics'));
    expect(contoso.map((e) => e.summary)).toEqual(['Licence renews or expires: Jira (Contoso)']);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.summary?.includes('Northwind'))).toBe(true);
    for (const e of [...contoso, ...mine]) expect(all.map((a) => a.uid)).toContain(e.uid);
  });

  it('holds access to close and infrastructure expiries, with the reminders set and UIDs that survive a moved exit date', async () => {
    const { ana } = await seed();
    const v = await wb.call('vendor.create', { name: 'Fabrikam', status: 'exit_planned', exitDate: '2026-04-10' });
    const access = await wb.call('access.create', { vendorId: v.id, name: 'Root on the web servers', kind: 'named_account', holderId: ana.id, plannedOffsetDays: 1 });
    const cert = await wb.call('infrastructure.create', { vendorId: v.id, name: 'www.fabrikam.example', kind: 'tls_certificate', expiresOn: '2026-05-20' });
    await wb.call('infrastructure.create', { vendorId: v.id, name: 'fabrikam.example', kind: 'domain', expiresOn: '2026-05-21', status: 'done' });
    await wb.call('calendar.settings.set', { notice: [20], other: [5, 0] });
    const first = join(wb.dir, 'first.ics');
    await wb.call('calendar.export', { destination: first, vendorId: v.id });
    expect(vevents(first)).toEqual([
      { uid: `access_due:${access.id}@handover-workbook`, start: '2026-04-11', summary: 'Revoke access: Root on the web servers (Fabrikam)', triggers: ['-P5D', 'PT0S'] },
      { uid: `infrastructure_expiry:${cert.id}@handover-workbook`, start: '2026-05-20', summary: 'TLS certificate expires: www.fabrikam.example (Fabrikam)', triggers: ['-P5D', 'PT0S'] },
    ]);
    // The access's holder is the person it concerns: it is in her calendar.
    const hers = join(wb.dir, 'ana.ics');
    await wb.call('calendar.export', { destination: hers, personId: ana.id });
    expect(vevents(hers).map((e) => e.uid)).toContain(`access_due:${access.id}@handover-workbook`);
    // A later exit date moves the same event rather than adding one.
    await wb.call('vendor.update', { id: v.id, changes: { exitDate: '2026-04-20' } });
    const second = join(wb.dir, 'second.ics');
    await wb.call('calendar.export', { destination: second, vendorId: v.id });
    expect(vevents(second).map((e) => [e.uid, e.start])).toEqual([
      [`access_due:${access.id}@handover-workbook`, '2026-04-21'], [`infrastructure_expiry:${cert.id}@handover-workbook`, '2026-05-20'],
    ]);
  });

  it('refuses an existing file and a destination not ending .ics, writing nothing', async () => {
    const existing = join(wb.dir, 'mine.ics');
    writeFileSync(existing, 'keep me');
    expect((await wb.refuse('calendar.export', { destination: existing })).message).toContain('destination');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    expect((await wb.refuse('calendar.export', { destination: join(wb.dir, 'cal.txt') })).message).toContain('destination');
    expect(existsSync(join(wb.dir, 'cal.txt'))).toBe(false);
    expect((await wb.refuse('calendar.export', { days: 0 })).message).toContain('days');
  });

  it('answers the download address on a face without dialogs', async () => {
    const { north } = await seed();
    const r = await wb.call('calendar.export', { vendorId: north.id, days: 90 });
    expect(r).toMatchObject({ path: '', fileName: 'handover-northwind.ics', events: 1 });
    expect(r.downloadPath).toBe(`/calendar.ics?days=90&vendorId=${north.id}`);
  });
});

describe('calendar.export on the desktop', () => {
  const dialogs = (picked: () => string | null, asked: string[]): FaceDialogs => ({
    openPack: async () => null, savePack: async () => null, saveAttachment: async () => null, openSheet: async () => null,
    saveTemplate: async () => null, printToPdf: async () => null,
    saveCalendar: async (name) => { asked.push(name); return picked(); },
  });

  it('asks where to save, names the file after the person, and replaces the file the dialog confirmed', async () => {
    const asked: string[] = [];
    let target = '';
    const desk = makeWorkbook({ dialogs: dialogs(() => target, asked) });
    try {
      const ana = await desk.call('person.create', { name: 'Ana Souza', side: 'in_house' });
      target = join(desk.dir, 'picked.ics');
      writeFileSync(target, 'old');
      const r = await desk.call('calendar.export', { personId: ana.id });
      expect(asked).toEqual(['handover-ana-souza.ics']);
      expect(r.path).toBe(target);
      expect(readFileSync(target, 'utf8')).toContain('BEGIN:VCALENDAR');
    } finally {
      desk.close();
    }
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const desk = makeWorkbook({ dialogs: dialogs(() => null, []) });
    try {
      expect(await desk.call('calendar.export', {})).toEqual({ fileName: '', path: '', downloadPath: '', events: 0 });
    } finally {
      desk.close();
    }
  });
});

describe('handover calendar', () => {
  const run = async (args: string[]) => {
    const { calendarCommand } = await import('../../electron/cli/commands/calendar');
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    return { code: calendarCommand(['--db', wb.path, ...args], io, () => new Date('2026-03-01T12:00:00')), lines };
  };
  const runCli = async (args: string[]) => {
    const { runCli: cli } = await import('../../electron/cli/main');
    const lines: string[] = [];
    return { code: await cli(['calendar', '--db', wb.path, ...args], { out: (s) => void lines.push(s), err: (s) => void lines.push(s) }), lines };
  };

  it('writes one vendor\u2019s deadlines (by name) with the workbook\u2019s reminders, read back by ical.js', async () => {
    await seed();
    await wb.call('calendar.settings.set', { notice: [45, 10], other: [2] });
    const out = join(wb.dir, 'north.ics');
    const r = await run(['--vendor', 'northwind', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`2 deadlines in the next 365 days written to ${out}`]);
    expect(vevents(out).map((e) => [e.start, e.triggers])).toEqual([['2026-03-30', ['-P45D', '-P10D']], ['2026-06-30', ['-P2D']]]);
  });

  it('writes one person\u2019s deadlines within --days', async () => {
    await seed();
    const out = join(wb.dir, 'ana.ics');
    expect((await run(['--person', 'Ana Souza', '--days', '40', '--out', out])).code).toBe(0);
    expect(vevents(out).map((e) => e.summary)).toEqual(['Notice due: Managed services agreement (Northwind)']);
  });

  it('refuses an --out not ending .ics and an existing file without --force (exit 2), and replaces it with --force', async () => {
    await seed();
    expect((await runCli(['--out', join(wb.dir, 'cal.txt')])).code).toBe(2);
    expect(existsSync(join(wb.dir, 'cal.txt'))).toBe(false);
    const existing = join(wb.dir, 'old.ics');
    writeFileSync(existing, 'keep me');
    const refused = await runCli(['--out', existing]);
    expect(refused.code).toBe(2);
    expect(refused.lines.join('\n')).toContain('--force');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    expect((await runCli(['--out', existing, '--force'])).code).toBe(0);
    // runCli reads the real clock: which deadlines fall within the year varies, the file's kind does not.
    expect(readFileSync(existing, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await runCli(['--out', join(wb.dir, 'x.ics'), '--days', 'soon'])).code).toBe(2);
    expect((await runCli(['--vendor', 'Nobody', '--out', join(wb.dir, 'y.ics')])).code).toBe(1);
    expect(existsSync(join(wb.dir, 'y.ics'))).toBe(false);
  });
});
