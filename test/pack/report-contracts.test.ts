// The pack report (README.html, report.md) reads a vendor's deadlines from its contracts, not from
// the vendor's own contract fields of before issue 11, lists every contract in the vendor's
// section, and follows the pack's profile: a person's pack carries no contract, and a pack that
// withholds contract terms shows no date worked out from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readinessFor, reportBlocks, type ReportInput } from '../../electron/core/pack/report';
import { renderMarkdown } from '../../electron/core/pack/report-md';
import type { TestWorkbook } from '../backend/helpers';
import { exportedReports, makePackWorkbook } from './helpers';

let wb: TestWorkbook;
let vendorId: string;
let personId: string;

beforeAll(async () => {
  wb = makePackWorkbook(41);
  // The vendor's own (legacy) contract fields say otherwise: the report must not read them.
  const v = await wb.call('vendor.create', {
    name: 'Acme Managed Services', contractRef: 'LEGACY-REF-0', contractEnd: '2030-01-31', noticeDays: 90, leadDays: 30, exitDate: '2027-01-31', status: 'exit_planned',
  });
  vendorId = v.id;
  await wb.call('contract.create', {
    vendorId, title: 'Managed services agreement', kind: 'master_agreement', reference: 'MSA-REF-7781', start: '2024-01-01', initialEnd: '2026-12-31',
    renewal: 'tacit', renewalMonths: 12, noticeAmount: 3, noticeUnit: 'months', leadDays: 30, exitAssistance: 'yes',
  });
  const sow = await wb.call('contract.create', {
    vendorId, title: 'Statement of work 2', kind: 'statement_of_work', reference: 'SOW-2', initialEnd: '2026-06-30', renewal: 'tacit', noticeAmount: 60,
  });
  await wb.call('notice.create', { vendorId, contractId: sow.id, servedOn: '2026-02-15' });
  await wb.call('contract.create', { vendorId, title: 'Mutual NDA', kind: 'nda', endedByExit: 'no' });
  const ana = await wb.call('person.create', { name: 'Ana Costa', side: 'in_house' });
  personId = ana.id;
  const templates = await wb.call('template.list', {});
  const checklist = await wb.call('checklist.start', { vendorId, templateId: templates[0]!.id });
  const items = await wb.call('checklist.items', { checklistId: checklist.id, limit: 5 });
  await wb.call('checklist.updateItem', { id: items.rows[0]!.id, changes: { ownerId: personId } });
});

afterAll(() => wb.close());

const readme = (name: string, input: Record<string, unknown>) => exportedReports(wb, vendorId, name, input);

describe('a full pack', () => {
  let html: string;
  let md: string;
  beforeAll(async () => {
    ({ html, md } = await readme('full', {}));
  });

  it('takes serve notice by and the contract end from the contracts', () => {
    // The master agreement needs notice: 3 months before 2026-12-31, less 30 days of lead time.
    expect(md).toContain('| Serve notice by | 2026-08-31 (Managed services agreement) |');
    // Key dates: contract end, then serve notice by.
    expect(md).toContain('| 2026-12-31 (Managed services agreement: in 305 days; renewal tacit) | 2026-08-31 (Managed services agreement: in 183 days) |');
    for (const legacy of ['LEGACY-REF-0', '2030-01-31', '2029-09-03']) {
      expect(html, legacy).not.toContain(legacy);
      expect(md, legacy).not.toContain(legacy);
    }
  });

  it('lists each contract: kind, reference, current term end, serve notice by, what happens if notice is not served, notice served on', () => {
    expect(md).toContain('Contracts (3)');
    const row = (title: string) => md.split('\n').find((l) => l.startsWith(`| ${title} (`)) ?? '';
    const msa = row('Managed services agreement');
    for (const part of ['Master agreement', 'MSA-REF-7781', '2026-12-31', '2026-08-31', 'reaches the vendor by 2026-09-30', 'renews until 2027-12-31', 'not yet']) {
      expect(msa, part).toContain(part);
    }
    const sow = row('Statement of work 2');
    for (const part of ['Statement of work', 'SOW-2', '2026-06-30', 'notice served: ends on 2026-06-30', '2026-02-15']) expect(sow, part).toContain(part);
    expect(sow).not.toContain('renews until');
    expect(row('Mutual NDA')).toMatch(/NDA · not ended by this exit.*runs until terminated/);
    // README.html says the same, in a table of its own.
    expect(html).toContain('Contracts (3)');
    expect(html).toContain('<th scope="col">If notice is not served</th>');
    expect(html).toContain('renews until 2027-12-31');
  });
});

it('a person’s pack carries no contract and no date worked out from one', async () => {
  const { html, md } = await readme('person', { profile: { person: personId } });
  for (const secret of ['Managed services agreement', 'MSA-REF-7781', 'Contracts (', '2026-08-31', 'renews until']) {
    expect(html, secret).not.toContain(secret);
    expect(md, secret).not.toContain(secret);
  }
});

it('withheld contract terms leave out every date worked out from them, and the flags that would tell them', () => {
  const withheld = new Set(['contracts.reference', 'contracts.initialEnd', 'contracts.renewal', 'contracts.noticeAmount', 'contracts.leadDays']);
  // Two weeks before the day to start serving notice on the master agreement: a red flag says so.
  const today = '2026-08-17';
  const input: ReportInput = {
    db: wb.backend.db, vendorIds: [vendorId], today, redact: false, attachmentsIncluded: false, createdAt: `${today}T09:00:00.000Z`,
    createdBy: 'test', workbookId: 'w', appVersion: '0', readiness: readinessFor(wb.backend.db, [vendorId], today, withheld), withheld,
  };
  const md = [...renderMarkdown(reportBlocks(input))].join('');
  expect(md).toContain('Managed services agreement');
  expect(md).toContain('Master agreement');
  for (const secret of ['MSA-REF-7781', 'SOW-2', '2026-12-31', '2026-08-31', '2026-09-30', 'renews until', 'Current term ends', 'Serve notice by']) {
    expect(md, secret).not.toContain(secret);
  }
  // Without the terms withheld, the same report states them.
  const open = [...renderMarkdown(reportBlocks({ ...input, withheld: undefined, readiness: new Map() }))].join('');
  expect(open).toContain('Managed services agreement: serve notice by 2026-08-31 (in 14 days');
  expect(open).toContain('Master agreement · MSA-REF-7781');
});
