// electron/desktop/main.ts wired to a real backend on real workbook files, with Electron's modules faked:
// the start-up (app:// protocol, guards on every web contents), the IPC sender check, printing,
// and File › New / Open / Open recent with their dialogs.
// (The Electron binary cannot run here; the Playwright test in test/electron covers the real one.)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type MenuItemConstructorOptions } from 'electron';
import { COMMAND, WORKBOOK_CHANGED } from '../../electron/desktop/channels';
import type * as NativeModule from '../../electron/desktop/native';
import { channelOf } from '../../shared/contract';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) { this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]); return this; }
    once(name: string, fn: Listener) { return this.on(name, fn); }
    emit(name: string, ...args: unknown[]) { for (const fn of this.listeners.get(name) ?? []) fn(...args); }
  }
  // What happens in Electron's order, to check what must come before the app is ready.
  const order: string[] = [];
  class FakeBrowserWindow extends Emitter {
    static all: FakeBrowserWindow[] = [];
    title: string;
    loaded: string | null = null;
    destroyed = false;
    webContents = Object.assign(new Emitter(), {
      send: vi.fn(),
      isDestroyed: () => this.destroyed,
      mainFrame: { url: '', processId: 7, frameToken: 'main-frame', parent: null },
      setWindowOpenHandler: vi.fn(),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
      session: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    });
    focus = vi.fn();
    constructor(public options: { title?: string; webPreferences?: Record<string, unknown> }) {
      super();
      this.title = options.title ?? '';
      FakeBrowserWindow.all.push(this);
      // As Electron does: every new web contents is announced before anything loads in it.
      for (const fn of app.listeners.get('web-contents-created') ?? []) fn({}, this.webContents);
    }
    async loadFile(path: string) { this.loaded = path; }
    destroy() { this.destroyed = true; }
    async loadURL(url: string) { this.loaded = url; }
    setTitle(title: string) { this.title = title; }
    isDestroyed() { return false; }
    setProgressBar = vi.fn();
    isMinimized() { return false; }
    getNormalBounds() { return { x: 40, y: 30, width: 1000, height: 700 }; }
    isMaximized() { return false; }
    restore() {}
    show() {}
  }
  const handlers = new Map<string, Listener>();
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    paths: {} as Record<string, string>,
    setPath(name: string, value: string) { this.paths[name] = value; },
    getPath(name: string) { return this.paths[name] ?? `/nonexistent/${name}`; },
    getVersion: () => '0.1.0-test',
    getName: () => 'Handover Workbook',
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      order.push('whenReady');
      return Promise.resolve();
    },
    quit: vi.fn(),
    exit: vi.fn(),
  });
  return {
    app,
    order,
    handlers,
    FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => { order.push('registerSchemesAsPrivileged'); }),
      handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => { order.push('handle'); }),
    },
    menus: [] as MenuItemConstructorOptions[][],
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
      showMessageBox: vi.fn(async (_win: unknown, _options: { title: string; detail: string }) => ({ response: 0 })),
      showErrorBox: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: { handle: (channel: string, fn: Listener) => fake.handlers.set(channel, fn) },
  protocol: fake.protocol,
  dialog: fake.dialog,
  Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t, setApplicationMenu: (t: MenuItemConstructorOptions[]) => fake.menus.push(t) },
  shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
}));
// The Node build of better-sqlite3 stands in for the Electron one: same API, loadable here.
vi.mock('../../electron/desktop/native', async (original) => ({
  ...(await original<typeof NativeModule>()),
  nativeBindingPath: () => join(process.cwd(), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
}));

const dir = mkdtempSync(join(tmpdir(), 'hw-main-'));
const first = join(dir, 'first.sqlite');
process.env.HANDOVER_USER_DATA = join(dir, 'profile');
process.env.HANDOVER_WORKBOOK = first;
await import('../../electron/desktop/main');
await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));
const win = fake.FakeBrowserWindow.all[0]!;
// What Chromium reports once the page has loaded.
win.webContents.mainFrame.url = `${win.loaded ?? ''}#/vendors`;

afterAll(() => {
  fake.app.emit('will-quit');
  rmSync(dir, { recursive: true, force: true });
  delete process.env.HANDOVER_USER_DATA;
  delete process.env.HANDOVER_WORKBOOK;
});

/** An IPC call as the window's main frame makes it (or another frame, when given). */
function call(method: string, payload: unknown = {}, senderFrame: unknown = win.webContents.mainFrame) {
  const handler = fake.handlers.get(channelOf(method as never));
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler({ senderFrame }, payload) as Promise<{ ok: boolean; value?: { workbookPath?: string }; error?: { code: string } }>;
}

async function clickFile(label: string) {
  const file = fake.menus.at(-1)?.find((m) => m.label === 'File');
  const item = (file?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === label);
  (item?.click as () => void)();
  // The menu actions are async (dialogs); let them finish.
  await new Promise((r) => setTimeout(r, 20));
}

const recentFile = () => JSON.parse(readFileSync(join(dir, 'profile', 'recent-workbooks.json'), 'utf8')) as { last: string; recent: string[] };
const lastError = () => fake.dialog.showMessageBox.mock.calls.at(-1)?.[1];

describe('electron/desktop/main.ts', () => {
  it('opens the named workbook in one window titled after it, and remembers it', () => {
    expect(existsSync(first)).toBe(true);
    expect(win.title).toBe('first.sqlite — Handover Workbook');
    expect(win.loaded).toBe('app://renderer/index.html');
    expect(fake.app.paths.userData).toBe(join(dir, 'profile'));
    expect(recentFile()).toMatchObject({ last: first, recent: [first] });
  });

  it('serves the renderer on app://, with the scheme registered before the app is ready', () => {
    expect(fake.order.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(fake.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.order.indexOf('whenReady'));
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.protocol.handle).toHaveBeenCalledTimes(1);
    // The handler itself (only the renderer's folder, no spelling of ".." out) is in protocol.test.ts.
    expect(fake.protocol.handle.mock.calls[0]?.[0]).toBe('app');
    expect(fake.order.indexOf('handle')).toBeGreaterThan(fake.order.indexOf('whenReady'));
  });

  it('answers our window’s main frame and refuses any other sender', async () => {
    expect(await call('app.info')).toMatchObject({ ok: true, value: { workbookPath: first } });
    const iframe = { ...win.webContents.mainFrame, frameToken: 'child', parent: win.webContents.mainFrame };
    expect(await call('app.info', {}, iframe)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const elsewhere = { ...win.webContents.mainFrame, url: 'https://evil.example/' };
    expect(await call('app.info', {}, elsewhere)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('guards every web contents it creates, the print window included', async () => {
    const vendor = await call('vendor.create', { name: 'Print Me Ltd' }) as { ok: boolean; value?: { id?: string } };
    const target = join(dir, 'report.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call('report.printToPdf', { vendorIds: [vendor.value?.id] })).toMatchObject({ ok: true, value: { path: target } });
    const printer = fake.FakeBrowserWindow.all.at(-1)!;
    expect(printer).not.toBe(win);
    expect(printer.destroyed).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    rmSync(target);
    for (const w of [win, printer]) {
      const contents = w.webContents;
      const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
      expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      const away = { url: 'https://example.com/', preventDefault: vi.fn() };
      contents.emit('will-navigate', away);
      expect(away.preventDefault).toHaveBeenCalled();
      const webview = { preventDefault: vi.fn() };
      contents.emit('will-attach-webview', webview);
      expect(webview.preventDefault).toHaveBeenCalled();
      const permission = contents.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
      const answer = vi.fn();
      permission({}, 'media', answer);
      expect(answer).toHaveBeenCalledWith(false);
    }
  });

  it('File › New workbook… creates and opens it, retitles the window and tells the page', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'second') });
    await clickFile('New workbook…');
    const second = join(dir, 'second.sqlite');
    expect(existsSync(second)).toBe(true);
    expect(win.title).toBe('second.sqlite — Handover Workbook');
    expect(win.webContents.send).toHaveBeenCalledWith(WORKBOOK_CHANGED);
    expect(await call('app.info')).toMatchObject({ ok: true, value: { workbookPath: second } });
    expect(recentFile().recent).toEqual([second, first]);
    const recentMenu = (fake.menus.at(-1)?.find((m) => m.label === 'File')?.submenu as MenuItemConstructorOptions[])
      .find((i) => i.label === 'Open recent')?.submenu as MenuItemConstructorOptions[];
    expect(recentMenu.map((i) => i.label).filter(Boolean)).toEqual(['second.sqlite — ' + dir, 'first.sqlite — ' + dir, 'Clear recent']);
  });

  it('File › New workbook… never opens or overwrites an existing file', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: first });
    const sent = win.webContents.send.mock.calls.length;
    await clickFile('New workbook…');
    expect(lastError()).toMatchObject({ title: 'That file already exists' });
    expect(win.title).toBe('second.sqlite — Handover Workbook');
    expect(win.webContents.send.mock.calls.length).toBe(sent);
  });

  it('File › Open workbook… on a file that is not a workbook shows why and keeps the current one', async () => {
    const notes = join(dir, 'notes.sqlite');
    writeFileSync(notes, 'not a database\n'.repeat(500));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [notes] });
    await clickFile('Open workbook…');
    expect(lastError()).toMatchObject({ title: 'Could not open the workbook', detail: expect.stringContaining('The current workbook stays open.') });
    expect(win.title).toBe('second.sqlite — Handover Workbook');
    expect(await call('app.info')).toMatchObject({ ok: true, value: { workbookPath: join(dir, 'second.sqlite') } });
    // The page still works on the current workbook.
    expect(await call('vendor.create', { name: 'Acme Outsourcing' })).toMatchObject({ ok: true });
  });

  it('File › Open workbook… cancelled changes nothing', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const errors = fake.dialog.showMessageBox.mock.calls.length;
    await clickFile('Open workbook…');
    expect(fake.dialog.showMessageBox.mock.calls.length).toBe(errors);
    expect(win.title).toBe('second.sqlite — Handover Workbook');
  });

  it('a second instance focuses the window and opens the workbook it was given', async () => {
    fake.app.emit('second-instance', {}, ['electron', '.', `--workbook=${first}`], dir);
    expect(win.focus).toHaveBeenCalled();
    expect(win.title).toBe('first.sqlite — Handover Workbook');
    expect(await call('app.info')).toMatchObject({ ok: true, value: { workbookPath: first } });
  });

  it('Open recent on a workbook that is gone says so and drops it from the list', async () => {
    const second = join(dir, 'second.sqlite');
    rmSync(second);
    const recent = (fake.menus.at(-1)?.find((m) => m.label === 'File')?.submenu as MenuItemConstructorOptions[])
      .find((i) => i.label === 'Open recent')?.submenu as MenuItemConstructorOptions[];
    (recent.find((i) => i.label?.startsWith('second.sqlite'))?.click as () => void)();
    expect(lastError()).toMatchObject({ title: 'Workbook not found' });
    expect(recentFile().recent).toEqual([first]);
    expect(win.title).toBe('first.sqlite — Handover Workbook');
  });

  it('File › Export pack… sends the command to the page, which runs it', async () => {
    win.webContents.send.mockClear();
    await clickFile('Export pack…');
    expect(win.webContents.send.mock.calls).toEqual([[COMMAND, 'pack.export']]);
  });

  it('remembers the window’s size and position when it closes, and the next window opens there', () => {
    win.emit('close');
    const saved = JSON.parse(readFileSync(join(dir, 'profile', 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ version: 1, bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false });
    win.emit('closed');
    fake.app.emit('activate');
    const next = fake.FakeBrowserWindow.all.at(-1)!;
    expect(next).not.toBe(win);
    expect(next.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 });
  });
});
