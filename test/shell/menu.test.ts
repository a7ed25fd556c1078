// The application menu: the four File items a user looks for, with plain labels and shortcuts,
// the recent list with Clear, and the standard Edit/View/Window menus (no dev tools when packaged).
import { describe, expect, it, vi } from 'vitest';
import { type MenuItemConstructorOptions } from 'electron';

const fake = vi.hoisted(() => ({ installed: [] as unknown[] }));
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => fake.installed.push(menu),
  },
}));

import { installMenu, LABELS, menuTemplate, type MenuActions } from '../../electron/desktop/menu';
import { COMMANDS, type CommandName } from '../../shared/commands';

function actions() {
  return {
    newWorkbook: vi.fn<() => void>(),
    openWorkbook: vi.fn<() => void>(),
    openRecent: vi.fn<(path: string) => void>(),
    clearRecent: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
    command: vi.fn<(name: CommandName) => void>(),
  } satisfies MenuActions;
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

const RECENT = ['/home/ana/Exit Acme.sqlite', '/home/ana/R&D vendor.handover'];

describe('the File menu (Windows and Linux)', () => {
  const acts = actions();
  const template = menuTemplate(acts, { recent: RECENT, platform: 'linux', devTools: false, appName: 'Handover Workbook' });
  const file = submenu(byLabel(template, 'File'));

  it('offers New, Open, Open recent, New vendor, Export, Print, Settings and Quit, with readable labels', () => {
    const labels = file.filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels).toEqual(['New workbook…', 'Open workbook…', 'Open recent', 'New vendor…', 'Export pack…', 'Print report…', 'Settings…', 'Quit']);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)?…?$/);
  });

  it('sends New vendor, Export pack, Print report and Settings to the window, with their shortcuts', () => {
    const expected: [string, CommandName, string][] = [
      ['New vendor…', 'vendor.new', 'CmdOrCtrl+Alt+N'],
      ['Export pack…', 'pack.export', 'CmdOrCtrl+E'],
      ['Print report…', 'report.print', 'CmdOrCtrl+P'],
      ['Settings…', 'settings.open', 'CmdOrCtrl+,'],
    ];
    for (const [label, name, accelerator] of expected) {
      const item = byLabel(file, label);
      expect(item?.accelerator).toBe(accelerator);
      click(item);
      expect(acts.command).toHaveBeenLastCalledWith(name);
    }
    expect(acts.command).toHaveBeenCalledTimes(expected.length);
  });

  it('runs the matching action, with the usual shortcuts', () => {
    const items = {
      newWorkbook: byLabel(file, LABELS.newWorkbook),
      openWorkbook: byLabel(file, LABELS.openWorkbook),
      quit: byLabel(file, LABELS.quit),
    };
    expect(items.newWorkbook?.accelerator).toBe('CmdOrCtrl+N');
    expect(items.openWorkbook?.accelerator).toBe('CmdOrCtrl+O');
    expect(items.quit?.accelerator).toBe('CmdOrCtrl+Q');
    click(items.newWorkbook);
    expect(acts.newWorkbook).toHaveBeenCalledTimes(1);
    click(items.openWorkbook);
    expect(acts.openWorkbook).toHaveBeenCalledTimes(1);
    click(items.quit);
    expect(acts.quit).toHaveBeenCalledTimes(1);
  });

  it('lists recent workbooks by name and folder, each opening its own path, then Clear', () => {
    const recent = submenu(byLabel(file, LABELS.openRecent));
    expect(recent.map((i) => i.label ?? i.type)).toEqual([
      'Exit Acme.sqlite — /home/ana',
      // "&" is a mnemonic marker in menus: doubled so it shows as itself.
      'R&&D vendor.handover — /home/ana',
      'separator',
      'Clear recent',
    ]);
    click(recent[1]);
    expect(acts.openRecent).toHaveBeenCalledWith('/home/ana/R&D vendor.handover');
    const clear = byLabel(recent, LABELS.clearRecent);
    expect(clear?.enabled).toBe(true);
    click(clear);
    expect(acts.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('says so when there is nothing recent, and disables Clear', () => {
    const empty = menuTemplate(actions(), { recent: [], platform: 'linux', devTools: false, appName: 'Handover Workbook' });
    const recent = submenu(byLabel(submenu(byLabel(empty, 'File')), LABELS.openRecent));
    expect(byLabel(recent, LABELS.noRecent)?.enabled).toBe(false);
    expect(byLabel(recent, LABELS.clearRecent)?.enabled).toBe(false);
  });
});

describe('View and Help', () => {
  it('View offers Search, the command palette and Upcoming, each sent to the window (with its shortcut where it has one)', () => {
    const acts = actions();
    const view = submenu(byLabel(menuTemplate(acts, { recent: [], platform: 'linux', devTools: false, appName: 'Handover Workbook' }), 'View'));
    expect(byLabel(view, 'Search…')?.accelerator).toBe('CmdOrCtrl+K');
    expect(byLabel(view, 'Command palette…')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    click(byLabel(view, 'Search…'));
    click(byLabel(view, 'Command palette…'));
    click(byLabel(view, 'Upcoming deadlines'));
    expect(acts.command.mock.calls).toEqual([['search.open'], ['palette.open'], ['upcoming.open']]);
  });

  it('Help has About, the pack format and the keyboard shortcuts (About in the application menu on macOS)', () => {
    const acts = actions();
    const help = submenu(byLabel(menuTemplate(acts, { recent: [], platform: 'linux', devTools: false, appName: 'Handover Workbook' }), 'Help'));
    expect(help.map((i) => i.label)).toEqual(['About Handover Workbook', 'Transition pack format', 'Keyboard shortcuts']);
    for (const item of help) click(item);
    expect(acts.command.mock.calls).toEqual([['help.about'], ['help.packFormat'], ['help.shortcuts']]);

    const mac = menuTemplate(actions(), { recent: [], platform: 'darwin', devTools: false, appName: 'Handover Workbook' });
    expect(submenu(byLabel(mac, 'Help')).map((i) => i.label)).toEqual(['Transition pack format', 'Keyboard shortcuts']);
    expect(submenu(mac[0]).map((i) => i.label).filter(Boolean)).toEqual(['About Handover Workbook', 'Settings…', 'Quit Handover Workbook']);
  });

  it('gives no two items the same shortcut, and takes labels and shortcuts from the one command list', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const seen: string[] = [];
      const walk = (items: MenuItemConstructorOptions[]) => {
        for (const item of items) {
          if (item.accelerator) seen.push(String(item.accelerator));
          if (Array.isArray(item.submenu)) walk(item.submenu);
        }
      };
      const template = menuTemplate(actions(), { recent: RECENT, platform, devTools: true, appName: 'Handover Workbook' });
      walk(template);
      expect(new Set(seen).size).toBe(seen.length);
      const labels = new Set<string>();
      const collect = (items: MenuItemConstructorOptions[]) => {
        for (const item of items) {
          if (item.label) labels.add(item.label);
          if (Array.isArray(item.submenu)) collect(item.submenu);
        }
      };
      collect(template);
      // Every command the renderer runs is reachable from the menu, under its palette label.
      for (const spec of Object.values(COMMANDS)) expect(labels).toContain(spec.label);
    }
  });
});

describe('the Edit menu’s Undo and Redo', () => {
  const edit = (opts: Partial<Parameters<typeof menuTemplate>[1]>, acts = actions()) =>
    submenu(byLabel(menuTemplate(acts, { recent: [], platform: 'linux', devTools: false, appName: 'Handover Workbook', ...opts }), 'Edit'));

  it('say what they would take back, from the backend’s history, and send the command to the window', () => {
    const acts = actions();
    const [undo, redo] = edit({ history: { undo: { summary: 'Created process “Billing”', undoable: true }, redo: { summary: 'Deleted vendor “Acme & Co”', undoable: true } } }, acts);
    expect(undo).toMatchObject({ label: 'Undo Created process “Billing”', accelerator: 'CmdOrCtrl+Z', enabled: true });
    // A "&" in a name stays visible (it would mark a mnemonic on Windows and Linux).
    expect(redo).toMatchObject({ label: 'Redo Deleted vendor “Acme && Co”', accelerator: 'CmdOrCtrl+Shift+Z', enabled: true });
    click(undo);
    click(redo);
    expect(acts.command.mock.calls).toEqual([['history.undo'], ['history.redo']]);
  });

  it('are plain and disabled when there is nothing to take back, or when the backend cannot take it back', () => {
    const [undo, redo] = edit({ history: null });
    expect(undo).toMatchObject({ label: 'Undo', enabled: false });
    expect(redo).toMatchObject({ label: 'Redo', enabled: false });
    const [imported] = edit({ history: { undo: { summary: 'Imported pack “exit.zip”', undoable: false }, redo: null } });
    expect(imported).toMatchObject({ label: 'Undo Imported pack “exit.zip”', enabled: false });
  });

  it('cut a long summary short', () => {
    const [undo] = edit({ history: { undo: { summary: `Renamed checklist “${'x'.repeat(100)}”`, undoable: true }, redo: null } });
    expect(undo!.label!.length).toBeLessThanOrEqual('Undo '.length + 60);
    expect(undo!.label).toMatch(/^Undo Renamed checklist “x+…$/);
  });

  it('leave the keys to the page on Windows and Linux, where it tells typing from the workbook; macOS menus own Cmd+Z', () => {
    expect(edit({ platform: 'linux' })[0]?.registerAccelerator).toBe(false);
    expect(edit({ platform: 'win32' })[0]?.registerAccelerator).toBe(false);
    expect(edit({ platform: 'darwin' })[0]?.registerAccelerator).toBe(true);
  });
});

describe('the standard menus', () => {
  it('has Edit, View (zoom, full screen), Window and Help; dev tools only in development', () => {
    const packaged = menuTemplate(actions(), { recent: [], platform: 'win32', devTools: false, appName: 'Handover Workbook' });
    expect(packaged.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(submenu(byLabel(packaged, 'Edit')).map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'delete', 'selectAll']);
    const viewRoles = submenu(byLabel(packaged, 'View')).map((i) => i.role).filter(Boolean);
    expect(viewRoles).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);

    const dev = menuTemplate(actions(), { recent: [], platform: 'linux', devTools: true, appName: 'Handover Workbook' });
    expect(submenu(byLabel(dev, 'View')).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('puts Quit in the application menu on macOS', () => {
    const acts = actions();
    const mac = menuTemplate(acts, { recent: [], platform: 'darwin', devTools: false, appName: 'Handover Workbook' });
    expect(mac[0]?.label).toBe('Handover Workbook');
    const quit = byLabel(submenu(mac[0]), 'Quit Handover Workbook');
    click(quit);
    expect(acts.quit).toHaveBeenCalledTimes(1);
    expect(submenu(byLabel(mac, 'File')).map((i) => i.label).filter(Boolean)).toEqual([LABELS.newWorkbook, LABELS.openWorkbook, LABELS.openRecent, 'New vendor…', 'Export pack…', 'Print report…']);
  });

  it('installs the built menu as the application menu', () => {
    installMenu(actions(), { recent: [], platform: 'linux', devTools: false, appName: 'Handover Workbook' });
    expect(fake.installed).toHaveLength(1);
    expect((fake.installed[0] as { template: MenuItemConstructorOptions[] }).template[0]?.label).toBe('File');
  });
});
