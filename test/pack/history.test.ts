// Packs carry the activity log and its head (history/activity.json, manifest.history); verify checks
// the chain, README.html states it, and an import only appends to the receiver's own chain.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { verifyPack } from '../../electron/core/pack/verify';
import { verifyActivityChain } from '../../electron/core/store/activityChain';
import { createBackend } from '../../electron/core/backend';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { craftZip, exportThroughApi, makePackWorkbook, packFiles, toCraft, withManifest } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
let fx: Fixture;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };

beforeEach(async () => {
  a = makePackWorkbook(1);
  fx = await fill(a);
  b = makePackWorkbook(2);
  out = [];
  err = [];
});
afterEach(() => {
  a.close();
  b.close();
});

const fileText = async (pack: string, name: string) => (await packFiles(pack)).find((f) => f.name === name)?.data.toString('utf8');
const manifestOf = async (pack: string) => JSON.parse((await fileText(pack, 'manifest.json'))!) as { history?: unknown };

describe('the activity log in a pack', () => {
  it('carries the whole log and its head in a pack of every vendor; verify and README.html say it is intact', async () => {
    const chain = verifyActivityChain(a.backend.db);
    const pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'all.zip') });
    const m = await manifestOf(pack);
    expect(m.history).toEqual({ entries: chain.entries, partial: false, since: chain.since, head: { seq: chain.entries, hash: chain.head } });
    const lines = (await fileText(pack, 'history/activity.json'))!.trim().split('\n');
    expect(lines).toHaveLength(chain.entries + 2);
    // The changes travel as their hash only: they hold the values of the fields changed.
    const entries = lines.slice(1, -1).map((l) => JSON.parse(l.replace(/,$/, '')) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    expect(entries.filter((e) => /^[0-9a-f]{64}$/.test(String(e.changesSha256))).length).toBeGreaterThan(0);
    expect(entries.every((e) => !('changes' in e))).toBe(true);

    const report = await verifyPack(pack);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(report.history).toMatchObject({ intact: true, entries: chain.entries, head: chain.head });
    const readme = (await fileText(pack, 'README.html'))!;
    expect(readme).toContain(`History intact, ${chain.entries} entries since ${chain.since!.slice(0, 10)}`);

    expect(await runCli(['verify', pack], io)).toBe(0);
    expect(out.join('\n')).toContain(`history intact: ${chain.entries} entries since ${chain.since!.slice(0, 10)}, head ${chain.head}`);
  });

  it('carries the entries of the chosen vendors only, checked entry by entry', async () => {
    const pack = await exportThroughApi(a, { vendorIds: [fx.vendorB], destination: join(a.dir, 'b.zip') });
    const m = await manifestOf(pack);
    const ofB = (a.backend.db.prepare('SELECT count(*) FROM activity WHERE vendor_id = ?').pluck().get(fx.vendorB) as number);
    expect(m.history).toMatchObject({ entries: ofB, partial: true });
    const entries = (await fileText(pack, 'history/activity.json'))!.trim().split('\n').slice(1, -1).map((l) => JSON.parse(l.replace(/,$/, '')) as { vendorId: string });
    expect(entries.every((e) => e.vendorId === fx.vendorB)).toBe(true);
    expect((await verifyPack(pack)).history).toMatchObject({ intact: true, entries: ofB });
  });

  it('reports a log changed behind the app\'s back in the workbook that made the pack, at its entry', async () => {
    a.backend.close();
    const raw = new Database(a.path);
    raw.exec(`DROP TRIGGER activity_no_update; UPDATE activity SET summary = 'Nothing happened' WHERE seq = 4;`);
    raw.close();
    // Opened again by the app, as after someone changed the file.
    const backend = createBackend({ workbookPath: a.path, appVersion: '0.0.0-test' });
    const started = await backend.dispatch('pack.export', { all: true, destination: join(a.dir, 'tampered.zip') });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    const pack = (await backend.packs.settled(jobId, 'export')).result!.path;
    backend.close();
    const report = await verifyPack(pack);
    expect(report.ok).toBe(true);
    expect(report.history).toMatchObject({ intact: false, broken: { seq: 4, what: 'edited' } });
    expect((await fileText(pack, 'README.html'))!).toMatch(/History broken: entry #4 .*“Nothing happened”.* was edited/);
    expect(await runCli(['verify', pack], io)).toBe(1);
    expect(err.join('\n')).toMatch(/^history broken: entry #4/m);
  });

  it('refuses a pack whose log is not the one its manifest describes; reads packs made before the chain', async () => {
    const pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'all.zip') });
    const files = await packFiles(pack);
    const short = files.map((f) => (f.name === 'history/activity.json'
      ? { ...f, data: Buffer.from(f.data.toString('utf8').replace(/,\n[^\n]*\n\]\n$/, '\n]\n')) } : f));
    const cut = join(a.dir, 'cut.zip');
    writeFileSync(cut, craftZip(toCraft(withManifest(short))));
    const r = await verifyPack(cut);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({ file: 'history/activity.json', message: expect.stringMatching(/holds \d+ entries but the manifest says \d+/) });

    const older = join(a.dir, 'older.zip');
    writeFileSync(older, craftZip(toCraft(withManifest(files.filter((f) => f.name !== 'history/activity.json'), (m) => { delete m.history; }))));
    const o = await verifyPack(older);
    expect(o.ok, JSON.stringify(o.problems)).toBe(true);
    expect(o.history).toBeNull();
  });

  it('importing a pack appends to the receiver\'s chain, which stays intact', async () => {
    const pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'all.zip') });
    await b.call('pack.import', { path: pack });
    await b.call('pack.import', { path: pack });
    expect(verifyActivityChain(b.backend.db)).toMatchObject({ intact: true, entries: 2 });
  });
});
