// App-wide state that many screens read: the workbook's info, a data version that every loader
// depends on (bumped after each change we make, so lists and counts refresh), and a fatal error.
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';

export type Fatal = { kind: 'auth' } | { kind: 'unreachable'; message: string };

interface AppState {
  info: AppInfo | null;
  /** Bumped after every change; loaders re-run when it moves. */
  version: number;
  /** Bumped when the desktop shell opens another workbook: the screens mount afresh. */
  workbook: number;
  fatal: Fatal | null;
  setInfo(info: AppInfo): void;
  changed(): void;
  workbookSwitched(): void;
  setFatal(fatal: Fatal | null): void;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  version: 0,
  workbook: 0,
  fatal: null,
  setInfo: (info) => set({ info }),
  changed: () => set((s) => ({ version: s.version + 1 })),
  workbookSwitched: () => set((s) => ({ version: s.version + 1, workbook: s.workbook + 1, info: null })),
  setFatal: (fatal) => set({ fatal }),
}));

export const useVersion = () => useAppStore((s) => s.version);
export const useInfo = () => useAppStore((s) => s.info);
/** Call after a change so every list, count and the activity log refresh. */
export const dataChanged = () => useAppStore.getState().changed();
