import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import type { FaceDialogs } from '../../electron/core/api/handlers';
import { createBackend } from '../../electron/core/backend';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
let opened: string[];
beforeEach(() => {
  opened = [];
  wb = makeWorkbook({ openFile: async (p) => { opened.push(p); } });
});
afterEach(() => wb.close());

const bytes = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function doc() {
  const v = await wb.call('vendor.create', { name: 'V' });
  return wb.call('document.create', { vendorId: v.id, title: 'Runbook' });
}

describe('attachments', () => {
  it('copies the file beside the workbook under its SHA-256, with no temporary file left', async () => {
    const d = await doc();
    const content = bytes('step 1: restart the batch\n');
    const att = await wb.attach({ documentId: d.id, fileName: 'runbook.txt', content });
    expect(att).toMatchObject({ sha256: sha(content), size: content.byteLength, fileName: 'runbook.txt', mediaType: 'text/plain' });
    const dir = attachmentDir(wb.path);
    expect(dir).toBe(join(wb.dir, 'test.attachments'));
    expect(allFiles(dir)).toEqual([blobPath(dir, sha(content))]);
    expect(readFileSync(blobPath(dir, sha(content)))).toEqual(Buffer.from(content));
    expect((await wb.call('attachment.list', { documentId: d.id })).map((a) => a.id)).toEqual([att.id]);
    const [log] = await wb.call('activity.list', { recordId: d.id });
    expect(log!.summary).toBe('Attached “runbook.txt” to document “Runbook”');
  });

  it('stores the same file once, however often and wherever it is added', async () => {
    const d1 = await doc();
    const d2 = await wb.call('document.create', { vendorId: d1.vendorId, title: 'Copy' });
    const content = bytes('same bytes');
    const a1 = await wb.attach({ documentId: d1.id, fileName: 'a.txt', content });
    const a2 = await wb.attach({ documentId: d1.id, fileName: 'a.txt', content });
    const a3 = await wb.attach({ documentId: d2.id, fileName: 'other-name.txt', content });
    expect(a2.id).toBe(a1.id);
    expect(a3.id).toBe(a1.id);
    expect(a3.fileName).toBe('other-name.txt');
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(1);
    expect(wb.counts().attachments).toBe(1);
    expect(wb.counts().attachment_links).toBe(2);
  });

  it('removes a link, and the file once no record uses it', async () => {
    const d1 = await doc();
    const d2 = await wb.call('document.create', { vendorId: d1.vendorId, title: 'Copy' });
    const content = bytes('shared');
    const a = await wb.attach({ documentId: d1.id, fileName: 'a.txt', content });
    await wb.attach({ documentId: d2.id, fileName: 'a.txt', content });
    expect(await wb.call('attachment.remove', { documentId: d1.id, attachmentId: a.id })).toEqual({ removed: true });
    expect(await wb.call('attachment.list', { documentId: d1.id })).toEqual([]);
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(1);
    await wb.call('attachment.remove', { documentId: d2.id, attachmentId: a.id });
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(0);
    expect(await wb.call('attachment.remove', { documentId: d2.id, attachmentId: a.id })).toEqual({ removed: false });
    // Adding it again brings the file back.
    await wb.attach({ documentId: d2.id, fileName: 'a.txt', content });
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(1);
  });

  it('opens a copy under the original name through the face\'s opener', async () => {
    const d = await doc();
    const a = await wb.attach({ documentId: d.id, fileName: 'plan.pdf', content: bytes('%PDF-1.4') });
    expect(await wb.call('attachment.open', { id: a.id })).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.endsWith('plan.pdf')).toBe(true);
    expect(opened[0]).not.toBe(blobPath(attachmentDir(wb.path), a.sha256));
  });

  it('says clearly when the stored file vanished', async () => {
    const d = await doc();
    const a = await wb.attach({ documentId: d.id, fileName: 'gone.txt', content: bytes('x') });
    rmSync(blobPath(attachmentDir(wb.path), a.sha256));
    const error = await wb.refuse('attachment.open', { id: a.id });
    expect(error.code).toBe('FILE_ERROR');
    expect(error.message).toContain('gone.txt');
  });

  it('refuses bad input and writes nothing', async () => {
    const d = await doc();
    const before = wb.counts();
    const file = join(wb.dir, 'a.txt');
    writeFileSync(file, 'x');
    expect((await wb.refuse('attachment.addFile', { documentId: d.id, path: file, fileName: '../../etc/passwd' })).issues?.[0]?.field).toBe('fileName');
    expect((await wb.refuse('attachment.addFile', { documentId: d.id, path: 42 })).issues?.[0]?.field).toBe('path');
    expect((await wb.refuse('attachment.addFile', { documentId: d.id, path: join(wb.dir, 'missing.txt') })).issues?.[0]?.field).toBe('path');
    expect((await wb.refuse('attachment.addFile', { documentId: '11111111-1111-4111-8111-111111111111', path: file })).issues?.[0]?.field).toBe('documentId');
    // Bytes inside a call are no longer a way in.
    expect((await wb.refuse('attachment.add', { documentId: d.id, fileName: 'a.txt', content: bytes('x') })).code).toBe('UNKNOWN_METHOD');
    expect((await wb.refuse('attachment.content', { id: '11111111-1111-4111-8111-111111111111' })).code).toBe('UNKNOWN_METHOD');
    expect(wb.counts()).toEqual(before);
    expect(allFiles(attachmentDir(wb.path))).toEqual([]);
  });
});

describe('attaching by path is only for faces that may name files', () => {
  it('takes the file streamed from its path, under its own name unless another is given', async () => {
    const d = await doc();
    const file = join(wb.dir, 'minutes 2026-02.txt');
    writeFileSync(file, 'we agreed');
    expect(await wb.call('attachment.addFile', { documentId: d.id, path: file })).toMatchObject({ fileName: 'minutes 2026-02.txt', size: 9, mediaType: 'text/plain' });
    const other = join(wb.dir, 'draft');
    writeFileSync(other, '# notes');
    expect(await wb.call('attachment.addFile', { documentId: d.id, path: other, fileName: 'notes.md' })).toMatchObject({ fileName: 'notes.md', mediaType: 'text/markdown' });
  });

  it('is refused FORBIDDEN where the page may not name files (the browser face), with nothing stored', async () => {
    const web = createBackend({ workbookPath: join(wb.dir, 'web.sqlite'), appVersion: '0.0.0-test', allowPackPaths: false });
    try {
      const v = await web.dispatch('vendor.create', { name: 'V' });
      const d = await web.dispatch('document.create', { vendorId: (v as { value: { id: string } }).value.id, title: 'D' });
      const file = join(wb.dir, 'secret.txt');
      writeFileSync(file, 'not for the page');
      const r = await web.dispatch('attachment.addFile', { documentId: (d as { value: { id: string } }).value.id, path: file });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(allFiles(attachmentDir(join(wb.dir, 'web.sqlite')))).toEqual([]);
    } finally {
      web.close();
    }
  });
});

describe('saving a copy of an attachment through the face\'s save dialog', () => {
  let picked: string | null;
  let asked: string[];
  let dlg: TestWorkbook;
  const dialogs: FaceDialogs = {
    openPack: async () => null,
    savePack: async () => null,
    openSheet: async () => null,
    saveTemplate: async () => null,
    printToPdf: async () => null,
    saveAttachment: async (name) => { asked.push(name); return picked; },
  };
  beforeEach(() => {
    asked = [];
    dlg = makeWorkbook({ dialogs });
  });
  afterEach(() => dlg.close());
  async function attached(content = 'the runbook\n') {
    const v = await dlg.call('vendor.create', { name: 'V' });
    const d = await dlg.call('document.create', { vendorId: v.id, title: 'D' });
    return dlg.attach({ documentId: d.id, fileName: 'runbook.txt', content });
  }

  it('offers the attachment\'s name and copies the stored file to the chosen path, replacing a file the dialog asked about', async () => {
    const a = await attached();
    const out = join(dlg.dir, 'out');
    mkdirSync(out);
    picked = join(out, 'copy.txt');
    writeFileSync(picked, 'older copy');
    expect(await dlg.call('attachment.saveAs', { id: a.id })).toEqual({ path: picked });
    expect(asked).toEqual(['runbook.txt']);
    expect(readFileSync(picked, 'utf8')).toBe('the runbook\n');
    // Only the copy: no temporary file beside it.
    expect(readdirSync(out)).toEqual(['copy.txt']);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const a = await attached();
    picked = null;
    expect(await dlg.call('attachment.saveAs', { id: a.id })).toEqual({ path: null });
  });

  it('never writes over the workbook or into its attachment folder', async () => {
    const a = await attached();
    const before = readFileSync(dlg.path);
    picked = dlg.path;
    expect((await dlg.refuse('attachment.saveAs', { id: a.id })).issues?.[0]?.field).toBe('path');
    picked = join(attachmentDir(dlg.path), 'x.txt');
    expect((await dlg.refuse('attachment.saveAs', { id: a.id })).message).toContain('attachment folder');
    expect(readFileSync(dlg.path)).toEqual(before);
  });

  it('is UNSUPPORTED on a face without a save dialog, and NOT_FOUND for an unknown id', async () => {
    const d = await doc();
    const a = await wb.attach({ documentId: d.id, fileName: 'a.txt', content: 'x' });
    expect((await wb.refuse('attachment.saveAs', { id: a.id })).code).toBe('UNSUPPORTED');
    expect((await dlg.refuse('attachment.saveAs', { id: '11111111-1111-4111-8111-111111111111' })).code).toBe('NOT_FOUND');
  });
});
