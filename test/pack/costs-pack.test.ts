// Exit costs travel in packs (data/exit_costs.json and its sheet): they merge on import like every
// record kind, the search index follows them, older packs without them still verify and import,
// and the packs for a new provider or for one person's tasks carry none of them (what leaving
// costs is ours alone) without erasing the receiver's.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/core/pack/verify';
import type { TestWorkbook } from '../backend/helpers';
import { dbSnapshot, exportThroughApi, makePackWorkbook, packFiles, withManifest, writeCraftedPack } from './helpers';

let a: TestWorkbook;
let vendorId: string;
let otherVendorId: string;
let feeId: string;
let dualId: string;
let full: string;

const rows = (wb: TestWorkbook, table: string) => wb.backend.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
const totals = (wb: TestWorkbook, id: string) => wb.call('cost.totals', { vendorId: id });

beforeAll(async () => {
  a = makePackWorkbook(61);
  vendorId = (await a.call('vendor.create', { name: 'Acme Managed Services', exitDate: '2027-01-31', status: 'exit_planned' })).id;
  otherVendorId = (await a.call('vendor.create', { name: 'Beta Hosting' })).id;
  feeId = (await a.call('cost.create', { vendorId, description: 'Early termination fee', category: 'termination_fee', amount: '25000.50', currency: 'EUR', notes: 'INTERNAL-NOTE cost' })).id;
  dualId = (await a.call('cost.create', { vendorId, description: 'Dual running with Newco', category: 'dual_running', amount: '12000', months: 6, currency: 'EUR' })).id;
  await a.call('cost.create', { vendorId: otherVendorId, description: 'Re-bought monitoring licences', category: 'licences_rebought', amount: '980.10', currency: 'USD' });
  // A tombstone travels too.
  const gone = await a.call('cost.create', { vendorId, description: 'Abandoned migration quote', category: 'migration_work', amount: '1', currency: 'EUR' });
  await a.call('cost.delete', { id: gone.id });
  full = await exportThroughApi(a, { all: true, destination: join(a.dir, 'full.zip') });
});

afterAll(() => a.close());

describe('a full pack', () => {
  it('holds the costs as data and a sheet, counted in the manifest', async () => {
    const files = await packFiles(full);
    const get = (n: string) => files.find((f) => f.name === n)?.data.toString('utf8');
    const costs = JSON.parse(get('data/exit_costs.json')!) as Record<string, unknown>[];
    expect(costs).toHaveLength(4);
    expect(costs.find((c) => c.id === dualId)).toMatchObject({ vendorId, category: 'dual_running', amount: '12000', months: 6, currency: 'EUR' });
    expect((JSON.parse(get('manifest.json')!) as { counts: Record<string, number> }).counts.exit_costs).toBe(4);
    // The sheet holds the live costs only.
    const csv = get('data/exit_costs.csv')!;
    expect(csv).toContain('Early termination fee');
    expect(csv).not.toContain('Abandoned migration quote');
    expect((await verifyPack(full)).problems).toEqual([]);
  });

  it('imports into a fresh workbook with the same costs and totals; search follows; again it changes nothing', async () => {
    const b = makePackWorkbook(62);
    try {
      const first = await b.call('pack.import', { path: full });
      expect(first.added).toBeGreaterThan(0);
      expect(rows(b, 'exit_costs')).toEqual(rows(a, 'exit_costs'));
      expect(await totals(b, vendorId)).toEqual(await totals(a, vendorId));
      expect(await totals(b, vendorId)).toEqual([{ currency: 'EUR', oneOff: '25000.50', recurring: '72000.00', total: '97000.50', count: 2 }]);
      expect(await totals(b, otherVendorId)).toEqual(await totals(a, otherVendorId));
      expect((await b.call('search.query', { q: 'termination fee' })).map((h) => h.id)).toContain(feeId);
      const before = dbSnapshot(b);
      const again = await b.call('pack.import', { path: full });
      expect(again).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      const after = dbSnapshot(b);
      for (const t of ['exit_costs', 'search_docs']) expect(after[t], t).toBe(before[t]);
    } finally {
      b.close();
    }
  });

  it('brings a change and a deletion to a workbook that had the costs', async () => {
    const b = makePackWorkbook(63);
    try {
      await b.call('pack.import', { path: full });
      await a.call('cost.update', { id: dualId, changes: { months: 9 } });
      await a.call('cost.delete', { id: feeId });
      const later = await exportThroughApi(a, { all: true, destination: join(a.dir, 'later.zip') });
      const result = await b.call('pack.import', { path: later });
      expect(result).toMatchObject({ updated: 1, deleted: 1 });
      expect((await b.call('cost.get', { id: dualId })).months).toBe(9);
      expect((await b.call('cost.get', { id: feeId })).deletedAt).not.toBeNull();
      expect(rows(b, 'exit_costs')).toEqual(rows(a, 'exit_costs'));
      expect(await totals(b, vendorId)).toEqual([{ currency: 'EUR', oneOff: '0.00', recurring: '108000.00', total: '108000.00', count: 1 }]);
    } finally {
      await a.call('cost.update', { id: dualId, changes: { months: 6 } });
      await a.call('cost.restore', { id: feeId });
      b.close();
    }
  });
});

it('refuses a cost whose vendor is neither in the pack nor in the workbook, and changes nothing', async () => {
  const files = withManifest((await packFiles(full)).map((f) => {
    if (f.name !== 'data/exit_costs.json') return f;
    const list = JSON.parse(f.data.toString('utf8')) as Record<string, unknown>[];
    list[0]!.vendorId = '00000000-0000-4000-8000-00000000dead';
    return { name: f.name, data: Buffer.from(`[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`) };
  }));
  const b = makePackWorkbook(64);
  try {
    const path = writeCraftedPack(b.dir, 'no-vendor.zip', files);
    const before = dbSnapshot(b);
    const err = await b.refuse('pack.import', { path });
    expect(err.message).toContain('data/exit_costs.json');
    expect(err.message).toContain('vendorId');
    expect(dbSnapshot(b)).toEqual(before);
  } finally {
    b.close();
  }
});

it('an older pack, made before costs travelled, verifies and imports', async () => {
  const files = withManifest((await packFiles(full)).filter((f) => !/^data\/exit_costs\./.test(f.name)), (m) => {
    delete (m.counts as Record<string, number>).exit_costs;
  });
  const b = makePackWorkbook(65);
  try {
    const path = writeCraftedPack(b.dir, 'older.zip', files);
    expect((await verifyPack(path)).problems).toEqual([]);
    const result = await b.call('pack.import', { path });
    expect(result.added).toBeGreaterThan(0);
    expect((await b.call('vendor.get', { id: vendorId })).name).toBe('Acme Managed Services');
    expect(rows(b, 'exit_costs')).toEqual([]);
    // A pack that counts costs but lacks their file is damaged, not older.
    const lacking = withManifest((await packFiles(full)).filter((f) => f.name !== 'data/exit_costs.json'));
    const damaged = writeCraftedPack(b.dir, 'lacking.zip', lacking);
    expect((await verifyPack(damaged)).problems).toContainEqual({ file: 'data/exit_costs.json', message: 'is missing from the pack (the manifest does not list it)' });
  } finally {
    b.close();
  }
});

describe('packs that carry no costs', () => {
  it('a pack for a new provider holds no cost, and imported where the costs are, leaves them as they were', async () => {
    const path = await exportThroughApi(a, { all: true, profile: 'new-provider', destination: join(a.dir, 'np.zip') });
    const files = await packFiles(path);
    const get = (n: string) => files.find((f) => f.name === n)!.data.toString('utf8');
    expect(JSON.parse(get('data/exit_costs.json'))).toEqual([]);
    const manifest = JSON.parse(get('manifest.json')) as { redactedFields: string[]; counts: Record<string, number> };
    expect(manifest.counts.exit_costs).toBe(0);
    expect(manifest.redactedFields.filter((f) => f.startsWith('exit_costs.'))).toEqual([]);
    const text = files.filter((f) => f.name.startsWith('data/') || f.name === 'README.html' || f.name === 'report.md').map((f) => f.data.toString('utf8')).join('\n');
    for (const secret of ['Early termination fee', 'Dual running with Newco', '25000.50', '25,000.50', 'INTERNAL-NOTE']) expect(text, secret).not.toContain(secret);
    expect((await verifyPack(path)).problems).toEqual([]);

    const b = makePackWorkbook(66);
    try {
      await b.call('pack.import', { path: full });
      const before = rows(b, 'exit_costs');
      const result = await b.call('pack.import', { path });
      expect(result).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      expect(rows(b, 'exit_costs')).toEqual(before);
      expect(await totals(b, vendorId)).toEqual(await totals(a, vendorId));
    } finally {
      b.close();
    }
  });

  it("a person's pack holds no cost", async () => {
    const ana = await a.call('person.create', { name: 'Ana Costa', side: 'in_house' });
    const template = await a.call('template.create', { name: 'Blank', items: [] });
    const checklist = await a.call('checklist.start', { vendorId, templateId: template.id });
    await a.call('checklist.addItem', { checklistId: checklist.id, phase: 5, title: 'Return the badges', ownerId: ana.id });
    const path = await exportThroughApi(a, { all: true, profile: { person: ana.id }, destination: join(a.dir, 'ana.zip') });
    const files = await packFiles(path);
    const get = (n: string) => files.find((f) => f.name === n)!.data.toString('utf8');
    expect(JSON.parse(get('data/exit_costs.json'))).toEqual([]);
    expect((JSON.parse(get('manifest.json')) as { counts: Record<string, number> }).counts.exit_costs).toBe(0);
    expect(get('README.html')).not.toContain('Early termination fee');
    expect((await verifyPack(path)).problems).toEqual([]);
  });
});

describe('a custom pack', () => {
  it("may withhold a cost's months and notes, and the pack verifies and imports; never its amount or currency, which no cost goes without", async () => {
    const path = await exportThroughApi(a, { all: true, profile: { custom: { fields: ['exit_costs.months', 'exit_costs.notes'] } }, destination: join(a.dir, 'custom.zip') });
    const dual = (JSON.parse((await packFiles(path)).find((f) => f.name === 'data/exit_costs.json')!.data.toString('utf8')) as Record<string, unknown>[]).find((c) => c.id === dualId);
    expect(dual).toMatchObject({ amount: '12000', currency: 'EUR', months: null, notes: '' });
    expect((await verifyPack(path)).problems).toEqual([]);
    const b = makePackWorkbook(67);
    try {
      expect((await b.call('pack.import', { path })).added).toBeGreaterThan(0);
      expect((await b.call('cost.get', { id: feeId })).amount).toBe('25000.50');
    } finally {
      b.close();
    }
    for (const field of ['exit_costs.amount', 'exit_costs.currency']) {
      const e = await a.refuse('pack.export', { all: true, profile: { custom: { fields: [field] } } });
      expect(e.message, field).toContain('is not a field a pack can leave out');
    }
  });
});
