// "database is locked" never reaches a person as an internal error: a write from another process
// is waited for, an import being applied answers BUSY at once with a clear message, two imports
// into one workbook never run together, and a full disk says so and changes nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownErrorBody } from '../../electron/core/services/errors';
import { importLockPath } from '../../electron/core/store/importLock';
import { exportThroughApi, makePackWorkbook } from '../pack/helpers';
import { fill } from '../pack/fixture';
import { makeWorkbook, type TestWorkbook } from './helpers';

/** Another process that takes the workbook's write lock, says "locked" and holds it for `ms`. */
function holdWriteLock(path: string, ms: number, lockFile?: { path: string; phase: string }): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const fs = require('node:fs');
    const db = new Database(${JSON.stringify(path)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value) VALUES ('held-by-child', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    ${lockFile ? `fs.writeFileSync(${JSON.stringify(lockFile.path)}, JSON.stringify({ pid: process.pid, host: require('node:os').hostname(), phase: ${JSON.stringify(lockFile.phase)}, startedAt: new Date().toISOString() }));` : ''}
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); ${lockFile ? `fs.rmSync(${JSON.stringify(lockFile.path)}, { force: true });` : ''} process.exit(0); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve(child); });
    child.on('error', reject);
    child.on('exit', (code) => { if (code !== 0) reject(new Error(`lock holder exited ${code}`)); });
  });
}
const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null ? r() : c.on('exit', () => r())));

let wb: TestWorkbook;
beforeAll(() => { wb = makeWorkbook(); });
afterAll(() => wb.close());

describe('a workbook another process is writing', () => {
  it('waits for a short write of another process and then succeeds', async () => {
    const child = await holdWriteLock(wb.path, 600);
    const r = await wb.backend.dispatch('vendor.create', { name: 'Waited for the lock' });
    expect(r).toMatchObject({ ok: true });
    await exited(child);
  });

  it('answers BUSY at once, with a clear message, while another process applies an import', async () => {
    const before = wb.counts();
    const child = await holdWriteLock(wb.path, 1500, { path: importLockPath(wb.path), phase: 'applying' });
    const r = await wb.backend.dispatch('vendor.create', { name: 'During the import' });
    expect(r).toEqual({ ok: false, error: { code: 'BUSY', message: expect.stringMatching(/^An import is being applied to this workbook; try again in a moment/) } });
    // Reads go on (WAL): the list answers while the import holds the write lock.
    expect(await wb.backend.dispatch('vendor.list', {})).toMatchObject({ ok: true });
    expect(wb.counts()).toEqual(before);
    await exited(child);
    expect(await wb.backend.dispatch('vendor.create', { name: 'After the import' })).toMatchObject({ ok: true });
  });

  it('says BUSY, not INTERNAL, when SQLite gives up waiting', () => {
    const e = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(knownErrorBody(e, { workbookPath: wb.path })).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/try again in a moment/) });
    expect(knownErrorBody(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))?.code).toBe('BUSY');
  });
});

describe('two imports into one workbook', () => {
  it('refuses the second while the first runs, and a lock left by a dead process does not block', async () => {
    const a = makePackWorkbook(1);
    const b = makePackWorkbook(2);
    try {
      await fill(a);
      const pack = await exportThroughApi(a, { all: true });
      // The first import is kept from applying (this backend's write gate is held), so it is
      // surely still running when the second starts, however fast its worker is.
      const releaseGate = await b.backend.packs.writeGate.hold();
      const first = await b.call('pack.startImport', { path: pack });
      expect(existsSync(importLockPath(b.path))).toBe(true);
      const busy = { code: 'BUSY', message: expect.stringMatching(/Another import into this workbook is running/) };
      expect(await b.refuse('pack.startImport', { path: pack })).toMatchObject(busy);
      expect(await b.refuse('pack.import', { path: pack })).toMatchObject(busy);
      releaseGate();
      expect(await b.backend.packs.settled(first.jobId, 'import')).toMatchObject({ state: 'done' });
      expect(existsSync(importLockPath(b.path))).toBe(false);

      // A killed import's lock (its process is gone) is taken over.
      writeFileSync(importLockPath(b.path), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), phase: 'applying', startedAt: '2026-01-01T00:00:00Z' }));
      expect(await b.backend.dispatch('vendor.create', { name: 'Not blocked by a dead lock' })).toMatchObject({ ok: true });
      expect(await b.backend.dispatch('pack.import', { path: pack })).toMatchObject({ ok: true });
    } finally {
      a.close();
      b.close();
    }
  });

  it('gives the lock back when an import is cancelled or fails, so the next one runs', async () => {
    const a = makePackWorkbook(1);
    const b = makePackWorkbook(2);
    try {
      await fill(a);
      const pack = await exportThroughApi(a, { all: true });
      const lock = importLockPath(b.path);
      // Cancelled while it waits to apply.
      const releaseGate = await b.backend.packs.writeGate.hold();
      const cancelled = await b.call('pack.startImport', { path: pack });
      expect(await b.call('pack.cancel', { jobId: cancelled.jobId })).toEqual({ cancelled: true });
      releaseGate();
      expect(await b.backend.packs.settled(cancelled.jobId, 'import')).toMatchObject({ state: 'cancelled' });
      expect(existsSync(lock)).toBe(false);
      // Failed: not a pack at all.
      const notAPack = join(b.dir, 'notes.zip');
      writeFileSync(notAPack, 'not a zip');
      const failed = await b.call('pack.startImport', { path: notAPack });
      expect(await b.backend.packs.settled(failed.jobId, 'import')).toMatchObject({ state: 'failed' });
      expect(existsSync(lock)).toBe(false);
      expect(await b.backend.dispatch('pack.import', { path: pack })).toMatchObject({ ok: true });
      expect(existsSync(lock)).toBe(false);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('the import lock', () => {
  it('ignores a lock left before the machine restarted, though its process number is in use again', async () => {
    const a = makePackWorkbook(1);
    const b = makePackWorkbook(2);
    try {
      await fill(a);
      const pack = await exportThroughApi(a, { all: true });
      // A power cut during an import: after the restart the lock's number belongs to a live process.
      const dayBeforeBoot = Date.now() - uptime() * 1000 - 86_400_000;
      writeFileSync(importLockPath(b.path), JSON.stringify({ pid: process.pid, host: hostname(), phase: 'applying', startedAt: '2026-01-01T00:00:00Z', bootedAt: dayBeforeBoot }));
      expect(await b.backend.dispatch('vendor.create', { name: 'Not blocked after a restart' })).toMatchObject({ ok: true });
      expect(await b.backend.dispatch('pack.import', { path: pack })).toMatchObject({ ok: true });
    } finally {
      a.close();
      b.close();
    }
  });

  it('is not taken over while another import has created it and not yet written it', async () => {
    const a = makePackWorkbook(1);
    const b = makePackWorkbook(2);
    try {
      await fill(a);
      const pack = await exportThroughApi(a, { all: true });
      const lock = importLockPath(b.path);
      writeFileSync(lock, '');
      expect(await b.backend.dispatch('pack.import', { path: pack })).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringMatching(/Another import into this workbook is running/) } });
      // One left empty long ago (its import died between the two steps) is stale.
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(lock, hourAgo, hourAgo);
      expect(await b.backend.dispatch('pack.import', { path: pack })).toMatchObject({ ok: true });
      expect(existsSync(lock)).toBe(false);
    } finally {
      a.close();
      b.close();
    }
  });
});

// Built at run time: the test's own source stays well-formed.
const HIGH = String.fromCharCode(0xd800);
const LOW = String.fromCharCode(0xdc00);

describe('text that is not well-formed Unicode', () => {
  it('is refused at validation, naming the field, and nothing is written', async () => {
    const before = wb.counts();
    const r = await wb.refuse('vendor.create', { name: `Acme ${HIGH} Ltd` });
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.issues).toEqual([{ field: 'name', message: expect.stringMatching(/not well-formed Unicode/) }]);
    const v = await wb.call('vendor.create', { name: 'Fine 😀' });
    const nested = await wb.refuse('vendor.update', { id: v.id, changes: { services: `x${LOW}` } });
    expect(nested.issues?.[0]?.field).toBe('changes.services');
    expect(wb.counts()).toEqual({ ...before, vendors: before.vendors! + 1, activity: before.activity! + 1, search_docs: before.search_docs! + 1, search_fts: before.search_fts! + 1 });
  });
});

describe('a full disk', () => {
  it('answers DISK_FULL with a message that says nothing was changed', async () => {
    const full = makeWorkbook();
    try {
      const { db } = full.backend;
      // SQLite answers SQLITE_FULL exactly as on a full disk once the file may not grow.
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      const before = full.counts();
      let answer: Awaited<ReturnType<typeof full.backend.dispatch>> | undefined;
      for (let i = 0; i < 500; i++) {
        answer = await full.backend.dispatch('vendor.create', { name: `Vendor ${i}`, services: 'x'.repeat(4000) });
        if (!answer.ok) break;
      }
      expect(answer).toEqual({ ok: false, error: { code: 'DISK_FULL', message: 'The disk holding the workbook is full; nothing was changed. Free some space and try again.' } });
      expect(full.counts().vendors).toBeGreaterThanOrEqual(before.vendors!);
      // The refused write left nothing half-done: every vendor has its activity entry.
      expect(full.counts().activity! - before.activity!).toBe(full.counts().vendors! - before.vendors!);
    } finally {
      full.close();
    }
  });

  it('maps ENOSPC from the file system the same way', () => {
    expect(knownErrorBody(Object.assign(new Error('no space'), { code: 'ENOSPC' }), { writingTo: '/mnt/usb' }))
      .toEqual({ code: 'DISK_FULL', message: 'The disk holding /mnt/usb is full; nothing was changed. Free some space and try again.' });
  });
});

