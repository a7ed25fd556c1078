// The register a checklist or template item works on (migration 10) travels in packs. Version 2
// packs made before it did have no `register` key: they still import, and never erase the register
// an item already has here. A value that is not a register refuses the pack, naming the file and
// the record, and changes nothing.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { dbSnapshot, exportThroughApi, makePackWorkbook, packFiles, withManifest, writeCraftedPack, type PackFile } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
beforeEach(() => {
  a = makePackWorkbook(101);
  b = makePackWorkbook(102);
});
afterEach(() => {
  a.close();
  b.close();
});

type Row = Record<string, unknown>;
const registers = (wb: TestWorkbook, table: 'checklist_items' | 'template_items') =>
  Object.fromEntries((wb.backend.db.prepare(`SELECT id, register FROM ${table} ORDER BY id`).all() as { id: string; register: string | null }[]).map((r) => [r.id, r.register]));
/** The pack's files with the data tables named edited row by row (the manifest recomputed around them). */
const edited = (files: PackFile[], tables: string[], edit: (row: Row) => void) => withManifest(files.map((f) => {
  if (!tables.some((t) => f.name === `data/${t}.json`)) return f;
  const list = JSON.parse(f.data.toString('utf8')) as Row[];
  list.forEach(edit);
  return { name: f.name, data: Buffer.from(list.length ? `[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[\n]\n') };
}));
/** As packs of version 2 were written before the register travelled: no `register` key at all. */
const withoutRegister = (files: PackFile[]) => edited(files, ['checklist_items', 'template_items'], (r) => { delete r.register; });

/** A vendor with a checklist from the built-in exit template and one from a template of the user's own. */
async function seed() {
  const vendor = await a.call('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const exit = (await a.call('template.list', {})).find((t) => t.builtin === 'exit')!;
  const own = await a.call('template.create', {
    name: 'Data centre exit', items: [
      { phase: 4, title: 'Move the racks', offsetDays: -10, register: 'infrastructure' },
      { phase: 5, title: 'Certificate of destruction', offsetDays: 10, register: 'dataset' },
      { phase: 6, title: 'Lessons learned', offsetDays: 60 },
    ],
  });
  await a.call('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  await a.call('checklist.start', { vendorId: vendor.id, templateId: own.id });
  const items = (await a.call('checklist.items', {})).rows;
  const byTitle = (title: string) => items.find((i) => i.title === title)!;
  return { vendor, own, items, byTitle };
}

describe('the register of checklist and template items in packs', () => {
  it('travels from one workbook to the other, in the JSON and the sheet', async () => {
    const s = await seed();
    expect(s.byTitle('Register access and credentials').register).toBe('access');
    expect(s.byTitle('Move the racks').register).toBe('infrastructure');
    expect(s.byTitle('Lessons learned').register).toBeNull();
    const pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'a.zip') });
    const files = await packFiles(pack);
    const items = JSON.parse(files.find((f) => f.name === 'data/checklist_items.json')!.data.toString('utf8')) as Row[];
    expect(items.find((r) => r.id === s.byTitle('Deletion certificate').id)!.register).toBe('dataset');
    expect(files.find((f) => f.name === 'data/checklist_items.csv')!.data.toString('utf8').split('\r\n')[0]).toContain(',register,');

    await b.call('pack.import', { path: pack });
    const itemRegisters = registers(a, 'checklist_items');
    expect(Object.values(itemRegisters).filter((r) => r !== null).length).toBeGreaterThanOrEqual(10);
    expect(registers(b, 'checklist_items')).toEqual(itemRegisters);
    // The user's own template comes along with its items' registers (built-in ones are each workbook's own).
    const ownItems = (await b.call('template.get', { id: s.own.id })).items.map((i) => [i.title, i.register]);
    expect(ownItems).toEqual([['Move the racks', 'infrastructure'], ['Certificate of destruction', 'dataset'], ['Lessons learned', null]]);
    // Imported again, nothing differs.
    const again = await b.call('pack.preview', { path: pack });
    expect(again.changes).toEqual([]);
    expect(again.conflicts).toEqual([]);
  });

  it('a pack without the field imports, and leaves the registers here as they were', async () => {
    const s = await seed();
    await b.call('pack.import', { path: await exportThroughApi(a, { all: true, destination: join(a.dir, 'first.zip') }) });
    const before = registers(b, 'checklist_items');
    const templateBefore = registers(b, 'template_items');

    // Then A renames an item that works on a register and adds one to its own template's checklist,
    // and sends a pack as earlier builds wrote them.
    const renamed = s.byTitle('Rotate shared secrets');
    await a.call('checklist.updateItem', { id: renamed.id, changes: { title: 'Rotate every shared secret' } });
    const checklistId = s.byTitle('Move the racks').checklistId;
    const added = await a.call('checklist.addItem', { checklistId, phase: 4, title: 'Return the badges' });
    const files = withoutRegister(await packFiles(await exportThroughApi(a, { all: true, destination: join(a.dir, 'second.zip') })));
    for (const name of ['data/checklist_items.json', 'data/template_items.json']) {
      const data = files.find((f) => f.name === name)!.data.toString('utf8');
      expect(data).toContain('"id"');
      expect(data).not.toContain('"register"');
    }
    const old = writeCraftedPack(a.dir, 'old.zip', files);

    const preview = await b.call('pack.preview', { path: old });
    expect(preview.conflicts).toEqual([]);
    // The rename is the one update: the missing register is no difference.
    expect(preview.changes.filter((c) => c.action === 'update').map((c) => [c.id, c.differences.map((d) => d.field)])).toEqual([[renamed.id, ['title']]]);
    await b.call('pack.import', { path: old });
    const after = registers(b, 'checklist_items');
    expect(after).toEqual({ ...before, [added.id]: null });
    expect(after[renamed.id]).toBe('access');
    expect(registers(b, 'template_items')).toEqual(templateBefore);
    const items = (await b.call('checklist.items', {})).rows;
    expect(items.find((i) => i.id === renamed.id)).toMatchObject({ title: 'Rotate every shared secret', register: 'access' });
  });

  it('a pack without the field, imported where its items are new, gives the built-in items their template\'s register', async () => {
    const s = await seed();
    const old = writeCraftedPack(a.dir, 'old.zip', withoutRegister(await packFiles(await exportThroughApi(a, { all: true, destination: join(a.dir, 'a.zip') }))));
    await b.call('pack.import', { path: old });
    const theirs = registers(a, 'checklist_items');
    // The items of the user's own template cannot be recognised: they come without one.
    const own = new Set([s.byTitle('Move the racks').id, s.byTitle('Certificate of destruction').id]);
    expect(registers(b, 'checklist_items')).toEqual(Object.fromEntries(Object.entries(theirs).map(([id, r]) => [id, own.has(id) ? null : r])));
    expect(s.items.filter((i) => i.register !== null && !own.has(i.id)).length).toBeGreaterThanOrEqual(8);
  });

  it('no profile withholds it: a new provider and an item owner get the registers too', async () => {
    const s = await seed();
    const ana = await a.call('person.create', { name: 'Ana Costa' });
    await a.call('checklist.updateItem', { id: s.byTitle('Deletion certificate').id, changes: { ownerId: ana.id } });
    for (const profile of ['new-provider', { person: ana.id }]) {
      const files = await packFiles(await exportThroughApi(a, { all: true, profile, destination: join(a.dir, `${typeof profile === 'string' ? profile : 'person'}.zip`) }));
      const items = JSON.parse(files.find((f) => f.name === 'data/checklist_items.json')!.data.toString('utf8')) as Row[];
      expect(items.find((r) => r.id === s.byTitle('Deletion certificate').id)!.register).toBe('dataset');
      const manifest = JSON.parse(files.find((f) => f.name === 'manifest.json')!.data.toString('utf8')) as { redactedFields: string[] };
      expect(manifest.redactedFields.filter((f) => f.endsWith('.register'))).toEqual([]);
    }
    // Nor can a profile of one's own leave it out.
    const refused = await a.refuse('pack.export', { all: true, profile: { custom: { fields: ['checklist_items.register'] } }, destination: join(a.dir, 'custom.zip') });
    expect(refused.message).toMatch(/is not a field a pack can leave out/);
  });

  it('a pack with a value that is not a register is refused, naming the file and the record, and changes nothing', async () => {
    const s = await seed();
    const victim = s.byTitle('Deletion certificate');
    const files = edited(await packFiles(await exportThroughApi(a, { all: true, destination: join(a.dir, 'a.zip') })), ['checklist_items'], (r) => {
      if (r.id === victim.id) r.register = 'secrets';
    });
    const bad = writeCraftedPack(a.dir, 'bad.zip', files);
    const snapshot = dbSnapshot(b);
    const error = await b.refuse('pack.import', { path: bad });
    const text = `${error.message}\n${(error.issues ?? []).map((i) => `${i.field} ${i.message}`).join('\n')}`;
    expect(text).toMatch(/refused and nothing was changed/);
    expect(text).toContain('data/checklist_items.json');
    expect(text).toContain(`record ${victim.id}`);
    expect(text).toMatch(/register must be one of: access, dataset, infrastructure/);
    expect(dbSnapshot(b)).toEqual(snapshot);

    const template = edited(await packFiles(await exportThroughApi(a, { all: true, destination: join(a.dir, 'b.zip') })), ['template_items'], (r) => {
      if (r.title === 'Move the racks') r.register = 42;
    });
    const error2 = await b.refuse('pack.import', { path: writeCraftedPack(a.dir, 'bad-template.zip', template) });
    const text2 = `${error2.message}\n${(error2.issues ?? []).map((i) => `${i.field} ${i.message}`).join('\n')}`;
    expect(text2).toContain('data/template_items.json');
    expect(text2).toMatch(/record [0-9a-f-]{36}\): register must be one of/);
    expect(dbSnapshot(b)).toEqual(snapshot);
  });
});
