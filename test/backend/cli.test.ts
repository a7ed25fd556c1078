import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { openWorkbook } from '../../electron/core/store/open';

let dir: string;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('handover CLI', () => {
  it('makes a demo workbook with three vendors and reports counts', async () => {
    const db = join(dir, 'demo.sqlite');
    expect(await runCli(['demo', '--db', db], io)).toBe(0);
    expect(out.join('\n')).toMatch(/3 vendors, 360 inventory records, 66 access, data and infrastructure entries, \d+ checklist items/);
    out = [];
    expect(await runCli(['stats', '--db', db, '--json'], io)).toBe(0);
    const stats = JSON.parse(out.join('\n'));
    expect(stats.totals).toMatchObject({ vendor: 3, process: 90, repository: 90, licence: 90, document: 90, access: 33, dataset: 12, infrastructure: 21 });
    expect(stats.perVendor).toHaveLength(3);
    expect(stats.perVendor[0].counts).toMatchObject({ access: 11, dataset: 4, infrastructure: 7 });
    out = [];
    expect(await runCli(['stats', '--db', db], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Processes\s+90/);
    expect(text).toMatch(/Access and credentials\s+33\n\s+Data sets\s+12\n\s+Infrastructure\s+21/);
    // The per-vendor table has a column per register, its counts under its head.
    const head = out.find((l) => l.trimStart().startsWith('Vendor '))!;
    expect(head.split(/\s+/).filter(Boolean)).toEqual(['Vendor', 'Proc.', 'Repos', 'Lic.', 'Docs', 'Access', 'Data', 'Infra']);
    const row = out.find((l) => l.includes('Northwind Managed Services'))!;
    expect(row.replace('Northwind Managed Services', '').split(/\s+/).filter(Boolean)).toEqual(['30', '30', '30', '30', '11', '4', '7']);
    expect(row.length).toBe(head.length);
  });

  it('spreads --records over more vendors', async () => {
    const db = join(dir, 'big.sqlite');
    expect(await runCli(['demo', '--db', db, '--records', '2500'], io)).toBe(0);
    out = [];
    await runCli(['stats', '--db', db, '--json'], io);
    const stats = JSON.parse(out.join('\n'));
    expect(stats.totals.vendor).toBe(3);
    expect(stats.totals.process + stats.totals.repository + stats.totals.licence + stats.totals.document).toBe(2500);
  });

  it('refuses to put the demo into a workbook that has vendors', async () => {
    const db = join(dir, 'demo.sqlite');
    await runCli(['demo', '--db', db], io);
    expect(await runCli(['demo', '--db', db], io)).toBe(1);
    expect(err.join('\n')).toMatch(/already has vendors/);
  });

  it('exits 2 on wrong usage with the usage on stderr', async () => {
    expect(await runCli([], io)).toBe(2);
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown command "frobnicate"/);
    err = [];
    expect(await runCli(['demo'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--db FILE is required/);
    expect(await runCli(['demo', '--db', join(dir, 'x.sqlite'), '--records', 'many'], io)).toBe(2);
    expect(await runCli(['stats', '--db', join(dir, 'x.sqlite'), '--bogus'], io)).toBe(2);
  });

  it('exits 1 with a clear message when the workbook is missing or not a workbook', async () => {
    expect(await runCli(['stats', '--db', join(dir, 'missing.sqlite')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/No workbook at/);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    err = [];
    expect(await runCli(['stats', '--db', junk], io)).toBe(1);
    expect(err.join('\n')).toMatch(/junk\.sqlite/);
  });

  it('runs as a real process through npm\'s entry point with the documented exit codes', () => {
    const bin = join(__dirname, '../../electron/cli/bin.mjs');
    const ok = spawnSync(process.execPath, [bin, 'demo', '--db', join(dir, 'p.sqlite')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const usage = spawnSync(process.execPath, [bin, 'stats'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--db FILE is required/);
  });
});

describe('handover readiness', () => {
  it('prints every vendor\'s score, one vendor\'s parts and flags, and JSON', async () => {
    const db = join(dir, 'demo.sqlite');
    await runCli(['demo', '--db', db], io);
    out = [];
    expect(await runCli(['readiness', '--db', db], io)).toBe(0);
    expect(out[0]).toMatch(/Vendor\s+Score\s+Flags/);
    expect(out).toHaveLength(4);
    out = [];
    expect(await runCli(['readiness', '--db', db, '--vendor', 'north'], io)).toBe(0);
    expect(out[0]).toMatch(/^Northwind Managed Services: readiness \d+\/100/);
    expect(out.join('\n')).toMatch(/Processes signed off/);
    out = [];
    expect(await runCli(['readiness', '--db', db, '--vendor', 'Northwind Managed Services', '--json'], io)).toBe(0);
    const r = JSON.parse(out.join('\n'));
    expect(r.parts).toHaveLength(8);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(r.flags)).toBe(true);
  });

  it('fails clearly for an unknown or ambiguous vendor', async () => {
    const db = join(dir, 'demo.sqlite');
    await runCli(['demo', '--db', db], io);
    expect(await runCli(['readiness', '--db', db, '--vendor', 'nobody'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/No vendor named or with id "nobody"/);
    expect(await runCli(['readiness'], io)).toBe(2);
  });
});

describe('handover deadlines', () => {
  it('lists what falls due on the demo, by date, for a vendor or a person, and as JSON', async () => {
    const db = join(dir, 'demo.sqlite');
    await runCli(['demo', '--db', db], io);
    out = [];
    expect(await runCli(['deadlines', '--db', db, '--json'], io)).toBe(0);
    const all = JSON.parse(out.join('\n')) as { date: string; kind: string; title: string; vendorName: string; personName: string | null }[];
    expect(all.map((d) => d.date)).toEqual(all.map((d) => d.date).sort());
    // The first vendor's statement of work ends 10 days before its exit (75 days on): its 60 days' notice falls due within 90 days.
    expect(all).toContainEqual(expect.objectContaining({ kind: 'notice_due', title: 'Notice due: Statement of work 3 – operations', vendorName: 'Northwind Managed Services' }));
    expect(all.some((d) => d.kind === 'item_due')).toBe(true);
    out = [];
    expect(await runCli(['deadlines', '--db', db, '--vendor', 'north', '--json'], io)).toBe(0);
    const north = JSON.parse(out.join('\n')) as typeof all;
    expect(north.length).toBeGreaterThan(0);
    expect(north.length).toBeLessThan(all.length);
    expect(new Set(north.map((d) => d.vendorName))).toEqual(new Set(['Northwind Managed Services']));
    const someone = all.find((d) => d.kind === 'item_due' && d.personName)!.personName!;
    out = [];
    expect(await runCli(['deadlines', '--db', db, '--person', someone, '--json'], io)).toBe(0);
    expect(new Set((JSON.parse(out.join('\n')) as typeof all).map((d) => d.personName))).toEqual(new Set([someone]));
    out = [];
    expect(await runCli(['deadlines', '--db', db, '--days', '3650'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^\d{4}-\d\d-\d\d .*Notice due: Statement of work 3 – operations/m);
  });

  it('says when nothing falls due, and refuses a bad window or an unknown person', async () => {
    const db = join(dir, 'demo.sqlite');
    await runCli(['demo', '--db', db], io);
    out = [];
    expect(await runCli(['deadlines', '--db', db, '--vendor', 'north', '--person', 'nobody'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--person no person "nobody"/);
    for (const days of ['0', '3651', 'ten', '1.5']) {
      err = [];
      expect(await runCli(['deadlines', '--db', db, '--days', days], io)).toBe(2);
      expect(err.join('\n')).toMatch(/--days .* must be a whole number of days from 1 to 3650/);
    }
    const fresh = join(dir, 'fresh.sqlite');
    openWorkbook(fresh).close();
    out = [];
    expect(await runCli(['deadlines', '--db', fresh, '--days', '30'], io)).toBe(0);
    expect(out).toEqual(['Nothing falls due in the next 30 days.']);
  });
});
