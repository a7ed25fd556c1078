// Which contracts a deletion-certificate request cites as its basis: a contract recorded as having
// no deletion-certificate clause is never cited as promising one, whatever its clause field holds.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

it('cites the clauses of contracts that have one, never of one recorded as having none', async () => {
  const v = await wb.call('vendor.create', { name: 'Northwind' });
  await wb.call('contract.create', { vendorId: v.id, title: 'Master services', deletionCertificate: 'yes', deletionCertificateRef: '§ 12.3' });
  // Read and found missing; the note says where the contract speaks of deletion without a certificate.
  await wb.call('contract.create', { vendorId: v.id, title: 'Hosting schedule', deletionCertificate: 'no', deletionCertificateRef: '§ 4 (deletion, no certificate)' });
  await wb.call('dataset.create', { vendorId: v.id, name: 'Payroll' });
  const { html } = await wb.call('dataset.deletionLetter', { vendorId: v.id });
  expect(html).toContain('Under § 12.3 of the Master services, you are to certify');
  expect(html).not.toContain('Hosting schedule');

  // Only the contract without the clause: the letter asks without citing one.
  const w = await wb.call('vendor.create', { name: 'Contoso' });
  await wb.call('contract.create', { vendorId: w.id, title: 'Hosting schedule', deletionCertificate: 'no', deletionCertificateRef: '§ 4' });
  await wb.call('dataset.create', { vendorId: w.id, name: 'Tickets' });
  const letter = await wb.call('dataset.deletionLetter', { vendorId: w.id });
  expect(letter.html).not.toContain('§ 4');
  expect(letter.html).toContain('we ask you to certify to us that our data has been deleted');
});
