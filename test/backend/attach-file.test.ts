// Attaching a file by its path (the CLI's `handover attach`, the desktop's picked files): streamed
// into the store under its hash, and anything that is not a regular file refused by name, with
// nothing stored (issue: a FIFO was stored as an empty "Attached pipe.bin").
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { addAttachmentFromPath } from '../../electron/core/services/attachments';
import { attachmentDir, blobPath, sweepBlobs } from '../../electron/core/store/blobs';
import { importLockPath } from '../../electron/core/store/importLock';
import { makeWorkbook, type TestWorkbook } from './helpers';
import { mountSmallDisk } from './smallDisk';

/** A disk with room for a workbook but not for the file attached to it (null where none can be mounted). */
const smallDisk = mountSmallDisk(2048);
afterAll(() => smallDisk?.unmount());

let wb: TestWorkbook;
let docId: string;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
const ctx = () => ({ db: wb.backend.db, workbookPath: wb.path, clock: { now: () => new Date('2026-03-01T10:00:00Z') }, newId: () => crypto.randomUUID() });
const storeFiles = () => (existsSync(attachmentDir(wb.path)) ? readdirSync(attachmentDir(wb.path), { recursive: true }).map(String) : []);

beforeEach(async () => {
  wb = makeWorkbook();
  const v = await wb.call('vendor.create', { name: 'Acme' });
  docId = (await wb.call('document.create', { vendorId: v.id, title: 'Runbook' })).id;
  out = [];
  err = [];
});
afterEach(() => wb.close());

describe('attaching a file by path', () => {
  it('streams a regular file into the store under its SHA-256, once however often it is attached', async () => {
    const file = join(wb.dir, 'disk image.img');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 0);
    bytes.write('tail', bytes.length - 4);
    writeFileSync(file, bytes);
    const a = await addAttachmentFromPath(ctx(), { documentId: docId, path: file });
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(a).toMatchObject({ fileName: 'disk image.img', size: bytes.length, sha256: sha });
    expect(existsSync(blobPath(attachmentDir(wb.path), sha))).toBe(true);
    await addAttachmentFromPath(ctx(), { documentId: docId, path: file });
    expect(storeFiles().filter((f) => !f.includes('/') && !/^[0-9a-f]{2}$/.test(f))).toEqual([]);
    expect(await wb.call('attachment.list', { documentId: docId })).toHaveLength(1);
  });

  it('refuses a named pipe, a device and a folder by name, storing nothing', async () => {
    const pipe = join(wb.dir, 'pipe.bin');
    execFileSync('mkfifo', [pipe]);
    const before = wb.counts();
    await expect(addAttachmentFromPath(ctx(), { documentId: docId, path: pipe })).rejects.toThrow('path: pipe.bin is a named pipe, not a regular file; only files can be attached');
    await expect(addAttachmentFromPath(ctx(), { documentId: docId, path: '/dev/null' })).rejects.toThrow('null is a device, not a regular file');
    await expect(addAttachmentFromPath(ctx(), { documentId: docId, path: wb.dir })).rejects.toThrow('is a folder, not a regular file');
    await expect(addAttachmentFromPath(ctx(), { documentId: docId, path: join(wb.dir, 'gone.pdf') })).rejects.toThrow('gone.pdf does not exist');
    expect(wb.counts()).toEqual(before);
    expect(storeFiles()).toEqual([]);
  });

  it('leaves a temporary name the open-time sweep removes when a copy is killed midway', () => {
    const dir = attachmentDir(wb.path);
    mkdirSync(dir, { recursive: true });
    const left = join(dir, '.incoming.0123456789ab.tmp');
    writeFileSync(left, 'half a file');
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(left, hourAgo, hourAgo);
    expect(sweepBlobs(dir, () => true, Date.now() - 3600_000)).toEqual({ temps: 1, unreferenced: 0 });
    expect(existsSync(left)).toBe(false);
  });

  it('handover attach checks every file first and attaches none if one is not a regular file', async () => {
    const good = join(wb.dir, 'notes.txt');
    writeFileSync(good, 'evidence');
    const pipe = join(wb.dir, 'pipe.bin');
    execFileSync('mkfifo', [pipe]);
    const before = wb.counts();
    expect(await runCli(['attach', '--db', wb.path, '--document', docId, good, pipe], io)).toBe(1);
    expect(err.join('\n')).toMatch(/Nothing was attached:\n.*pipe\.bin is a named pipe, not a regular file/);
    expect(wb.counts()).toEqual(before);
    expect(await runCli(['attach', '--db', wb.path, '--document', docId, good], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Attached notes\.txt \(8 B/);
    expect(await runCli(['attach', '--db', wb.path, good], io)).toBe(2);
  });

  it('handover attach refuses a file name that is not well-formed Unicode, attaching nothing', async () => {
    // A Windows command line can carry a lone surrogate; Node writes it to the file system as
    // U+FFFD, so the file is found, but its name must not be stored as the attachment's.
    writeFileSync(join(wb.dir, 'scan \ufffd.pdf'), 'scanned');
    const typed = join(wb.dir, `scan ${String.fromCharCode(0xd800)}.pdf`);
    const before = wb.counts();
    expect(await runCli(['attach', '--db', wb.path, '--document', docId, typed], io)).toBe(1);
    expect(err.join('\n')).toMatch(/Nothing was attached:\n.*its name is not well-formed Unicode/);
    expect(wb.counts()).toEqual(before);
    expect(storeFiles()).toEqual([]);
  });

  it('handover attach answers BUSY at once while another process applies an import', async () => {
    const file = join(wb.dir, 'notes.txt');
    writeFileSync(file, 'evidence');
    writeFileSync(importLockPath(wb.path), JSON.stringify({ pid: process.pid, host: hostname(), phase: 'applying', startedAt: '2026-03-01T10:00:00Z' }));
    const before = wb.counts();
    try {
      expect(await runCli(['attach', '--db', wb.path, '--document', docId, file], io)).toBe(1);
      expect(err.join('\n')).toMatch(/^An import is being applied to this workbook; try again in a moment\. Nothing was changed\.$/);
      expect(wb.counts()).toEqual(before);
    } finally {
      rmSync(importLockPath(wb.path), { force: true });
    }
  });

  it.skipIf(smallDisk === null)('handover attach says the disk is full, and leaves no part of the file behind', async () => {
    const path = join(smallDisk!.dir, 'book.sqlite');
    const backend = createBackend({ workbookPath: path, appVersion: '0.0.0-test' });
    let document: string;
    try {
      const v = await backend.dispatch('vendor.create', { name: 'Acme' });
      const d = await backend.dispatch('document.create', { vendorId: (v as { value: { id: string } }).value.id, title: 'Runbook' });
      document = (d as { value: { id: string } }).value.id;
    } finally {
      backend.close();
    }
    const file = join(wb.dir, 'too big for the disk.img');
    writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, 1));
    expect(await runCli(['attach', '--db', path, '--document', document, file], io)).toBe(1);
    expect(err.join('\n')).toBe('The disk holding the workbook is full; nothing was changed. Free some space and try again.');
    expect(readdirSync(attachmentDir(path), { recursive: true })).toEqual([]);
  });

  // A file of /proc says it is empty and reads as more: like a file still being written, what was
  // read is not the file that was opened.
  it.skipIf(!existsSync('/proc/self/status'))('refuses a file that does not stay the same while it is copied, storing nothing', async () => {
    const proc = '/proc/self/status';
    const before = wb.counts();
    await expect(addAttachmentFromPath(ctx(), { documentId: docId, path: proc })).rejects.toThrow(/path: status changed while it was copied \(0 bytes when opened, \d+ read, 0 now\): is it still being written\? Nothing was attached/);
    expect(wb.counts()).toEqual(before);
    expect(storeFiles()).toEqual([]);
  });
});
