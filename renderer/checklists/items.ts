// How checklist items read and change on every screen that lists them (a vendor's checklist,
// My tasks): status keys, due dates, and the one call that changes an item.
import { ITEM_STATUS, offsetLabel, type ChecklistItem, type ItemChanges, type ItemStatus } from '../../shared/checklists';
import { addDays } from '../../shared/dates';
import { api } from '../api';

/** The number keys that set a status, in the order of ITEM_STATUS: 1 To do … 5 Not applicable. */
export const STATUS_BY_KEY: Record<string, ItemStatus> = Object.fromEntries(ITEM_STATUS.map((s, i) => [String(i + 1), s]));
export const KEY_OF_STATUS = Object.fromEntries(ITEM_STATUS.map((s, i) => [s, String(i + 1)])) as Record<ItemStatus, string>;

export const STATUS_TONE: Record<ItemStatus, string> = {
  todo: 'grey',
  in_progress: 'blue',
  blocked: 'red',
  done: 'green',
  not_applicable: 'grey',
};

export function isOverdue(item: Pick<ChecklistItem, 'dueDate' | 'status'>, today: string): boolean {
  return !!item.dueDate && item.dueDate < today && item.status !== 'done' && item.status !== 'not_applicable';
}

/** The due date an offset gives: T + offset, or "T−30" while the vendor has no exit date. */
export function dueFromOffset(exitDate: string | null, offsetDays: number | null): string {
  if (offsetDays == null) return '';
  return exitDate ? addDays(exitDate, offsetDays) : offsetLabel(offsetDays);
}

/** Changes an item; the write's own change event refreshes every screen that shows it (lists, progress, readiness). */
export function changeItem(id: string, changes: ItemChanges, expectedUpdatedAt?: string): Promise<ChecklistItem> {
  return api['checklist.updateItem']({ id, changes, ...(expectedUpdatedAt ? { expectedUpdatedAt } : {}) });
}
