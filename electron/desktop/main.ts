// The desktop app's entry: one instance, one window, one backend. The backend runs in a utility
// process of its own (backend-host.ts), so the window's process never waits for the workbook; this
// process checks senders and relays calls to it (host-client.ts). Everything here is wiring; the
// rules live in electron/desktop/ (window guards, IPC, menu, recent list, workbook switching).
import { app, ipcMain, Notification, protocol, safeStorage, screen, shell, type BrowserWindow, type Event } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND, WORKBOOK_CHANGED } from './channels';
import { askNewWorkbookPath, askOpenWorkbookPath, askRestartBackend, showError } from './dialogs';
import { createShellFaces } from './face-dialogs';
import { safeStorageKeys } from './signing-keys';
import { backendStopped, connectHost, type HostClient } from './host-client';
import type { HistoryState } from '../../shared/contract';
import type { HostOpenOptions } from './host-protocol';
import { spawnHost } from './host-spawn';
import { isOwnMainFrame, registerApi, relayChanges } from './ipc';
import { followHistory } from './history-menu';
import { installMenu } from './menu';
import { followPackJobs } from './taskbar';
import { followDeadlines } from './deadline-notices';
import { missingNativeMessage, nativeBindingPath } from './native';
import { registerAppScheme, serveRenderer } from './protocol';
import { createRecentStore, type RecentStore } from './recent';
import { type AppLocation } from './urls';
import { contentSecurityPolicy, createMainWindow, guardAllWebContents, loadRenderer } from './window';
import { createWindowStateStore, openingBounds, rememberWindowState, type WindowStateStore } from './window-state';
import {
  errorText, openFirst, startupCandidates, switchWorkbook, windowTitle, withWorkbookExtension, workbookFromArgs,
} from './workbook';

// out/main/main.js → the app root (the project folder, or app.asar when packaged).
const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = join(APP_ROOT, 'out', 'renderer');
const PRELOAD = join(APP_ROOT, 'out', 'preload', 'preload.cjs');
/** The pack worker built beside this file (electron.vite.config.ts); from sources, the backend starts it through tsx. */
const PACK_WORKER = new URL('./packWorker.js', import.meta.url);
/** The backend host built beside this file (electron.vite.config.ts), forked as a utility process. */
const BACKEND_HOST = new URL('./backendHost.js', import.meta.url);

// Tests (and anyone wanting a separate profile) point the user data folder elsewhere.
if (process.env.HANDOVER_USER_DATA) app.setPath('userData', process.env.HANDOVER_USER_DATA);

/** The backend host with the open workbook; null before start, while restarting and once closed. */
let host: HostClient | null = null;
/** Set once quitting has begun: the host's end is then expected, not a crash. */
let quitting: Promise<void> | null = null;
let nativeBinding = '';
let recent: RecentStore | null = null;
/** What the Edit menu's Undo and Redo would take back (history-menu.ts); null: nothing yet. */
let history: HistoryState | null = null;
let windowState: WindowStateStore | null = null;
let mainWindow: BrowserWindow | null = null;

// The dev server URL is honoured only unpackaged: an installed app never loads a page from a URL
// that an environment variable names.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const location: AppLocation = devUrl ? { kind: 'dev', url: devUrl } : { kind: 'app' };

// Both before the app is ready: the app:// scheme's privileges can only be set then, and every
// web contents (the print window's too) must be guarded from its creation on.
registerAppScheme(protocol);
guardAllWebContents(app, location);

const currentWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
const fail = (title: string, detail: string) => showError(currentWindow(), title, detail);

function refreshMenu(): void {
  installMenu(
    {
      newWorkbook: () => void newWorkbook(),
      openWorkbook: () => void openWorkbook(),
      openRecent,
      clearRecent: () => {
        recent?.clear();
        refreshMenu();
      },
      quit: () => app.quit(),
      // The renderer runs the command (shared/commands.ts), as it does from the palette.
      command: (name) => currentWindow()?.webContents.send(COMMAND, name),
    },
    { recent: recent?.read().recent ?? [], platform: process.platform, devTools: !app.isPackaged, appName: app.getName(), history },
  );
}

function openPath(path: string): Promise<boolean> {
  if (!host || !recent) return Promise.resolve(false);
  return switchWorkbook(
    {
      backend: host,
      recent,
      showError: fail,
      changed: (workbookPath) => {
        currentWindow()?.setTitle(windowTitle(workbookPath));
        // Another workbook: the backend's history starts empty.
        history = null;
        refreshMenu();
        currentWindow()?.webContents.send(WORKBOOK_CHANGED);
        void deadlineNotices.opened();
      },
    },
    path,
  );
}

async function newWorkbook(): Promise<void> {
  const chosen = await askNewWorkbookPath(currentWindow(), app.getPath('documents'));
  if (!chosen) return;
  const path = withWorkbookExtension(chosen);
  // "New" never opens or overwrites an existing file: nothing is lost by a slip in the dialog.
  if (existsSync(path)) {
    fail('That file already exists', `${path}\n\nChoose another name for the new workbook, or use Open workbook… to open this one.`);
    return;
  }
  await openPath(path);
}

async function openWorkbook(): Promise<void> {
  const path = await askOpenWorkbookPath(currentWindow());
  if (path) await openPath(path);
}

function openRecent(path: string): void {
  if (!existsSync(path)) {
    recent?.remove(path);
    refreshMenu();
    fail('Workbook not found', `${path}\n\nThe file no longer exists; it has been taken off the recent list.`);
    return;
  }
  void openPath(path);
}

function openWindow(): void {
  if (!host) return;
  const win = createMainWindow({
    preload: PRELOAD,
    app: location,
    title: windowTitle(host.workbookPath),
    devTools: !app.isPackaged,
    bounds: openingBounds(windowState?.read() ?? null, screen),
  });
  if (windowState) rememberWindowState(win, windowState);
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  loadRenderer(win, location).catch((err: unknown) => fail('Could not load the window', errorText(err)));
}

const hostOptions = (workbookPath: string): HostOpenOptions => ({
  workbookPath,
  appVersion: app.getVersion(),
  nativeBinding,
  ...(existsSync(fileURLToPath(PACK_WORKER)) ? { packWorkerEntry: PACK_WORKER.href } : {}),
});

/** The answer to a call made while no host is running (after a crash, before the restart). */
const NOT_RUNNING = backendStopped("The workbook's backend is not running (it stopped, or is being restarted); try again in a moment.");

/** What falls due within a week, as a desktop notification on opening a workbook and once a day; a click shows Upcoming. */
const deadlineNotices = followDeadlines({
  dispatch: (method, payload) => (host ? host.dispatch(method, payload) : Promise.resolve(NOT_RUNNING)),
  show: ({ title, body }) => {
    if (!Notification.isSupported()) return;
    const notice = new Notification({ title, body });
    notice.on('click', () => {
      const win = currentWindow();
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
      win.webContents.send(COMMAND, 'upcoming.open');
    });
    notice.show();
  },
});

/** Dialogs, printing and "open with" for the host, which has no Electron. */
const shellFaces = createShellFaces(
  currentWindow, () => app.getPath('documents'), (path) => shell.openPath(path), safeStorageKeys(() => join(app.getPath('userData'), 'signing-keys'), () => safeStorage),
);

/** Forks a backend host (no workbook open yet) and relays its change events to the window. */
function launchHost(): HostClient {
  const { child, port } = spawnHost(fileURLToPath(BACKEND_HOST));
  const client: HostClient = connectHost(child, port, { face: shellFaces, onCrash: (code) => void hostCrashed(client, code) });
  // What each committed write changed, to the window, so its screens refresh only that.
  relayChanges(client.onChange, () => currentWindow()?.webContents);
  // ...and names what Edit › Undo and Redo would take back.
  followHistory(client, (state) => {
    history = state;
    refreshMenu();
  });
  return client;
}

/** The host ended unasked: pending calls have been answered with an error; offer to start it again. */
async function hostCrashed(client: HostClient, code: number): Promise<void> {
  if (host !== client || quitting) return;
  host = null;
  const workbookPath = client.workbookPath;
  if (!(await askRestartBackend(currentWindow(), workbookPath, code))) {
    app.quit();
    return;
  }
  const next = launchHost();
  try {
    await next.open(hostOptions(workbookPath));
  } catch (err) {
    showError(currentWindow(), 'Could not restart the workbook', `${workbookPath}\n\n${errorText(err)}`);
    app.quit();
    return;
  }
  host = next;
  // A new backend has no undo history; the page reloads what it shows, as after a switch.
  history = null;
  refreshMenu();
  currentWindow()?.webContents.send(WORKBOOK_CHANGED);
}

async function start(): Promise<void> {
  nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    projectRoot: APP_ROOT,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  if (!existsSync(nativeBinding)) {
    showError(null, 'Handover Workbook cannot start', missingNativeMessage(nativeBinding, app.isPackaged));
    app.exit(1);
    return;
  }
  recent = createRecentStore(join(app.getPath('userData'), 'recent-workbooks.json'));
  windowState = createWindowStateStore(join(app.getPath('userData'), 'window-state.json'));
  const defaultPath = join(app.getPath('userData'), 'workbook.sqlite');
  const candidates = startupCandidates({
    explicit: workbookFromArgs(process.argv, process.cwd()) ?? (process.env.HANDOVER_WORKBOOK ? resolve(process.env.HANDOVER_WORKBOOK) : null),
    last: recent.read().last,
    defaultPath,
    exists: existsSync,
  });
  const client = launchHost();
  const opened = await openFirst(
    candidates,
    async (workbookPath) => {
      if (workbookPath === defaultPath) mkdirSync(dirname(defaultPath), { recursive: true });
      await client.open(hostOptions(workbookPath));
      return client;
    },
    (workbookPath, err) => showError(null, 'Could not open the workbook', `${workbookPath}\n\n${errorText(err)}`),
  );
  if (!opened) {
    await client.close();
    app.exit(1);
    return;
  }
  host = opened;
  recent.opened(host.workbookPath);
  serveRenderer(protocol, RENDERER_DIR, contentSecurityPolicy(location));
  // Calls go to whichever host is current (a restarted one after a crash); between the two, they fail at once.
  registerApi(
    ipcMain,
    { dispatch: (method, payload) => (host ? host.dispatch(method, payload) : Promise.resolve(NOT_RUNNING)) },
    (event) => isOwnMainFrame(event, currentWindow(), location),
  );
  // The taskbar shows how far the running pack jobs are (the host reports them; ask each time).
  followPackJobs(() => host?.running() ?? [], currentWindow);
  refreshMenu();
  openWindow();
  void deadlineNotices.opened();
}

/** Quit waits for the host to close the workbook (its WAL checkpointed), then exits. */
function closeBeforeQuit(event: Event): void {
  const client = host;
  if (!client) return;
  event.preventDefault();
  quitting ??= client
    .close()
    .catch((err: unknown) => console.error('Handover Workbook: closing the workbook failed', err))
    .finally(() => {
      host = null;
      app.exit(0);
    });
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this profile; it gets our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const win = currentWindow();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const path = workbookFromArgs(argv, workingDirectory);
    if (path) void openPath(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!currentWindow()) openWindow();
  });
  app.on('will-quit', closeBeforeQuit);
  app.whenReady().then(start).catch((err: unknown) => {
    showError(null, 'Handover Workbook cannot start', errorText(err));
    app.exit(1);
  });
}
