// The IPC binding against a fake ipcMain and a real backend on a fresh workbook: one channel per
// method of the table and no other, foreign senders refused, the backend's validation passed on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../shared/contract';
import { isOwnMainFrame, registerApi, type FrameLike, type InvokeEventLike, type IpcMainLike } from '../../electron/desktop/ipc';
import { APP_INDEX_URL, type AppLocation } from '../../electron/desktop/urls';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';

type Handler = (event: InvokeEventLike, payload: unknown) => Promise<unknown>;

/** Behaves like ipcMain.handle: one handler per channel; invoking a channel without one fails. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: InvokeEventLike, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, payload);
  }
}

const APP: AppLocation = { kind: 'app' };
const frame = (over: Partial<FrameLike> = {}): FrameLike => ({ url: `${APP_INDEX_URL}#/`, processId: 4, frameToken: 'main', parent: null, ...over });
const event = (senderFrame: FrameLike | null): InvokeEventLike => ({ senderFrame });

let wb: TestWorkbook;
let ipc: FakeIpcMain;
const trusted = vi.fn((_event: InvokeEventLike) => true);

beforeEach(() => {
  wb = makeWorkbook();
  ipc = new FakeIpcMain();
  trusted.mockReset().mockReturnValue(true);
  registerApi(ipc, wb.backend, trusted);
});
afterEach(() => wb.close());

describe('registerApi', () => {
  it('registers exactly one channel per method of the API table', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('has no handler for a method outside the table', async () => {
    for (const channel of ['handover:nope', 'handover:__proto__', 'handover:constructor', 'handover:', 'vendor.list']) {
      expect(ipc.handlers.has(channel)).toBe(false);
      await expect(ipc.invoke(channel, event(frame()), {})).rejects.toThrow(/No handler/);
    }
  });

  it('refuses to register a channel that is not in the table, and registers nothing then', () => {
    const other = new FakeIpcMain();
    expect(() => registerApi(other, wb.backend, trusted, ['vendor.list', 'shell.exec'])).toThrow(/shell\.exec/);
    expect(other.handlers.size).toBe(0);
  });

  it('answers a good call from our window', async () => {
    const reply = await ipc.invoke(channelOf('app.info'), event(frame()), {});
    expect(reply).toMatchObject({ ok: true, value: { workbookPath: wb.path } });
  });

  it('passes on the backend refusing a bad payload, and writes nothing', async () => {
    const before = wb.counts();
    const reply = await ipc.invoke(channelOf('vendor.create'), event(frame()), { name: 42, bogus: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(wb.counts()).toEqual(before);
  });

  it('refuses a foreign sender with FORBIDDEN before the backend sees the call', async () => {
    const dispatch = vi.spyOn(wb.backend, 'dispatch');
    trusted.mockReturnValue(false);
    const reply = await ipc.invoke(channelOf('vendor.create'), event(frame({ url: 'https://evil.example/' })), { name: 'Acme' });
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(wb.counts().vendors).toBe(0);
  });

  it('turns a dispatcher that throws into the one error shape', async () => {
    const other = new FakeIpcMain();
    registerApi(other, { dispatch: () => Promise.reject(new Error('boom')) }, () => true);
    expect(await other.invoke(channelOf('app.info'), event(frame()), {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });
});

describe('isOwnMainFrame', () => {
  const mainFrame = frame();
  const win = { isDestroyed: () => false, webContents: { mainFrame } };

  it('accepts our window’s main frame showing our page', () => {
    expect(isOwnMainFrame(event(mainFrame), win, APP)).toBe(true);
  });

  it('refuses an iframe, another window, another page, a gone frame or a closed window', () => {
    expect(isOwnMainFrame(event(frame({ frameToken: 'child', parent: mainFrame })), win, APP)).toBe(false);
    expect(isOwnMainFrame(event({ ...mainFrame, parent: mainFrame }), win, APP)).toBe(false);
    expect(isOwnMainFrame(event(frame({ processId: 9, frameToken: 'other-window' })), win, APP)).toBe(false);
    expect(isOwnMainFrame(event({ ...mainFrame, url: 'https://evil.example/' }), win, APP)).toBe(false);
    expect(isOwnMainFrame(event({ ...mainFrame, url: 'file:///tmp/evil.html' }), win, APP)).toBe(false);
    // Our page was never a file: the built renderer itself on file:// is another origin now.
    expect(isOwnMainFrame(event({ ...mainFrame, url: 'file:///app/out/renderer/index.html' }), win, APP)).toBe(false);
    expect(isOwnMainFrame(event({ ...mainFrame, url: 'app://other/index.html' }), win, APP)).toBe(false);
    expect(isOwnMainFrame(event(null), win, APP)).toBe(false);
    expect(isOwnMainFrame(event(mainFrame), { ...win, isDestroyed: () => true }, APP)).toBe(false);
    expect(isOwnMainFrame(event(mainFrame), null, APP)).toBe(false);
  });
});
