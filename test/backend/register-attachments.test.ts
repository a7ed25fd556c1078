// Files attached to the owners issue 10 and 11 add: a notice served (the letter or e-mail), an
// access record (its evidence) and a data set (its deletion certificate). They attach, list,
// unlink and undo as a document's do, are logged against their owner, show in the report's
// listing of files, and a refused owner (unknown, deleted, or a record of another kind) is named
// by its field with nothing stored.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentDir } from '../../electron/core/store/blobs';
import { reportAttachments } from '../../electron/core/store/reportRows';
import { startWebServer } from '../../electron/web/server';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => {
  wb = makeWorkbook();
});
afterEach(() => wb.close());

const storedFiles = () => (existsSync(attachmentDir(wb.path)) ? readdirSync(attachmentDir(wb.path), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : []);

/** A vendor with one contract and a notice served on it, an access record and a data set. */
async function owners() {
  const vendor = await wb.call('vendor.create', { name: 'Acme', exitDate: '2026-09-30' });
  const contract = await wb.call('contract.create', { vendorId: vendor.id, title: 'Master agreement' });
  const notice = await wb.call('notice.create', { vendorId: vendor.id, contractId: contract.id, servedOn: '2026-03-02' });
  const access = await wb.call('access.create', { vendorId: vendor.id, name: 'Vendor admin on the ERP' });
  const dataset = await wb.call('dataset.create', { vendorId: vendor.id, name: 'Customer records' });
  return { vendor, contract, notice, access, dataset };
}

describe('attachments on notices, access records and data sets', () => {
  it('attach, list and unlink on each owner, logged with the owner named', async () => {
    const { notice, access, dataset } = await owners();
    const cases = [
      { owner: { noticeId: notice.id }, id: notice.id, file: 'notice-letter.pdf', named: 'notice served on 2026-03-02 (contract “Master agreement”)' },
      { owner: { accessId: access.id }, id: access.id, file: 'revocation.png', named: 'access record “Vendor admin on the ERP”' },
      { owner: { datasetId: dataset.id }, id: dataset.id, file: 'deletion-certificate.pdf', named: 'data set “Customer records”' },
    ];
    for (const c of cases) {
      const att = await wb.attach({ ...c.owner, fileName: c.file, content: `the ${c.file}` });
      expect((await wb.call('attachment.list', c.owner)).map((a) => a.fileName)).toEqual([c.file]);
      const [log] = await wb.call('activity.list', { recordId: c.id });
      expect(log).toMatchObject({ action: 'attach', summary: `Attached “${c.file}” to ${c.named}` });
      expect(await wb.call('attachment.remove', { ...c.owner, attachmentId: att.id })).toEqual({ removed: true });
      expect(await wb.call('attachment.list', c.owner)).toEqual([]);
      const [removal] = await wb.call('activity.list', { recordId: c.id });
      expect(removal).toMatchObject({ action: 'detach', summary: `Removed attachment “${c.file}” from ${c.named}` });
    }
    // Each file left the store with its last link.
    expect(storedFiles()).toEqual([]);
  });

  it('keeps one owner’s files apart from another’s, even under the same id field', async () => {
    const { vendor, dataset } = await owners();
    const other = await wb.call('dataset.create', { vendorId: vendor.id, name: 'Payroll' });
    await wb.attach({ datasetId: dataset.id, fileName: 'cert-customers.pdf', content: 'customers' });
    await wb.attach({ datasetId: other.id, fileName: 'cert-payroll.pdf', content: 'payroll' });
    expect((await wb.call('attachment.list', { datasetId: dataset.id })).map((a) => a.fileName)).toEqual(['cert-customers.pdf']);
    expect((await wb.call('attachment.list', { datasetId: other.id })).map((a) => a.fileName)).toEqual(['cert-payroll.pdf']);
  });

  it('refuses an unknown owner, an owner of another kind and two owners at once, naming the field, with nothing stored', async () => {
    const { access, dataset, notice } = await owners();
    const before = wb.counts();
    const unknown = '11111111-1111-4111-8111-111111111111';
    const issue = async (method: string, input: Record<string, unknown>) => (await wb.refuse(method, input)).issues?.[0];
    const add = (owner: Record<string, string>) => issue('attachment.remove', { ...owner, attachmentId: unknown });
    expect(await add({ noticeId: unknown })).toEqual({ field: 'noticeId', message: 'refers to a notice that does not exist or was deleted' });
    expect(await add({ accessId: unknown })).toEqual({ field: 'accessId', message: 'refers to an access record that does not exist or was deleted' });
    // A data set's id given as an access record's, and the other way round.
    expect(await add({ accessId: dataset.id })).toEqual({ field: 'accessId', message: 'refers to an access record that does not exist or was deleted' });
    expect(await add({ datasetId: access.id })).toEqual({ field: 'datasetId', message: 'refers to a data set that does not exist or was deleted' });
    expect(await add({ documentId: notice.id })).toMatchObject({ field: 'documentId' });
    // Exactly one owner.
    expect((await issue('attachment.list', { accessId: access.id, datasetId: dataset.id }))?.field).toBe('documentId');
    expect((await issue('attachment.list', {}))?.message).toBe('give exactly one of documentId, itemId, noticeId, accessId, datasetId');
    for (const owner of [{ datasetId: access.id }, { noticeId: dataset.id }, { accessId: unknown }]) {
      await expect(wb.attach({ ...owner, fileName: 'x.pdf', content: 'x' })).rejects.toThrow(Object.keys(owner)[0]);
    }
    expect(wb.counts()).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses attaching to a deleted owner; its files stay listed as a deleted document’s do, and come back with it', async () => {
    const { dataset } = await owners();
    await wb.attach({ datasetId: dataset.id, fileName: 'certificate.pdf', content: 'signed' });
    await wb.call('dataset.delete', { id: dataset.id });
    await expect(wb.attach({ datasetId: dataset.id, fileName: 'late.pdf', content: 'late' })).rejects.toThrow('datasetId: refers to a data set that does not exist or was deleted');
    expect(storedFiles()).toHaveLength(1);
    await wb.call('dataset.restore', { id: dataset.id });
    expect((await wb.call('attachment.list', { datasetId: dataset.id })).map((a) => a.fileName)).toEqual(['certificate.pdf']);
  });

  it('undo takes back attaching a deletion certificate and a redo links it again; removing a notice letter is undone likewise', async () => {
    const { dataset, notice } = await owners();
    await wb.attach({ datasetId: dataset.id, fileName: 'certificate.pdf', content: 'signed' });
    expect((await wb.call('history.state', {})).undo).toEqual({ summary: 'Attached “certificate.pdf” to data set “Customer records”', undoable: true });
    await wb.call('history.undo', {});
    expect(await wb.call('attachment.list', { datasetId: dataset.id })).toEqual([]);
    await wb.call('history.redo', {});
    expect((await wb.call('attachment.list', { datasetId: dataset.id })).map((a) => a.fileName)).toEqual(['certificate.pdf']);

    // The same bytes on the data set keep the file stored when it leaves the notice, so the removal can be undone.
    const letter = await wb.attach({ noticeId: notice.id, fileName: 'letter.pdf', content: 'signed' });
    await wb.call('attachment.remove', { noticeId: notice.id, attachmentId: letter.id });
    await wb.call('history.undo', {});
    expect((await wb.call('attachment.list', { noticeId: notice.id })).map((a) => a.fileName)).toEqual(['letter.pdf']);
  });

  it('lists the files of notices, access records and data sets in the report with their owner', async () => {
    const { vendor, notice, access, dataset } = await owners();
    await wb.attach({ noticeId: notice.id, fileName: 'b-letter.pdf', content: 'letter' });
    await wb.attach({ accessId: access.id, fileName: 'c-evidence.png', content: 'png' });
    await wb.attach({ datasetId: dataset.id, fileName: 'a-certificate.pdf', content: 'certificate' });
    const rows = [...reportAttachments(wb.backend.db, [vendor.id])].map((r) => [r[0], r[1]]);
    expect(rows).toEqual([
      ['a-certificate.pdf', 'Customer records'],
      ['b-letter.pdf', 'Notice served on 2026-03-02 (Master agreement)'],
      ['c-evidence.png', 'Vendor admin on the ERP'],
    ]);
    // Another vendor's report does not list them.
    const other = await wb.call('vendor.create', { name: 'Other' });
    expect([...reportAttachments(wb.backend.db, [other.id])]).toEqual([]);
  });
});

describe('the browser face’s upload route', () => {
  it('takes a deletion certificate for a data set and refuses an access record’s id as a data set', async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    const web = await startWebServer({ dispatch: wb.backend.dispatch, token: 'register-token-0123456789', staticDir, attachments: wb.backend.attachments });
    try {
      const { access, dataset } = await owners();
      const post = (query: string) => fetch(`http://127.0.0.1:${web.port}/attachments?${query}`, {
        method: 'POST', body: '%PDF-1.4 signed', headers: { authorization: 'Bearer register-token-0123456789', 'content-type': 'application/octet-stream' },
      });
      const ok = await post(`datasetId=${dataset.id}&name=certificate.pdf`);
      expect(ok.status).toBe(200);
      expect((await wb.call('attachment.list', { datasetId: dataset.id })).map((a) => [a.fileName, a.mediaType])).toEqual([['certificate.pdf', 'application/pdf']]);
      const refused = await post(`datasetId=${access.id}&name=certificate.pdf`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { issues: { field: string }[] } }).error.issues[0]!.field).toBe('datasetId');
    } finally {
      await web.close();
    }
  });
});
