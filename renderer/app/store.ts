// App-wide state that many screens read: the workbook's info, which workbook is open, and a fatal
// error. Data itself is loaded and refreshed through renderer/data/ (TanStack Query and the change events).
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';

export type Fatal = { kind: 'auth' } | { kind: 'unreachable'; message: string };

interface AppState {
  info: AppInfo | null;
  /** Bumped when the desktop shell opens another workbook: the screens mount afresh. */
  workbook: number;
  fatal: Fatal | null;
  setInfo(info: AppInfo): void;
  workbookSwitched(): void;
  setFatal(fatal: Fatal | null): void;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  workbook: 0,
  fatal: null,
  setInfo: (info) => set({ info }),
  workbookSwitched: () => set((s) => ({ workbook: s.workbook + 1, info: null })),
  setFatal: (fatal) => set({ fatal }),
}));

export const useInfo = () => useAppStore((s) => s.info);
