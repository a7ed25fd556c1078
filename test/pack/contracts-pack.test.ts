// Contracts and the notices served on them travel in packs (data/contracts.json,
// data/contract_notices.json and their sheets): they merge on import like every record kind, their
// references are checked, the kept figures and the search index follow them, older packs without
// them still verify and import, and a pack for a new provider leaves out their commercial terms
// and the notices without erasing the receiver's.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/core/pack/verify';
import { contractsByVendor } from '../../electron/core/store/contracts';
import type { TestWorkbook } from '../backend/helpers';
import { expectCountsMatchRecords } from '../backend/readinessInput';
import { dbSnapshot, exportThroughApi, makePackWorkbook, packFiles, withManifest, writeCraftedPack, type PackFile } from './helpers';

let a: TestWorkbook;
let vendorId: string;
let otherVendorId: string;
let msaId: string;
let sowId: string;
let noticeId: string;
let full: string;

const rows = (wb: TestWorkbook, table: string) => wb.backend.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

beforeAll(async () => {
  a = makePackWorkbook(51);
  const v = await a.call('vendor.create', { name: 'Acme Managed Services', exitDate: '2027-01-31', status: 'exit_planned' });
  vendorId = v.id;
  otherVendorId = (await a.call('vendor.create', { name: 'Beta Hosting' })).id;
  const ana = await a.call('person.create', { name: 'Ana Costa', side: 'in_house' });
  const letter = await a.call('document.create', { vendorId, title: 'Notice letter', kind: 'contract', status: 'published' });
  const msa = await a.call('contract.create', {
    vendorId, title: 'Managed services agreement', kind: 'master_agreement', reference: 'MSA-REF-7781', start: '2024-01-01', initialEnd: '2026-12-31',
    renewal: 'tacit', renewalMonths: 12, noticeAmount: 3, noticeUnit: 'months', noticeMethod: 'registered_post', noticeTo: 'Legal dept, Acme',
    leadDays: 30, assistanceMonths: 6, serviceCredits: 'yes', serviceCreditsRef: '§ 9', exitAssistance: 'yes', exitAssistanceRef: '§ 14.2',
    dataReturn: 'yes', notes: 'INTERNAL-NOTE contract',
  });
  msaId = msa.id;
  const sow = await a.call('contract.create', { vendorId, title: 'Statement of work 2', kind: 'statement_of_work', reference: 'SOW-2', initialEnd: '2026-06-30', renewal: 'tacit', noticeAmount: 60 });
  sowId = sow.id;
  const notice = await a.call('notice.create', {
    vendorId, contractId: sow.id, servedOn: '2026-02-15', servedById: ana.id, method: 'email', evidenceId: letter.id, acknowledgedOn: '2026-02-16', notes: 'sent by Ana',
  });
  noticeId = notice.id;
  // A tombstone travels too.
  const gone = await a.call('contract.create', { vendorId, title: 'Old order form', kind: 'order_form' });
  await a.call('contract.delete', { id: gone.id });
  full = await exportThroughApi(a, { all: true, destination: join(a.dir, 'full.zip') });
});

afterAll(() => a.close());

describe('a full pack', () => {
  it('holds the contracts and notices as data and sheets, counted in the manifest', async () => {
    const files = await packFiles(full);
    const get = (n: string) => files.find((f) => f.name === n)?.data.toString('utf8');
    const contracts = JSON.parse(get('data/contracts.json')!) as Record<string, unknown>[];
    expect(contracts.map((c) => c.title).sort()).toEqual(['Managed services agreement', 'Old order form', 'Statement of work 2']);
    expect(contracts.find((c) => c.id === msaId)).toMatchObject({ reference: 'MSA-REF-7781', initialEnd: '2026-12-31', noticeUnit: 'months', notes: 'INTERNAL-NOTE contract' });
    expect(JSON.parse(get('data/contract_notices.json')!)).toEqual([expect.objectContaining({ id: noticeId, contractId: sowId, servedOn: '2026-02-15' })]);
    const manifest = JSON.parse(get('manifest.json')!) as { counts: Record<string, number> };
    expect(manifest.counts).toMatchObject({ contracts: 3, contract_notices: 1 });
    // The notice's sheet names its contract and who served it.
    expect(get('data/contract_notices.csv')).toMatch(/contractId,contractName,servedOn/);
    expect(get('data/contract_notices.csv')).toContain('Statement of work 2');
    expect(get('data/contracts.csv')).toContain('MSA-REF-7781');
    expect((await verifyPack(full)).problems).toEqual([]);
  });

  it('imports into a fresh workbook with the same contracts and notices; the figures, deadlines and search follow; again it changes nothing', async () => {
    const b = makePackWorkbook(52);
    try {
      // Read once before: the kept contracts must not be served stale after the import.
      expect(contractsByVendor(b.backend.db).size).toBe(0);
      const first = await b.call('pack.import', { path: full });
      expect(first.added).toBeGreaterThan(0);
      expect(rows(b, 'contracts')).toEqual(rows(a, 'contracts'));
      expect(rows(b, 'contract_notices')).toEqual(rows(a, 'contract_notices'));
      expectCountsMatchRecords(b.backend.db);
      expect([...contractsByVendor(b.backend.db).get(vendorId)!].map((c) => c.id).sort()).toEqual([msaId, sowId].sort());
      const summary = (await b.call('vendor.summaries', {})).find((s) => s.vendor.id === vendorId)!;
      expect(summary.serveNoticeBy).toBe('2026-08-31');
      expect((await b.call('search.query', { q: 'MSA-REF' })).map((h) => h.id)).toEqual([msaId]);
      const before = dbSnapshot(b);
      const again = await b.call('pack.import', { path: full });
      expect(again).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      const after = dbSnapshot(b);
      for (const t of ['contracts', 'contract_notices', 'search_docs']) expect(after[t], t).toBe(before[t]);
    } finally {
      b.close();
    }
  });

  it('brings a change and a deletion to a workbook that had the contracts', async () => {
    const b = makePackWorkbook(53);
    try {
      await b.call('pack.import', { path: full });
      await a.call('contract.update', { id: sowId, changes: { reference: 'SOW-2-rev1' } });
      await a.call('notice.delete', { id: noticeId });
      const later = await exportThroughApi(a, { all: true, destination: join(a.dir, 'later.zip') });
      const result = await b.call('pack.import', { path: later });
      expect(result).toMatchObject({ updated: 1, deleted: 1 });
      expect((await b.call('contract.get', { id: sowId })).reference).toBe('SOW-2-rev1');
      expect((await b.call('notice.get', { id: noticeId })).deletedAt).not.toBeNull();
      expect(rows(b, 'contract_notices')).toEqual(rows(a, 'contract_notices'));
      expectCountsMatchRecords(b.backend.db);
    } finally {
      await a.call('contract.update', { id: sowId, changes: { reference: 'SOW-2' } });
      await a.call('notice.restore', { id: noticeId });
      b.close();
    }
  });
});

/** The pack's files with one data file's rows edited, and the manifest made to match. */
async function edited(path: string, table: string, edit: (rows: Record<string, unknown>[]) => void): Promise<PackFile[]> {
  const files = (await packFiles(path)).map((f) => {
    if (f.name !== `data/${table}.json`) return f;
    const list = JSON.parse(f.data.toString('utf8')) as Record<string, unknown>[];
    edit(list);
    return { name: f.name, data: Buffer.from(`[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`) };
  });
  return withManifest(files);
}

describe('references', () => {
  it('refuses a notice served on a contract of another vendor, or on a contract neither side has, and changes nothing', async () => {
    for (const [name, contractId, words] of [
      ['other-vendor', null, 'of another vendor'],
      ['no-contract', '00000000-0000-4000-8000-00000000dead', 'neither in the pack nor in this workbook'],
    ] as const) {
      const b = makePackWorkbook(54);
      try {
        const files = await edited(full, 'contract_notices', (list) => {
          list[0]!.contractId = contractId ?? list[0]!.contractId;
          if (!contractId) list[0]!.vendorId = otherVendorId;
        });
        const path = writeCraftedPack(b.dir, `${name}.zip`, files);
        const before = dbSnapshot(b);
        const err = await b.refuse('pack.import', { path });
        expect(err.message).toContain('data/contract_notices.json');
        expect(err.message).toContain(words);
        expect(dbSnapshot(b)).toEqual(before);
      } finally {
        b.close();
      }
    }
  });
});

it('an older pack, made before contracts travelled, verifies and imports', async () => {
  const files = withManifest((await packFiles(full)).filter((f) => !/^data\/contract(s|_notices)\./.test(f.name)), (m) => {
    const counts = m.counts as Record<string, number>;
    delete counts.contracts;
    delete counts.contract_notices;
  });
  const b = makePackWorkbook(55);
  try {
    const path = writeCraftedPack(b.dir, 'older.zip', files);
    expect((await verifyPack(path)).problems).toEqual([]);
    const result = await b.call('pack.import', { path });
    expect(result.added).toBeGreaterThan(0);
    expect((await b.call('vendor.get', { id: vendorId })).name).toBe('Acme Managed Services');
    expect(rows(b, 'contracts')).toEqual([]);
    // A pack that counts contracts but lacks their file is damaged, not older.
    const lacking = withManifest((await packFiles(full)).filter((f) => f.name !== 'data/contracts.json'));
    const damaged = writeCraftedPack(b.dir, 'lacking.zip', lacking);
    expect((await verifyPack(damaged)).problems).toContainEqual({ file: 'data/contracts.json', message: 'is missing from the pack (the manifest does not list it)' });
    // And one that holds them without counting them says so.
    const uncounted = withManifest(await packFiles(full), (m) => { delete (m.counts as Record<string, number>).contracts; });
    const odd = writeCraftedPack(b.dir, 'uncounted.zip', uncounted);
    expect((await verifyPack(odd)).problems).toContainEqual({ file: 'data/contracts.json', message: 'holds 3 records but the manifest counts none of contracts' });
  } finally {
    b.close();
  }
});

describe('a pack for a new provider', () => {
  const WITHHELD = ['reference', 'start', 'initialEnd', 'renewal', 'renewalMonths', 'optionsExercised', 'noticeAmount', 'noticeUnit', 'noticeMethod', 'noticeTo',
    'leadDays', 'assistanceMonths', 'serviceCredits', 'serviceCreditsRef', 'notes'];
  let path: string;
  beforeAll(async () => {
    path = await exportThroughApi(a, { all: true, profile: 'new-provider', destination: join(a.dir, 'np.zip') });
  });

  it('keeps the title, kind, whether the exit ends it and the operational clauses, and leaves out the terms and the notices', async () => {
    const files = await packFiles(path);
    const get = (n: string) => files.find((f) => f.name === n)!.data.toString('utf8');
    const msa = (JSON.parse(get('data/contracts.json')) as Record<string, unknown>[]).find((c) => c.id === msaId)!;
    expect(msa).toMatchObject({
      title: 'Managed services agreement', kind: 'master_agreement', endedByExit: 'yes', exitAssistance: 'yes', exitAssistanceRef: '§ 14.2', dataReturn: 'yes',
      reference: '', start: null, initialEnd: null, renewal: 'none', renewalMonths: null, noticeAmount: null, noticeUnit: 'days', noticeMethod: 'unknown',
      noticeTo: '', leadDays: null, assistanceMonths: null, serviceCredits: 'unknown', serviceCreditsRef: '', notes: '',
    });
    expect(JSON.parse(get('data/contract_notices.json'))).toEqual([]);
    const manifest = JSON.parse(get('manifest.json')) as { redactedFields: string[]; counts: Record<string, number> };
    for (const f of WITHHELD) expect(manifest.redactedFields).toContain(`contracts.${f}`);
    expect(manifest.counts.contract_notices).toBe(0);
    // The data, the sheets and the report; the activity log is left aside: its summaries are chained by hash as they were written.
    const text = files.filter((f) => f.name.startsWith('data/') || f.name === 'README.html' || f.name === 'report.md').map((f) => f.data.toString('utf8')).join('\n');
    for (const secret of ['MSA-REF-7781', 'SOW-2', '2026-12-31', '2026-02-15', 'Legal dept, Acme', 'INTERNAL-NOTE', 'sent by Ana']) expect(text, secret).not.toContain(secret);
    const readme = get('README.html');
    expect(readme).toContain('Managed services agreement');
    expect(readme).toContain('Left out whole: the notices served on the contracts.');
    expect((await verifyPack(path)).problems).toEqual([]);
  });

  it('imported where the contracts are, erases none of their terms nor the notices', async () => {
    const b = makePackWorkbook(56);
    try {
      await b.call('pack.import', { path: full });
      const before = { contracts: rows(b, 'contracts'), notices: rows(b, 'contract_notices') };
      const result = await b.call('pack.import', { path });
      expect(result).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      expect(rows(b, 'contracts')).toEqual(before.contracts);
      expect(rows(b, 'contract_notices')).toEqual(before.notices);
    } finally {
      b.close();
    }
  });
});
