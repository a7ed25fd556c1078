// Undo and redo of checklist items: adding, deleting and restoring an item, editing it (due dates
// set by hand or following T), signing it off, and linking it to records; an item changed since
// is never overwritten. Attaching and removing files likewise.
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
afterEach(() => wb?.close());

/** A vendor leaving on 2026-09-30, an empty checklist of its own, and one item due at T−30. */
async function seeded() {
  wb = makeWorkbook();
  const vendor = await wb.call('vendor.create', { name: 'Acme', exitDate: '2026-09-30' });
  const template = await wb.call('template.create', { name: 'Blank', items: [] });
  const checklist = await wb.call('checklist.start', { vendorId: vendor.id, templateId: template.id });
  const item = await wb.call('checklist.addItem', { checklistId: checklist.id, phase: 1, title: 'Collect the runbooks', offsetDays: -30 });
  return { vendor, checklist, item };
}

const item = (id: string) => wb.backend.db.prepare('SELECT title, status, blocked_reason AS blockedReason, due_date AS dueDate, due_manual AS dueManual, deleted_at AS deletedAt FROM checklist_items WHERE id = ?').get(id) as Record<string, unknown>;

describe('undo and redo of checklist items', () => {
  it('take back an added item (a tombstone) and put it back', async () => {
    const { item: it1 } = await seeded();
    expect((await wb.call('history.state', {})).undo).toEqual({ summary: `Added item “Collect the runbooks” to checklist “Blank”`, undoable: true });
    await wb.call('history.undo', {});
    expect(item(it1.id).deletedAt).not.toBeNull();
    await wb.call('history.redo', {});
    expect(item(it1.id).deletedAt).toBeNull();
  });

  it('take back a delete and a restore', async () => {
    const { item: it1 } = await seeded();
    await wb.call('checklist.deleteItem', { id: it1.id });
    await wb.call('history.undo', {});
    expect(item(it1.id).deletedAt).toBeNull();
    await wb.call('checklist.deleteItem', { id: it1.id });
    await wb.call('checklist.restoreItem', { id: it1.id });
    await wb.call('history.undo', {});
    expect(item(it1.id).deletedAt).not.toBeNull();
  });

  it('take back an edit of title and status, and redo it', async () => {
    const { item: it1 } = await seeded();
    await wb.call('checklist.updateItem', { id: it1.id, changes: { title: 'Collect every runbook', status: 'blocked', blockedReason: 'Vendor has not answered' } });
    await wb.call('history.undo', {});
    expect(item(it1.id)).toMatchObject({ title: 'Collect the runbooks', status: 'todo', blockedReason: '' });
    await wb.call('history.redo', {});
    expect(item(it1.id)).toMatchObject({ title: 'Collect every runbook', status: 'blocked', blockedReason: 'Vendor has not answered' });
  });

  it('a date set by hand, undone, follows T again; an offset change undone moves the date back', async () => {
    const { item: it1 } = await seeded();
    expect(item(it1.id)).toMatchObject({ dueDate: '2026-08-31', dueManual: 0 });
    await wb.call('checklist.updateItem', { id: it1.id, changes: { dueDate: '2026-07-01' } });
    await wb.call('history.undo', {});
    expect(item(it1.id)).toMatchObject({ dueDate: '2026-08-31', dueManual: 0 });
    await wb.call('history.redo', {});
    expect(item(it1.id)).toMatchObject({ dueDate: '2026-07-01', dueManual: 1 });
    await wb.call('checklist.updateItem', { id: it1.id, changes: { offsetDays: -60 } });
    expect(item(it1.id)).toMatchObject({ dueDate: '2026-08-01', dueManual: 0 });
    await wb.call('history.undo', {});
    expect(item(it1.id)).toMatchObject({ dueDate: '2026-07-01', dueManual: 1 });
  });

  it('refuse when the item changed since by a write that is not undone, and change nothing', async () => {
    const { item: it1 } = await seeded();
    await wb.call('checklist.updateItem', { id: it1.id, changes: { title: 'Collect every runbook' } });
    // As another program would: a change with no entry of its own.
    wb.backend.db.prepare("UPDATE checklist_items SET title = 'Runbooks (imported)' WHERE id = ?").run(it1.id);
    const before = wb.counts();
    expect(await wb.refuse('history.undo', {})).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('the item changed since (title)') });
    expect(wb.counts()).toEqual(before);
    expect(item(it1.id).title).toBe('Runbooks (imported)');
  });

  it('take back a link to a record and an unlink', async () => {
    const { vendor, item: it1 } = await seeded();
    const p = await wb.call('process.create', { vendorId: vendor.id, name: 'Billing' });
    const linked = async () => (await wb.call('checklist.links', { itemId: it1.id })).filter((l) => l.recordId === p.id).length;
    await wb.call('checklist.link', { itemId: it1.id, recordKind: 'process', recordId: p.id });
    await wb.call('history.undo', {});
    expect(await linked()).toBe(0);
    await wb.call('history.redo', {});
    expect(await linked()).toBe(1);
    await wb.call('checklist.unlink', { itemId: it1.id, recordKind: 'process', recordId: p.id });
    await wb.call('history.undo', {});
    expect(await linked()).toBe(1);
  });

  it('take back a sign-off (the item reopens), its redo, and a withdrawn sign-off', async () => {
    const { item: it1 } = await seeded();
    const ann = await wb.call('person.create', { name: 'Ann' });
    const signer = () => wb.backend.db.prepare('SELECT signed_off_by_id FROM checklist_items WHERE id = ?').pluck().get(it1.id);
    await wb.call('checklist.signOff', { id: it1.id, byId: ann.id });
    expect((await wb.call('history.state', {})).undo).toEqual({ summary: 'Signed off “Collect the runbooks” by Ann', undoable: true });
    await wb.call('history.undo', {});
    expect([item(it1.id).status, signer()]).toEqual(['todo', null]);
    await wb.call('history.redo', {});
    expect([item(it1.id).status, signer()]).toEqual(['done', ann.id]);
    await wb.call('checklist.signOff', { id: it1.id, byId: null });
    await wb.call('history.undo', {});
    expect([item(it1.id).status, signer()]).toEqual(['done', ann.id]);
  });

  it('an edit that reopened a signed-off item, undone, brings the sign-off back', async () => {
    const { item: it1 } = await seeded();
    const ann = await wb.call('person.create', { name: 'Ann' });
    await wb.call('checklist.signOff', { id: it1.id, byId: ann.id });
    await wb.call('checklist.updateItem', { id: it1.id, changes: { status: 'in_progress' } });
    await wb.call('history.undo', {});
    expect(item(it1.id).status).toBe('done');
    expect(wb.backend.db.prepare('SELECT signed_off_by_id FROM checklist_items WHERE id = ?').pluck().get(it1.id)).toBe(ann.id);
  });
});

describe('undo and redo of attachments', () => {
  const listed = async (owner: { documentId: string } | { itemId: string }) => (await wb.call('attachment.list', owner)).map((a) => a.fileName);

  it('take back attaching a file to a document, keeping the file so a redo links it again', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const d = await wb.call('document.create', { vendorId: v.id, title: 'Runbook' });
    const a = await wb.attach({ documentId: d.id, fileName: 'runbook.pdf', content: 'the runbook' });
    expect((await wb.call('history.state', {})).undo).toEqual({ summary: 'Attached “runbook.pdf” to document “Runbook”', undoable: true });
    await wb.call('history.undo', {});
    expect(await listed({ documentId: d.id })).toEqual([]);
    await wb.call('history.redo', {});
    expect(await listed({ documentId: d.id })).toEqual(['runbook.pdf']);
    const [back] = await wb.call('attachment.list', { documentId: d.id });
    expect(back?.sha256).toBe(a.sha256);
  });

  it('take back removing an item’s evidence file while the file is still stored', async () => {
    const { item: it1, vendor } = await seeded();
    const d = await wb.call('document.create', { vendorId: vendor.id, title: 'Runbook' });
    // The same file on a document too: removing it from the item leaves it in the store.
    await wb.attach({ documentId: d.id, fileName: 'evidence.txt', content: 'signed' });
    const a = await wb.attach({ itemId: it1.id, fileName: 'evidence.txt', content: 'signed' });
    await wb.call('attachment.remove', { itemId: it1.id, attachmentId: a.id });
    expect((await wb.call('history.state', {})).undo).toEqual({ summary: 'Removed attachment “evidence.txt” from checklist item “Collect the runbooks”', undoable: true });
    await wb.call('history.undo', {});
    expect(await listed({ itemId: it1.id })).toEqual(['evidence.txt']);
    await wb.call('history.redo', {});
    expect(await listed({ itemId: it1.id })).toEqual([]);
  });

  it('cannot take back removing a file nothing else used: it left the store with its last link', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const d = await wb.call('document.create', { vendorId: v.id, title: 'Runbook' });
    const a = await wb.attach({ documentId: d.id, fileName: 'runbook.pdf', content: 'only here' });
    await wb.call('attachment.remove', { documentId: d.id, attachmentId: a.id });
    expect((await wb.call('history.state', {})).undo).toMatchObject({ undoable: false });
    expect(await wb.refuse('history.undo', {})).toMatchObject({ code: 'UNSUPPORTED' });
  });
});
