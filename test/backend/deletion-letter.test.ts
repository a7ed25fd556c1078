// The request for a deletion certificate (issue 10): what the letter lists and says, what it
// refuses, and its PDF on the desktop (logged as the request) and not on the browser face.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaceDialogs } from '../../electron/core/api/handlers';
import { defaultReplyBy } from '../../shared/deletion-letter';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
afterEach(() => wb.close());

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A vendor with contacts on both sides, a contract citing its deletion clause, and data sets in every state. */
async function seed() {
  const theirs = await wb.call('person.create', { name: 'Dana Vendorova', role: 'Delivery manager', email: 'dana@northwind.example', side: 'vendor' });
  const ours = await wb.call('person.create', { name: 'Olga Ours', role: 'IT lead', email: 'olga@us.example' });
  const v = await wb.call('vendor.create', { name: 'Northwind <Ops> & Co', exitDate: '2026-04-30', vendorContactId: theirs.id, ourContactId: ours.id });
  await wb.call('contract.create', { vendorId: v.id, title: 'Master services', reference: 'MSA-1', deletionCertificate: 'yes', deletionCertificateRef: '§ 12.3' });
  await wb.call('contract.create', { vendorId: v.id, title: 'Statement of work 2', deletionCertificateRef: '' });
  const open = await wb.call('dataset.create', {
    vendorId: v.id, name: `Payroll ${HOSTILE}`, system: 'SAP HR', location: 'Frankfurt DC2', region: 'Germany', personalData: 'special',
    volume: '40 million rows', subprocessors: 'Acme Backup GmbH\nCloudCo </td><script>x()</script>', lastBackupExpiresOn: '2026-07-31',
  });
  const certified = await wb.call('dataset.create', { vendorId: v.id, name: 'Old tickets', receivedOn: '2026-01-10', certificateReceivedOn: '2026-02-01' });
  await wb.call('dataset.create', { vendorId: v.id, name: 'Public price list', deletionRequired: 'no' });
  const gone = await wb.call('dataset.create', { vendorId: v.id, name: 'Deleted set' });
  await wb.call('dataset.delete', { id: gone.id });
  const other = await wb.call('vendor.create', { name: 'Other vendor' });
  await wb.call('dataset.create', { vendorId: other.id, name: 'Other vendor data' });
  return { v, other, open, certified };
}

const rowsOf = (html: string) => html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));

describe('the deletion certificate request', () => {
  it('lists the data sets in scope with what the vendor needs to find every copy, addressed and dated', async () => {
    wb = makeWorkbook();
    const { v } = await seed();
    expect(await wb.call('dataset.deletionScope', { vendorId: v.id })).toEqual({ uncertified: 1, certified: 1, defaultReplyBy: '2026-05-30' });
    const { title, html } = await wb.call('dataset.deletionLetter', { vendorId: v.id });
    expect(title).toBe('Deletion certificate request — Northwind <Ops> & Co');
    const rows = rowsOf(html);
    expect(rows.match(/<tr>/g)).toHaveLength(1);
    for (const s of ['SAP HR', 'Frankfurt DC2<br>Germany', 'Special categories', '40 million rows', 'Acme Backup GmbH<br>CloudCo', '2026-07-31']) expect(rows).toContain(s);
    // Certified already, not to be deleted, deleted, another vendor's: not asked for.
    for (const s of ['Old tickets', 'Public price list', 'Deleted set', 'Other vendor data']) expect(html).not.toContain(s);
    // From our point of contact to theirs, dated today, citing the clause, asking by T+30 for backups and sub-processors too.
    expect(html).toMatch(/<h2>From<\/h2><p><strong>Olga Ours<\/strong><br>IT lead<br>olga@us\.example/);
    expect(html).toMatch(/<h2>To<\/h2><p><strong>Northwind &lt;Ops&gt; &amp; Co<\/strong><br>For the attention of Dana Vendorova<br>Delivery manager/);
    expect(html).toContain('<p class="date">1 March 2026</p>');
    expect(html).toContain('Dear Dana Vendorova,');
    expect(html).toContain('<p class="ref">Our agreement: Master services (MSA-1)</p>');
    expect(html).toContain('Under § 12.3 of the Master services (MSA-1), you are to certify');
    expect(html).not.toContain('Statement of work 2');
    // The services are the vendor's, to us: the letter says so from the vendor's side.
    expect(html).toContain('Your services to us end on 30 April 2026.');
    expect(html).toMatch(/every copy in backups and archives, and every copy held by your sub-processors\. Then certify .* by 30 May 2026\./);
    // The certificate to sign: name, title, date, signature.
    expect(html).toContain('We, Northwind &lt;Ops&gt; &amp; Co, certify that every copy of the data set listed in the letter of 1 March 2026 has been permanently deleted');
    for (const f of ['Name', 'Title', 'Date', 'Signature']) expect(html).toContain(`<th scope="row">${f}</th>`);
    expect(html).toContain('return this certificate, signed, to Olga Ours (olga@us.example) by 30 May 2026.');
  });

  it('escapes every name: nothing the vendor or a data set is called becomes markup', async () => {
    wb = makeWorkbook();
    const { v } = await seed();
    const { html } = await wb.call('dataset.deletionLetter', { vendorId: v.id });
    expect(html).toContain('Payroll &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('CloudCo &lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // The running header names the vendor inside a CSS string: escaped for CSS.
    expect(html).toMatch(/@top-left \{ content: "Deletion certificate request \\2014 {2}Northwind \\3c Ops\\3e {2}\\26 {2}Co";/);
  });

  it('includes those certified already when asked, lists 50 on A4 with the header on every page and no row split', async () => {
    wb = makeWorkbook();
    const { v } = await seed();
    const all = await wb.call('dataset.deletionLetter', { vendorId: v.id, includeCertified: true, replyBy: '2026-04-15' });
    expect(rowsOf(all.html).match(/<tr>/g)).toHaveLength(2);
    expect(all.html).toContain('Old tickets</strong><span class="detail">Deletion certified on 2026-02-01: asked again</span>');
    expect(all.html).toContain('by 15 April 2026');
    for (let i = 0; i < 48; i++) await wb.call('dataset.create', { vendorId: v.id, name: `Set ${String(i).padStart(2, '0')}` });
    const { html } = await wb.call('dataset.deletionLetter', { vendorId: v.id });
    expect(rowsOf(html).match(/<tr>/g)).toHaveLength(49);
    expect(html).toContain('the 49 data sets listed below');
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).toMatch(/tr, \.parties, \.closing \{ break-inside: avoid; \}/);
    expect(html).toMatch(/\.certificate \{ break-inside: avoid; \}/);
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });

  it('a vendor with nothing in scope gets a clear refusal; so do a day gone, a bad day and an unknown vendor', async () => {
    wb = makeWorkbook();
    const { v, other, open } = await seed();
    const empty = await wb.call('vendor.create', { name: 'Empty Ltd' });
    const none = await wb.refuse('dataset.deletionLetter', { vendorId: empty.id });
    expect(none.code).toBe('CONFLICT');
    expect(none.message).toBe('No data set of Empty Ltd is to be deleted: add its data sets, or mark those it must delete as "Deletion required".');
    await wb.call('dataset.update', { id: open.id, changes: { receivedOn: '2026-02-01', certificateReceivedOn: '2026-02-20' } });
    const certified = await wb.refuse('dataset.deletionLetter', { vendorId: v.id });
    expect(certified.message).toBe('No data set of Northwind <Ops> & Co is waiting for a deletion certificate: all 2 to be deleted are certified already. Include those certified to ask again.');
    expect((await wb.call('dataset.deletionScope', { vendorId: v.id })).uncertified).toBe(0);
    const past = await wb.refuse('dataset.deletionLetter', { vendorId: other.id, replyBy: '2026-02-28' });
    expect(past).toMatchObject({ code: 'INVALID_INPUT', issues: [{ field: 'replyBy', message: 'must not be before today (2026-03-01)' }] });
    expect((await wb.refuse('dataset.deletionLetter', { vendorId: other.id, replyBy: '2026-02-30' })).issues?.[0]?.field).toBe('replyBy');
    expect((await wb.refuse('dataset.deletionLetter', { vendorId: other.id, includeCertified: 'yes' })).issues?.[0]?.field).toBe('includeCertified');
    const unknown = await wb.refuse('dataset.deletionLetter', { vendorId: '00000000-0000-4000-8000-999999999999' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', issues: [{ field: 'vendorId', message: 'is not a vendor' }] });
    // Another vendor, no contacts, no clause, no exit date: a letter to whom it may concern, from the workbook's user.
    await wb.call('settings.setUserName', { userName: 'Sam <Lead>' });
    const plain = (await wb.call('dataset.deletionLetter', { vendorId: other.id })).html;
    expect(plain).toContain('<h2>From</h2><p><strong>Sam &lt;Lead&gt;</strong></p>');
    expect(plain).toContain('Dear Sir or Madam,');
    expect(plain).toContain('As our work with you comes to an end, we ask you');
    expect(plain).toContain('by 31 March 2026');
  });

  it('asks by T+30, or thirty days from today when there is no exit date or T+30 is gone', () => {
    expect(defaultReplyBy('2026-04-30', '2026-03-01')).toBe('2026-05-30');
    expect(defaultReplyBy(null, '2026-03-01')).toBe('2026-03-31');
    expect(defaultReplyBy('2025-12-01', '2026-03-01')).toBe('2026-03-31');
  });

  it('the desktop prints it to PDF and logs the request once saved; the browser face uses the browser’s print', async () => {
    const printed: { html: string; name: string; running: { title: string; date: string } }[] = [];
    let answer: string | null = null;
    const dialogs: FaceDialogs = {
      openPack: async () => null, savePack: async () => null, saveAttachment: async () => null, openSheet: async () => null, saveTemplate: async () => null,
      printToPdf: async (html, name, check, running) => {
        printed.push({ html, name, running });
        return answer === null ? null : check(answer);
      },
    };
    wb = makeWorkbook({ dialogs });
    const v = await wb.call('vendor.create', { name: 'A/B Ltd' });
    await wb.call('dataset.create', { vendorId: v.id, name: 'CRM' });
    const requested = async () => (await wb.call('activity.list', { vendorId: v.id })).filter((e) => e.action === 'request');
    // Cancelled: nothing saved, nothing logged.
    expect(await wb.call('dataset.deletionLetterPdf', { vendorId: v.id })).toEqual({ path: null });
    expect(await requested()).toEqual([]);
    answer = `${wb.dir}/letter.pdf`;
    expect(await wb.call('dataset.deletionLetterPdf', { vendorId: v.id, replyBy: '2026-03-20' })).toEqual({ path: answer });
    expect(printed[1]!.name).toBe('Deletion certificate request — A-B Ltd.pdf');
    expect(printed[1]!.running).toEqual({ title: 'Deletion certificate request — A/B Ltd', date: '2026-03-01' });
    // The shell's printer draws the header and page numbers: the page draws none of its own.
    expect(printed[1]!.html).not.toMatch(/@top-left|counter\(page\)/);
    expect(printed[1]!.html).toContain('by 20 March 2026');
    const [entry] = await requested();
    expect(entry).toMatchObject({ kind: 'dataset', recordId: null, vendorId: v.id, summary: `Deletion certificate requested from “A/B Ltd” for 1 data set, reply by 2026-03-20 (letter saved as ${answer})` });
    // A destination that is no PDF (here the workbook itself) is refused, and nothing is logged.
    answer = wb.path;
    expect(await wb.refuse('dataset.deletionLetterPdf', { vendorId: v.id })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ field: 'path', message: 'must end in .pdf' }] });
    expect(await requested()).toHaveLength(1);
    wb.close();
    wb = makeWorkbook();
    const w = await wb.call('vendor.create', { name: 'W' });
    await wb.call('dataset.create', { vendorId: w.id, name: 'CRM' });
    expect((await wb.refuse('dataset.deletionLetterPdf', { vendorId: w.id })).code).toBe('UNSUPPORTED');
  });
});
