import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
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
    const att = await wb.call('attachment.add', { documentId: d.id, fileName: 'runbook.txt', mediaType: 'text/plain', content });
    expect(att).toMatchObject({ sha256: sha(content), size: content.byteLength, fileName: 'runbook.txt', mediaType: 'text/plain' });
    const dir = attachmentDir(wb.path);
    expect(dir).toBe(join(wb.dir, 'test.attachments'));
    expect(allFiles(dir)).toEqual([blobPath(dir, sha(content))]);
    expect(readFileSync(blobPath(dir, sha(content)))).toEqual(Buffer.from(content));
    expect((await wb.call('attachment.list', { documentId: d.id })).map((a) => a.id)).toEqual([att.id]);
    const back = await wb.call('attachment.content', { id: att.id });
    expect(Buffer.from(back.content)).toEqual(Buffer.from(content));
    const [log] = await wb.call('activity.list', { recordId: d.id });
    expect(log!.summary).toBe('Attached “runbook.txt” to document “Runbook”');
  });

  it('stores the same file once, however often and wherever it is added', async () => {
    const d1 = await doc();
    const d2 = await wb.call('document.create', { vendorId: d1.vendorId, title: 'Copy' });
    const content = bytes('same bytes');
    const a1 = await wb.call('attachment.add', { documentId: d1.id, fileName: 'a.txt', content });
    const a2 = await wb.call('attachment.add', { documentId: d1.id, fileName: 'a.txt', content });
    const a3 = await wb.call('attachment.add', { documentId: d2.id, fileName: 'other-name.txt', content });
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
    const a = await wb.call('attachment.add', { documentId: d1.id, fileName: 'a.txt', content });
    await wb.call('attachment.add', { documentId: d2.id, fileName: 'a.txt', content });
    expect(await wb.call('attachment.remove', { documentId: d1.id, attachmentId: a.id })).toEqual({ removed: true });
    expect(await wb.call('attachment.list', { documentId: d1.id })).toEqual([]);
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(1);
    await wb.call('attachment.remove', { documentId: d2.id, attachmentId: a.id });
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(0);
    expect(await wb.call('attachment.remove', { documentId: d2.id, attachmentId: a.id })).toEqual({ removed: false });
    // Adding it again brings the file back.
    await wb.call('attachment.add', { documentId: d2.id, fileName: 'a.txt', content });
    expect(allFiles(attachmentDir(wb.path))).toHaveLength(1);
  });

  it('opens a copy under the original name through the face\'s opener', async () => {
    const d = await doc();
    const a = await wb.call('attachment.add', { documentId: d.id, fileName: 'plan.pdf', content: bytes('%PDF-1.4') });
    expect(await wb.call('attachment.open', { id: a.id })).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.endsWith('plan.pdf')).toBe(true);
    expect(opened[0]).not.toBe(blobPath(attachmentDir(wb.path), a.sha256));
  });

  it('says clearly when the stored file vanished', async () => {
    const d = await doc();
    const a = await wb.call('attachment.add', { documentId: d.id, fileName: 'gone.txt', content: bytes('x') });
    rmSync(blobPath(attachmentDir(wb.path), a.sha256));
    const error = await wb.refuse('attachment.content', { id: a.id });
    expect(error.code).toBe('FILE_ERROR');
    expect(error.message).toContain('gone.txt');
  });

  it('refuses bad input and writes nothing', async () => {
    const d = await doc();
    const before = wb.counts();
    expect((await wb.refuse('attachment.add', { documentId: d.id, fileName: '../../etc/passwd', content: bytes('x') })).issues?.[0]?.field).toBe('fileName');
    expect((await wb.refuse('attachment.add', { documentId: d.id, fileName: 'a.txt', content: 'not bytes' })).issues?.[0]?.field).toBe('content');
    expect((await wb.refuse('attachment.add', { documentId: '11111111-1111-4111-8111-111111111111', fileName: 'a.txt', content: bytes('x') })).issues?.[0]?.field).toBe('documentId');
    expect(wb.counts()).toEqual(before);
    expect(allFiles(attachmentDir(wb.path))).toEqual([]);
  });
});
