// electron/desktop/main.ts wired to a real backend on real workbook files, with Electron's modules faked:
// the start-up (app:// protocol, guards on every web contents), the IPC sender check, printing,
// and File › New / Open / Open recent with their dialogs. The fake utilityProcess runs the real
// backend host (host-serve.ts) in this process, over a worker_threads MessageChannel dressed as
// Electron's MessageChannelMain, so every call here crosses the real protocol; a host crash, its
// restart and quitting are driven through the fake process's `exit`.
// (The Electron binary cannot run here; the Playwright test in test/electron covers the real one.)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type MenuItemConstructorOptions } from 'electron';
import { CHANGE, COMMAND, WORKBOOK_CHANGED } from '../../electron/desktop/channels';
import type * as NativeModule from '../../electron/desktop/native';
import { channelOf } from '../../shared/contract';
import { addDays, localToday } from '../../shared/dates';
import { createBackend } from '../../electron/core/backend';

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
    Emitter,
    FakeBrowserWindow,
    /** Every utility process forked (FakeUtilityProcess, made in the electron mock below). */
    forked: [] as { entry: string; options: Record<string, unknown>; exited: boolean; crash(code: number): void; hostPort: { postMessage(m: unknown): void } }[],
    /** Every message main posted on its end of a host port. */
    toHost: [] as Record<string, unknown>[],
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => { order.push('registerSchemesAsPrivileged'); }),
      handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => { order.push('handle'); }),
    },
    menus: [] as MenuItemConstructorOptions[][],
    /** Every desktop notification shown (Electron's Notification): what it said, and its click. */
    notifications: [] as { options: { title: string; body: string }; emit(name: string): void }[],
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
      showMessageBox: vi.fn(async (_win: unknown, _options: { title: string; detail: string }) => ({ response: 0 })),
      showErrorBox: vi.fn(),
    },
  };
});

vi.mock('electron', async () => {
  const { MessageChannel } = await import('node:worker_threads');
  const { serveBackend } = await import('../../electron/desktop/host-serve');
  const { mainPortLike } = await import('../../electron/desktop/host-protocol');
  type NodePort = InstanceType<typeof MessageChannel>['port1'];
  /** Electron's MessagePortMain over a worker_threads port: messages come as `{ data, ports }` once started. */
  class FakeMessagePortMain extends fake.Emitter {
    constructor(readonly node: NodePort, readonly mainSide: boolean) { super(); }
    start() {
      this.node.on('message', (data: unknown) => this.emit('message', { data, ports: [] }));
      this.node.on('close', () => this.emit('close'));
    }
    postMessage(message: unknown) {
      // Main posts only the protocol's objects (host-protocol.ts ToHost).
      if (this.mainSide) fake.toHost.push(message as Record<string, unknown>);
      this.node.postMessage(message);
    }
    close() { this.node.close(); }
  }
  class FakeMessageChannelMain {
    port1: FakeMessagePortMain;
    port2: FakeMessagePortMain;
    constructor() {
      const { port1, port2 } = new MessageChannel();
      // main.ts hands port1 to the host and keeps port2.
      this.port1 = new FakeMessagePortMain(port1, false);
      this.port2 = new FakeMessagePortMain(port2, true);
    }
  }
  /** A utility process whose "process" is the real host logic, run here on the port it is handed. */
  class FakeUtilityProcess extends fake.Emitter {
    exited = false;
    hostPort!: FakeMessagePortMain;
    constructor(readonly entry: string, readonly options: Record<string, unknown>) { super(); }
    postMessage(_message: unknown, ports: FakeMessagePortMain[]) {
      this.hostPort = ports[0]!;
      // The fake emitter's listeners take any arguments; the port gives them what Electron's would.
      serveBackend(mainPortLike(this.hostPort as unknown as Parameters<typeof mainPortLike>[0]), { exit: (code) => this.end(code) });
    }
    end(code: number) {
      if (this.exited) return;
      this.exited = true;
      this.emit('exit', code);
    }
    /** As a crash looks from main: the process is gone (the in-process host then closes its workbook as main closes the port). */
    crash(code: number) { this.end(code); }
    kill() { this.end(0); return true; }
  }
  return {
  MessageChannelMain: FakeMessageChannelMain,
  utilityProcess: {
    fork: (entry: string, _args: string[], options: Record<string, unknown>) => {
      const child = new FakeUtilityProcess(entry, options);
      fake.forked.push(child);
      return child;
    },
  },
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: { handle: (channel: string, fn: Listener) => fake.handlers.set(channel, fn) },
  protocol: fake.protocol,
  dialog: fake.dialog,
  Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t, setApplicationMenu: (t: MenuItemConstructorOptions[]) => fake.menus.push(t) },
  shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
  Notification: Object.assign(
    class extends fake.Emitter {
      constructor(readonly options: { title: string; body: string }) { super(); }
      show() { fake.notifications.push(this); }
    },
    { isSupported: () => true },
  ),
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
  };
});
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
  // Quitting closes the host's workbook (a no-op when the last test already quit).
  fake.app.emit('will-quit', { preventDefault: vi.fn() });
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
  // The menu actions are async (dialogs, then the host); let them finish: a call after them
  // is answered only after what they posted to the host was.
  await new Promise((r) => setTimeout(r, 20));
  await call('app.info');
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

  it('opening a workbook with something due this week shows one notification, and its click shows Upcoming', async () => {
    // Nothing fell due in the workbooks opened so far.
    expect(fake.notifications).toEqual([]);
    const seed = createBackend({ workbookPath: first, appVersion: 'test' });
    const vendor = await seed.dispatch('vendor.create', { name: 'Due Soon Ltd' });
    if (!vendor.ok) throw new Error('seed failed');
    await seed.dispatch('licence.create', { vendorId: (vendor.value as { id: string }).id, product: 'Backup suite', renewalDate: addDays(localToday(), 3) });
    seed.close();
    fake.app.emit('second-instance', {}, ['electron', '.', `--workbook=${first}`], dir);
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1));
    expect(fake.notifications[0]!.options).toEqual({
      title: 'Deadlines: 1 due within 7 days', body: `${addDays(localToday(), 3)}: Licence renews or expires: Backup suite (Due Soon Ltd)`,
    });
    win.webContents.send.mockClear();
    fake.notifications[0]!.emit('click');
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith(COMMAND, 'upcoming.open');
  });

  it('a second instance focuses the window and opens the workbook it was given', async () => {
    fake.app.emit('second-instance', {}, ['electron', '.', `--workbook=${first}`], dir);
    expect(win.focus).toHaveBeenCalled();
    // The host opens it: the title follows once it has.
    await vi.waitFor(() => expect(win.title).toBe('first.sqlite — Handover Workbook'));
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

  it('runs the backend in a utility process forked from backendHost.js beside main.js, not in this process', () => {
    expect(fake.forked).toHaveLength(1);
    expect(fake.forked[0]!.entry).toMatch(/[\\/]backendHost\.js$/);
    expect(fake.forked[0]!.options).toMatchObject({ serviceName: 'Handover Workbook backend' });
    // What main asked of the host: the workbook, with better-sqlite3 for Electron's ABI.
    expect(fake.toHost[0]).toMatchObject({ type: 'open', options: { workbookPath: first, appVersion: '0.1.0-test', nativeBinding: expect.stringMatching(/better_sqlite3\.node$/) } });
  });

  it('refuses a call from another frame before anything is posted to the host', async () => {
    const posted = fake.toHost.length;
    const iframe = { ...win.webContents.mainFrame, frameToken: 'child', parent: win.webContents.mainFrame };
    expect(await call('vendor.create', { name: 'Sneaky Ltd' }, iframe)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake.toHost.length).toBe(posted);
    expect(await call('vendor.create', { name: 'Welcome Ltd' })).toMatchObject({ ok: true });
    // The write's change event makes main ask for the Edit menu's history (history-menu.ts): not a call of the page's.
    const fromPage = fake.toHost.slice(posted).filter((m) => !('method' in m && m.method === 'history.state'));
    expect(fromPage).toEqual([expect.objectContaining({ type: 'call', method: 'vendor.create', payload: { name: 'Welcome Ltd' } })]);
  });

  it('passes the host’s change events to the window', async () => {
    win.webContents.send.mockClear();
    const created = await call('vendor.create', { name: 'Changed Ltd' }) as { ok: boolean; value?: { id?: string } };
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(CHANGE, expect.objectContaining({ ids: expect.arrayContaining([created.value?.id]) })));
  });

  it('names in Edit › Undo what the last write would take back, once the host has committed it', async () => {
    await call('vendor.create', { name: 'Menu Ltd' });
    await vi.waitFor(() => {
      const edit = fake.menus.at(-1)?.find((m) => m.label === 'Edit');
      expect((edit?.submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ label: 'Undo Created vendor “Menu Ltd”', enabled: true });
    });
  });

  it('shows the progress the host reports for its jobs on the taskbar, and clears it when none runs', async () => {
    const host = fake.forked.at(-1)!.hostPort;
    host.postMessage({ type: 'jobs', running: [{ bytesDone: 30, bytesTotal: 60 }] });
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenLastCalledWith(0.5));
    host.postMessage({ type: 'jobs', running: [] });
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenLastCalledWith(-1));
  });

  it('a host that crashes answers the pending call with an error, offers a restart, and the workbook opens again', async () => {
    const crashed = fake.forked.at(-1)!;
    // A call the host is still busy with: it waits on main's open dialog, which stays open.
    fake.dialog.showOpenDialog.mockReturnValueOnce(new Promise(() => {}));
    const pending = call('app.pickFile', { purpose: 'open-pack' });
    await vi.waitFor(() => expect(fake.dialog.showOpenDialog).toHaveBeenCalledTimes(3));
    win.webContents.send.mockClear();
    fake.dialog.showMessageBox.mockClear();
    crashed.crash(139);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/backend stopped \(exit code 139\)/) } });
    // The dialog offers Restart first (the fake answers the first button) and names the workbook.
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(WORKBOOK_CHANGED));
    expect(fake.dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({ title: 'The workbook stopped', buttons: ['Restart', 'Quit'], detail: expect.stringContaining(first) });
    expect(fake.forked).toHaveLength(2);
    expect(await call('app.info')).toMatchObject({ ok: true, value: { workbookPath: first } });
    expect(await call('vendor.summaries', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ vendor: expect.objectContaining({ name: 'Welcome Ltd' }) })]) });
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

  it('on quit waits for the host to close the workbook (its WAL checkpointed into the file), then exits', async () => {
    expect(existsSync(`${first}-wal`)).toBe(true);
    fake.dialog.showMessageBox.mockClear();
    const event = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.app.exit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
    expect(fake.toHost.at(-1)).toMatchObject({ type: 'close' });
    // SQLite removes the WAL once the last connection closed cleanly.
    expect(existsSync(`${first}-wal`)).toBe(false);
    // No crash dialog for an end that was asked for.
    expect(fake.forked.at(-1)!.exited).toBe(true);
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
