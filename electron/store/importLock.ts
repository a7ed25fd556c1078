// One import at a time into a workbook, across processes (the CLI, the browser face, the desktop
// app may all have it open). A lock file beside the workbook, created exclusively, says who is
// importing and whether the records are being applied right now. While they are, other writers
// are answered "busy" at once instead of waiting on SQLite's lock (which would hold their event
// loop), and a second import is refused with the same clear message.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { ApiError } from '../../shared/errors';

export type ImportPhase = 'verifying' | 'applying';

interface LockState {
  pid: number;
  host: string;
  phase: ImportPhase;
  startedAt: string;
}

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

/** The import running on this workbook, or null. A lock left by a killed process on this machine is ignored. */
export function currentImport(workbookPath: string): LockState | null {
  let state: LockState;
  try {
    state = JSON.parse(readFileSync(importLockPath(workbookPath), 'utf8')) as LockState;
  } catch {
    return null;
  }
  if (typeof state?.pid !== 'number') return null;
  if (state.host === hostname() && !alive(state.pid)) return null;
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
  const state: LockState = { pid: process.pid, host: hostname(), phase: 'verifying', startedAt };
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
