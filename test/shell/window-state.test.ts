// The window's size and position between runs: saved whole on close, read back, and used only
// where a display still is (a vanished monitor must not leave the window off screen).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWindowStateStore, DEFAULT_SIZE, openingBounds, parseWindowState, rememberWindowState, type Rect, type ScreenLike,
} from '../../electron/desktop/window-state';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-winstate-'));
  file = join(dir, 'profile', 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 900 };
/** A second monitor to the laptop's right. */
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

/** A stub of Electron's `screen` with these displays, the first one primary. */
function screenWith(...areas: Rect[]): ScreenLike {
  return { getAllDisplays: () => areas.map((workArea) => ({ workArea })), getPrimaryDisplay: () => ({ workArea: areas[0]! }) };
}

/** A stub window that reports these bounds and emits 'close' when told. */
function windowAt(bounds: Rect, maximized = false) {
  const listeners: (() => void)[] = [];
  return {
    on: (event: 'close', fn: () => void) => listeners.push(fn),
    getNormalBounds: () => bounds,
    isMaximized: () => maximized,
    close: () => listeners.forEach((fn) => fn()),
  };
}

describe('the window state store', () => {
  it('saves the bounds on close and reads them back on the next start', () => {
    const store = createWindowStateStore(file);
    expect(store.read()).toBeNull();
    const win = windowAt({ x: 1600, y: 100, width: 1200, height: 800 }, true);
    rememberWindowState(win, store);
    win.close();
    expect(createWindowStateStore(file).read()).toEqual({ bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true });
    // Written through a temporary file that is not left behind.
    expect(readdirSync(join(dir, 'profile'))).toEqual(['window-state.json']);
  });

  it('reads a damaged or partial file as nothing saved', () => {
    mkdirSync(join(dir, 'profile'));
    for (const text of ['{"bounds": {"x": 1', 'null', '{}', '{"bounds": {"x": 0, "y": 0, "width": -5, "height": 600}}', '{"bounds": {"x": "0", "y": 0, "width": 900, "height": 600}}']) {
      writeFileSync(file, text);
      expect(createWindowStateStore(file).read()).toBeNull();
    }
  });

  it('reports a failed write and carries on', () => {
    mkdirSync(file, { recursive: true }); // a folder where the file should be
    const warn = vi.fn();
    createWindowStateStore(file, warn).save({ bounds: { x: 0, y: 0, width: 900, height: 600 }, maximized: false });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Could not save the window's size and position"));
  });

  it('parses what it wrote', () => {
    expect(parseWindowState('{"version":1,"bounds":{"x":-10,"y":5,"width":900,"height":600},"maximized":false}')).toEqual({ bounds: { x: -10, y: 5, width: 900, height: 600 }, maximized: false });
  });
});

describe('where the window opens', () => {
  const onMonitor = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false };

  it('at the saved place when its display is still there', () => {
    expect(openingBounds(onMonitor, screenWith(LAPTOP, MONITOR))).toEqual({ x: 1600, y: 100, width: 1200, height: 800, maximized: false });
  });

  it('on the primary display, at the saved size fitted to it, when that display has gone', () => {
    const opened = openingBounds(onMonitor, screenWith(LAPTOP));
    expect(opened).toEqual({ width: 1200, height: 800, maximized: false });
    expect(opened).not.toHaveProperty('x');
    // A window bigger than what is left is cut down to the display.
    const big = { bounds: { x: 1500, y: 0, width: 2400, height: 1400 }, maximized: true };
    expect(openingBounds(big, screenWith(LAPTOP))).toEqual({ width: 1440, height: 900, maximized: true });
  });

  it('not at a place where only a sliver of the title bar would show', () => {
    // 20 px of it left on the laptop after the monitor went: not enough to grab it.
    const sliver = { bounds: { x: 1420, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(openingBounds(sliver, screenWith(LAPTOP))).not.toHaveProperty('x');
    // The title bar above the top of every display: not reachable either.
    const above = { bounds: { x: 100, y: -500, width: 1200, height: 450 }, maximized: false };
    expect(openingBounds(above, screenWith(LAPTOP, MONITOR))).not.toHaveProperty('x');
  });

  it('at the default size with nothing saved', () => {
    expect(openingBounds(null, screenWith(LAPTOP, MONITOR))).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });
});
