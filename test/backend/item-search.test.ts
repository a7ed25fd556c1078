// Checklist items in the search index: global search finds them (title, description, evidence
// note) and follows every write that changes them, a pack import and the demo's bulk load; a
// checklist's text filter finds items by those words or by their owner's name, with the matches marked.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snippetText } from '../../shared/snippet';
import { exportThroughApi, makePackWorkbook } from '../pack/helpers';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

const OPEN = '\u0002';
const CLOSE = '\u0003';

async function setup(w: TestWorkbook = wb) {
  const vendor = await w.call('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const dmitri = await w.call('person.create', { name: 'Dmitri Volkov', side: 'in_house' });
  const exit = (await w.call('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await w.call('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const item = await w.call('checklist.addItem', { checklistId: checklist.id, phase: 1, title: 'Collect the zebra firewall rules', description: 'From the quokka appliance' });
  return { vendor, dmitri, checklist, item };
}

const itemHits = async (q: string, w: TestWorkbook = wb) => (await w.call('search.query', { q })).filter((h) => h.kind === 'checklist_item');

describe('global search over checklist items', () => {
  it('finds an item by its title, description and evidence note, with its checklist and vendor', async () => {
    const { vendor, checklist, item } = await setup();
    const [byTitle] = await itemHits('zebra');
    expect(byTitle).toMatchObject({ kind: 'checklist_item', id: item.id, checklistId: checklist.id, vendorId: vendor.id, vendorName: 'Northwind', title: item.title });
    expect(byTitle!.snippet).toContain(`${OPEN}zebra${CLOSE}`);
    expect((await itemHits('quok')).map((h) => h.id)).toEqual([item.id]);

    await wb.call('checklist.updateItem', { id: item.id, changes: { evidence: 'Ticket OPS-4711 closed by the walrus team' } });
    const [byEvidence] = await itemHits('walrus');
    expect(byEvidence?.id).toBe(item.id);
    expect(snippetText(byEvidence!.snippet)).toContain('walrus team');
  });

  it('indexes the items a template starts, and records still carry no checklist', async () => {
    const { vendor, checklist } = await setup();
    const started = (await wb.call('checklist.items', { checklistId: checklist.id })).rows[0]!;
    expect((await itemHits(started.title)).map((h) => h.id)).toContain(started.id);
    await wb.call('process.create', { vendorId: vendor.id, name: 'Zebra backups' });
    const process = (await wb.call('search.query', { q: 'zebra' })).find((h) => h.kind === 'process');
    expect(process?.checklistId).toBeNull();
  });

  it('follows renames, deletes and restores, and hides items of a deleted checklist', async () => {
    const { checklist, item } = await setup();
    await wb.call('checklist.updateItem', { id: item.id, changes: { title: 'Collect the okapi firewall rules' } });
    expect(await itemHits('zebra')).toEqual([]);
    expect((await itemHits('okapi')).map((h) => h.id)).toEqual([item.id]);

    await wb.call('checklist.deleteItem', { id: item.id });
    expect(await itemHits('okapi')).toEqual([]);
    await wb.call('checklist.restoreItem', { id: item.id });
    expect((await itemHits('okapi')).map((h) => h.id)).toEqual([item.id]);

    await wb.call('checklist.delete', { id: checklist.id });
    expect(await itemHits('okapi')).toEqual([]);
    await wb.call('checklist.restore', { id: checklist.id });
    expect((await itemHits('okapi')).map((h) => h.id)).toEqual([item.id]);
  });

  it('finds the demo workbook\'s items after its bulk load', async () => {
    await wb.call('demo.load', {});
    const [some] = (await wb.call('checklist.items', { limit: 1 })).rows;
    const hits = await itemHits(some!.title);
    expect(hits.map((h) => h.id)).toContain(some!.id);
  });

  it('finds the items a pack brought in', async () => {
    const a = makePackWorkbook(1);
    const b = makePackWorkbook(2);
    try {
      const { vendor, item } = await setup(a);
      await a.call('checklist.updateItem', { id: item.id, changes: { evidence: 'Signed by the capybara board' } });
      const pack = await exportThroughApi(a, { vendorIds: [vendor.id], destination: join(a.dir, 'p.zip') });
      await b.call('pack.import', { path: pack });
      expect((await itemHits('capybara', b)).map((h) => h.id)).toEqual([item.id]);
      // A later pack that changes the item replaces its entry.
      await a.call('checklist.updateItem', { id: item.id, changes: { evidence: 'Signed by the narwhal board' } });
      const later = await exportThroughApi(a, { vendorIds: [vendor.id], destination: join(a.dir, 'p2.zip') });
      await b.call('pack.import', { path: later });
      expect(await itemHits('capybara', b)).toEqual([]);
      expect((await itemHits('narwhal', b)).map((h) => h.id)).toEqual([item.id]);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('a checklist\'s text filter', () => {
  it('finds items by title, description, evidence note or owner name, and marks the match', async () => {
    const { checklist, dmitri, item } = await setup();
    const other = await wb.call('checklist.addItem', { checklistId: checklist.id, phase: 2, title: 'Walk through the runbook', ownerId: dmitri.id });
    await wb.call('checklist.updateItem', { id: other.id, changes: { evidence: 'Minutes of the pelican session' } });
    const filter = (text: string) => wb.call('checklist.items', { checklistId: checklist.id, text });

    const byTitle = await filter('zeb');
    expect(byTitle.rows.map((r) => r.id)).toEqual([item.id]);
    expect(byTitle.total).toBe(1);
    expect(byTitle.marks?.[item.id]).toEqual({ title: `Collect the ${OPEN}zebra${CLOSE} firewall rules` });

    const byDescription = await filter('quokka');
    expect(byDescription.rows.map((r) => r.id)).toEqual([item.id]);
    expect(byDescription.marks?.[item.id]?.body).toContain(`${OPEN}quokka${CLOSE}`);
    expect(byDescription.marks?.[item.id]?.title).toBeUndefined();

    const byEvidence = await filter('pelic');
    expect(byEvidence.rows.map((r) => r.id)).toEqual([other.id]);
    expect(byEvidence.marks?.[other.id]?.body).toContain(`${OPEN}pelican${CLOSE}`);

    const byOwner = await filter('dmi');
    expect(byOwner.rows.map((r) => r.id)).toEqual([other.id]);
    expect(byOwner.marks?.[other.id]).toEqual({ owner: `${OPEN}Dmitri${CLOSE} Volkov` });
    expect(byOwner.labels[dmitri.id]).toBe('Dmitri Volkov');
  });

  it('needs every word, stays within its checklist, and combines with the other filters', async () => {
    const { vendor, checklist, item } = await setup();
    const other = await wb.call('checklist.start', { vendorId: vendor.id, templateId: (await wb.call('template.list', {})).find((t) => t.builtin === 'exit')!.id });
    await wb.call('checklist.addItem', { checklistId: other.id, phase: 1, title: 'Zebra crossing elsewhere' });
    const elsewhere = await wb.call('vendor.create', { name: 'Elsewhere' });
    const c3 = await wb.call('checklist.start', { vendorId: elsewhere.id, templateId: (await wb.call('template.list', {})).find((t) => t.builtin === 'exit')!.id });
    await wb.call('checklist.addItem', { checklistId: c3.id, phase: 1, title: 'Zebra too' });

    expect((await wb.call('checklist.items', { checklistId: checklist.id, text: 'zebra' })).rows.map((r) => r.id)).toEqual([item.id]);
    expect((await wb.call('checklist.items', { checklistId: checklist.id, text: 'zebra rules' })).rows.map((r) => r.id)).toEqual([item.id]);
    expect((await wb.call('checklist.items', { checklistId: checklist.id, text: 'zebra nothing' })).rows).toEqual([]);
    expect((await wb.call('checklist.items', { vendorId: vendor.id, text: 'zebra' })).total).toBe(2);
    expect((await wb.call('checklist.items', { checklistId: checklist.id, text: 'zebra', status: ['done'] })).rows).toEqual([]);
    // Search syntax is taken as plain words; nothing but punctuation filters nothing.
    expect((await wb.call('checklist.items', { checklistId: checklist.id, text: '"zebra*' })).rows.map((r) => r.id)).toEqual([item.id]);
    const all = await wb.call('checklist.items', { checklistId: checklist.id });
    const punct = await wb.call('checklist.items', { checklistId: checklist.id, text: '"(*' });
    expect(punct.total).toBe(all.total);
    expect(punct.marks).toBeUndefined();
  });

  it('refuses a filter longer than 200 characters, naming the field', async () => {
    const { checklist } = await setup();
    const error = await wb.refuse('checklist.items', { checklistId: checklist.id, text: 'x'.repeat(201) });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]?.field).toBe('text');
  });
});
