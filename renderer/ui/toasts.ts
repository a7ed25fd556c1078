// Short notices at the bottom of the window ("Process deleted · Undo"). Kept in a tiny store so
// any screen, and any async callback, can raise one.
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run(): void | Promise<void> };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id' | 'tone'> & { tone?: Toast['tone'] }): number;
  dismiss(id: number): void;
}

let nextId = 1;
const LIFETIME_MS = 6000;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (toast) => {
    const id = nextId++;
    // Keep the last two only: a burst of notices should not bury the screen or a dialog's buttons.
    set((s) => ({ toasts: [...s.toasts.slice(-1), { tone: 'info', ...toast, id }] }));
    setTimeout(() => get().dismiss(id), toast.action ? LIFETIME_MS * 1.5 : LIFETIME_MS);
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = (message: string, action?: Toast['action']) => useToasts.getState().show({ message, action });
export const toastError = (error: unknown) =>
  useToasts.getState().show({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
