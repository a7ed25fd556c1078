// The taskbar (dock, launcher) progress follows the pack jobs that run: the share of bytes done
// across them, indeterminate while no total is known yet, and nothing once none runs.
import type { PackJobStatus } from '../../shared/packs';

export interface ProgressWindow {
  setProgressBar(progress: number): void;
  isDestroyed(): boolean;
}

/** Electron's values: 0…1 a share, above 1 indeterminate, below 0 no bar. */
export const INDETERMINATE = 2;
export const NO_BAR = -1;

export function taskbarValue(running: readonly Pick<PackJobStatus, 'bytesDone' | 'bytesTotal'>[]): number {
  if (running.length === 0) return NO_BAR;
  const total = running.reduce((n, j) => n + j.bytesTotal, 0);
  if (total <= 0) return INDETERMINATE;
  return Math.min(1, running.reduce((n, j) => n + Math.min(j.bytesDone, j.bytesTotal), 0) / total);
}

/**
 * Sets the window's bar from the running jobs each `everyMs` (only when it changed); answers the
 * function that stops following (and clears the bar). `tick` is returned for the tests.
 */
export function followPackJobs(
  running: () => readonly Pick<PackJobStatus, 'bytesDone' | 'bytesTotal'>[], window: () => ProgressWindow | null, everyMs = 250,
): { stop(): void; tick(): void } {
  // No bar at first: a window that never ran a job is never touched.
  let shown = NO_BAR;
  const tick = () => {
    const win = window();
    if (!win || win.isDestroyed()) return;
    const value = taskbarValue(running());
    // Whole percents: a bar that changes less than that is not redrawn.
    const rounded = value > 0 && value <= 1 ? Math.floor(value * 100) / 100 : value;
    if (rounded === shown) return;
    shown = rounded;
    win.setProgressBar(rounded);
  };
  const timer = setInterval(tick, everyMs);
  timer.unref?.();
  return {
    tick,
    stop() {
      clearInterval(timer);
      const win = window();
      if (win && !win.isDestroyed() && shown !== NO_BAR) win.setProgressBar(NO_BAR);
    },
  };
}
