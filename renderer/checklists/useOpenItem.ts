// The item whose detail is open (?open=…): from the rows shown, or, when the filters hide it or it
// lives in another of the vendor's checklists (a red flag's or a deadline's link), looked up among
// all the vendor's items: another checklist's item switches to that checklist; one that is gone
// closes with a word why.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ChecklistItem } from '../../shared/checklists';
import { useApi } from '../data/useApi';
import { toast } from '../ui/toasts';
import { MAX_ITEMS } from './itemFilters';

interface Args {
  openItemId: string | null;
  vendorId: string;
  checklistId: string;
  /** The rows shown, once loaded. */
  rows: ChecklistItem[] | undefined;
  labels: Record<string, string>;
  onSwitch(checklistId: string, openItemId: string): void;
  onClose(): void;
}

export function useOpenItem({ openItemId, vendorId, checklistId, rows, labels, onSwitch, onClose }: Args): { item: ChecklistItem | undefined; labels: Record<string, string> } {
  const shown = openItemId ? rows?.find((r) => r.id === openItemId) : undefined;
  const looking = !!openItemId && !!rows && !shown;
  const all = useApi('checklist.items', looking ? { vendorId, limit: MAX_ITEMS } : null);
  const found = looking && all.data ? all.data.rows.find((r) => r.id === openItemId) : undefined;

  const nav = useRef({ onSwitch, onClose });
  useLayoutEffect(() => {
    nav.current = { onSwitch, onClose };
  });
  const answered = looking && !!all.data && !all.loading;
  useEffect(() => {
    if (!answered || !openItemId) return;
    if (found && found.checklistId !== checklistId) nav.current.onSwitch(found.checklistId, found.id);
    else if (!found) {
      toast('That item is no longer in the checklist: it may have been deleted.');
      nav.current.onClose();
    }
  }, [answered, found, openItemId, checklistId]);

  if (shown) return { item: shown, labels };
  if (found && found.checklistId === checklistId) return { item: found, labels: all.data?.labels ?? labels };
  return { item: undefined, labels };
}
