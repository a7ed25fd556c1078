// The application menu: File (new, open, open recent, quit) plus the standard Edit, View and
// Window menus, so copy and paste, zoom and window handling work as in any desktop app.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';

export interface MenuActions {
  newWorkbook(): void;
  openWorkbook(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  quit(): void;
}

export interface MenuOptions {
  recent: readonly string[];
  platform: NodeJS.Platform;
  /** Reload and developer tools appear only in development builds. */
  devTools: boolean;
  appName: string;
}

export const LABELS = {
  newWorkbook: 'New workbook…',
  openWorkbook: 'Open workbook…',
  openRecent: 'Open recent',
  clearRecent: 'Clear recent',
  noRecent: 'No recent workbooks',
  quit: 'Quit',
} as const;

/** On Windows and Linux "&" marks a mnemonic; a file name's own "&" must stay visible. */
const literal = (text: string) => text.replaceAll('&', '&&');

function recentMenu(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = recent.length > 0
    ? recent.map((path) => ({ label: literal(`${basename(path)} — ${dirname(path)}`), click: () => actions.openRecent(path) }))
    : [{ label: LABELS.noRecent, enabled: false }];
  return {
    label: LABELS.openRecent,
    submenu: [...items, { type: 'separator' }, { label: LABELS.clearRecent, enabled: recent.length > 0, click: () => actions.clearRecent() }],
  };
}

export function menuTemplate(actions: MenuActions, opts: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = opts.platform === 'darwin';
  const quit: MenuItemConstructorOptions = {
    label: isMac ? `${LABELS.quit} ${opts.appName}` : LABELS.quit,
    accelerator: 'CmdOrCtrl+Q',
    click: () => actions.quit(),
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: LABELS.newWorkbook, accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkbook() },
      { label: LABELS.openWorkbook, accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkbook() },
      recentMenu(actions, opts.recent),
      // On macOS Quit belongs to the application menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, quit]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(opts.devTools ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: opts.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      quit,
    ],
  };
  return [...(isMac ? [appMenu] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}

export function installMenu(actions: MenuActions, opts: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, opts)));
}
