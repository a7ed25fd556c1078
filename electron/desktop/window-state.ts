// The main window's size and position, remembered between runs in a small JSON file in the user
// data folder (written whole by rename, as the recent list is). A saved position is used only when
// it still lands on a display: after a monitor is unplugged, the window opens on the primary
// display at its saved size rather than somewhere nobody can see it.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './recent';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What a window opens with: a position only when it is known to be visible. */
export interface OpeningBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** The slice of Electron's `screen` this needs, so tests can pass a fake. */
export interface ScreenLike {
  getAllDisplays(): { workArea: Rect }[];
  getPrimaryDisplay(): { workArea: Rect };
}

/** The slice of a BrowserWindow that is watched, so tests can pass a fake. */
export interface WindowLike {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
const FORMAT_VERSION = 1;
/** How much of the window's top edge must be on a display: enough to grab it by its title bar. */
const GRIP = { width: 100, height: 40 } as const;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6;

/** Reads the file's text into a state, or null when it is missing a part or damaged. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { bounds, maximized } = data as { bounds?: Partial<Record<keyof Rect, unknown>>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (!finite(x) || !finite(y) || !finite(width) || !finite(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when the window's title bar strip lies enough on one of the displays to be grabbed. */
export function isOnSomeDisplay(bounds: Rect, displays: readonly { workArea: Rect }[]): boolean {
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, GRIP.height) };
  return displays.some((d) => {
    const o = overlap(titleBar, d.workArea);
    return o.width >= Math.min(GRIP.width, bounds.width) && o.height >= Math.min(GRIP.height, titleBar.height);
  });
}

/**
 * Where the window opens: the saved bounds when they land on a display that exists now; else the
 * saved size (or the default) fitted to the primary display, placed by the OS.
 */
export function openingBounds(saved: WindowState | null, screen: ScreenLike): OpeningBounds {
  if (saved && isOnSomeDisplay(saved.bounds, screen.getAllDisplays())) {
    return { ...saved.bounds, maximized: saved.maximized };
  }
  const area = screen.getPrimaryDisplay().workArea;
  const size = saved?.bounds ?? DEFAULT_SIZE;
  return {
    width: Math.max(MIN_SIZE.width, Math.min(size.width, area.width)),
    height: Math.max(MIN_SIZE.height, Math.min(size.height, area.height)),
    maximized: saved?.maximized ?? false,
  };
}

export interface WindowStateStore {
  read(): WindowState | null;
  save(state: WindowState): void;
}

export function createWindowStateStore(file: string, warn: (message: string) => void = console.warn): WindowStateStore {
  return {
    read() {
      try {
        return parseWindowState(readFileSync(file, 'utf8'));
      } catch {
        return null;
      }
    },
    save(state) {
      try {
        writeFileAtomic(file, `${JSON.stringify({ version: FORMAT_VERSION, ...state }, null, 2)}\n`);
      } catch (err) {
        // Only a convenience: the next start opens at the default size.
        warn(`Could not save the window's size and position to ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

/**
 * Saves the window's bounds when it closes. The normal bounds, not the maximized ones, so that a
 * window closed maximized still un-maximizes to the size the user gave it.
 */
export function rememberWindowState(win: WindowLike, store: WindowStateStore): void {
  win.on('close', () => store.save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
}
