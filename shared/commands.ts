// The app's commands that have a shortcut or a menu item: one list, so the desktop menu, the
// renderer's key handling and the command palette show the same names and the same shortcuts.
// The desktop menu sends a command's name to the window on one channel and the renderer runs it;
// the browser face has no menu, so the renderer listens for the same shortcuts itself.
import type { HistoryState } from './contract';

export const COMMANDS = {
  'palette.open': { label: 'Command palette…', accelerator: 'CmdOrCtrl+Shift+P' },
  'vendor.new': { label: 'New vendor…', accelerator: 'CmdOrCtrl+Alt+N' },
  'pack.export': { label: 'Export pack…', accelerator: 'CmdOrCtrl+E' },
  'report.print': { label: 'Print report…', accelerator: 'CmdOrCtrl+P' },
  'search.open': { label: 'Search…', accelerator: 'CmdOrCtrl+K' },
  'settings.open': { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  // What a deadline notification's click runs (electron/desktop/deadline-notices.ts).
  'upcoming.open': { label: 'Upcoming deadlines', accelerator: null },
  'help.about': { label: 'About Handover Workbook', accelerator: null },
  'help.packFormat': { label: 'Transition pack format', accelerator: null },
  'help.shortcuts': { label: 'Keyboard shortcuts', accelerator: null },
  // The page reads these keys itself (renderer/app/undoKeys.ts: inside a text field they undo the
  // typing), so commandOfKey leaves them alone; the Edit menu names what they take back (historyItem).
  'history.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z', pageKeys: true },
  'history.redo': { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', pageKeys: true },
} as const satisfies Record<string, { label: string; accelerator: string | null; pageKeys?: true }>;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value);
}

/** What a key press carries, as both DOM KeyboardEvent and tests give it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Chord {
  primary: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

/** An Electron accelerator ("CmdOrCtrl+Shift+P") split into its modifiers and key. */
function chordOf(accelerator: string): Chord {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  return { primary: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key.toLowerCase() };
}

/** The key a press means, whatever Shift or Alt made of it ("P" with Shift, "∂" with Alt on a Mac). */
function pressedKey(press: KeyPress & { code?: string }): string {
  const code = press.code ?? '';
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (code === 'Comma') return ',';
  return press.key.toLowerCase();
}

/** True when the press is the accelerator: the primary key is Cmd on a Mac and Ctrl elsewhere. */
export function matchesAccelerator(accelerator: string, press: KeyPress & { code?: string }, isMac: boolean): boolean {
  const chord = chordOf(accelerator);
  const primary = isMac ? press.metaKey : press.ctrlKey;
  const other = isMac ? press.ctrlKey : press.metaKey;
  return primary === chord.primary && !other && press.shiftKey === chord.shift && press.altKey === chord.alt && pressedKey(press) === chord.key;
}

/** The command whose shortcut the press is, if any. */
export function commandOfKey(press: KeyPress & { code?: string }, isMac: boolean): CommandName | null {
  for (const name of COMMAND_NAMES) {
    const accelerator = COMMANDS[name].accelerator;
    if ('pageKeys' in COMMANDS[name]) continue;
    if (accelerator && matchesAccelerator(accelerator, press, isMac)) return name;
  }
  return null;
}

/** How a shortcut is written for people: "⌘⇧P" on a Mac, "Ctrl+Shift+P" elsewhere. */
export function shortcutLabel(accelerator: string, isMac: boolean): string {
  const chord = chordOf(accelerator);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  if (isMac) return `${chord.primary ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`;
  return [chord.primary && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Longest summary an Edit menu item shows; the rest is cut with an ellipsis. */
const MAX_HISTORY_SUMMARY = 60;

/**
 * The Edit menu's (and the palette's) Undo or Redo item for the backend's history: "Undo Created
 * process “Billing”", disabled when there is nothing to take back or the backend cannot take it back.
 */
export function historyItem(step: 'undo' | 'redo', state: HistoryState | null): { label: string; enabled: boolean } {
  const verb = COMMANDS[step === 'undo' ? 'history.undo' : 'history.redo'].label;
  const next = state?.[step] ?? null;
  if (!next) return { label: verb, enabled: false };
  const summary = next.summary.length > MAX_HISTORY_SUMMARY ? `${next.summary.slice(0, MAX_HISTORY_SUMMARY - 1).trimEnd()}…` : next.summary;
  return { label: `${verb} ${summary}`, enabled: next.undoable };
}
