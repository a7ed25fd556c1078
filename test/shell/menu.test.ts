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

function actions() {
  return {
    newWorkbook: vi.fn<() => void>(),
    openWorkbook: vi.fn<() => void>(),
    openRecent: vi.fn<(path: string) => void>(),
    clearRecent: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
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

  it('offers New, Open, Open recent and Quit, with readable labels', () => {
    const labels = file.filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels).toEqual(['New workbook…', 'Open workbook…', 'Open recent', 'Quit']);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)?…?$/);
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

describe('the standard menus', () => {
  it('has Edit, View (zoom, full screen) and Window; dev tools only in development', () => {
    const packaged = menuTemplate(actions(), { recent: [], platform: 'win32', devTools: false, appName: 'Handover Workbook' });
    expect(packaged.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu']);
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
    expect(submenu(byLabel(mac, 'File')).map((i) => i.label)).toEqual([LABELS.newWorkbook, LABELS.openWorkbook, LABELS.openRecent]);
  });

  it('installs the built menu as the application menu', () => {
    installMenu(actions(), { recent: [], platform: 'linux', devTools: false, appName: 'Handover Workbook' });
    expect(fake.installed).toHaveLength(1);
    expect((fake.installed[0] as { template: MenuItemConstructorOptions[] }).template[0]?.label).toBe('File');
  });
});
