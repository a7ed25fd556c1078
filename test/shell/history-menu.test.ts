// The desktop's Edit menu follows the backend's history: after each write its Undo and Redo name
// what they would take back, and a late answer for an earlier write never overwrites a newer one.
import { afterEach, describe, expect, it } from 'vitest';
import { followHistory, type HistorySource } from '../../electron/desktop/history-menu';
import type { ChangeEvent } from '../../shared/changes';
import type { HistoryState } from '../../shared/contract';
import type { ApiResponse } from '../../shared/errors';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';

let wb: TestWorkbook | undefined;
afterEach(() => wb?.close());

/** Lets every answer already given reach its listener. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('followHistory', () => {
  it('hands on what Undo and Redo would take back after each write, undo and redo included', async () => {
    wb = makeWorkbook();
    const states: (HistoryState | null)[] = [];
    let asked = 0;
    const backend = wb.backend;
    const source: HistorySource = {
      dispatch: (method, payload) => {
        asked++;
        return backend.dispatch(method, payload);
      },
      onChange: (listener) => backend.onChange(listener),
    };
    const stop = followHistory(source, (s) => states.push(s));
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await settle();
    expect(states.at(-1)).toEqual({ undo: { summary: 'Created vendor “Acme”', undoable: true }, redo: null });

    await wb.call('process.create', { vendorId: v.id, name: 'Billing' });
    await settle();
    expect(states.at(-1)?.undo?.summary).toBe('Created process “Billing”');

    await wb.call('history.undo', {});
    await settle();
    expect(states.at(-1)).toEqual({ undo: { summary: 'Created vendor “Acme”', undoable: true }, redo: { summary: 'Created process “Billing”', undoable: true } });

    stop();
    await wb.call('history.redo', {});
    expect(asked).toBe(3);
  });

  it('drops a late answer for an earlier write, and says null when the backend cannot answer', async () => {
    const listeners: ((e: ChangeEvent) => void)[] = [];
    const pending: ((r: ApiResponse<unknown>) => void)[] = [];
    const source: HistorySource = {
      dispatch: () => new Promise((resolve) => pending.push(resolve)),
      onChange: (l) => {
        listeners.push(l);
        return () => {};
      },
    };
    const states: (HistoryState | null)[] = [];
    followHistory(source, (s) => states.push(s));
    const event = { seq: 1, kinds: ['vendor'], ids: [], vendorIds: [], activityId: 'a', summary: '' };
    listeners[0]!(event);
    listeners[0]!({ ...event, seq: 2 });
    const newer: HistoryState = { undo: { summary: 'Second', undoable: true }, redo: null };
    pending[1]!({ ok: true, value: newer });
    pending[0]!({ ok: true, value: { undo: { summary: 'First', undoable: true }, redo: null } });
    await settle();
    expect(states).toEqual([newer]);

    listeners[0]!({ ...event, seq: 3 });
    pending[2]!({ ok: false, error: { code: 'INTERNAL', message: 'gone' } });
    await settle();
    expect(states).toEqual([newer, null]);
  });
});
