// Change events on the desktop: the main side relays each committed write's event to the window,
// and the preload's bridge hands the page only well-formed events, never the IPC event itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../electron/desktop/bridge';
import { CHANGE } from '../../electron/desktop/channels';
import { relayChanges } from '../../electron/desktop/ipc';
import type { ChangeEvent } from '../../shared/changes';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';

let wb: TestWorkbook | undefined;
afterEach(() => wb?.close());

type Listener = (...args: unknown[]) => void;

/** ipcRenderer faked: listeners by channel, and a way to send to them as main does. */
function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async () => ({ ok: true, value: null }),
    on: (channel, fn) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn)),
    removeListener: (channel, fn) => listeners.get(channel)?.delete(fn),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const fn of listeners.get(channel) ?? []) fn({ sender: 'the ipcRenderer' }, ...args);
  };
  return { ipc, emit, listeners };
}

describe('change events over IPC', () => {
  it('reach the page from a real backend write, through the relay and the bridge', async () => {
    wb = makeWorkbook();
    const { ipc, emit } = fakeIpc();
    const window = { destroyed: false, isDestroyed() { return this.destroyed; }, send: vi.fn((channel: string, ...args: unknown[]) => emit(channel, ...args)) };
    const stop = relayChanges(wb.backend.onChange, () => window);
    const seen: ChangeEvent[] = [];
    const unsubscribe = createBridge(ipc).onChange((e) => seen.push(e));

    const v = await wb.call('vendor.create', { name: 'Acme' });
    expect(window.send).toHaveBeenCalledWith(CHANGE, expect.objectContaining({ kinds: ['vendor'], ids: [v.id] }));
    expect(seen).toEqual([expect.objectContaining({ seq: 1, kinds: ['vendor'], ids: [v.id], vendorIds: [v.id], summary: 'Created vendor “Acme”' })]);

    // A destroyed window is skipped; after unsubscribing the page hears nothing; after stop, nothing is sent.
    window.destroyed = true;
    await wb.call('vendor.create', { name: 'Beta' });
    expect(window.send).toHaveBeenCalledTimes(1);
    window.destroyed = false;
    unsubscribe();
    await wb.call('vendor.create', { name: 'Gamma' });
    expect(seen).toHaveLength(1);
    expect(window.send).toHaveBeenCalledTimes(2);
    stop();
    await wb.call('vendor.create', { name: 'Delta' });
    expect(window.send).toHaveBeenCalledTimes(2);
  });

  it('pass the page only the event’s data, and drop anything not shaped like one', () => {
    const { ipc, emit } = fakeIpc();
    const seen: unknown[][] = [];
    createBridge(ipc).onChange((...args) => seen.push(args));
    emit(CHANGE, { seq: 'one', kinds: [], ids: [], vendorIds: [], activityId: 'a', summary: '' });
    emit(CHANGE, 'not an event');
    const event: ChangeEvent = { seq: 3, kinds: 'all', ids: [], vendorIds: [], activityId: 'a', summary: 'Imported a pack' };
    emit(CHANGE, event);
    expect(seen).toEqual([[event]]);
    expect(() => createBridge(ipc).onChange('nope' as never)).toThrow(TypeError);
  });
});
