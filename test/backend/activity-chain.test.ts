// The activity log's hash chain: every entry chained as it is written (undo and redo included), and
// `handover verify-log` naming the first broken link of a log changed with sqlite3 behind the app's
// back, after dropping the triggers that keep it append-only.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { GENESIS, chainEntries, checkChain, entryHash, verifyActivityChain } from '../../electron/core/store/activityChain';
import type { ChainReport } from '../../shared/activityChain';
import { createBackend } from '../../electron/core/backend';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };

beforeEach(async () => {
  out = [];
  err = [];
  wb = makeWorkbook();
  const v = await wb.call('vendor.create', { name: 'Acme Managed Services' });
  for (const name of ['Payroll', 'Backups', 'Patching', 'Monitoring']) await wb.call('process.create', { vendorId: v.id, name });
  await wb.call('vendor.update', { id: v.id, changes: { services: 'Payroll runs' } });
});
afterEach(() => wb.close());

/** The workbook's file changed as someone with the sqlite3 command would: triggers dropped first. */
function tamper(sql: string): void {
  wb.backend.close();
  const db = new Database(wb.path);
  db.exec('DROP TRIGGER activity_no_update; DROP TRIGGER activity_no_delete; DROP TRIGGER activity_hashed;');
  db.exec(sql);
  db.close();
}

async function verifyLog(): Promise<{ code: number; report: ChainReport; text: string }> {
  const code = await runCli(['verify-log', '--db', wb.path, '--json'], io);
  const report = JSON.parse(out.join('\n')) as ChainReport;
  out = [];
  const again = await runCli(['verify-log', '--db', wb.path], io);
  expect(again).toBe(code);
  return { code, report, text: [...out, ...err].join('\n') };
}

describe('the activity chain', () => {
  it('chains every entry to the one before, from the genesis hash', () => {
    const entries = [...chainEntries(wb.backend.db)];
    expect(entries).toHaveLength(6);
    expect(entries[0]!.prevHash).toBe(GENESIS);
    entries.forEach((e, i) => {
      if (i > 0) expect(e.prevHash).toBe(entries[i - 1]!.hash);
      expect(entryHash(e.prevHash!, e)).toBe(e.hash);
    });
    expect(verifyActivityChain(wb.backend.db)).toMatchObject({ intact: true, entries: 6, head: entries[5]!.hash, broken: null });
  });

  it('stays intact through undo and redo: they append entries, never rewrite them', async () => {
    const before = [...chainEntries(wb.backend.db)];
    await wb.call('history.undo', {});
    await wb.call('history.redo', {});
    await wb.call('history.undo', {});
    const after = [...chainEntries(wb.backend.db)];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 3);
    expect(verifyActivityChain(wb.backend.db)).toMatchObject({ intact: true, entries: before.length + 3 });
  });

  it('is reported intact by verify-log with the count, the first date and the head (exit 0)', async () => {
    const head = verifyActivityChain(wb.backend.db).head!;
    const since = [...chainEntries(wb.backend.db)][0]!.at;
    const { code, report, text } = await verifyLog();
    expect(code).toBe(0);
    expect(report).toMatchObject({ intact: true, entries: 6, since, head });
    expect(text).toBe(`history intact: 6 entries since 2026-03-01, head ${head}`);
  });

  it('names an entry whose text was edited', async () => {
    const at = [...chainEntries(wb.backend.db)][2]!.at;
    tamper(`UPDATE activity SET summary = 'Created process “Nothing to see”' WHERE seq = 3`);
    const { code, report, text } = await verifyLog();
    expect(code).toBe(1);
    expect(report.broken).toMatchObject({ seq: 3, what: 'edited', at });
    expect(text).toContain(`history broken: entry #3 (${at.slice(0, 19).replace('T', ' ')}, “Created process “Nothing to see””) was edited`);
  });

  it('names the place of a removed entry', async () => {
    tamper('DELETE FROM activity WHERE seq = 4');
    const { code, report, text } = await verifyLog();
    expect(code).toBe(1);
    expect(report.broken).toMatchObject({ seq: 5, what: 'removed' });
    expect(text).toMatch(/the entry before entry #5 .* was removed or replaced \(#4 gone\)/);
  });

  it('names two entries swapped', async () => {
    tamper('UPDATE activity SET seq = -1 WHERE seq = 3; UPDATE activity SET seq = 3 WHERE seq = 4; UPDATE activity SET seq = 4 WHERE seq = -1;');
    const { code, report, text } = await verifyLog();
    expect(code).toBe(1);
    expect(report.broken).toMatchObject({ seq: 3, what: 'reordered' });
    expect(text).toMatch(/entry #3 .*“Created process “Patching””\) is out of order/);
  });

  it('notices the newest entries removed, against the head the workbook keeps; not when that head is rewritten too', async () => {
    tamper('DELETE FROM activity WHERE seq >= 5');
    const { code, report } = await verifyLog();
    expect(code).toBe(1);
    expect(report.broken).toMatchObject({ seq: 4, what: 'truncated' });
    expect(report.broken!.message).toMatch(/ends at entry #4, but the workbook recorded entries up to #6: the newest 2 were removed/);
    // Whoever can run sqlite3 can also move the kept head back: then nothing in the workbook shows it.
    const db = new Database(wb.path);
    const last = db.prepare('SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1').get();
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'activity_head'`).run(JSON.stringify(last));
    db.close();
    expect((await verifyLog()).code).toBe(0);
  });

  it('still shows the newest entries removed after the app writes again: the next entry names the kept head', async () => {
    tamper('DELETE FROM activity WHERE seq >= 5');
    const backend = createBackend({ workbookPath: wb.path, appVersion: '0.0.0-test' });
    const r = await backend.dispatch('vendor.create', { name: 'Beta Hosting' });
    backend.close();
    expect(r.ok).toBe(true);
    const { code, report } = await verifyLog();
    expect(code).toBe(1);
    expect(report.broken).toMatchObject({ seq: 7, what: 'removed' });
    expect(report.broken!.message).toMatch(/\(#5–#6 gone\)/);
  });

  it('is checked for the screen again after each write, and sees any entry changed by another connection meanwhile', async () => {
    expect(await wb.call('activity.verifyChain', {})).toMatchObject({ intact: true, entries: 6 });
    await wb.call('process.create', { vendorId: (await wb.call('vendor.list', {})).rows[0]!.id, name: 'Backups, offsite' });
    expect(await wb.call('activity.verifyChain', {})).toMatchObject({ intact: true, entries: 7 });
    // Changed while the app holds the workbook open, through a connection of someone else's: an old entry.
    const other = new Database(wb.path);
    other.exec(`DROP TRIGGER activity_no_update; UPDATE activity SET summary = 'Nothing' WHERE seq = 2;`);
    expect(await wb.call('activity.verifyChain', {})).toMatchObject({ intact: false, broken: { seq: 2, what: 'edited' } });
    other.exec(`UPDATE activity SET summary = 'Created process “Payroll”' WHERE seq = 2;`);
    expect(await wb.call('activity.verifyChain', {})).toMatchObject({ intact: true, entries: 7 });
    other.exec('DROP TRIGGER activity_no_delete; DELETE FROM activity WHERE seq = 5;');
    other.close();
    expect(await wb.call('activity.verifyChain', {})).toMatchObject({ intact: false, broken: { seq: 6, what: 'removed' } });
  });

  it('checks a partial log (some vendors\' entries) entry by entry and where seqs follow', () => {
    const entries = [...chainEntries(wb.backend.db)];
    const some = [entries[0]!, entries[2]!, entries[3]!];
    expect(checkChain(some, { partial: true })).toMatchObject({ intact: true, entries: 3 });
    expect(checkChain(some).broken).toMatchObject({ seq: 3, what: 'removed' });
    expect(checkChain([entries[0]!, { ...entries[2]!, actor: 'someone else' }], { partial: true }).broken).toMatchObject({ seq: 3, what: 'edited' });
  });

  it('exits 2 without --db and 1 for a workbook from before the chain', async () => {
    expect(await runCli(['verify-log'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--db FILE is required/);
    wb.backend.close();
    const db = new Database(wb.path);
    db.pragma('user_version = 5');
    db.close();
    err = [];
    expect(await runCli(['verify-log', '--db', wb.path], io)).toBe(1);
    expect(err.join('\n')).toMatch(/schema 5, from before the activity log was chained/);
  });
});
