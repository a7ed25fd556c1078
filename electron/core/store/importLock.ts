// One import at a time into a workbook, across processes (the CLI, the browser face, the desktop
// app may all have it open). A lock file beside the workbook, created exclusively, says who is
// importing and whether the records are being applied right now. While they are, other writers
// are answered "busy" at once instead of waiting on SQLite's lock (which would hold their event
// loop), and a second import is refused with the same clear message.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { ApiError } from '../../../shared/errors';

export type ImportPhase = 'verifying' | 'applying';

interface LockState {
  pid: number;
  host: string;
  phase: ImportPhase;
  startedAt: string;
  /** When the machine started (ms): after a restart, the lock's process number may be another's. */
  bootedAt?: number;
}

/** How far two readings of the machine's start time may differ (the wall clock is adjusted). */
const BOOT_SLACK_MS = 60_000;
/** A lock file is created, then written: this long, one still empty is another import starting. */
const STARTING_MS = 10_000;

const bootTime = () => Date.now() - uptime() * 1000;

export const BUSY_IMPORT_MESSAGE = 'An import is being applied to this workbook; try again in a moment. Nothing was changed.';
export const BUSY_SECOND_IMPORT_MESSAGE = 'Another import into this workbook is running; try again when it has finished. Nothing was changed.';

export function importLockPath(workbookPath: string): string {
  return join(dirname(workbookPath), `.${basename(workbookPath, extname(workbookPath))}.import.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The import running on this workbook, or null. A lock left on this machine by a process that is
 * gone, or by one from before the machine restarted (its number may be another process's now),
 * is ignored.
 */
export function currentImport(workbookPath: string): LockState | null {
  const path = importLockPath(workbookPath);
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  let state: LockState | null;
  try {
    state = JSON.parse(text) as LockState | null;
  } catch {
    state = null;
  }
  if (typeof state?.pid !== 'number') {
    // Created, then written: for a moment another import's lock is still empty. It is taken as
    // held then, so two imports starting together do not both run; one unreadable for longer is stale.
    return Date.now() - mtimeMs < STARTING_MS ? { pid: 0, host: '', phase: 'verifying', startedAt: '' } : null;
  }
  if (state.host === hostname()) {
    if (!alive(state.pid)) return null;
    if (typeof state.bootedAt === 'number' && Math.abs(state.bootedAt - bootTime()) > BOOT_SLACK_MS) return null;
  }
  return state;
}

/** Whether another import's records are being applied right now (writers should not wait for it). */
export function importBeingApplied(workbookPath: string): boolean {
  return currentImport(workbookPath)?.phase === 'applying';
}

export interface ImportLock {
  setPhase(phase: ImportPhase): void;
  release(): void;
}

function write(path: string, state: LockState, flags: 'wx' | 'w'): void {
  const fd = openSync(path, flags);
  try {
    writeSync(fd, JSON.stringify(state));
  } finally {
    closeSync(fd);
  }
}

/** Takes the workbook's import lock, or throws BUSY when another live import holds it. */
export function takeImportLock(workbookPath: string, startedAt: string): ImportLock {
  const path = importLockPath(workbookPath);
  const state: LockState = { pid: process.pid, host: hostname(), phase: 'verifying', startedAt, bootedAt: bootTime() };
  try {
    write(path, state, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if (currentImport(workbookPath)) throw new ApiError('BUSY', BUSY_SECOND_IMPORT_MESSAGE);
    // Left by a process that died: take it over (the rename replaces it in one step).
    const temp = `${path}.${process.pid}`;
    write(temp, state, 'w');
    renameSync(temp, path);
  }
  let held = true;
  return {
    setPhase(phase) {
      if (!held) return;
      state.phase = phase;
      const temp = `${path}.${process.pid}`;
      write(temp, state, 'w');
      renameSync(temp, path);
    },
    release() {
      if (!held) return;
      held = false;
      rmSync(path, { force: true });
    },
  };
}
