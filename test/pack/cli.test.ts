// handover export / verify / import: exit codes 0 (done, intact), 1 (failed, damaged, refused), 2 (usage).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { dbSnapshot, makePackWorkbook, treeSnapshot } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
let fx: Fixture;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };

beforeAll(async () => {
  a = makePackWorkbook(1);
  fx = await fill(a);
  b = makePackWorkbook(2);
});
afterAll(() => {
  a.close();
  b.close();
});
beforeEach(() => {
  out = [];
  err = [];
});

describe('handover export, verify, import', () => {
  it('exports by vendor name or id, verifies and imports', async () => {
    const pack = join(a.dir, 'cli.zip');
    expect(await runCli(['export', '--db', a.path, '--vendor', 'acme managed services', '--vendor', fx.vendorB, '--out', pack, '--redact'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Pack written: .*cli\.zip .*2 vendors, redacted/);
    out = [];
    expect(await runCli(['verify', pack], io)).toBe(0);
    expect(out.join('\n')).toMatch(/intact\. \d+ files/);
    out = [];
    expect(await runCli(['verify', pack, '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, problems: [], manifest: { redacted: true } });
    out = [];
    const before = dbSnapshot(b);
    expect(await runCli(['import', '--db', b.path, pack, '--dry-run'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Dry run: nothing was changed/);
    expect(dbSnapshot(b)).toEqual(before);
    out = [];
    expect(await runCli(['import', '--db', b.path, pack, '--json', '--theirs'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ conflicts: { theirs: 0, mine: 0 } });
    expect((b.backend.db.prepare('SELECT count(*) FROM vendors').pluck().get() as number)).toBe(2);
  });

  it('exits 1 for a damaged pack, naming the file, and leaves the workbook untouched', async () => {
    const pack = join(a.dir, 'all.zip');
    expect(await runCli(['export', '--db', a.path, '--all', '--out', pack, '--no-attachments'], io)).toBe(0);
    const bytes = readFileSync(pack);
    // Flip a byte inside the first entry's data (README.html, deflated).
    bytes[200] = bytes[200]! ^ 0xff;
    const damaged = join(a.dir, 'damaged.zip');
    writeFileSync(damaged, bytes);
    expect(await runCli(['verify', damaged], io)).toBe(1);
    expect(err.join('\n')).toMatch(/NOT intact.*\n\s+README\.html: /);
    err = [];
    const beforeDb = dbSnapshot(b);
    const beforeFiles = treeSnapshot(b.dir);
    expect(await runCli(['import', '--db', b.path, damaged], io)).toBe(1);
    expect(err.join('\n')).toMatch(/The pack was refused and nothing was changed\n\s+README\.html: /);
    expect(dbSnapshot(b)).toEqual(beforeDb);
    expect(treeSnapshot(b.dir)).toEqual(beforeFiles);
    err = [];
    writeFileSync(join(a.dir, 'junk.zip'), 'junk');
    expect(await runCli(['verify', join(a.dir, 'junk.zip')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/not a readable zip/);
  });

  it('exits 1 when the vendor is unknown, 2 for wrong usage', async () => {
    expect(await runCli(['export', '--db', a.path, '--vendor', 'Nobody', '--out', join(a.dir, 'n.zip')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/No vendor "Nobody"/);
    expect(await runCli(['export', '--db', a.path, '--out', join(a.dir, 'n.zip')], io)).toBe(2);
    expect(await runCli(['export', '--db', a.path, '--all', '--vendor', 'x', '--out', join(a.dir, 'n.zip')], io)).toBe(2);
    expect(await runCli(['export', '--db', a.path, '--all'], io)).toBe(2);
    expect(await runCli(['verify'], io)).toBe(2);
    expect(await runCli(['verify', 'a.zip', 'b.zip'], io)).toBe(2);
    expect(await runCli(['import', '--db', b.path, 'x.zip', '--theirs', '--mine'], io)).toBe(2);
    expect(await runCli(['import', 'x.zip'], io)).toBe(2);
    expect(await runCli(['verify', 'x.zip', '--bogus'], io)).toBe(2);
  });

  it('runs as a real process with the documented exit codes', () => {
    const bin = join(__dirname, '../../electron/cli/bin.mjs');
    const pack = join(a.dir, 'proc.zip');
    expect(spawnSync(process.execPath, [bin, 'export', '--db', a.path, '--all', '--out', pack], { encoding: 'utf8' }).status).toBe(0);
    expect(spawnSync(process.execPath, [bin, 'verify', pack], { encoding: 'utf8' }).status).toBe(0);
    writeFileSync(join(a.dir, 'text.zip'), 'not a zip');
    const bad = spawnSync(process.execPath, [bin, 'verify', join(a.dir, 'text.zip')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/NOT intact/);
    expect(spawnSync(process.execPath, [bin, 'verify'], { encoding: 'utf8' }).status).toBe(2);
  });
});
