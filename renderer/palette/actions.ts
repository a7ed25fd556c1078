// Everything the command palette offers, from where the user is: the screens, new records (the
// inventory kinds inside a vendor), packs, the app's commands with their shortcuts, the theme and
// the checklist's key legend. Menu-only items of the desktop (Help, Settings) are here too, so the
// browser face reaches them.
import { COMMANDS, historyItem, type CommandName } from '../../shared/commands';
import type { HistoryState } from '../../shared/contract';
import { INVENTORY_KINDS, KIND_LABEL, type RecordKind } from '../../shared/records';
import { hrefOf, TAB_LABEL, VENDOR_TABS, type Route } from '../app/router';
import { LEGEND_KEY } from '../checklists/KeyLegend';
import { THEME_LABEL, THEMES, type Theme } from '../settings/theme';
import { shortcutOf } from './keys';

export const SECTIONS = ['Actions', 'Go to', 'Create', 'Theme', 'Help'] as const;
export type Section = (typeof SECTIONS)[number];

export interface PaletteAction {
  id: string;
  label: string;
  section: Section;
  shortcut?: string;
  run(): void;
}

export interface PaletteContext {
  route: Route;
  run(name: CommandName): void;
  go(route: Route): void;
  newRecord(kind: RecordKind, vendorId?: string): void;
  theme: Theme;
  setTheme(theme: Theme): void;
  legendShown: boolean;
  toggleLegend(): void;
  /** Undo or redo the workbook's last change (app/undoKeys.ts, which also owns the keys). */
  history(step: 'undo' | 'redo'): void;
  /** What they would take back (the backend's history.state); null while unknown. */
  historyState: HistoryState | null;
}


const SCREENS: [string, Route][] = [
  ['Dashboard', { name: 'dashboard' }],
  ['Vendors', { name: 'vendors' }],
  ['My tasks', { name: 'tasks' }],
  ['Upcoming', { name: 'upcoming' }],
  ['Templates', { name: 'templates', id: null }],
  ['People', { name: 'people', open: null }],
  ['Packs', { name: 'packs', part: 'export' }],
  ['Search page', { name: 'search', q: '' }],
];

/** A command of the one list (shared/commands.ts), under its label and with its shortcut. */
function command(ctx: PaletteContext, name: CommandName, section: Section): PaletteAction {
  return { id: `command:${name}`, label: COMMANDS[name].label, section, shortcut: shortcutOf(name), run: () => ctx.run(name) };
}

/** Undo or Redo, named as the desktop's Edit menu names it ("Undo Created process “Billing”"); with nothing to take back, running it says so. */
function historyAction(ctx: PaletteContext, step: 'undo' | 'redo'): PaletteAction {
  return { id: `history.${step}`, label: historyItem(step, ctx.historyState).label, section: 'Actions', shortcut: shortcutOf(`history.${step}`), run: () => ctx.history(step) };
}

export function paletteActions(ctx: PaletteContext): PaletteAction[] {
  const vendorId = ctx.route.name === 'vendor' ? ctx.route.vendorId : null;
  const go = (label: string, route: Route): PaletteAction => ({ id: `go:${hrefOf(route)}`, label, section: 'Go to', run: () => ctx.go(route) });
  const create = (kind: RecordKind, forVendor?: string): PaletteAction => ({
    id: `new:${kind}`,
    label: `New ${KIND_LABEL[kind].one.toLowerCase()}…`,
    section: 'Create',
    shortcut: kind === 'vendor' ? shortcutOf('vendor.new') : undefined,
    run: () => ctx.newRecord(kind, forVendor),
  });
  return [
    historyAction(ctx, 'undo'),
    historyAction(ctx, 'redo'),
    command(ctx, 'pack.export', 'Actions'),
    { id: 'pack.verify', label: 'Verify pack…', section: 'Actions', run: () => ctx.go({ name: 'packs', part: 'verify' }) },
    { id: 'pack.import', label: 'Import pack…', section: 'Actions', run: () => ctx.go({ name: 'packs', part: 'import' }) },
    command(ctx, 'report.print', 'Actions'),
    command(ctx, 'search.open', 'Actions'),
    command(ctx, 'settings.open', 'Actions'),
    { id: 'legend', label: ctx.legendShown ? 'Hide the checklist keys' : 'Show the checklist keys', section: 'Actions', shortcut: LEGEND_KEY, run: ctx.toggleLegend },
    ...SCREENS.map(([label, route]) => go(label, route)),
    // Inside a vendor: its tabs.
    ...(vendorId ? VENDOR_TABS.map((tab) => go(`Vendor: ${TAB_LABEL[tab]}`, { name: 'vendor', vendorId, tab, open: null })) : []),
    create('vendor'),
    create('person'),
    // Inventory records belong to a vendor: offered inside one.
    ...(vendorId ? INVENTORY_KINDS.map((kind) => create(kind, vendorId)) : []),
    ...THEMES.map((theme): PaletteAction => ({
      id: `theme:${theme}`,
      label: `Theme: ${THEME_LABEL[theme]}${ctx.theme === theme ? ' (current)' : ''}`,
      section: 'Theme',
      run: () => ctx.setTheme(theme),
    })),
    command(ctx, 'help.shortcuts', 'Help'),
    command(ctx, 'help.packFormat', 'Help'),
    command(ctx, 'help.about', 'Help'),
  ];
}
