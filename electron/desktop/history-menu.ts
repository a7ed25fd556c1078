// The Edit menu's Undo and Redo name what they would take back, so after each committed write
// (from this window, another face or an undo itself) the main side asks the backend for its
// history and rebuilds the menu with it.
import type { ChangeEvent } from '../../shared/changes';
import type { HistoryState } from '../../shared/contract';
import type { ApiResponse } from '../../shared/errors';

export interface HistorySource {
  dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

/**
 * Calls `onState` with the backend's history after each change event; null when the backend could
 * not say (the menu then offers nothing rather than a wrong name). Only the answer to the latest
 * event is handed on: one that arrives late for an earlier event is dropped.
 */
export function followHistory(source: HistorySource, onState: (state: HistoryState | null) => void): () => void {
  let asked = 0;
  return source.onChange(() => {
    const ticket = ++asked;
    const answer = (state: HistoryState | null) => {
      if (ticket === asked) onState(state);
    };
    source.dispatch('history.state', {}).then(
      (r) => answer(r.ok ? (r.value as HistoryState) : null),
      () => answer(null),
    );
  });
}
