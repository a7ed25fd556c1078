// The browser face's calendar download: behind the token, a text/calendar attachment of the
// deadlines asked for (the address calendar.export answers), bad query fields refused by name.
import ICAL from 'ical.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { makeWorkbook, type TestWorkbook } from './helpers';

const TOKEN = 'calendar-token-0123456789abcdef';
let wb: TestWorkbook;
let web: WebServer;
let base: string;
let staticDir: string;
let vendorId: string;

beforeAll(async () => {
  wb = makeWorkbook();
  staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  web = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, calendar: (input) => wb.backend.calendar(input) });
  base = `http://127.0.0.1:${web.port}`;
  vendorId = (await wb.call('vendor.create', { name: 'Northwind', exitDate: '2026-12-31' })).id;
  await wb.call('licence.create', { vendorId, product: 'Jira', renewalDate: '2026-05-31' });
});
afterAll(async () => {
  await web.close();
  wb.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('GET /calendar.ics', () => {
  it('downloads the address calendar.export answers, as text/calendar', async () => {
    const { downloadPath } = await wb.call('calendar.export', { vendorId, days: 120 });
    const res = await fetch(`${base}${downloadPath}&token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('handover-northwind.ics');
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual([['2026-05-31', 'Licence renews or expires: Jira (Northwind)']]);
  });

  it('refuses a missing token and a bad field by name', async () => {
    expect((await fetch(`${base}/calendar.ics?days=30`)).status).toBe(401);
    const bad = await fetch(`${base}/calendar.ics?days=soon&token=${TOKEN}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('days');
    const badVendor = await fetch(`${base}/calendar.ics?vendorId=x&token=${TOKEN}`);
    expect(badVendor.status).toBe(400);
    expect(await badVendor.text()).toContain('vendorId');
  });
});
