// Which workbook is open, and switching to another: the rules, apart from dialogs and windows.
// A failed switch leaves the current workbook open and says why.
import { basename, extname, resolve } from 'node:path';
import { type RecentStore } from './recent';

export const APP_NAME = 'Handover Workbook';
export const WORKBOOK_EXTENSIONS = ['sqlite', 'handover'] as const;

export function windowTitle(workbookPath: string): string {
  return `${basename(workbookPath)} — ${APP_NAME}`;
}

/** A name typed without one of our extensions gets ".sqlite" (save dialogs on Linux add none). */
export function withWorkbookExtension(path: string): string {
  const ext = extname(path).slice(1).toLowerCase();
  return (WORKBOOK_EXTENSIONS as readonly string[]).includes(ext) ? path : `${path}.sqlite`;
}

/**
 * The workbook named on the command line: `--workbook=PATH` or `--workbook PATH`, resolved
 * against `cwd`. The `=` form is the safe one: Chromium may reorder a second instance's argv.
 */
export function workbookFromArgs(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--workbook=')) return resolve(cwd, arg.slice('--workbook='.length));
    const next = argv[i + 1];
    if (arg === '--workbook' && next !== undefined && !next.startsWith('-')) return resolve(cwd, next);
  }
  return null;
}

/**
 * The workbooks to try at start, in order: one named explicitly (command line or
 * HANDOVER_WORKBOOK) and nothing else; otherwise the last one if it still exists, then the default.
 */
export function startupCandidates(opts: {
  explicit: string | null;
  last: string | null;
  defaultPath: string;
  exists: (path: string) => boolean;
}): string[] {
  if (opts.explicit) return [opts.explicit];
  const list = opts.last && opts.exists(opts.last) ? [opts.last] : [];
  return list.includes(opts.defaultPath) ? list : [...list, opts.defaultPath];
}

/** Opens the first candidate that opens (one at a time); reports each failure. Null when none did. */
export async function openFirst<T>(
  candidates: readonly string[], open: (path: string) => T | Promise<T>, failed: (path: string, err: unknown) => void,
): Promise<T | null> {
  for (const path of candidates) {
    try {
      return await open(path);
    } catch (err) {
      failed(path, err);
    }
  }
  return null;
}

export interface SwitchableBackend {
  readonly workbookPath: string;
  /** The backend host opens it; rejects (keeping the current one) when it would not open. */
  switchWorkbook(path: string): void | Promise<void>;
}

export interface SwitchDeps {
  backend: SwitchableBackend;
  recent: Pick<RecentStore, 'opened'>;
  showError(title: string, detail: string): void;
  /** Title, menu and renderer follow the newly opened workbook. */
  changed(workbookPath: string): void;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Opens `path` in place of the current workbook; false (and an error shown) when it could not. */
export async function switchWorkbook(deps: SwitchDeps, path: string): Promise<boolean> {
  if (resolve(path) === resolve(deps.backend.workbookPath)) return true;
  try {
    await deps.backend.switchWorkbook(path);
  } catch (err) {
    deps.showError('Could not open the workbook', `${path}\n\n${errorText(err)}\n\nThe current workbook stays open.`);
    return false;
  }
  deps.recent.opened(deps.backend.workbookPath);
  deps.changed(deps.backend.workbookPath);
  return true;
}
