// The recently opened workbooks and the last one, kept in a small JSON file in the user data
// folder. It is only a convenience: a missing or damaged file reads as empty, a failed write is
// reported and ignored, and the file is replaced by rename so a crash never leaves half of it.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

export interface RecentState {
  /** The workbook open when the app last switched or started; reopened on the next start. */
  last: string | null;
  /** Most recent first, without duplicates. */
  recent: string[];
}

export const MAX_RECENT = 10;
const FORMAT_VERSION = 1;

const EMPTY: RecentState = { last: null, recent: [] };

function cleanPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096 || !isAbsolute(value)) return null;
  return resolve(value);
}

/** Reads whatever is in the file into a valid state; anything unexpected is dropped. */
export function parseRecent(text: string): RecentState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...EMPTY, recent: [] };
  }
  if (typeof data !== 'object' || data === null) return { ...EMPTY, recent: [] };
  const record = data as { last?: unknown; recent?: unknown };
  const recent: string[] = [];
  for (const item of Array.isArray(record.recent) ? record.recent : []) {
    const path = cleanPath(item);
    if (path !== null && !recent.includes(path) && recent.length < MAX_RECENT) recent.push(path);
  }
  return { last: cleanPath(record.last), recent };
}

/** `path` moved to the front (added if new) and made the last workbook. */
export function withOpened(state: RecentState, path: string): RecentState {
  const abs = resolve(path);
  return { last: abs, recent: [abs, ...state.recent.filter((p) => p !== abs)].slice(0, MAX_RECENT) };
}

/** `path` taken off the list (e.g. it no longer exists); it stops being the last one too. */
export function withRemoved(state: RecentState, path: string): RecentState {
  const abs = resolve(path);
  return { last: state.last === abs ? null : state.last, recent: state.recent.filter((p) => p !== abs) };
}

/** The list emptied; the last workbook stays, since it is still the open one. */
export function withCleared(state: RecentState): RecentState {
  return { last: state.last, recent: [] };
}

/** Writes `text` to a temporary file next to `file`, flushes it, then renames it over `file`. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export interface RecentStore {
  read(): RecentState;
  opened(path: string): RecentState;
  remove(path: string): RecentState;
  clear(): RecentState;
}

export function createRecentStore(file: string, warn: (message: string) => void = console.warn): RecentStore {
  const read = (): RecentState => {
    try {
      return parseRecent(readFileSync(file, 'utf8'));
    } catch {
      return { ...EMPTY, recent: [] };
    }
  };
  const update = (change: (state: RecentState) => RecentState): RecentState => {
    const next = change(read());
    try {
      writeFileAtomic(file, `${JSON.stringify({ version: FORMAT_VERSION, ...next }, null, 2)}\n`);
    } catch (err) {
      warn(`Could not save the recent workbooks list to ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return next;
  };
  return {
    read,
    opened: (path) => update((s) => withOpened(s, path)),
    remove: (path) => update((s) => withRemoved(s, path)),
    clear: () => update(withCleared),
  };
}
