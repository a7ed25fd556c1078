// A large sheet's apply as a job (sheets.startApply, and the one-call sheets.apply that waits for
// it): it writes on a connection of its own and pauses between steps, so the backend answers reads
// meanwhile (seeing the workbook as it was), holds its writes until the commit, and a cancel before
// the commit leaves the workbook exactly as it was. Every cell still lands as the sheet says.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetJobStatus } from '../../shared/sheets';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/core/backend';
import { BACKGROUND_MIN_RECORDS } from '../../electron/core/sheets/apply-job';
import { BUSY_IMPORT_MESSAGE, takeImportLock } from '../../electron/core/store/importLock';
import { expectCountsMatchRecords } from '../backend/readinessInput';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

/** Rows 10,000 apart end in a part step; each row has words of its own to be found by. */
const N = 25_007;
const sheet = (n: number, from = 0) => `Process,Description,Priority\n${Array.from({ length: n }, (_, k) => {
  const i = from + k;
  return `Process ${i},Runs step ${i} as zq${i}x,${['High', 'low', 'P1', ''][i % 4]}`;
}).join('\n')}\n`;
const MAPPING = { columns: { Process: 'name', Description: 'description', Priority: 'criticality' } };
const input = (path: string) => ({ source: { path }, kind: 'processes' as const, vendor: 'Acme Outsourcing', mapping: MAPPING as never });

const tick = () => new Promise<void>((r) => setImmediate(r));
const status = (jobId: string) => wb.call('sheets.jobStatus', { jobId }) as Promise<SheetJobStatus>;
async function until(jobId: string, done: (s: SheetJobStatus) => boolean): Promise<SheetJobStatus> {
  for (;;) {
    const s = await status(jobId);
    if (done(s) || s.state !== 'running') return s;
    await tick();
  }
}
const processes = () => wb.backend.db.prepare('SELECT count(*) FROM processes').pluck().get() as number;
const imports = () => wb.backend.db.prepare("SELECT count(*) FROM activity WHERE action = 'import'").pluck().get() as number;

/** A dry run first: its plan is what the apply writes (and what makes it large enough to go on its own connection). */
async function planned(name: string, text: string) {
  const path = wb.file(name, text);
  const preview = await wb.call('sheets.preview', input(path));
  expect(preview).toMatchObject({ added: expect.any(Number), refusedRows: 0 });
  return input(path);
}

describe('a large sheet applied as a job', () => {
  it('answers reads while it writes (the workbook as it was), holds writes until its commit, and lands every row', async () => {
    expect(N).toBeGreaterThan(BACKGROUND_MIN_RECORDS);
    const run = await planned('big.csv', sheet(N));
    const events: number[] = [];
    const off = wb.backend.onChange((e) => events.push(e.seq));
    const { jobId } = await wb.call('sheets.startApply', run);
    const writing = await until(jobId, (s) => s.step === 'Indexing for search');
    expect(writing).toMatchObject({ kind: 'apply', state: 'running', step: 'Indexing for search' });
    // Mid-transaction: a read answers at once and sees none of the new rows yet.
    expect((await wb.call('process.list', { vendorId: wb.vendorId })).total).toBe(0);
    // A write waits for the commit instead of failing or landing inside the import.
    let renamed = false;
    const rename = wb.call('vendor.update', { id: wb.vendorId, changes: { notes: 'renamed during the import' } }).then(() => { renamed = true; });
    await tick();
    expect(renamed).toBe(false);
    const end = await until(jobId, () => false);
    await rename;
    off();
    expect(end).toMatchObject({ state: 'done', applied: { applied: true, added: N, updated: 0 } });
    expect(end.applied!.activityId).toEqual(expect.any(String));
    expect(processes()).toBe(N);
    expect(wb.backend.db.prepare('SELECT notes FROM vendors WHERE id = ?').pluck().get(wb.vendorId)).toBe('renamed during the import');
    expect(wb.backend.db.prepare("SELECT count(*) FROM processes WHERE criticality = 'critical'").pluck().get()).toBe(Math.ceil((N - 2) / 4));
    expectCountsMatchRecords(wb.backend.db);
    for (const i of [0, 9_999, 10_000, 20_000, N - 1]) expect((await wb.call('search.query', { q: `zq${i}x` })).map((h) => h.title)).toEqual([`Process ${i}`]);
    // The indexes and the count trigger set aside for the load are back.
    const schema = wb.backend.db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'processes' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(schema).toEqual(expect.arrayContaining(['processes_vendor', 'processes_readiness', 'readiness_process_counts_insert']));
    // Announced to the faces once each, in the order they landed: the import, then the edit that
    // waited for it; Undo takes back the edit first, then the whole import.
    expect(events).toHaveLength(2);
    expect((await wb.call('history.state', {})).undo?.summary).toContain('Updated vendor');
    await wb.call('history.undo', {});
    const { undo } = await wb.call('history.state', {});
    expect(undo?.summary).toContain(end.applied!.sha256);
    await wb.call('history.undo', {});
    expect(wb.backend.db.prepare('SELECT count(*) FROM processes WHERE deleted_at IS NULL').pluck().get()).toBe(0);
    expectCountsMatchRecords(wb.backend.db);
  });

  it('cancelled before its commit, leaves the workbook as it was: no row, no entry, no count, its indexes and trigger in place', async () => {
    const run = await planned('cancel.csv', sheet(N));
    const before = { activity: wb.backend.db.prepare('SELECT count(*) FROM activity').pluck().get(), search: wb.backend.db.prepare('SELECT count(*) FROM search_docs').pluck().get() };
    const { jobId } = await wb.call('sheets.startApply', run);
    await until(jobId, (s) => s.step === 'Indexing for search');
    expect(await wb.call('sheets.cancel', { jobId })).toEqual({ cancelled: true });
    const end = await until(jobId, () => false);
    expect(end).toMatchObject({ state: 'cancelled', applied: null });
    expect(processes()).toBe(0);
    expect(imports()).toBe(0);
    expect({ activity: wb.backend.db.prepare('SELECT count(*) FROM activity').pluck().get(), search: wb.backend.db.prepare('SELECT count(*) FROM search_docs').pluck().get() }).toEqual(before);
    expect(wb.backend.db.prepare('SELECT coalesce(sum(n), 0) FROM readiness_process_counts').pluck().get()).toBe(0);
    expect(wb.backend.db.prepare("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'processes' AND type IN ('index', 'trigger') AND sql IS NOT NULL").pluck().get()).toBe(7);
    // The workbook takes writes again, and the same sheet imports whole.
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Typed after the cancel' });
    expect(await wb.call('sheets.apply', run)).toMatchObject({ applied: true, added: N });
    expect(processes()).toBe(N + 1);
    expectCountsMatchRecords(wb.backend.db);
  });

  it('answers another process\'s writes BUSY at once while its records land, rather than letting them wait on SQLite\'s lock', async () => {
    const run = await planned('busy.csv', sheet(N));
    // Another face on the same workbook (the CLI, a second window): a backend of its own.
    const other = createBackend({ workbookPath: wb.path, appVersion: '0.0.0-test' });
    try {
      const { jobId } = await wb.call('sheets.startApply', run);
      await until(jobId, (s) => s.step === 'Indexing for search');
      const refused = await other.dispatch('vendor.create', { name: 'Typed elsewhere' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY', message: BUSY_IMPORT_MESSAGE } });
      expect(await until(jobId, () => false)).toMatchObject({ state: 'done', applied: { added: N } });
      expect(await other.dispatch('vendor.create', { name: 'Typed elsewhere' })).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
  });

  it('lands in its own workbook, and ends as done, when another workbook is opened while it writes', async () => {
    const run = await planned('switch.csv', sheet(N));
    const { jobId } = await wb.call('sheets.startApply', run);
    await until(jobId, (s) => s.step === 'Indexing for search');
    wb.backend.switchWorkbook(join(wb.dir, 'other.sqlite'));
    expect(await until(jobId, () => false)).toMatchObject({ state: 'done', applied: { applied: true, added: N, activityId: expect.any(String) } });
    expect(processes()).toBe(0);
    const first = new Database(wb.path, { readonly: true });
    try {
      expect(first.prepare('SELECT count(*) FROM processes').pluck().get()).toBe(N);
    } finally {
      first.close();
    }
  });

  it('plans again inside its transaction when the workbook changed since the dry run: a row typed in meanwhile is updated, not doubled', async () => {
    const run = await planned('stale.csv', sheet(3000));
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Process 7', description: 'typed by hand' });
    const { jobId } = await wb.call('sheets.startApply', run);
    const end = await until(jobId, () => false);
    expect(end).toMatchObject({ state: 'done', applied: { applied: true, added: 2999, updated: 1 } });
    expect(wb.backend.db.prepare("SELECT description FROM processes WHERE name = 'Process 7'").pluck().all()).toEqual(['Runs step 7 as zq7x']);
  });

  it('refuses, writing nothing, when the dry run was clean but the workbook changed so that a row is refused now', async () => {
    const run = await planned('refused.csv', sheet(3000));
    // Two records of the same name: the sheet's row for that name can no longer be matched to one.
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Process 5' });
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Process 5' });
    const { jobId } = await wb.call('sheets.startApply', run);
    const end = await until(jobId, () => false);
    expect(end.state).toBe('done');
    expect(end.applied).toMatchObject({ applied: false, activityId: null });
    expect(end.applied!.refused.length).toBeGreaterThan(0);
    expect(processes()).toBe(2);
    expect(imports()).toBe(0);
  });

  it('reads and plans a large sheet on its own connection too when no dry run kept a plan for it', async () => {
    const { jobId } = await wb.call('sheets.startApply', input(wb.file('unplanned.csv', sheet(N))));
    const checking = await until(jobId, (s) => s.step === 'Checking rows');
    expect(checking).toMatchObject({ state: 'running', step: 'Checking rows' });
    await until(jobId, (s) => s.step === 'Indexing for search');
    expect((await wb.call('process.list', { vendorId: wb.vendorId })).total).toBe(0);
    expect(await until(jobId, () => false)).toMatchObject({ state: 'done', applied: { applied: true, added: N } });
    expect(processes()).toBe(N);
    expectCountsMatchRecords(wb.backend.db);
  });

  it('writes a small sheet at once on the backend connection, through the same job', async () => {
    const run = await planned('small.csv', sheet(12));
    const { jobId } = await wb.call('sheets.startApply', run);
    const end = await until(jobId, () => false);
    expect(end).toMatchObject({ kind: 'apply', state: 'done', applied: { applied: true, added: 12 } });
    const { undo } = await wb.call('history.state', {});
    expect(undo?.summary).toContain(end.applied!.sha256);
  });

  it('answers a small sheet BUSY, writing nothing, while another process applies an import', async () => {
    const run = await planned('small-busy.csv', sheet(12));
    const other = takeImportLock(wb.path, '2026-12-01T10:00:00.000Z');
    try {
      other.setPhase('applying');
      const { jobId } = await wb.call('sheets.startApply', run);
      expect(await until(jobId, () => false)).toMatchObject({ state: 'failed', error: { code: 'BUSY', message: BUSY_IMPORT_MESSAGE } });
      expect(processes()).toBe(0);
    } finally {
      other.release();
    }
  });

  it('names the job it does not know', async () => {
    const e = await wb.refuse('sheets.jobStatus', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(e).toMatchObject({ code: 'NOT_FOUND', issues: [{ field: 'jobId' }] });
  });
});
