// A person who leaves: what refers to them, handing it all to someone else in one step, and
// records that still name someone who left — editable, shown as "(left)", flagged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_REF_FIELDS } from '../../electron/core/services/people';
import { toColumn } from '../../electron/core/store/tables';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

/** Dmitri is in every place a person can be named; Anna will take over. */
async function seed() {
  const dmitri = await wb.call('person.create', { name: 'Dmitri Ivanov', side: 'in_house' });
  const anna = await wb.call('person.create', { name: 'Anna Adler', side: 'in_house' });
  const vendor = await wb.call('vendor.create', { name: 'Northwind', exitDate: '2027-06-30', ourContactId: dmitri.id, vendorContactId: dmitri.id });
  const payroll = await wb.call('process.create', { vendorId: vendor.id, name: 'Payroll export', criticality: 'critical', ownerId: dmitri.id, successorId: dmitri.id });
  const patching = await wb.call('process.create', { vendorId: vendor.id, name: 'Patching', successorId: anna.id });
  const gone = await wb.call('process.create', { vendorId: vendor.id, name: 'Old process', successorId: dmitri.id });
  await wb.call('process.delete', { id: gone.id });
  const repo = await wb.call('repository.create', { vendorId: vendor.id, name: 'infra', adminId: dmitri.id });
  const doc = await wb.call('document.create', { vendorId: vendor.id, title: 'Runbook', reviewedById: dmitri.id, reviewedOn: '2026-02-01' });
  const exit = (await wb.call('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await wb.call('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const items = (await wb.call('checklist.items', { checklistId: checklist.id })).rows;
  const owned = items.find((i) => i.title === 'Appoint our exit manager')!;
  await wb.call('checklist.updateItem', { id: owned.id, changes: { ownerId: dmitri.id } });
  const signed = items.find((i) => i.title === 'Serve notice')!;
  await wb.call('checklist.signOff', { id: signed.id, byId: dmitri.id });
  const kt = items.find((i) => i.processId === payroll.id)!;
  const annasKt = items.find((i) => i.processId === patching.id)!;
  return { dmitri, anna, vendor, payroll, patching, gone, repo, doc, checklist, owned, signed, kt, annasKt };
}

describe('what refers to a person', () => {
  it('covers every column of the schema that refers to people', () => {
    const db = wb.backend.db;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`).pluck().all() as string[];
    const inSchema = tables.flatMap((t) => (db.prepare(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`).all(t) as { from: string; table: string }[])
      .filter((fk) => fk.table === 'people').map((fk) => `${t}.${fk.from}`));
    expect(inSchema.length).toBeGreaterThanOrEqual(8);
    expect(PERSON_REF_FIELDS.map((f) => `${f.table}.${toColumn(f.field)}`).sort()).toEqual(inSchema.sort());
  });

  it('lists each role with its live records, counted in full and named', async () => {
    const s = await seed();
    const refs = await wb.call('person.references', { id: s.dmitri.id });
    const summary = refs.groups.map((g) => [g.kind, g.field, g.count, g.handedOver, g.records.map((r) => r.title)]);
    expect(summary).toEqual([
      ['vendor', 'vendorContactId', 1, true, ['Northwind']],
      ['vendor', 'ourContactId', 1, true, ['Northwind']],
      ['process', 'ownerId', 1, true, ['Payroll export']],
      // The deleted process is not listed: it is shown nowhere.
      ['process', 'successorId', 1, true, ['Payroll export']],
      ['repository', 'adminId', 1, true, ['infra']],
      ['document', 'reviewedById', 1, false, ['Runbook']],
      // Its knowledge-transfer item came with the process's successor.
      ['checklist_item', 'ownerId', 2, true, ['Appoint our exit manager', 'Knowledge transfer: Payroll export']],
      ['checklist_item', 'signedOffById', 1, false, ['Serve notice']],
    ]);
    expect(refs.total).toBe(9);
    expect(refs.groups.find((g) => g.field === 'successorId')!.role).toBe('In-house successor of');
    expect(refs.groups[2]!.records[0]!.vendorName).toBe('Northwind');
    expect((await wb.call('person.references', { id: s.anna.id })).groups.map((g) => `${g.kind}.${g.field}:${g.count}`))
      .toEqual(['process.successorId:1', 'checklist_item.ownerId:1']);
  });
});

describe('handing over and deleting', () => {
  it('moves what the person owned to someone else and deletes them, in one logged step', async () => {
    const s = await seed();
    const result = await wb.call('person.handOverAndDelete', { id: s.dmitri.id, toId: s.anna.id });
    expect(result).toEqual({ personId: s.dmitri.id, handedOver: 7, kept: 2 });
    expect((await wb.call('person.get', { id: s.dmitri.id })).deletedAt).not.toBeNull();
    expect(await wb.call('vendor.get', { id: s.vendor.id })).toMatchObject({ ourContactId: s.anna.id, vendorContactId: s.anna.id });
    expect(await wb.call('process.get', { id: s.payroll.id })).toMatchObject({ ownerId: s.anna.id, successorId: s.anna.id });
    expect((await wb.call('repository.get', { id: s.repo.id })).adminId).toBe(s.anna.id);
    const items = new Map((await wb.call('checklist.items', { checklistId: s.checklist.id })).rows.map((i) => [i.id, i]));
    expect(items.get(s.owned.id)!.ownerId).toBe(s.anna.id);
    expect(items.get(s.kt.id)!.ownerId).toBe(s.anna.id);
    // What Dmitri did stays his: the review and the sign-off.
    expect((await wb.call('document.get', { id: s.doc.id })).reviewedById).toBe(s.dmitri.id);
    expect(items.get(s.signed.id)!.signedOffById).toBe(s.dmitri.id);
    // The deleted process was not touched.
    expect((await wb.call('process.get', { id: s.gone.id })).successorId).toBe(s.dmitri.id);
    // Each moved record's history says so; the person's too.
    const [processLog] = await wb.call('activity.list', { recordId: s.payroll.id });
    expect(processLog!.summary).toBe('Handed over process “Payroll export” from Dmitri Ivanov to Anna Adler: in-house successor');
    const personLog = (await wb.call('activity.list', { recordId: s.dmitri.id })).map((a) => [a.action, a.summary]);
    expect(personLog.slice(0, 2)).toEqual([
      ['delete', 'Deleted person “Dmitri Ivanov”'],
      ['update', 'Handed over 7 references of “Dmitri Ivanov” to “Anna Adler”; 2 past sign-offs or reviews stay in their name'],
    ]);
    expect((await wb.call('person.references', { id: s.dmitri.id })).groups.map((g) => g.field)).toEqual(['reviewedById', 'signedOffById']);
  });

  it('refuses to hand over to nobody, to the person leaving, or to someone who left — and changes nothing', async () => {
    const s = await seed();
    const ben = await wb.call('person.create', { name: 'Ben Berger' });
    await wb.call('person.delete', { id: ben.id });
    const before = wb.counts();
    const cases: [unknown, string, string][] = [
      [{ id: s.dmitri.id, toId: ben.id }, 'INVALID_INPUT', 'toId'],
      [{ id: s.dmitri.id, toId: '11111111-1111-4111-8111-111111111111' }, 'INVALID_INPUT', 'toId'],
      [{ id: s.dmitri.id, toId: s.dmitri.id }, 'INVALID_INPUT', 'toId'],
      [{ id: s.dmitri.id }, 'INVALID_INPUT', 'toId'],
    ];
    for (const [input, code, field] of cases) {
      const e = await wb.refuse('person.handOverAndDelete', input);
      expect(e.code, JSON.stringify(input)).toBe(code);
      expect(e.issues?.map((i) => i.field)).toContain(field);
    }
    expect((await wb.refuse('person.handOverAndDelete', { id: '11111111-1111-4111-8111-111111111111', toId: s.anna.id })).code).toBe('NOT_FOUND');
    expect(wb.counts()).toEqual(before);
    expect((await wb.call('person.get', { id: s.dmitri.id })).deletedAt).toBeNull();
    expect((await wb.call('process.get', { id: s.payroll.id })).successorId).toBe(s.dmitri.id);
  });

  it('moves the access they hold and the data they own, but never who verified, checked or served', async () => {
    const dmitri = await wb.call('person.create', { name: 'Dmitri Ivanov', side: 'in_house' });
    const anna = await wb.call('person.create', { name: 'Anna Adler', side: 'in_house' });
    const vendor = await wb.call('vendor.create', { name: 'Northwind' });
    const held = await wb.call('access.create', { vendorId: vendor.id, name: 'Break-glass admin', holderId: dmitri.id });
    const verified = await wb.call('access.create', {
      vendorId: vendor.id, name: 'Vendor VPN', status: 'verified', doneOn: '2026-02-01', verifiedById: dmitri.id, verifiedOn: '2026-02-02',
    });
    const data = await wb.call('dataset.create', { vendorId: vendor.id, name: 'CRM export', ownerId: dmitri.id, receivedOn: '2026-02-01', checkedById: dmitri.id });
    const contract = await wb.call('contract.create', { vendorId: vendor.id, title: 'MSA' });
    const notice = await wb.call('notice.create', { vendorId: vendor.id, contractId: contract.id, servedOn: '2026-01-15', servedById: dmitri.id });
    const refs = await wb.call('person.references', { id: dmitri.id });
    expect(refs.groups.map((g) => [g.kind, g.field, g.handedOver])).toEqual(expect.arrayContaining([
      ['access', 'holderId', true], ['access', 'verifiedById', false], ['dataset', 'ownerId', true], ['dataset', 'checkedById', false], ['notice', 'servedById', false],
    ]));
    expect(await wb.call('person.handOverAndDelete', { id: dmitri.id, toId: anna.id })).toEqual({ personId: dmitri.id, handedOver: 2, kept: 3 });
    expect((await wb.call('access.get', { id: held.id })).holderId).toBe(anna.id);
    expect((await wb.call('dataset.get', { id: data.id })).ownerId).toBe(anna.id);
    // What Dmitri did stays his: the revocation he verified, the returned data he checked, the notice he served.
    expect((await wb.call('access.get', { id: verified.id })).verifiedById).toBe(dmitri.id);
    expect((await wb.call('dataset.get', { id: data.id })).checkedById).toBe(dmitri.id);
    expect((await wb.call('notice.get', { id: notice.id })).servedById).toBe(dmitri.id);
  });
});

describe('records that name someone who left', () => {
  it('stay editable; only a new reference to someone who left is refused', async () => {
    const s = await seed();
    await wb.call('person.delete', { id: s.dmitri.id });
    expect((await wb.call('process.update', { id: s.payroll.id, changes: { notes: 'Runs at 02:00' } })).notes).toBe('Runs at 02:00');
    expect((await wb.call('vendor.update', { id: s.vendor.id, changes: { services: 'Hosting' } })).ourContactId).toBe(s.dmitri.id);
    expect((await wb.call('repository.update', { id: s.repo.id, changes: { host: 'GitLab' } })).adminId).toBe(s.dmitri.id);
    expect((await wb.call('document.update', { id: s.doc.id, changes: { version: '2' } })).reviewedById).toBe(s.dmitri.id);
    expect((await wb.call('checklist.updateItem', { id: s.owned.id, changes: { status: 'in_progress', ownerId: s.dmitri.id } })).status).toBe('in_progress');
    const refused = await wb.refuse('process.update', { id: s.patching.id, changes: { successorId: s.dmitri.id } });
    expect(refused.issues).toEqual([{ field: 'changes.successorId', message: 'refers to a person that does not exist or was deleted' }]);
    expect((await wb.refuse('checklist.updateItem', { id: s.annasKt.id, changes: { ownerId: s.dmitri.id } })).issues?.[0]?.field).toBe('changes.ownerId');
    expect((await wb.refuse('process.create', { vendorId: s.vendor.id, name: 'New', ownerId: s.dmitri.id })).issues?.[0]?.field).toBe('ownerId');
    // Moving the reference on to someone here is an edit like any other.
    expect((await wb.call('process.update', { id: s.payroll.id, changes: { successorId: s.anna.id } })).successorId).toBe(s.anna.id);
  });

  it('name them as "(left)" in lists and checklists', async () => {
    const s = await seed();
    await wb.call('person.delete', { id: s.dmitri.id });
    const page = await wb.call('process.list', { vendorId: s.vendor.id });
    expect(page.labels[s.dmitri.id]).toBe('Dmitri Ivanov (left)');
    expect(page.labels[s.anna.id]).toBe('Anna Adler');
    expect((await wb.call('checklist.items', { checklistId: s.checklist.id })).labels[s.dmitri.id]).toBe('Dmitri Ivanov (left)');
  });

  it('raise the red flag "owner left" on a process whose owner or successor left', async () => {
    const s = await seed();
    const kinds = async () => (await wb.call('readiness.vendor', { vendorId: s.vendor.id })).readiness.flags.filter((f) => f.kind === 'owner_left');
    expect(await kinds()).toEqual([]);
    await wb.call('person.delete', { id: s.dmitri.id });
    expect(await kinds()).toEqual([{
      kind: 'owner_left', severity: 'high', target: { kind: 'process', id: s.payroll.id },
      message: 'Owner left: Payroll export (owner Dmitri Ivanov, successor Dmitri Ivanov)',
    }]);
    const dashboard = await wb.call('dashboard.get', {});
    await wb.call('process.update', { id: s.payroll.id, changes: { ownerId: null, successorId: s.anna.id } });
    expect(await kinds()).toEqual([]);
    expect((await wb.call('dashboard.get', {}))[0]!.highFlags).toBe(dashboard[0]!.highFlags - 1);
  });
});
