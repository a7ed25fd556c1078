// The desktop app's entry: one instance, one window, one backend. Everything here is wiring; the
// rules live in electron/desktop/ (window guards, IPC, menu, recent list, workbook switching).
import { app, ipcMain, protocol, screen, shell, type BrowserWindow } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../core/backend';
import { COMMAND, WORKBOOK_CHANGED } from './channels';
import { askNewWorkbookPath, askOpenWorkbookPath, showError } from './dialogs';
import { createFaceDialogs } from './face-dialogs';
import { isOwnMainFrame, registerApi, relayChanges } from './ipc';
import { installMenu } from './menu';
import { followPackJobs } from './taskbar';
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

// Tests (and anyone wanting a separate profile) point the user data folder elsewhere.
if (process.env.HANDOVER_USER_DATA) app.setPath('userData', process.env.HANDOVER_USER_DATA);

let backend: Backend | null = null;
let recent: RecentStore | null = null;
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
    { recent: recent?.read().recent ?? [], platform: process.platform, devTools: !app.isPackaged, appName: app.getName() },
  );
}

function openPath(path: string): boolean {
  if (!backend || !recent) return false;
  return switchWorkbook(
    {
      backend,
      recent,
      showError: fail,
      changed: (workbookPath) => {
        currentWindow()?.setTitle(windowTitle(workbookPath));
        refreshMenu();
        currentWindow()?.webContents.send(WORKBOOK_CHANGED);
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
  openPath(path);
}

async function openWorkbook(): Promise<void> {
  const path = await askOpenWorkbookPath(currentWindow());
  if (path) openPath(path);
}

function openRecent(path: string): void {
  if (!existsSync(path)) {
    recent?.remove(path);
    refreshMenu();
    fail('Workbook not found', `${path}\n\nThe file no longer exists; it has been taken off the recent list.`);
    return;
  }
  openPath(path);
}

function openWindow(): void {
  if (!backend) return;
  const win = createMainWindow({
    preload: PRELOAD,
    app: location,
    title: windowTitle(backend.workbookPath),
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

function start(): void {
  const nativeBinding = nativeBindingPath({
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
  backend = openFirst(
    candidates,
    (workbookPath) => {
      if (workbookPath === defaultPath) mkdirSync(dirname(defaultPath), { recursive: true });
      return createBackend({
        workbookPath,
        appVersion: app.getVersion(),
        nativeBinding,
        ...(existsSync(fileURLToPath(PACK_WORKER)) ? { packWorkerEntry: PACK_WORKER } : {}),
        canSwitchWorkbook: true,
        dialogs: createFaceDialogs(currentWindow, () => app.getPath('documents')),
        openFile: async (absPath) => {
          const problem = await shell.openPath(absPath); // '' on success, a message otherwise
          if (problem) throw new Error(problem);
        },
      });
    },
    (workbookPath, err) => showError(null, 'Could not open the workbook', `${workbookPath}\n\n${errorText(err)}`),
  );
  if (!backend) {
    app.exit(1);
    return;
  }
  recent.opened(backend.workbookPath);
  serveRenderer(protocol, RENDERER_DIR, contentSecurityPolicy(location));
  registerApi(ipcMain, backend, (event) => isOwnMainFrame(event, currentWindow(), location));
  // What each committed write changed, to the window, so its screens refresh only that.
  relayChanges(backend.onChange, () => currentWindow()?.webContents);
  // The taskbar shows how far the running pack jobs are (the backend may be switched: ask it each time).
  followPackJobs(() => backend?.packs.running() ?? [], currentWindow);
  refreshMenu();
  openWindow();
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
    if (path) openPath(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!currentWindow()) openWindow();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
  app.whenReady().then(start).catch((err: unknown) => {
    showError(null, 'Handover Workbook cannot start', errorText(err));
    app.exit(1);
  });
}
