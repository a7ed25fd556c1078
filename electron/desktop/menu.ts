// The application menu: File (workbooks, new vendor, export, print, settings, quit), Edit (Undo and
// Redo named after what they take back, then the standard items), View (search, command palette,
// zoom), the standard Window menu and Help. Items that act on the page send a command name from
// shared/commands.ts to the window, where the renderer runs it: the same names, labels and
// shortcuts as the command palette.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';
import { COMMANDS, historyItem, type CommandName } from '../../shared/commands';
import type { HistoryState } from '../../shared/contract';

export interface MenuActions {
  newWorkbook(): void;
  openWorkbook(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  quit(): void;
  /** Sends a command to the window; the renderer runs it. */
  command(name: CommandName): void;
}

export interface MenuOptions {
  recent: readonly string[];
  platform: NodeJS.Platform;
  /** Reload and developer tools appear only in development builds. */
  devTools: boolean;
  appName: string;
  /** What Undo and Redo would take back next (the backend's history.state); null: nothing. */
  history?: HistoryState | null;
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

/** The menu item of a renderer command, with the label and shortcut the palette shows too. */
function commandItem(actions: MenuActions, name: CommandName): MenuItemConstructorOptions {
  const { label, accelerator } = COMMANDS[name];
  return { label, ...(accelerator ? { accelerator } : {}), click: () => actions.command(name) };
}

/**
 * Undo or Redo of the workbook, named after what it takes back. The page reads the keys itself
 * (outside a text field they undo the workbook, inside one the typing), so on Windows and Linux
 * the shortcut is only shown; on macOS, where the menu owns Cmd+Z, the renderer tells the two
 * cases apart when the command arrives.
 */
function historyMenuItem(actions: MenuActions, name: 'history.undo' | 'history.redo', opts: MenuOptions): MenuItemConstructorOptions {
  const { label, enabled } = historyItem(name === 'history.undo' ? 'undo' : 'redo', opts.history ?? null);
  return {
    label: literal(label),
    accelerator: COMMANDS[name].accelerator,
    registerAccelerator: opts.platform === 'darwin',
    enabled,
    click: () => actions.command(name),
  };
}

function editMenu(actions: MenuActions, opts: MenuOptions): MenuItemConstructorOptions {
  const isMac = opts.platform === 'darwin';
  return {
    label: 'Edit',
    submenu: [
      historyMenuItem(actions, 'history.undo', opts),
      historyMenuItem(actions, 'history.redo', opts),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
}

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
      { type: 'separator' },
      commandItem(actions, 'vendor.new'),
      commandItem(actions, 'pack.export'),
      commandItem(actions, 'report.print'),
      // On macOS Settings and Quit belong to the application menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, commandItem(actions, 'settings.open'), { type: 'separator' } as const, quit]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      commandItem(actions, 'search.open'),
      commandItem(actions, 'palette.open'),
      commandItem(actions, 'upcoming.open'),
      { type: 'separator' },
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
      commandItem(actions, 'help.about'),
      { type: 'separator' },
      commandItem(actions, 'settings.open'),
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
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [
      // On macOS About is the application menu's first item.
      ...(isMac ? [] : [commandItem(actions, 'help.about')]),
      commandItem(actions, 'help.packFormat'),
      commandItem(actions, 'help.shortcuts'),
    ],
  };
  return [...(isMac ? [appMenu] : []), file, editMenu(actions, opts), view, { role: 'windowMenu' }, help];
}

export function installMenu(actions: MenuActions, opts: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, opts)));
}
