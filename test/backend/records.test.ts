import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/contract';
import { DEFAULTS, RECORD_KINDS, TITLE_FIELD, type RecordKind } from '../../shared/records';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

async function vendor(name = 'Northwind') {
  return wb.call('vendor.create', { name, contractStart: '2026-01-01', contractEnd: '2027-06-30', noticeDays: 90, leadDays: 30, exitDate: '2027-06-30' });
}

/** A minimal valid input for each kind. */
function minimal(kind: RecordKind, vendorId: string): Record<string, unknown> {
  switch (kind) {
    case 'vendor': return { name: 'Contoso' };
    case 'person': return { name: 'Anna Adler' };
    case 'process': return { vendorId, name: 'Nightly payroll export' };
    case 'repository': return { vendorId, name: 'infra-terraform' };
    case 'licence': return { vendorId, product: 'Veeam Backup' };
    case 'document': return { vendorId, title: 'Patching runbook' };
    case 'contract': return { vendorId, title: 'Master services agreement' };
    case 'cost': return { vendorId, description: 'Termination fee', amount: '25000.00', currency: 'EUR' };
    case 'access': return { vendorId, name: 'svc-backup on prod-db' };
    case 'dataset': return { vendorId, name: 'Payroll history 2015–2026' };
    case 'infrastructure': return { vendorId, name: 'payroll.example.com certificate' };
    // A notice needs a contract to be served on: test/backend/contracts.test.ts covers it.
    case 'notice': throw new Error('see test/backend/contracts.test.ts');
  }
}

describe('every record kind', () => {
  for (const kind of RECORD_KINDS.filter((k) => k !== 'notice')) {
    it(`${kind}: create, get, update, list, delete to a tombstone, restore — each logged`, async () => {
      const v = await vendor();
      const created = await wb.call(`${kind}.create` as 'vendor.create', minimal(kind, v.id) as never) as unknown as Record<string, unknown>;
      expect(created).toMatchObject({ ...DEFAULTS[kind], ...minimal(kind, v.id), deletedAt: null });
      expect(created.createdAt).toBe(created.updatedAt);

      const got = await wb.call(`${kind}.get` as 'vendor.get', { id: created.id as string });
      expect(got).toEqual(created);

      const titleField = TITLE_FIELD[kind];
      const updated = await wb.call(`${kind}.update` as 'vendor.update', { id: created.id as string, changes: { [titleField]: 'Renamed thing', notes: 'hello' } } as never) as unknown as Record<string, string>;
      expect(updated[titleField]).toBe('Renamed thing');
      expect(updated.updatedAt! > (created.updatedAt as string)).toBe(true);

      const list = await wb.call(`${kind}.list` as 'vendor.list', kind === 'vendor' || kind === 'person' ? {} : { vendorId: v.id });
      expect(list.rows.map((r) => r.id)).toContain(created.id);

      const deleted = await wb.call(`${kind}.delete` as 'vendor.delete', { id: created.id as string });
      expect(deleted.deletedAt).not.toBeNull();
      const after = await wb.call(`${kind}.list` as 'vendor.list', kind === 'vendor' || kind === 'person' ? {} : { vendorId: v.id });
      expect(after.rows.map((r) => r.id)).not.toContain(created.id);
      const withTombstones = await wb.call(`${kind}.list` as 'vendor.list', { includeDeleted: true });
      expect(withTombstones.rows.map((r) => r.id)).toContain(created.id);

      const restored = await wb.call(`${kind}.restore` as 'vendor.restore', { id: created.id as string });
      expect(restored.deletedAt).toBeNull();

      const log = await wb.call('activity.list', { recordId: created.id as string });
      expect(log.map((a) => a.action)).toEqual(['restore', 'delete', 'update', 'create']);
      expect(log[1]!.summary).toContain('Renamed thing');
      expect(log.every((a) => a.actor === 'root' || a.actor.length > 0)).toBe(true);
    });
  }
});

describe('validation: refused input names the field and writes nothing', () => {
  const cases: [string, string, (vendorId: string) => unknown, string][] = [
    ['empty name', 'vendor.create', () => ({ name: '   ' }), 'name'],
    ['missing name', 'vendor.create', () => ({}), 'name'],
    ['impossible date', 'vendor.create', () => ({ name: 'V', exitDate: '2027-02-30' }), 'exitDate'],
    ['badly formed date', 'vendor.create', () => ({ name: 'V', contractEnd: '30/06/2027' }), 'contractEnd'],
    ['negative notice', 'vendor.create', () => ({ name: 'V', noticeDays: -1 }), 'noticeDays'],
    ['unknown status', 'vendor.create', () => ({ name: 'V', status: 'gone' }), 'status'],
    ['unknown field', 'vendor.create', () => ({ name: 'V', colour: 'red' }), 'colour'],
    ['bad e-mail', 'person.create', () => ({ name: 'P', email: 'not-an-address' }), 'email'],
    ['process without vendor', 'process.create', () => ({ name: 'P' }), 'vendorId'],
    ['process for a vendor that does not exist', 'process.create', () => ({ name: 'P', vendorId: '11111111-1111-4111-8111-111111111111' }), 'vendorId'],
    ['successor who does not exist', 'process.create', (v) => ({ name: 'P', vendorId: v, successorId: '11111111-1111-4111-8111-111111111111' }), 'successorId'],
    ['criticality out of range', 'process.create', (v) => ({ name: 'P', vendorId: v, criticality: 'urgent' }), 'criticality'],
    ['repository URL that is not a URL', 'repository.create', (v) => ({ name: 'r', vendorId: v, url: 'just words' }), 'url'],
    ['fractional seats', 'licence.create', (v) => ({ product: 'L', vendorId: v, seats: 2.5 }), 'seats'],
    ['lower-case currency', 'licence.create', (v) => ({ product: 'L', vendorId: v, currency: 'eur' }), 'currency'],
    ['document status out of range', 'document.create', (v) => ({ title: 'D', vendorId: v, status: 'lost' }), 'status'],
    ['update of an unknown field', 'vendor.update', (v) => ({ id: v, changes: { nope: 1 } }), 'changes.nope'],
    ['update with a bad date', 'vendor.update', (v) => ({ id: v, changes: { exitDate: 'tomorrow' } }), 'changes.exitDate'],
    ['a contract that ends before it starts', 'vendor.create', () => ({ name: 'V', contractStart: '2027-01-01', contractEnd: '2026-12-31' }), 'contractEnd'],
    ['an update giving both contract dates the wrong way round', 'vendor.update', (v) => ({ id: v, changes: { contractStart: '2028-01-01', contractEnd: '2027-01-01' } }), 'changes.contractEnd'],
    ['a contract end moved before the stored start', 'vendor.update', (v) => ({ id: v, changes: { contractEnd: '2025-12-31' } }), 'changes.contractEnd'],
    ['a contract start moved after the stored end', 'vendor.update', (v) => ({ id: v, changes: { contractStart: '2027-07-01' } }), 'changes.contractStart'],
    ['not an object', 'vendor.create', () => 'Northwind', '(input)'],
  ];
  for (const [what, method, input, field] of cases) {
    it(what, async () => {
      const v = await vendor();
      const before = wb.counts();
      const error = await wb.refuse(method, input(v.id));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues?.map((i) => i.field)).toContain(field);
      expect(error.message).toContain(field);
      expect(wb.counts()).toEqual(before);
      expect(await wb.call('vendor.get', { id: v.id })).toEqual(v);
    });
  }

  it('a runbook must be a document of the same vendor', async () => {
    const a = await vendor('A');
    const b = await vendor('B');
    const doc = await wb.call('document.create', { vendorId: b.id, title: 'B runbook' });
    const error = await wb.refuse('process.create', { vendorId: a.id, name: 'P', runbookId: doc.id });
    expect(error.issues).toEqual([{ field: 'runbookId', message: 'must be a document of the same vendor' }]);
  });

  it('refuses an edit based on a stale read', async () => {
    const v = await vendor();
    await wb.call('vendor.update', { id: v.id, changes: { notes: 'first' } });
    const error = await wb.refuse('vendor.update', { id: v.id, expectedUpdatedAt: v.updatedAt, changes: { notes: 'second' } });
    expect(error.code).toBe('CONFLICT');
    expect((await wb.call('vendor.get', { id: v.id })).notes).toBe('first');
  });

  it('refuses to edit a deleted record, and unknown ids are NOT_FOUND', async () => {
    const v = await vendor();
    await wb.call('vendor.delete', { id: v.id });
    expect((await wb.refuse('vendor.update', { id: v.id, changes: { notes: 'x' } })).code).toBe('CONFLICT');
    expect((await wb.refuse('vendor.get', { id: '11111111-1111-4111-8111-111111111111' })).code).toBe('NOT_FOUND');
  });
});

describe('listing', () => {
  it('filters by text and by choice, sorts, pages and reports the total', async () => {
    const v = await vendor();
    const other = await vendor('Other');
    const names = ['Backup verification', 'Nightly payroll export', 'Patching', 'Payroll reconciliation', 'Certificate renewal'];
    for (const [i, name] of names.entries()) {
      await wb.call('process.create', { vendorId: v.id, name, criticality: i % 2 ? 'critical' : 'low' });
    }
    await wb.call('process.create', { vendorId: other.id, name: 'Payroll elsewhere' });

    const all = await wb.call('process.list', { vendorId: v.id });
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.name)).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    const desc = await wb.call('process.list', { vendorId: v.id, sort: 'name', dir: 'desc', limit: 2, offset: 1 });
    expect(desc.rows.map((r) => r.name)).toEqual(['Patching', 'Nightly payroll export']);
    expect(desc.total).toBe(5);

    const payroll = await wb.call('process.list', { vendorId: v.id, filter: 'payr' });
    expect(payroll.rows.map((r) => r.name).sort()).toEqual(['Nightly payroll export', 'Payroll reconciliation']);

    const critical = await wb.call('process.list', { vendorId: v.id, where: { criticality: 'critical' } });
    expect(critical.rows.map((r) => r.name).sort()).toEqual(['Nightly payroll export', 'Payroll reconciliation']);

    const bySort = await wb.call('process.list', { vendorId: v.id, sort: 'criticality' });
    expect(bySort.rows.map((r) => r.criticality)).toEqual(['critical', 'critical', 'low', 'low', 'low']);
    await wb.call('process.create', { vendorId: v.id, name: 'Medium one', criticality: 'medium' });
    await wb.call('process.create', { vendorId: v.id, name: 'High one', criticality: 'high' });
    const declared = await wb.call('process.list', { vendorId: v.id, sort: 'criticality', dir: 'desc' });
    expect([...new Set(declared.rows.map((r) => r.criticality))]).toEqual(['low', 'medium', 'high', 'critical']);
  });

  it('gives the names of the people a page refers to', async () => {
    const v = await vendor();
    const anna = await wb.call('person.create', { name: 'Anna Adler', side: 'in_house' });
    await wb.call('process.create', { vendorId: v.id, name: 'P', successorId: anna.id });
    const page = await wb.call('process.list', { vendorId: v.id, sort: 'successorId' });
    expect(page.labels[anna.id]).toBe('Anna Adler');
  });

  it('refuses a sort or filter on a field the kind does not have', async () => {
    expect((await wb.refuse('process.list', { sort: 'password' })).issues?.[0]?.field).toBe('sort');
    expect((await wb.refuse('process.list', { where: { name: 'x' } })).issues?.[0]?.field).toBe('where.name');
  });
});

describe('vendor summaries and the user name', () => {
  it('counts live inventory per vendor', async () => {
    const v = await vendor();
    await wb.call('process.create', { vendorId: v.id, name: 'P1' });
    const p2 = await wb.call('process.create', { vendorId: v.id, name: 'P2' });
    await wb.call('licence.create', { vendorId: v.id, product: 'L' });
    await wb.call('process.delete', { id: p2.id });
    const [s] = await wb.call('vendor.summaries', {});
    expect(s!.counts).toEqual({ process: 1, repository: 0, licence: 1, document: 0, access: 0, dataset: 0, infrastructure: 0 });
  });

  it('writes the workbook user name into the activity log', async () => {
    await wb.call('settings.setUserName', { userName: 'Ines Ito' });
    const v = await vendor();
    const [entry] = await wb.call('activity.list', { recordId: v.id });
    expect(entry!.actor).toBe('Ines Ito');
    expect((await wb.call('app.info', {})).userName).toBe('Ines Ito');
  });

  it('loads the demo only into an empty workbook', async () => {
    expect((await wb.call('app.info', {})).empty).toBe(true);
    const r = await wb.call('demo.load', {});
    expect(r.vendors).toBe(3);
    expect((await wb.call('app.info', {})).empty).toBe(false);
    expect((await wb.refuse('demo.load', {})).code).toBe('CONFLICT');
  });
});

describe('contract dates', () => {
  it('refuse an end before the start at the field that was changed, against the stored other date', async () => {
    const v = await vendor(); // 2026-01-01 … 2027-06-30
    const both = await wb.refuse('vendor.create', { name: 'V', contractStart: '2027-01-01', contractEnd: '2026-12-31' });
    expect(both.issues).toEqual([{ field: 'contractEnd', message: 'must not be before the contract start' }]);
    const end = await wb.refuse('vendor.update', { id: v.id, changes: { contractEnd: '2025-12-31' } });
    expect(end.issues).toEqual([{ field: 'changes.contractEnd', message: 'must not be before the contract start' }]);
    const start = await wb.refuse('vendor.update', { id: v.id, changes: { contractStart: '2027-07-01' } });
    expect(start.issues).toEqual([{ field: 'changes.contractStart', message: 'must not be after the contract end' }]);
    expect(await wb.call('vendor.get', { id: v.id })).toEqual(v);
  });

  it('are checked by the API\'s own schemas, which every face parses its input with', () => {
    const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(API['vendor.create'].input.safeParse({ name: 'V', contractStart: '2027-01-01', contractEnd: '2026-12-31' })))
      .toEqual(['contractEnd: must not be before the contract start']);
    expect(issues(API['vendor.update'].input.safeParse({ id: '11111111-1111-4111-8111-111111111111', changes: { contractStart: '2027-01-01', contractEnd: '2026-12-31' } })))
      .toEqual(['changes.contractEnd: must not be before the contract start']);
    expect(API['vendor.create'].input.safeParse({ name: 'V', contractStart: '2027-01-01', contractEnd: '2027-01-01' }).success).toBe(true);
  });

  it('accept a one-day contract, a cleared date, and both dates moved together', async () => {
    const v = await vendor();
    expect((await wb.call('vendor.update', { id: v.id, changes: { contractEnd: '2026-01-01' } })).contractEnd).toBe('2026-01-01');
    expect((await wb.call('vendor.update', { id: v.id, changes: { contractStart: null } })).contractStart).toBeNull();
    expect((await wb.call('vendor.update', { id: v.id, changes: { contractStart: '2030-01-01', contractEnd: '2031-12-31' } })).contractEnd).toBe('2031-12-31');
  });

  it('an exit planned after the end of a contract that does not renew is saved, and raises a red flag', async () => {
    const v = await vendor();
    // The flag reads the vendor's contracts (issue 11), no longer its own contract fields.
    const c = await wb.call('contract.create', { vendorId: v.id, title: 'MSA', initialEnd: '2027-06-30', renewal: 'none' });
    const later = await wb.call('vendor.update', { id: v.id, changes: { exitDate: '2027-09-30' } });
    expect(later.exitDate).toBe('2027-09-30');
    const flags = (await wb.call('readiness.vendor', { vendorId: v.id })).readiness.flags.filter((f) => f.kind === 'exit_after_contract_end');
    expect(flags).toEqual([{
      kind: 'exit_after_contract_end', severity: 'high', target: { kind: 'contract', id: c.id },
      message: 'The planned exit 2027-09-30 falls 92 days after MSA ends on 2027-06-30, with no renewal',
    }]);
    await wb.call('vendor.update', { id: v.id, changes: { exitDate: '2027-06-30' } });
    expect((await wb.call('readiness.vendor', { vendorId: v.id })).readiness.flags.map((f) => f.kind)).not.toContain('exit_after_contract_end');
  });
});
