// The preload, with Electron's contextBridge and ipcRenderer faked: what the page gets on
// `window.handover` is two functions, and names outside the API table never reach IPC.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND, WORKBOOK_CHANGED } from '../../electron/desktop/channels';
import { type HandoverBridge } from '../../shared/client';
import { type MethodName } from '../../shared/contract';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({ ok: true, value: 'from main' })),
      on: vi.fn((channel: string, fn: Listener) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn));
      }),
      removeListener: vi.fn((channel: string, fn: Listener) => {
        listeners.get(channel)?.delete(fn);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: fake.ipcRenderer,
  webUtils: {
    getPathForFile: (file: unknown) => {
      if (!(file && typeof file === 'object' && 'diskPath' in file)) throw new TypeError('not a File');
      return String((file as { diskPath: string }).diskPath);
    },
  },
}));

await import('../../electron/desktop/preload');
const bridge = fake.exposed.get('handover') as HandoverBridge;

/** Sends an event from main the way Electron does: the IPC event object first. */
function emitFromMain(channel: string, ...args: unknown[]) {
  for (const fn of fake.listeners.get(channel) ?? []) fn({ sender: 'the ipcRenderer', ports: [] }, ...args);
}

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
});

describe('the preload', () => {
  it('exposes one object, of functions only, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['handover']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onChange', 'onCommand', 'onWorkbookChanged', 'pathForFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends a method of the table on its channel and returns main’s answer', async () => {
    expect(await bridge.invoke('vendor.list', { limit: 5 })).toEqual({ ok: true, value: 'from main' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('handover:vendor.list', { limit: 5 });
  });

  it('refuses names outside the table without touching IPC', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'handover:app.info', '', 42, null]) {
      const reply = await bridge.invoke(name as MethodName, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('answers with the error shape when IPC itself fails', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await bridge.invoke('app.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'No handler registered' } });
  });

  it('calls workbook-changed listeners without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onWorkbookChanged(listener);
    expect(typeof unsubscribe).toBe('function');
    emitFromMain(WORKBOOK_CHANGED);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);
    unsubscribe();
    emitFromMain(WORKBOOK_CHANGED);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get(WORKBOOK_CHANGED)?.size).toBe(0);
  });

  it('passes the menu’s commands by name only, drops names outside the list, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onCommand(listener);
    emitFromMain(COMMAND, 'pack.export');
    emitFromMain(COMMAND, 'rm -rf');
    emitFromMain(COMMAND, { name: 'pack.export' });
    emitFromMain(COMMAND, '__proto__');
    expect(listener.mock.calls).toEqual([['pack.export']]);
    unsubscribe();
    emitFromMain(COMMAND, 'search.open');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get(COMMAND)?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onWorkbookChanged('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(() => bridge.onCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('the path of a picked or dropped file', () => {
  it('comes from webUtils.getPathForFile, so the backend reads the file and no bytes cross the bridge', () => {
    expect(bridge.pathForFile({ diskPath: '/home/ana/minutes.pdf' })).toBe('/home/ana/minutes.pdf');
  });

  it('is empty for anything that is not such a File, instead of an exception across the bridge', () => {
    expect(bridge.pathForFile('/etc/passwd')).toBe('');
    expect(bridge.pathForFile(null)).toBe('');
  });
});
