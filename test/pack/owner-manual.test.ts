// A checklist item's "owner set by hand" travels in packs, and a pack made before it existed still
// imports: its owners count as set by hand (as the migration counts a workbook's), unowned items not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { craftZip, exportThroughApi, makePackWorkbook, packFiles, toCraft, withManifest } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
beforeEach(() => {
  a = makePackWorkbook(1);
  b = makePackWorkbook(2);
});
afterEach(() => {
  a.close();
  b.close();
});

/** A vendor with three KT items: one following its successor, one reassigned by hand, one unowned. */
async function seed() {
  const vendor = await a.call('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const anna = await a.call('person.create', { name: 'Anna Adler' });
  const ben = await a.call('person.create', { name: 'Ben Berger' });
  const follows = await a.call('process.create', { vendorId: vendor.id, name: 'Payroll export', successorId: anna.id });
  const byHand = await a.call('process.create', { vendorId: vendor.id, name: 'Patching', successorId: anna.id });
  const unowned = await a.call('process.create', { vendorId: vendor.id, name: 'Backups' });
  const exit = (await a.call('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await a.call('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const kt = (await a.call('checklist.items', { checklistId: checklist.id })).rows.filter((i) => i.processId);
  const item = (p: { id: string }) => kt.find((i) => i.processId === p.id)!;
  await a.call('checklist.updateItem', { id: item(byHand).id, changes: { ownerId: ben.id } });
  return { follows: item(follows), byHand: item(byHand), unowned: item(unowned) };
}

const ownership = async (wb: TestWorkbook, ids: string[]) => {
  const rows = new Map((await wb.call('checklist.items', {})).rows.map((i) => [i.id, i]));
  return ids.map((id) => [rows.get(id)!.ownerId !== null, rows.get(id)!.ownerManual]);
};

describe('owner set by hand in packs', () => {
  it('travels from one workbook to the other', async () => {
    const s = await seed();
    const pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'a.zip') });
    await b.call('pack.import', { path: pack });
    expect(await ownership(b, [s.follows.id, s.byHand.id, s.unowned.id])).toEqual([[true, false], [true, true], [false, false]]);
  });

  it('a pack from before it existed still imports; its owners count as set by hand', async () => {
    const s = await seed();
    const pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'a.zip') });
    const files = (await packFiles(pack)).map((f) => (f.name === 'data/checklist_items.json'
      ? { ...f, data: Buffer.from(f.data.toString('utf8').replace(/,"ownerManual":(true|false)/g, '')) }
      : f));
    const items = files.find((f) => f.name === 'data/checklist_items.json')!.data.toString('utf8');
    expect(items).toContain(s.follows.id);
    expect(items).not.toContain('ownerManual');
    const old = join(a.dir, 'old.zip');
    writeFileSync(old, craftZip(toCraft(withManifest(files))));
    await b.call('pack.import', { path: old });
    expect(await ownership(b, [s.follows.id, s.byHand.id, s.unowned.id])).toEqual([[true, true], [true, true], [false, false]]);
  });
});
