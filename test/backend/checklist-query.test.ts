// The checklist items query filters and groups in the backend: each filter (status, owner or
// unassigned, phase, overdue, due by, text) and each grouping (phase, status, owner) with its
// figures, and bad query input refused naming the field. The clock is fixed at 2026-03-01.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

/** Five items over four phases, exit on 2026-06-30: two due before today, owners Anna and Ben, one unassigned. */
async function setup() {
  const vendor = await wb.call('vendor.create', { name: 'Northwind', exitDate: '2026-06-30' });
  const anna = await wb.call('person.create', { name: 'Anna Adler', side: 'in_house' });
  const ben = await wb.call('person.create', { name: 'Ben Berger', side: 'in_house' });
  const template = await wb.call('template.create', { name: 'Small exit', items: [
    { phase: 0, title: 'Kick-off meeting', offsetDays: -200 },
    { phase: 0, title: 'Name exit managers', offsetDays: -180 },
    { phase: 2, title: 'Shadow the payroll run', offsetDays: -60 },
    { phase: 4, title: 'Cut over DNS zones', offsetDays: -7 },
    { phase: 6, title: 'Lessons learned', offsetDays: 60 },
  ] });
  const checklist = await wb.call('checklist.start', { vendorId: vendor.id, templateId: template.id });
  const byTitle = Object.fromEntries((await wb.call('checklist.items', { checklistId: checklist.id })).rows.map((i) => [i.title, i]));
  const change = (title: string, changes: InputOf<'checklist.updateItem'>['changes']) => wb.call('checklist.updateItem', { id: byTitle[title]!.id, changes });
  await change('Kick-off meeting', { status: 'done', ownerId: anna.id });
  await change('Name exit managers', { ownerId: ben.id });
  await change('Shadow the payroll run', { status: 'blocked', blockedReason: 'Waiting for the vendor’s rota', ownerId: anna.id });
  await change('Cut over DNS zones', { status: 'in_progress', ownerId: ben.id });
  const query = (q: Omit<InputOf<'checklist.items'>, 'checklistId'> = {}) => wb.call('checklist.items', { checklistId: checklist.id, ...q });
  const titles = async (q: Omit<InputOf<'checklist.items'>, 'checklistId'>) => (await query(q)).rows.map((r) => r.title);
  return { vendor, anna, ben, checklist, query, titles };
}

describe('checklist items: filters in the query', () => {
  it('by status (one or several)', async () => {
    const { titles } = await setup();
    expect(await titles({ status: ['blocked'] })).toEqual(['Shadow the payroll run']);
    expect(await titles({ status: ['todo', 'done'] })).toEqual(['Kick-off meeting', 'Name exit managers', 'Lessons learned']);
  });

  it('by owner, and the unassigned items with ownerId null', async () => {
    const { titles, anna, ben } = await setup();
    expect(await titles({ ownerId: anna.id })).toEqual(['Kick-off meeting', 'Shadow the payroll run']);
    expect(await titles({ ownerId: ben.id })).toEqual(['Name exit managers', 'Cut over DNS zones']);
    expect(await titles({ ownerId: null })).toEqual(['Lessons learned']);
  });

  it('by phase', async () => {
    const { titles } = await setup();
    expect(await titles({ phase: 0 })).toEqual(['Kick-off meeting', 'Name exit managers']);
    expect(await titles({ phase: 5 })).toEqual([]);
  });

  it('overdue: open items due before today (done ones are not late)', async () => {
    const { titles } = await setup();
    expect(await titles({ overdue: true })).toEqual(['Name exit managers']);
  });

  it('due on or before a day', async () => {
    const { titles } = await setup();
    expect(await titles({ dueBefore: '2026-05-01' })).toEqual(['Kick-off meeting', 'Name exit managers', 'Shadow the payroll run']);
    expect(await titles({ dueBefore: '2026-04-30' })).toEqual(['Kick-off meeting', 'Name exit managers']);
  });

  it('by text, combined with the other filters, with the total counting what matched', async () => {
    const { query, titles, ben } = await setup();
    expect(await titles({ text: 'dns' })).toEqual(['Cut over DNS zones']);
    // The owner's name matches too: Ben owns two items.
    expect(await titles({ text: 'berger' })).toEqual(['Name exit managers', 'Cut over DNS zones']);
    expect(await titles({ text: 'berger', status: ['in_progress'] })).toEqual(['Cut over DNS zones']);
    const page = await query({ ownerId: ben.id, limit: 1 });
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(2);
  });
});

describe('checklist items: grouping in the query', () => {
  it('by phase: rows in phase order, each phase with its done/total over all its items and what the filters show', async () => {
    const { query } = await setup();
    const all = await query({ groupBy: 'phase' });
    expect(all.groups).toEqual([
      { key: '0', label: '0. Set-up', done: 1, total: 2, shown: 2, firstDue: '2025-12-12', lastDue: '2026-01-01', minOffset: -200, maxOffset: -180 },
      { key: '2', label: '2. Knowledge transfer', done: 0, total: 1, shown: 1, firstDue: '2026-05-01', lastDue: '2026-05-01', minOffset: -60, maxOffset: -60 },
      { key: '4', label: '4. Cutover', done: 0, total: 1, shown: 1, firstDue: '2026-06-23', lastDue: '2026-06-23', minOffset: -7, maxOffset: -7 },
      { key: '6', label: '6. Close', done: 0, total: 1, shown: 1, firstDue: '2026-08-29', lastDue: '2026-08-29', minOffset: 60, maxOffset: 60 },
    ]);
    // Filtered: only the groups that still show an item, their figures still about the whole group.
    const open = await query({ groupBy: 'phase', status: ['todo'] });
    expect(open.groups?.map((g) => [g.key, g.done, g.total, g.shown])).toEqual([['0', 1, 2, 1], ['6', 0, 1, 1]]);
    expect(open.rows.map((r) => r.title)).toEqual(['Name exit managers', 'Lessons learned']);
  });

  it('by status: groups and rows in the order of the statuses', async () => {
    const { query } = await setup();
    const r = await query({ groupBy: 'status' });
    expect(r.groups?.map((g) => [g.label, g.shown])).toEqual([['To do', 2], ['In progress', 1], ['Blocked', 1], ['Done', 1]]);
    expect(r.rows.map((i) => i.status)).toEqual(['todo', 'todo', 'in_progress', 'blocked', 'done']);
  });

  it('by owner: by name, the unassigned items last', async () => {
    const { query, anna, ben } = await setup();
    const r = await query({ groupBy: 'owner' });
    expect(r.groups?.map((g) => [g.key, g.label, g.shown])).toEqual([[anna.id, 'Anna Adler', 2], [ben.id, 'Ben Berger', 2], ['', 'Unassigned', 1]]);
    expect(r.rows.map((i) => i.title)).toEqual(['Kick-off meeting', 'Shadow the payroll run', 'Name exit managers', 'Cut over DNS zones', 'Lessons learned']);
  });

  it('without groupBy the answer has no groups', async () => {
    const { query } = await setup();
    expect((await query()).groups).toBeUndefined();
  });
});

describe('checklist items: bad query input', () => {
  it.each([
    ['groupBy', { groupBy: 'vendor' }, /groupBy: must be one of phase, status, owner/],
    ['status', { status: ['finished'] }, /status.*must be one of todo/],
    ['phase', { phase: 9 }, /phase: must be a phase from 0 to 6/],
    ['dueBefore', { dueBefore: '2026-02-30' }, /dueBefore: must be a date as YYYY-MM-DD/],
    ['ownerId', { ownerId: 'anna' }, /ownerId: must be the id of a record/],
    ['overdue', { overdue: 'yes' }, /overdue/],
  ])('refuses a bad %s, naming it', async (field, bad, message) => {
    const { checklist } = await setup();
    const e = await wb.refuse('checklist.items', { checklistId: checklist.id, ...bad });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(message);
    expect(e.issues?.[0]?.field).toMatch(new RegExp(`^${field}`));
  });
});
