// What killed processes leave behind is swept when the workbook opens: the partial file of an
// export (wherever its destination was), the attachment store's temporary files and stored files no
// attachment needs. Only once they are an hour old, and only files that are provably ours.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { exportPack } from '../../electron/core/pack/export';
import { partialPath, rememberExport } from '../../electron/core/pack/leftovers';
import { attachmentDir, blobPath, putBlob } from '../../electron/core/store/blobs';
import type { TestWorkbook } from '../backend/helpers';
import { makePackWorkbook, sha256 } from './helpers';

const HOUR = 3600_000;
const outside = mkdtempSync(join(tmpdir(), 'hw-leftovers-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

let wb: TestWorkbook;
let n = 50;
beforeEach(() => {
  wb = makePackWorkbook(++n);
});
afterEach(() => wb.close());

/** Opens the workbook again, as the app does at start (the sweep runs then), and closes it. */
function reopen(path: string): void {
  createBackend({ workbookPath: path, appVersion: '0.0.0-test' }).close();
}

function age(path: string, ms = 2 * HOUR): void {
  const t = new Date(Date.now() - ms);
  utimesSync(path, t, t);
}

const inFlight = (w: TestWorkbook) => w.backend.db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'export_in_flight:%'`).all() as { key: string; value: string }[];
const partials = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.partial')) : []);

async function withAttachment(w: TestWorkbook, content: Uint8Array<ArrayBuffer>, fileName = 'image.img') {
  const vendor = await w.call('vendor.create', { name: 'Leftover Ltd' });
  const doc = await w.call('document.create', { vendorId: vendor.id, title: 'Images', kind: 'other' });
  return { doc, att: await w.attach({ documentId: doc.id, fileName, content }) };
}

/** Starts an export in another process and kills it (SIGKILL) while it writes the partial file. */
async function killedExport(workbookPath: string, destination: string): Promise<void> {
  const child = spawn(process.execPath, [join(__dirname, 'export-then-freeze.mjs'), workbookPath, destination], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const exited = new Promise<void>((resolve) => { child.on('exit', () => resolve()); });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => { if (c.toString().includes('writing')) resolve(); });
    child.on('exit', (code) => reject(new Error(`the export ended (${code}) before it was killed: ${stderr}`)));
  });
  child.kill('SIGKILL');
  await exited;
}

describe('an export killed midway', () => {
  it('leaves its partial file and its record; the next open an hour later removes both, wherever the destination was', async () => {
    await withAttachment(wb, new Uint8Array(8 * 1024 * 1024).map((_, i) => i % 251));
    const destination = join(outside, 'killed', 'pack.zip');
    mkdirSync(dirname(destination), { recursive: true });
    const userFiles = ['pack.zip.partial', '.pack.zip.partial', '.pack.zip.0123456789ab.partial.keep', '.other.zip.0123456789ab.partial', 'notes.txt'];
    for (const f of userFiles) {
      writeFileSync(join(dirname(destination), f), 'the user\'s');
      age(join(dirname(destination), f));
    }
    await killedExport(wb.path, destination);
    const [left] = partials(dirname(destination)).filter((f) => /^\.pack\.zip\.[0-9a-f]{12}\.partial$/.test(f));
    expect(left).toBeDefined();
    expect(inFlight(wb)).toHaveLength(1);
    expect(JSON.parse(inFlight(wb)[0]!.value)).toMatchObject({ destination });

    // Opened again at once: the export might be running in another process still, so all is kept.
    reopen(wb.path);
    expect(existsSync(join(dirname(destination), left!))).toBe(true);
    expect(inFlight(wb)).toHaveLength(1);

    age(join(dirname(destination), left!));
    const record = inFlight(wb)[0]!;
    const value = JSON.parse(record.value) as { startedAt: string };
    wb.backend.db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify({ ...value, startedAt: new Date(Date.now() - 2 * HOUR).toISOString() }), record.key);
    reopen(wb.path);
    expect(existsSync(join(dirname(destination), left!))).toBe(false);
    expect(inFlight(wb)).toEqual([]);
    expect(existsSync(destination)).toBe(false);
    // Files that only look like ours are the user's.
    for (const f of userFiles) expect(existsSync(join(dirname(destination), f)), f).toBe(true);
  });

  it('is recorded while it runs and forgotten when it ends, done or failed', async () => {
    await withAttachment(wb, new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 13));
    const destination = join(outside, 'recorded.zip');
    const seen: { records: number; partials: number }[] = [];
    await exportPack({
      workbookPath: wb.path, destination, vendorIds: 'all', attachments: true, redact: false, appVersion: 'test', now: new Date(),
      onProgress: (p) => { if (p.bytesDone > 0 && seen.length === 0) seen.push({ records: inFlight(wb).length, partials: partials(outside).length }); },
    });
    expect(seen).toEqual([{ records: 1, partials: 1 }]);
    expect(inFlight(wb)).toEqual([]);
    const controller = new AbortController();
    await expect(exportPack({
      workbookPath: wb.path, destination: join(outside, 'cancelled.zip'), vendorIds: 'all', attachments: true, redact: false, appVersion: 'test', now: new Date(),
      signal: controller.signal, onProgress: (p) => { if (p.bytesDone > 0) controller.abort(); },
    })).rejects.toMatchObject({ name: 'AbortError' });
    expect(inFlight(wb)).toEqual([]);
    expect(partials(outside)).toEqual([]);
  });

  it('drops a record whose folder is gone, and one that names no partial file of ours', () => {
    const gone = join(outside, 'gone', 'x.zip');
    rememberExport(wb.path, undefined, 'aaaaaaaaaaaa', gone, new Date(Date.now() - 2 * HOUR));
    // A tampered record cannot make the sweep remove an arbitrary file.
    const victim = join(outside, 'precious.txt');
    writeFileSync(victim, 'keep me');
    age(victim);
    wb.backend.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('export_in_flight:bbbbbbbbbbbb', JSON.stringify({ destination: join(outside, '.precious.txt'), startedAt: '2020-01-01T00:00:00Z' }));
    wb.backend.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('export_in_flight:cccccccccccc', '{not json');
    reopen(wb.path);
    expect(inFlight(wb)).toEqual([]);
    expect(existsSync(victim)).toBe(true);
  });

  it('removes only regular files: a link named like a partial file is left alone', () => {
    const destination = join(outside, 'linked.zip');
    const target = join(outside, 'link-target.txt');
    writeFileSync(target, 'keep me');
    const link = partialPath(destination, 'dddddddddddd');
    symlinkSync(target, link);
    rememberExport(wb.path, undefined, 'dddddddddddd', destination, new Date(Date.now() - 2 * HOUR));
    reopen(wb.path);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(link)).toBe(true);
    rmSync(link);
  });
});

describe('the attachment store', () => {
  it('loses its temporary files an hour old; fresh ones and files not named like ours stay', async () => {
    const store = attachmentDir(wb.path);
    const { att } = await withAttachment(wb, new TextEncoder().encode('kept\n'));
    const sub = join(store, att.sha256.slice(0, 2));
    const old = join(sub, `.${att.sha256}.0123456789ab.tmp`);
    const fresh = join(sub, `.${att.sha256}.ba9876543210.tmp`);
    const foreign = [join(sub, 'notes.tmp'), join(sub, `.${att.sha256}.tmp`), join(store, `.${att.sha256}.0123456789ab.tmp`)];
    const misplaced = join(store, att.sha256.slice(0, 2) === 'ff' ? '00' : 'ff');
    mkdirSync(misplaced, { recursive: true });
    const wrongFolder = join(misplaced, `.${att.sha256}.0123456789ab.tmp`);
    for (const f of [old, fresh, ...foreign, wrongFolder]) writeFileSync(f, 'half a file');
    for (const f of [old, ...foreign, wrongFolder]) age(f);
    reopen(wb.path);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    for (const f of [...foreign, wrongFolder]) expect(existsSync(f), f).toBe(true);
    expect(existsSync(blobPath(store, att.sha256))).toBe(true);
  });

  it('loses files no attachment needs once an hour old; referenced, fresh and foreign files stay', async () => {
    const store = attachmentDir(wb.path);
    const { doc, att: kept } = await withAttachment(wb, new TextEncoder().encode('referenced\n'));
    const removed = await wb.attach({ documentId: doc.id, fileName: 'removed.txt', content: new TextEncoder().encode('removed, but the kill came first\n') });
    await wb.call('attachment.remove', { documentId: doc.id, attachmentId: removed.id });
    // The kill between the commit and the file's removal: the tombstone's file is still there.
    const orphanOfTombstone = blobPath(store, removed.sha256);
    writeFileSync(orphanOfTombstone, 'removed, but the kill came first\n');
    const stray = Buffer.from('written, then the process died before its row\n');
    const strayPath = blobPath(store, sha256(stray));
    mkdirSync(dirname(strayPath), { recursive: true });
    writeFileSync(strayPath, stray);
    const freshStray = Buffer.from('being attached right now by another process\n');
    const freshPath = putBlob(store, freshStray).sha;
    const foreign = [join(store, 'README.txt'), join(dirname(blobPath(store, kept.sha256)), 'scan.pdf')];
    for (const f of foreign) writeFileSync(f, 'the user\'s');
    const misplaced = join(store, 'zz', sha256('x'));
    mkdirSync(dirname(misplaced), { recursive: true });
    writeFileSync(misplaced, 'x');
    for (const f of [blobPath(store, kept.sha256), orphanOfTombstone, strayPath, ...foreign, misplaced]) age(f);
    reopen(wb.path);
    expect(existsSync(blobPath(store, kept.sha256))).toBe(true);
    expect(existsSync(orphanOfTombstone)).toBe(false);
    expect(existsSync(strayPath)).toBe(false);
    expect(existsSync(blobPath(store, freshPath))).toBe(true);
    for (const f of [...foreign, misplaced]) expect(existsSync(f), f).toBe(true);
    // Still the workbook it was: the attachment opens.
    expect((await wb.call('attachment.list', { documentId: doc.id })).map((a) => a.fileName)).toEqual(['image.img']);
  });

  it('keeps a stored file that is added again, however old it was', async () => {
    const store = attachmentDir(wb.path);
    const bytes = new TextEncoder().encode('an old file, attached once more\n');
    const { sha } = putBlob(store, bytes);
    age(blobPath(store, sha));
    // Another process adds it again: its row is not committed yet when this workbook opens.
    expect(putBlob(store, bytes).written).toBe(false);
    reopen(wb.path);
    expect(existsSync(blobPath(store, sha))).toBe(true);
  });
});
