// A contract's linked documents and licences through the API: linking, unlinking, refusals that
// name the field and write nothing, linking twice, undo and redo, and links to deleted records
// (or of a deleted contract) left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

async function seeded() {
  const vendor = await wb.call('vendor.create', { name: 'Northwind' });
  const contract = await wb.call('contract.create', { vendorId: vendor.id, title: 'Managed services agreement' });
  const doc = await wb.call('document.create', { vendorId: vendor.id, title: 'Exit plan' });
  const licence = await wb.call('licence.create', { vendorId: vendor.id, product: 'Monitoring suite' });
  return { vendor, contract, doc, licence };
}

const titles = async (contractId: string) => (await wb.call('contract.links', { contractId })).map((l) => `${l.recordKind}:${l.title}`);
const linkRows = () => (wb.backend.db.prepare('SELECT count(*) FROM contract_links').pluck().get() as number);

describe('contract links', () => {
  it('link a document and a licence, list them with their titles, and unlink one', async () => {
    const { contract, doc, licence } = await seeded();
    await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    const after = await wb.call('contract.link', { contractId: contract.id, recordKind: 'licence', recordId: licence.id });
    expect(after.map((l) => [l.contractId, l.recordKind, l.recordId, l.title])).toEqual([
      [contract.id, 'document', doc.id, 'Exit plan'], [contract.id, 'licence', licence.id, 'Monitoring suite'],
    ]);
    const left = await wb.call('contract.unlink', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    expect(left.map((l) => l.title)).toEqual(['Monitoring suite']);
    expect(await titles(contract.id)).toEqual(['licence:Monitoring suite']);
    const log = await wb.call('activity.list', { recordId: contract.id });
    expect(log.map((e) => e.summary).slice(0, 3)).toEqual([
      'Unlinked document “Exit plan” from contract “Managed services agreement”',
      'Linked contract “Managed services agreement” to licence “Monitoring suite”',
      'Linked contract “Managed services agreement” to document “Exit plan”',
    ]);
  });

  it('linking twice is a no-op, and linking again after an unlink restores the same link', async () => {
    const { contract, doc } = await seeded();
    const first = await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    const entries = (await wb.call('activity.list', {})).length;
    const again = await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    expect(again).toEqual(first);
    expect((await wb.call('activity.list', {})).length).toBe(entries);
    await wb.call('contract.unlink', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    const back = await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    expect(back.map((l) => l.id)).toEqual(first.map((l) => l.id));
    expect(linkRows()).toBe(1);
  });

  describe('refusals name the field and write nothing', () => {
    const cases: [string, (s: Awaited<ReturnType<typeof seeded>>) => Promise<unknown>, string, RegExp][] = [
      ['a document that does not exist', async (s) => ({ contractId: s.contract.id, recordKind: 'document', recordId: '11111111-1111-4111-8111-111111111111' }), 'recordId', /document that does not exist or was deleted/],
      ['a deleted licence', async (s) => {
        await wb.call('licence.delete', { id: s.licence.id });
        return { contractId: s.contract.id, recordKind: 'licence', recordId: s.licence.id };
      }, 'recordId', /licence that does not exist or was deleted/],
      ['a licence id given as a document', async (s) => ({ contractId: s.contract.id, recordKind: 'document', recordId: s.licence.id }), 'recordId', /document that does not exist/],
      ['another vendor’s document', async (s) => {
        const other = await wb.call('vendor.create', { name: 'Contoso' });
        const theirs = await wb.call('document.create', { vendorId: other.id, title: 'Their runbook' });
        return { contractId: s.contract.id, recordKind: 'document', recordId: theirs.id };
      }, 'recordId', /document of another vendor/],
      ['a deleted contract', async (s) => {
        await wb.call('contract.delete', { id: s.contract.id });
        return { contractId: s.contract.id, recordKind: 'document', recordId: s.doc.id };
      }, 'contractId', /contract that does not exist or was deleted/],
      ['a kind a contract does not link', async (s) => ({ contractId: s.contract.id, recordKind: 'process', recordId: s.doc.id }), 'recordKind', /./],
    ];
    for (const [what, input, field, message] of cases) {
      it(what, async () => {
        const payload = await input(await seeded());
        const before = wb.counts();
        const error = await wb.refuse('contract.link', payload);
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.issues?.map((i) => i.field)).toContain(field);
        expect(error.message).toMatch(message);
        expect(wb.counts()).toEqual(before);
      });
    }
  });

  it('undo takes a link back and redo links again; undo of an unlink links again', async () => {
    const { contract, doc } = await seeded();
    await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    expect((await wb.call('history.state', {})).undo).toEqual({ summary: 'Linked contract “Managed services agreement” to document “Exit plan”', undoable: true });
    await wb.call('history.undo', {});
    expect(await titles(contract.id)).toEqual([]);
    await wb.call('history.redo', {});
    expect(await titles(contract.id)).toEqual(['document:Exit plan']);
    await wb.call('contract.unlink', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    await wb.call('history.undo', {});
    expect(await titles(contract.id)).toEqual(['document:Exit plan']);
    // The contract itself untouched by all this: its fields are not read as edits.
    expect((await wb.call('contract.get', { id: contract.id })).title).toBe('Managed services agreement');
  });

  it('undo of an unlink is refused, changing nothing, when the document was deleted since', async () => {
    const { contract, doc } = await seeded();
    await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    await wb.call('contract.unlink', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    // As another program would: a change with no entry of its own.
    wb.backend.db.prepare('UPDATE documents SET deleted_at = updated_at WHERE id = ?').run(doc.id);
    const before = wb.counts();
    const error = await wb.refuse('history.undo', {});
    expect(error.issues?.map((i) => i.field)).toEqual(['recordId']);
    expect(wb.counts()).toEqual(before);
    expect(wb.backend.db.prepare('SELECT deleted_at FROM contract_links').pluck().get()).not.toBeNull();
  });

  it('links to deleted records are not shown, and come back with the record; a deleted contract shows none', async () => {
    const { contract, doc, licence } = await seeded();
    await wb.call('contract.link', { contractId: contract.id, recordKind: 'document', recordId: doc.id });
    await wb.call('contract.link', { contractId: contract.id, recordKind: 'licence', recordId: licence.id });
    await wb.call('document.delete', { id: doc.id });
    expect(await titles(contract.id)).toEqual(['licence:Monitoring suite']);
    await wb.call('document.restore', { id: doc.id });
    expect(await titles(contract.id)).toEqual(['document:Exit plan', 'licence:Monitoring suite']);
    await wb.call('contract.delete', { id: contract.id });
    expect(await titles(contract.id)).toEqual([]);
  });
});
