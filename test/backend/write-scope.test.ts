// The contract does the bookkeeping: a method marked `writes` runs in the dispatcher's write
// transaction, its activity entries are written by that one scope, and every committed write is
// announced to the faces; a write that fails leaves no row, no entry and no event.
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { HANDLERS, type HandlerEnv, type Handlers } from '../../electron/core/api/handlers';
import { describeChange, randomId, type ServiceContext } from '../../electron/core/services/context';
import type { PackJobs } from '../../electron/core/pack/jobs';
import { UndoHistory } from '../../electron/core/api/history';
import { createRecord } from '../../electron/core/services/records';
import type { CreateInput } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/changes';
import { fixedClock, makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
afterEach(() => wb?.close());

function collect(backend: TestWorkbook['backend']) {
  const events: ChangeEvent[] = [];
  backend.onChange((e) => events.push(e));
  return events;
}

describe('a method marked writes', () => {
  it('runs inside the transaction the dispatcher opened, and its activity entry is written there', async () => {
    wb = makeWorkbook();
    const events = collect(wb.backend);
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const entries = wb.backend.db.prepare('SELECT action, kind, record_id AS recordId, vendor_id AS vendorId, summary FROM activity').all();
    expect(entries).toEqual([{ action: 'create', kind: 'vendor', recordId: v.id, vendorId: v.id, summary: 'Created vendor “Acme”' }]);
    expect(events).toEqual([{ seq: 1, kinds: ['vendor'], ids: [v.id], vendorIds: [v.id], activityId: expect.any(String), summary: 'Created vendor “Acme”' }]);
    const logged = wb.backend.db.prepare('SELECT id FROM activity').pluck().get();
    expect(events[0]!.activityId).toBe(logged);
  });

  it('leaves nothing when its handler throws after writing: no row, no activity, no event', async () => {
    wb = makeWorkbook();
    const events = collect(wb.backend);
    const before = wb.counts();
    const ownEvents: ChangeEvent[] = [];
    let sawTransaction = false;
    const handlers = {
      ...HANDLERS,
      'vendor.create': (input: CreateInput<'vendor'>, env: HandlerEnv) => {
        sawTransaction = env.ctx.db.inTransaction;
        createRecord(env.ctx, 'vendor', input);
        throw new Error('failed after the write');
      },
    } as unknown as Handlers;
    const env = handlerEnv();
    const dispatch = createDispatcher(handlers, () => env, { onChange: (e) => ownEvents.push(e), onInternalError: () => {} });
    const r = await dispatch('vendor.create', { name: 'Ghost' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(sawTransaction).toBe(true);
    expect(wb.counts()).toEqual(before);
    expect(ownEvents).toEqual([]);
    expect(events).toEqual([]);
  });

  it('logs what a handler describes, once, in the write scope; a description outside a write is refused', async () => {
    wb = makeWorkbook();
    const env = handlerEnv();
    const ownEvents: ChangeEvent[] = [];
    const handlers = {
      ...HANDLERS,
      'vendor.create': (_input: unknown, e: HandlerEnv) => {
        describeChange(e.ctx, { action: 'settings', kind: 'settings', recordId: null, vendorId: null, summary: 'described' });
        return { described: true };
      },
      'stats.get': (_input: unknown, e: HandlerEnv) => {
        describeChange(e.ctx, { action: 'settings', kind: 'settings', recordId: null, vendorId: null, summary: 'from a read' });
        return {};
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, () => env, { onChange: (e) => ownEvents.push(e), onInternalError: () => {} });
    expect(await dispatch('vendor.create', { name: 'x' })).toEqual({ ok: true, value: { described: true } });
    expect(wb.backend.db.prepare('SELECT summary FROM activity').pluck().all()).toEqual(['described']);
    expect(ownEvents.map((e) => [e.seq, e.kinds, e.summary])).toEqual([[1, ['settings'], 'described']]);
    // A read method has no write scope: a change described there is a bug, not a silent write.
    expect(await dispatch('stats.get', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('outside a write') } });
    expect(wb.backend.db.prepare('SELECT count(*) FROM activity').pluck().get()).toBe(1);
  });

  it('announces nothing for a write that changed nothing, and all kinds for a demo load', async () => {
    wb = makeWorkbook();
    const events = collect(wb.backend);
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await wb.call('vendor.update', { id: v.id, changes: { name: 'Acme' } });
    expect(events).toHaveLength(1);
    await wb.call('vendor.delete', { id: v.id });
    await wb.call('demo.load', {});
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[1]).toMatchObject({ kinds: ['vendor'], ids: [v.id], summary: 'Deleted vendor “Acme”' });
    expect(events[2]!.kinds).toBe('all');
  });

  it('announces a cascade in one event: a hand-over names every record it touched', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const a = await wb.call('person.create', { name: 'Ann' });
    const b = await wb.call('person.create', { name: 'Bob' });
    const p = await wb.call('process.create', { vendorId: v.id, name: 'Billing', successorId: a.id });
    const events = collect(wb.backend);
    await wb.call('person.handOverAndDelete', { id: a.id, toId: b.id });
    expect(events).toHaveLength(1);
    expect(new Set(events[0]!.kinds)).toEqual(new Set(['process', 'person']));
    expect(events[0]!.ids).toEqual(expect.arrayContaining([p.id, a.id]));
    expect(events[0]!.vendorIds).toContain(v.id);
  });
});

/** What the backend hands its handlers, over the test workbook (these tests never touch packs or dialogs). */
function handlerEnv(): HandlerEnv {
  const ctx: ServiceContext = { db: wb.backend.db, workbookPath: wb.path, clock: fixedClock('2026-04-01T09:00:00.000Z'), newId: randomId };
  return { ctx, appVersion: '0.0.0-test', openFile: undefined, canSwitchWorkbook: false, packs: undefined as unknown as PackJobs, dialogs: undefined, history: new UndoHistory() };
}
