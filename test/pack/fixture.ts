// A small workbook with every kind of record, a tombstone, a checklist and attachments (text and
// already-compressed), made through the API as the app would. Shared by the pack tests.
import { deflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { TestWorkbook } from '../backend/helpers';

export interface Fixture {
  vendorA: string;
  vendorB: string;
  docA: string;
  processA: string;
  repoA: string;
  licenceA: string;
  personIn: string;
  itemIds: string[];
  attachments: { sha256: string; size: number }[];
}

const bytes = (s: string) => new TextEncoder().encode(s);

export async function fill(wb: TestWorkbook): Promise<Fixture> {
  const ours = await wb.call('person.create', { name: 'Ana Costa', role: 'Backup engineer', email: 'ana@ourcompany.example', side: 'in_house' });
  const vendorA = await wb.call('vendor.create', {
    name: 'Acme Managed Services', services: 'Payroll runs, backups', contractRef: '=HYPERLINK("http://evil")', contractEnd: '2026-12-31',
    noticeDays: 90, leadDays: 30, exitDate: '2026-11-30', status: 'exit_planned', ourContactId: ours.id,
  });
  const vendorB = await wb.call('vendor.create', { name: 'Beta Hosting', services: 'Hosting, "managed" DNS', exitDate: '2027-03-01' });
  const theirs = await wb.call('person.create', { name: 'Bob <script>alert(1)</script>', side: 'vendor', vendorId: vendorA.id, email: 'bob@acme.example' });
  await wb.call('vendor.update', { id: vendorA.id, changes: { vendorContactId: theirs.id } });
  const doc = await wb.call('document.create', { vendorId: vendorA.id, title: 'Payroll runbook', kind: 'runbook', status: 'published', location: 'https://wiki.internal.example/payroll', reviewedById: ours.id, reviewedOn: '2026-02-01' });
  await wb.call('document.create', { vendorId: vendorA.id, title: 'Network diagram', kind: 'architecture', status: 'missing' });
  const process = await wb.call('process.create', { vendorId: vendorA.id, name: 'Monthly payroll', criticality: 'critical', ownerId: theirs.id, runbookId: doc.id, ktStage: 'shadowing' });
  await wb.call('process.create', { vendorId: vendorA.id, name: 'Nightly backup | verify', criticality: 'high', successorId: ours.id, description: 'line one\nline two, with "quotes"' });
  const repo = await wb.call('repository.create', { vendorId: vendorA.id, name: 'payroll-scripts', url: 'https://git.internal.example/ops/payroll', host: 'git.internal.example', secretsLocation: 'vault://ops/payroll', adminId: ours.id, transferStatus: 'transferred' });
  const licence = await wb.call('licence.create', { vendorId: vendorA.id, product: 'PayCalc Pro', licensor: 'PayCalc', licensee: 'vendor', transferable: 'no', keyLocation: 'vault://licences/paycalc', annualCost: 12000.5, currency: 'EUR', seats: 25 });
  await wb.call('licence.create', { vendorId: vendorB.id, product: '+Backup Suite', licensor: '@vendor', transferable: 'yes' });
  await wb.call('repository.create', { vendorId: vendorB.id, name: 'dns-zones', url: 'https://git.beta.example/dns' });
  const gone = await wb.call('process.create', { vendorId: vendorA.id, name: 'Retired fax gateway' });
  await wb.call('process.delete', { id: gone.id });

  const templates = await wb.call('template.list', {});
  const checklist = await wb.call('checklist.start', { vendorId: vendorA.id, templateId: templates[0]!.id });
  const items = await wb.call('checklist.items', { checklistId: checklist.id, limit: 1000 });
  const itemIds = items.rows.map((i) => i.id);
  await wb.call('checklist.updateItem', { id: itemIds[0]!, changes: { status: 'done', ownerId: ours.id } });
  await wb.call('checklist.updateItem', { id: itemIds[1]!, changes: { status: 'blocked', blockedReason: 'Waiting for -the vendor' } });

  const text = bytes('Payroll runbook\n'.repeat(5000));
  // A "zip": already compressed, so the writer stores it.
  const zipLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), deflateRawSync(Buffer.from('x'.repeat(100000)))]);
  const att1 = await wb.attach({ documentId: doc.id, fileName: 'runbook.txt', content: text });
  const att2 = await wb.attach({ documentId: doc.id, fileName: 'export.zip', content: new Uint8Array(zipLike) });
  const att3 = await wb.attach({ itemId: itemIds[0]!, fileName: 'evidence.txt', content: bytes('signed\n') });
  const attachments = [att1, att2, att3].map((a) => ({ sha256: a.sha256, size: a.size }));
  for (const a of [[text, att1], [zipLike, att2]] as const) {
    if (createHash('sha256').update(a[0]).digest('hex') !== a[1].sha256) throw new Error('attachment hash');
  }
  return { vendorA: vendorA.id, vendorB: vendorB.id, docA: doc.id, processA: process.id, repoA: repo.id, licenceA: licence.id, personIn: ours.id, itemIds, attachments };
}
