import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_TEMPLATE } from '../../shared/templates';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

const builtin = async (key: string) => (await wb.call('template.list', {})).find((t) => t.builtin === key)!;

async function setup(exitDate: string | null = '2027-06-30') {
  const vendor = await wb.call('vendor.create', { name: 'Northwind', exitDate });
  const anna = await wb.call('person.create', { name: 'Anna Adler', side: 'in_house' });
  const ben = await wb.call('person.create', { name: 'Ben Berger', side: 'in_house' });
  const p1 = await wb.call('process.create', { vendorId: vendor.id, name: 'Payroll export', criticality: 'critical', ktStage: 'shadowing' });
  const p2 = await wb.call('process.create', { vendorId: vendor.id, name: 'Patching', criticality: 'low' });
  const exit = await builtin('exit');
  const checklist = await wb.call('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const items = (await wb.call('checklist.items', { checklistId: checklist.id })).rows;
  return { vendor, anna, ben, p1, p2, exit, checklist, items };
}

describe('templates', () => {
  it('every workbook has the built-in exit template (30+ items over six phases with descriptions) and the emergency variant', async () => {
    const exit = await builtin('exit');
    expect(exit.items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(exit.items.map((i) => i.phase))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(exit.items.every((i) => i.description.startsWith('Done when'))).toBe(true);
    const emergency = await builtin('emergency_exit');
    expect(Math.min(...emergency.items.map((i) => i.offsetDays))).toBeGreaterThanOrEqual(-30);
    expect(emergency.items.slice(0, 4).map((i) => i.title)).toEqual(
      expect.arrayContaining(['Take back privileged access', 'Capture data and configuration now', 'Invoke source code escrow']),
    );
  });

  it('own templates: create, reorder, duplicate, delete; built-ins are read-only', async () => {
    const t = await wb.call('template.create', { name: 'Small exit', items: [
      { phase: 0, title: 'Kick-off', offsetDays: -90 }, { phase: 6, title: 'Close', offsetDays: 30 }, { phase: 2, title: 'KT', offsetDays: -30, perProcess: true },
    ] });
    expect(t.items.map((i) => i.title)).toEqual(['Kick-off', 'Close', 'KT']);
    const reordered = await wb.call('template.update', { id: t.id, items: [t.items[0]!, t.items[2]!, t.items[1]!].map(({ phase, title, offsetDays, perProcess }) => ({ phase, title, offsetDays, perProcess })) });
    expect(reordered.items.map((i) => i.title)).toEqual(['Kick-off', 'KT', 'Close']);
    expect(reordered.items[1]!.perProcess).toBe(true);
    const copy = await wb.call('template.duplicate', { id: t.id });
    expect(copy.name).toBe('Small exit (copy)');
    expect(copy.items).toHaveLength(3);
    await wb.call('template.delete', { id: t.id });
    expect((await wb.call('template.list', {})).map((x) => x.name)).not.toContain('Small exit');
    const exit = await builtin('exit');
    expect((await wb.refuse('template.update', { id: exit.id, name: 'Mine now' })).code).toBe('CONFLICT');
    expect((await wb.refuse('template.delete', { id: exit.id })).code).toBe('CONFLICT');
  });

  it('saves a vendor\'s checklist as a template, folding the per-process items back into one', async () => {
    const { checklist } = await setup();
    const t = await wb.call('template.fromChecklist', { checklistId: checklist.id, name: 'Our way' });
    expect(t.items).toHaveLength(EXIT_TEMPLATE.items.length);
    expect(t.items.find((i) => i.perProcess)?.title).toBe('Knowledge transfer');
  });

  it('refuses a bad template and writes nothing', async () => {
    const before = wb.counts();
    const e = await wb.refuse('template.create', { name: 'Bad', items: [{ phase: 9, title: 'x', offsetDays: 0 }] });
    expect(e.issues?.[0]?.field).toBe('items.0.phase');
    expect(wb.counts()).toEqual(before);
  });
});

describe('starting a checklist', () => {
  it('instantiates the template: due dates from T, one KT item per process with the process\'s stage', async () => {
    const { items, p1, p2, vendor } = await setup('2027-06-30');
    const perProcess = EXIT_TEMPLATE.items.filter((i) => i.perProcess).length;
    expect(items).toHaveLength(EXIT_TEMPLATE.items.length - perProcess + 2 * perProcess);
    const first = items.find((i) => i.title === 'Appoint our exit manager')!;
    expect(first).toMatchObject({ phase: 0, offsetDays: -180, dueDate: '2027-01-01', dueManual: false, status: 'todo', vendorId: vendor.id });
    const kt = items.filter((i) => i.processId);
    expect(kt.map((i) => i.title).sort()).toEqual(['Knowledge transfer: Patching', 'Knowledge transfer: Payroll export']);
    expect(kt.find((i) => i.processId === p1.id)!.status).toBe('in_progress');
    expect(kt.find((i) => i.processId === p2.id)!.status).toBe('todo');
    const log = await wb.call('activity.list', { vendorId: vendor.id, limit: 1 });
    expect(log[0]!.summary).toMatch(/Started checklist “Vendor exit \(ordinary\)”/);
  });

  it('a vendor may have several checklists, each with its progress', async () => {
    const { vendor, checklist } = await setup();
    const emergency = await builtin('emergency_exit');
    await wb.call('checklist.start', { vendorId: vendor.id, templateId: emergency.id, name: 'Plan B' });
    const lists = await wb.call('checklist.list', { vendorId: vendor.id });
    expect(lists.map((l) => l.name)).toEqual(['Vendor exit (ordinary)', 'Plan B']);
    expect(lists[0]!.id).toBe(checklist.id);
    expect(lists[0]!.total).toBeGreaterThan(30);
  });

  it('without an exit date, items keep their offsets and get dates once T is set', async () => {
    const { vendor, items } = await setup(null);
    expect(items.every((i) => i.dueDate === null && i.offsetDays !== null)).toBe(true);
    await wb.call('vendor.update', { id: vendor.id, changes: { exitDate: '2027-01-31' } });
    const after = (await wb.call('checklist.items', { vendorId: vendor.id })).rows;
    expect(after.find((i) => i.title === 'Go / no-go')!.dueDate).toBe('2027-01-29');
  });
});

describe('due dates follow the exit date', () => {
  it('move with T unless set by hand; a hand-set date can go back to its offset', async () => {
    const { vendor, items } = await setup('2027-06-30');
    const goNoGo = items.find((i) => i.title === 'Go / no-go')!;
    const serve = items.find((i) => i.title === 'Serve notice')!;
    await wb.call('checklist.updateItem', { id: serve.id, changes: { dueDate: '2027-01-15' } });
    await wb.call('vendor.update', { id: vendor.id, changes: { exitDate: '2027-09-30' } });
    const moved = new Map((await wb.call('checklist.items', { vendorId: vendor.id })).rows.map((i) => [i.id, i]));
    expect(moved.get(goNoGo.id)!.dueDate).toBe('2027-09-28');
    expect(moved.get(serve.id)).toMatchObject({ dueDate: '2027-01-15', dueManual: true });
    const back = await wb.call('checklist.updateItem', { id: serve.id, changes: { dueDate: null } });
    expect(back).toMatchObject({ dueDate: '2027-06-02', dueManual: false });
    const shifted = await wb.call('checklist.updateItem', { id: serve.id, changes: { offsetDays: -100 } });
    expect(shifted.dueDate).toBe('2027-06-22');
  });

  it('counts across leap days', async () => {
    const { items } = await setup('2028-03-01');
    const go = items.find((i) => i.title === 'Go / no-go')!;
    expect(go.dueDate).toBe('2028-02-28');
    const revoke = await wb.call('checklist.updateItem', { id: go.id, changes: { offsetDays: -1 } });
    expect(revoke.dueDate).toBe('2028-02-29');
  });

  it('clearing the exit date clears the computed dates but keeps hand-set ones', async () => {
    const { vendor, items } = await setup('2027-06-30');
    await wb.call('checklist.updateItem', { id: items[0]!.id, changes: { dueDate: '2027-01-02' } });
    await wb.call('vendor.update', { id: vendor.id, changes: { exitDate: null } });
    const rows = (await wb.call('checklist.items', { vendorId: vendor.id })).rows;
    expect(rows.find((i) => i.id === items[0]!.id)!.dueDate).toBe('2027-01-02');
    expect(rows.filter((i) => i.id !== items[0]!.id).every((i) => i.dueDate === null)).toBe(true);
  });
});

describe('working the items', () => {
  it('assigns, completes, blocks with a reason, signs off — and logs each step', async () => {
    const { items, anna, ben } = await setup();
    const item = items[0]!;
    await wb.call('checklist.updateItem', { id: item.id, changes: { ownerId: anna.id } });
    const started = await wb.call('checklist.updateItem', { id: item.id, changes: { status: 'in_progress', evidence: 'Kick-off minutes' } });
    expect(started).toMatchObject({ status: 'in_progress', ownerId: anna.id, evidence: 'Kick-off minutes', completedAt: null });
    const blocked = await wb.call('checklist.updateItem', { id: item.id, changes: { status: 'blocked', blockedReason: 'Waiting for the board' } });
    expect(blocked.blockedReason).toBe('Waiting for the board');
    const done = await wb.call('checklist.updateItem', { id: item.id, changes: { status: 'done' } });
    expect(done.completedAt).not.toBeNull();
    const signed = await wb.call('checklist.signOff', { id: item.id, byId: ben.id });
    expect(signed).toMatchObject({ status: 'done', signedOffById: ben.id });
    expect(signed.signedOffAt).not.toBeNull();
    const log = (await wb.call('activity.list', { recordId: item.id })).map((a) => a.summary);
    expect(log).toEqual([
      'Signed off “Appoint our exit manager” by Ben Berger',
      'Completed “Appoint our exit manager”',
      'Set to blocked “Appoint our exit manager”: Waiting for the board',
      'Set to in progress “Appoint our exit manager”',
      'Updated item “Appoint our exit manager”: owner id',
    ]);
  });

  it('refuses a block without a reason, an unknown owner, a bad date — and writes nothing', async () => {
    const { items } = await setup();
    const before = wb.counts();
    const cases: [unknown, string][] = [
      [{ status: 'blocked' }, 'changes.blockedReason'],
      [{ status: 'blocked', blockedReason: '   ' }, 'changes.blockedReason'],
      [{ ownerId: '11111111-1111-4111-8111-111111111111' }, 'changes.ownerId'],
      [{ dueDate: '2027-02-29' }, 'changes.dueDate'],
      [{ status: 'finished' }, 'changes.status'],
      [{ phase: 7 }, 'changes.phase'],
      [{ colour: 'red' }, 'changes.colour'],
    ];
    for (const [changes, field] of cases) {
      const e = await wb.refuse('checklist.updateItem', { id: items[0]!.id, changes });
      expect(e.issues?.map((i) => i.field), JSON.stringify(changes)).toContain(field);
    }
    expect(wb.counts()).toEqual(before);
  });

  it('links items to inventory records and attaches evidence files', async () => {
    const { items, vendor } = await setup();
    const doc = await wb.call('document.create', { vendorId: vendor.id, title: 'Exit plan' });
    const links = await wb.call('checklist.link', { itemId: items[0]!.id, recordKind: 'document', recordId: doc.id });
    expect(links.map((l) => [l.recordKind, l.title])).toEqual([['document', 'Exit plan']]);
    expect(await wb.call('checklist.unlink', { itemId: items[0]!.id, recordKind: 'document', recordId: doc.id })).toEqual([]);
    expect((await wb.refuse('checklist.link', { itemId: items[0]!.id, recordKind: 'licence', recordId: doc.id })).issues?.[0]?.field).toBe('recordId');
    const att = await wb.attach({ itemId: items[0]!.id, fileName: 'minutes.txt', content: new TextEncoder().encode('minutes') });
    expect((await wb.call('attachment.list', { itemId: items[0]!.id })).map((a) => a.id)).toEqual([att.id]);
    expect((await wb.refuse('attachment.list', {})).issues?.[0]?.field).toBe('documentId');
  });
});

describe('knowledge transfer follows the process', () => {
  it('moving the item\'s stage moves the process, and the item status follows', async () => {
    const { items, p2 } = await setup();
    const kt = items.find((i) => i.processId === p2.id)!;
    const shadowing = await wb.call('checklist.setKtStage', { id: kt.id, stage: 'shadowing' });
    expect(shadowing.status).toBe('in_progress');
    expect((await wb.call('process.get', { id: p2.id })).ktStage).toBe('shadowing');
    const signed = await wb.call('checklist.setKtStage', { id: kt.id, stage: 'signed_off' });
    expect(signed.status).toBe('done');
    expect((await wb.call('process.get', { id: p2.id })).ktStage).toBe('signed_off');
  });

  it('editing the process\'s stage in the inventory moves its items; completing the item signs the process off', async () => {
    const { items, p1, p2 } = await setup();
    await wb.call('process.update', { id: p1.id, changes: { ktStage: 'signed_off' } });
    const rows = (await wb.call('checklist.items', { checklistId: items[0]!.checklistId })).rows;
    expect(rows.find((i) => i.processId === p1.id)!.status).toBe('done');
    const kt2 = rows.find((i) => i.processId === p2.id)!;
    await wb.call('checklist.updateItem', { id: kt2.id, changes: { status: 'done' } });
    expect((await wb.call('process.get', { id: p2.id })).ktStage).toBe('signed_off');
    expect((await wb.refuse('checklist.setKtStage', { id: items[0]!.id, stage: 'shadowing' })).issues?.[0]?.field).toBe('id');
  });
});

describe('my tasks', () => {
  it('lists a person\'s open items across vendors, overdue first', async () => {
    const a = await setup('2026-03-20');
    const other = await wb.call('vendor.create', { name: 'Contoso', exitDate: '2027-12-31' });
    const exit = await builtin('exit');
    const c2 = await wb.call('checklist.start', { vendorId: other.id, templateId: exit.id });
    const otherItems = (await wb.call('checklist.items', { checklistId: c2.id })).rows;
    const overdue = a.items.find((i) => i.title === 'Appoint our exit manager')!; // due 2025-09-21, long past
    const later = otherItems.find((i) => i.title === 'Go / no-go')!;
    const doneOne = otherItems.find((i) => i.title === 'Training')!;
    for (const it of [later, overdue, doneOne]) await wb.call('checklist.updateItem', { id: it.id, changes: { ownerId: a.anna.id } });
    await wb.call('checklist.updateItem', { id: doneOne.id, changes: { status: 'done' } });
    const tasks = await wb.call('checklist.myTasks', { personId: a.anna.id });
    expect(tasks.map((t) => [t.title, t.vendorName, t.overdue])).toEqual([
      ['Appoint our exit manager', 'Northwind', true],
      ['Go / no-go', 'Contoso', false],
    ]);
    const all = await wb.call('checklist.myTasks', { personId: a.anna.id, includeClosed: true });
    expect(all.at(-1)!.title).toBe('Training');
  });
});

describe('readiness and the dashboard', () => {
  it('the vendor overview gives the score, its parts, flags linked to their records, deadlines and phases', async () => {
    const { vendor, p1 } = await setup('2027-06-30');
    const o = await wb.call('readiness.vendor', { vendorId: vendor.id });
    expect(o.readiness.parts.map((p) => p.key)).toEqual(['checklist', 'processes', 'repositories', 'licences', 'documents', 'access', 'data', 'infrastructure']);
    expect(o.readiness.flags.find((f) => f.kind === 'critical_process_no_successor')!.target).toEqual({ kind: 'process', id: p1.id });
    expect(o.phases.map((p) => p.phase)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(o.phases[0]).toMatchObject({ startOffset: -180, endOffset: -130, start: '2027-01-01' });
    expect(o.nextDeadlines[0]!.dueDate! >= o.today).toBe(true);
  });

  it('the dashboard puts the riskiest vendor first and changes when items are completed', async () => {
    const { vendor, items } = await setup('2027-06-30');
    const calm = await wb.call('vendor.create', { name: 'Calm Ltd', exitDate: '2028-01-01' });
    const rows = await wb.call('dashboard.get', {});
    expect(rows.map((r) => r.name)).toEqual(['Northwind', 'Calm Ltd']);
    expect(rows[0]).toMatchObject({ vendorId: vendor.id, exitDate: '2027-06-30', trend: null });
    expect(rows[0]!.highFlags).toBeGreaterThan(0);
    expect(rows[1]!.vendorId).toBe(calm.id);
    for (const it of items.slice(0, 10)) await wb.call('checklist.updateItem', { id: it.id, changes: { status: 'done' } });
    const after = await wb.call('dashboard.get', {});
    expect(after[0]!.readiness).toBeGreaterThan(rows[0]!.readiness);
    expect(after[0]!.items.done).toBe(10);
  });
});

describe('knowledge-transfer items are owned by the process\'s successor', () => {
  async function withSuccessors() {
    const vendor = await wb.call('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
    const anna = await wb.call('person.create', { name: 'Anna Adler', side: 'in_house' });
    const ben = await wb.call('person.create', { name: 'Ben Berger', side: 'in_house' });
    const cleo = await wb.call('person.create', { name: 'Cleo Chan', side: 'in_house' });
    const payroll = await wb.call('process.create', { vendorId: vendor.id, name: 'Payroll export', successorId: anna.id });
    const patching = await wb.call('process.create', { vendorId: vendor.id, name: 'Patching' });
    const checklist = await wb.call('checklist.start', { vendorId: vendor.id, templateId: (await builtin('exit')).id });
    const kt = async (processId: string) => (await wb.call('checklist.items', { checklistId: checklist.id })).rows.find((i) => i.processId === processId)!;
    return { vendor, anna, ben, cleo, payroll, patching, kt };
  }

  it('start with the successor, or unassigned without one', async () => {
    const { anna, payroll, patching, kt } = await withSuccessors();
    expect(await kt(payroll.id)).toMatchObject({ ownerId: anna.id, ownerManual: false });
    expect(await kt(patching.id)).toMatchObject({ ownerId: null, ownerManual: false });
  });

  it('follow a later change of successor, until reassigned by hand', async () => {
    const { anna, ben, cleo, payroll, patching, kt } = await withSuccessors();
    await wb.call('process.update', { id: payroll.id, changes: { successorId: ben.id } });
    await wb.call('process.update', { id: patching.id, changes: { successorId: cleo.id } });
    expect((await kt(payroll.id)).ownerId).toBe(ben.id);
    expect((await kt(patching.id)).ownerId).toBe(cleo.id);
    const mine = await wb.call('checklist.updateItem', { id: (await kt(payroll.id)).id, changes: { ownerId: anna.id } });
    expect(mine).toMatchObject({ ownerId: anna.id, ownerManual: true });
    await wb.call('process.update', { id: payroll.id, changes: { successorId: cleo.id } });
    expect((await kt(payroll.id)).ownerId).toBe(anna.id);
    // Cleared by hand is a choice too: it stays cleared.
    await wb.call('checklist.updateItem', { id: (await kt(patching.id)).id, changes: { ownerId: null } });
    await wb.call('process.update', { id: patching.id, changes: { successorId: ben.id } });
    expect((await kt(patching.id)).ownerId).toBeNull();
  });

  it('lose their owner when the successor is cleared, and an owner from before the tracking stays', async () => {
    const { anna, ben, payroll, patching, kt } = await withSuccessors();
    await wb.call('process.update', { id: payroll.id, changes: { successorId: null } });
    expect((await kt(payroll.id)).ownerId).toBeNull();
    // An item owned by someone other than the previous successor was assigned some other way (an
    // older workbook or pack): it is left alone even without the mark.
    const item = await kt(patching.id);
    wb.backend.db.prepare('UPDATE checklist_items SET owner_id = ?, owner_manual = 0 WHERE id = ?').run(anna.id, item.id);
    await wb.call('process.update', { id: patching.id, changes: { successorId: ben.id } });
    expect((await kt(patching.id)).ownerId).toBe(anna.id);
  });
});
