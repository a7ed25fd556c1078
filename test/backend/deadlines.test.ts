// The deadlines service through the API (deadlines.list): each source, the window, the vendor and
// person filters, overdue items, stable ids. The test clock starts on 2026-03-01.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDeadlines } from '../../electron/core/services/deadlines';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

const brief = (list: { id: string; kind: string; date: string }[]) => list.map((d) => `${d.date} ${d.kind}`);

/** A vendor with one of each source, and the ids to find them by. */
async function workbook() {
  const alice = await wb.call('person.create', { name: 'Alice' });
  const bob = await wb.call('person.create', { name: 'Bob' });
  const v = await wb.call('vendor.create', { name: 'Northwind', status: 'exit_planned', ourContactId: alice.id });
  // Tacit, 3 months' notice, 10 days' lead: notice by 2026-03-30 (start 2026-03-20), term ends 2026-06-30.
  const msa = await wb.call('contract.create', {
    vendorId: v.id, title: 'Managed services', initialEnd: '2026-06-30', renewal: 'tacit', renewalMonths: 12, noticeAmount: 3, noticeUnit: 'months', leadDays: 10,
  });
  // Express, 30 days: the option closes 2026-03-31, the term ends 2026-04-30.
  const sow = await wb.call('contract.create', {
    vendorId: v.id, title: 'SOW 2', initialEnd: '2026-04-30', renewal: 'express', renewalMonths: 6, noticeAmount: 30, noticeUnit: 'days',
  });
  const lic = await wb.call('licence.create', { vendorId: v.id, product: 'Jira', renewalDate: '2026-04-15' });
  await wb.call('licence.create', { vendorId: v.id, product: 'Lapsed', renewalDate: '2026-02-01' });
  const template = (await wb.call('template.list', {}))[0]!;
  const list = await wb.call('checklist.start', { vendorId: v.id, templateId: template.id, name: 'Exit' });
  const item = (title: string, dueDate: string, ownerId: string | null) =>
    wb.call('checklist.addItem', { checklistId: list.id, phase: 4, title, description: '', dueDate, ownerId });
  const soon = await item('Move the DNS', '2026-03-06', bob.id);
  const late = await item('Collect the runbooks', '2026-02-20', bob.id);
  const done = await item('Already done', '2026-03-05', bob.id);
  await wb.call('checklist.updateItem', { id: done.id, changes: { status: 'done' } });
  await item('Far away', '2026-09-01', null);
  return { alice, bob, v, msa, sow, lic, soon, late };
}

describe('deadlines.list', () => {
  it('gathers each source in the next 90 days, by date, with overdue open items', async () => {
    const w = await workbook();
    const list = await wb.call('deadlines.list', {});
    expect(brief(list)).toEqual([
      '2026-02-20 item_due', // overdue: still open, so kept
      '2026-03-06 item_due',
      '2026-03-20 notice_start',
      '2026-03-30 notice_due',
      '2026-03-31 option_expiry',
      '2026-04-15 licence_expiry',
      '2026-04-30 contract_renewal',
    ]);
    expect(list.find((d) => d.kind === 'notice_due')).toEqual({
      id: `notice_due:${w.msa.id}`, kind: 'notice_due', date: '2026-03-30', title: 'Notice due: Managed services',
      detail: 'Last day for notice to end it on 2026-06-30; otherwise it renews until 2027-06-30.',
      vendorId: w.v.id, vendorName: 'Northwind', personId: w.alice.id, personName: 'Alice', source: { kind: 'contract', id: w.msa.id },
    });
    expect(list.find((d) => d.kind === 'licence_expiry')).toMatchObject({ id: `licence_expiry:${w.lic.id}`, source: { kind: 'licence', id: w.lic.id } });
    expect(list[1]).toMatchObject({ id: `item_due:${w.soon.id}`, title: 'Move the DNS', personId: w.bob.id, personName: 'Bob', source: { kind: 'checklist_item', id: w.soon.id, checklistId: w.soon.checklistId } });
  });

  it('follows the window: a year brings the tacit term end and the far item', async () => {
    await workbook();
    const year = brief(await wb.call('deadlines.list', { days: 365 }));
    expect(year).toContain('2026-06-30 contract_renewal');
    expect(year).toContain('2026-09-01 item_due');
    expect(brief(await wb.call('deadlines.list', { days: 7 }))).toEqual(['2026-02-20 item_due', '2026-03-06 item_due']);
  });

  it('filters by vendor and by person', async () => {
    const w = await workbook();
    const other = await wb.call('vendor.create', { name: 'Contoso' });
    await wb.call('licence.create', { vendorId: other.id, product: 'Office', renewalDate: '2026-03-10' });
    expect((await wb.call('deadlines.list', {})).map((d) => d.vendorName)).toContain('Contoso');
    expect(new Set((await wb.call('deadlines.list', { vendorId: w.v.id })).map((d) => d.vendorName))).toEqual(new Set(['Northwind']));
    expect(brief(await wb.call('deadlines.list', { vendorId: other.id }))).toEqual(['2026-03-10 licence_expiry']);
    expect(brief(await wb.call('deadlines.list', { personId: w.bob.id }))).toEqual(['2026-02-20 item_due', '2026-03-06 item_due']);
    // Alice is our contact for Northwind: its contract and licence dates are hers.
    expect((await wb.call('deadlines.list', { personId: w.alice.id })).map((d) => d.kind)).toEqual(
      ['notice_start', 'notice_due', 'option_expiry', 'licence_expiry', 'contract_renewal'],
    );
  });

  it('leaves out deleted records, exited vendors, and notice once served', async () => {
    const w = await workbook();
    await wb.call('licence.delete', { id: w.lic.id });
    await wb.call('checklist.deleteItem', { id: w.soon.id });
    await wb.call('notice.create', { vendorId: w.v.id, contractId: w.msa.id, servedOn: '2026-03-01' });
    expect(brief(await wb.call('deadlines.list', {}))).toEqual(['2026-02-20 item_due', '2026-03-31 option_expiry', '2026-04-30 contract_renewal']);
    await wb.call('vendor.update', { id: w.v.id, changes: { status: 'exited' } });
    expect(await wb.call('deadlines.list', {})).toEqual([]);
  });

  it('keeps its ids across calls, unrelated edits, and a notice date moved on by a tacit renewal', async () => {
    const w = await workbook();
    const ids = (await wb.call('deadlines.list', { days: 365 })).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await wb.call('deadlines.list', { days: 365 })).map((d) => d.id)).toEqual(ids);
    await wb.call('vendor.update', { id: w.v.id, changes: { name: 'Northwind Ltd' } });
    await wb.call('licence.update', { id: w.lic.id, changes: { seats: 40 } });
    expect((await wb.call('deadlines.list', { days: 365 })).map((d) => d.id)).toEqual(ids);
    // After 2026-03-30 passes unserved the contract renews: its notice moves to the next term, same id.
    const later = listDeadlines(wb.backend.db, '2026-04-05', { days: 365 }).find((d) => d.kind === 'notice_due');
    expect(later).toMatchObject({ id: `notice_due:${w.msa.id}`, date: '2027-03-30' });
  });

  it('refuses a window out of range, naming the field', async () => {
    for (const days of [0, 3651, 1.5]) {
      const error = await wb.refuse('deadlines.list', { days });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain('days');
    }
  });
});
