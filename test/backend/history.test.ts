// Undo and redo from the activity log: round trips for record create, update, delete and restore;
// each undo is itself a logged write; a record changed since is never overwritten.
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
afterEach(() => wb?.close());

const summaries = () => wb.backend.db.prepare('SELECT summary FROM activity ORDER BY seq').pluck().all();

describe('undo and redo', () => {
  it('take back an update and put it back, each as a logged write', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await wb.call('vendor.update', { id: v.id, changes: { name: 'Acme Ltd', noticeDays: 90 } });
    expect(await wb.call('history.state', {})).toEqual({
      undo: { summary: 'Updated vendor “Acme Ltd”: name, notice period (days)', undoable: true }, redo: null,
    });
    await wb.call('history.undo', {});
    expect(await wb.call('vendor.get', { id: v.id })).toMatchObject({ name: 'Acme', noticeDays: null });
    const state = await wb.call('history.state', {});
    expect(state.undo).toEqual({ summary: 'Created vendor “Acme”', undoable: true });
    // The redo is named after what it puts back.
    expect(state.redo).toEqual({ summary: 'Updated vendor “Acme Ltd”: name, notice period (days)', undoable: true });
    await wb.call('history.redo', {});
    expect(await wb.call('vendor.get', { id: v.id })).toMatchObject({ name: 'Acme Ltd', noticeDays: 90 });
    expect(summaries()).toHaveLength(4);
    expect(await wb.call('history.state', {})).toEqual({ undo: { summary: 'Updated vendor “Acme Ltd”: name, notice period (days)', undoable: true }, redo: null });
  });

  it('take back a create (a tombstone), a delete (restored) and a restore', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const p = await wb.call('process.create', { vendorId: v.id, name: 'Billing' });
    await wb.call('history.undo', {});
    expect((await wb.call('process.get', { id: p.id })).deletedAt).not.toBeNull();
    await wb.call('history.redo', {});
    expect((await wb.call('process.get', { id: p.id })).deletedAt).toBeNull();
    await wb.call('process.delete', { id: p.id });
    await wb.call('history.undo', {});
    expect((await wb.call('process.get', { id: p.id })).deletedAt).toBeNull();
    await wb.call('process.delete', { id: p.id });
    await wb.call('process.restore', { id: p.id });
    await wb.call('history.undo', {});
    expect((await wb.call('process.get', { id: p.id })).deletedAt).not.toBeNull();
  });

  it('a new write ends what could be redone', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await wb.call('vendor.update', { id: v.id, changes: { name: 'B' } });
    await wb.call('history.undo', {});
    await wb.call('vendor.update', { id: v.id, changes: { services: 'Hosting' } });
    expect((await wb.call('history.state', {})).redo).toBeNull();
    expect(await wb.refuse('history.redo', {})).toMatchObject({ code: 'CONFLICT', message: 'There is nothing to redo.' });
  });

  it('undoes several steps of one record in turn, its own undos never counting as a change since', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await wb.call('vendor.update', { id: v.id, changes: { name: 'B' } });
    await wb.call('vendor.update', { id: v.id, changes: { services: 'Hosting' } });
    await wb.call('history.undo', {});
    await wb.call('history.undo', {});
    expect(await wb.call('vendor.get', { id: v.id })).toMatchObject({ name: 'Acme', services: '' });
    await wb.call('history.redo', {});
    await wb.call('history.redo', {});
    expect(await wb.call('vendor.get', { id: v.id })).toMatchObject({ name: 'B', services: 'Hosting' });
  });

  it('refuses when the record changed since (by another program), and changes nothing', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const p = await wb.call('process.create', { vendorId: v.id, name: 'Billing' });
    await wb.call('process.update', { id: p.id, changes: { name: 'Billing run' } });
    // As the CLI or a pack import would: a change with no entry of its own for this record.
    wb.backend.db.prepare("UPDATE processes SET name = 'Billing (imported)' WHERE id = ?").run(p.id);
    const before = wb.counts();
    expect(await wb.refuse('history.undo', {})).toEqual({
      code: 'CONFLICT', message: 'Cannot undo “Updated process “Billing run”: name”: the record changed since (name). Nothing was changed.',
    });
    expect(wb.counts()).toEqual(before);
    expect((await wb.call('process.get', { id: p.id })).name).toBe('Billing (imported)');
    // The step stays: once the record is as the step left it, the undo goes through.
    wb.backend.db.prepare("UPDATE processes SET name = 'Billing run' WHERE id = ?").run(p.id);
    await wb.call('history.undo', {});
    expect((await wb.call('process.get', { id: p.id })).name).toBe('Billing');
  });

  it('refuses to undo a create once the record was edited by a write it does not take back', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await wb.call('settings.setUserName', { userName: 'Ann' });
    await wb.call('vendor.update', { id: v.id, changes: { name: 'B' } });
    await wb.call('history.undo', {});
    // The user-name change cannot be undone, so the create beneath it stays where it is.
    expect(await wb.call('history.state', {})).toMatchObject({ undo: { undoable: false } });
    expect(await wb.refuse('history.undo', {})).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/^“User name changed from .*” cannot be undone\.$/) });
  });

  it('has nothing to undo in a new session', async () => {
    wb = makeWorkbook();
    expect(await wb.call('history.state', {})).toEqual({ undo: null, redo: null });
    expect(await wb.refuse('history.undo', {})).toMatchObject({ code: 'CONFLICT', message: 'There is nothing to undo.' });
  });
});
