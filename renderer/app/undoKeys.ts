// Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS; Ctrl+Y too): undo and redo the workbook's last changes,
// done by the backend from its activity log. Inside a text field the keys keep their usual
// meaning (the field's own typing undo), so only keys pressed elsewhere reach the backend.
import { api } from '../api';
import { toast, toastError } from '../ui/toasts';

/** Which history step a key press asks for, or null for any other key. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Runs one step and says what it took back, or why not. */
export async function runHistory(step: 'undo' | 'redo'): Promise<void> {
  try {
    const state = await api['history.state']({});
    const next = state[step];
    if (!next) {
      toast(step === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
      return;
    }
    await api[step === 'undo' ? 'history.undo' : 'history.redo']({});
    // The screens refresh from the backend's change event, like for any other write.
    toast(`${step === 'undo' ? 'Undone' : 'Redone'}: ${next.summary}`);
  } catch (e) {
    toastError(e);
  }
}

/**
 * Undo or Redo from the Edit menu or the palette. On macOS the menu owns Cmd+Z, so a press inside
 * a text field arrives here as the command: it then undoes the typing, as the field's own key would.
 */
export function runHistoryCommand(step: 'undo' | 'redo'): void {
  // execCommand is deprecated, yet the only way to reach a field's own undo stack from script.
  if (isTextEditing(document.activeElement)) document.execCommand(step);
  else void runHistory(step);
}

/** Installs the keys on the window; returns the function that removes them. */
export function installUndoKeys(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const step = historyKey(e);
    if (!step || e.defaultPrevented || e.repeat || isTextEditing(e.target)) return;
    e.preventDefault();
    void runHistory(step);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
