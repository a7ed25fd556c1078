// The checklist's filters and the backend query they make: the items are filtered and grouped by
// phase in the backend (checklist.items), so the list shows what the query answers.
import type { ItemStatus } from '../../shared/checklists';
import type { InputOf } from '../../shared/contract';

/** Items loaded at once: the backend's largest page. A checklist is rarely a tenth of it. */
export const MAX_ITEMS = 20000;

export interface Filters {
  mine: boolean;
  overdue: boolean;
  blocked: boolean;
  owner: { id: string; name: string } | null;
  status: ItemStatus | '';
}

export const NO_FILTERS: Filters = { mine: false, overdue: false, blocked: false, owner: null, status: '' };

export const isFiltering = (f: Filters, text: string) => f.mine || f.overdue || f.blocked || !!f.owner || !!f.status || !!text;

/**
 * The query for a checklist's items under these filters, or null when they cannot match anything
 * (Blocked with another status chosen). "Mine" is the viewer's items; without a viewer it asks nothing more.
 */
export function itemQuery(checklistId: string, f: Filters, text: string, viewerId: string | undefined): InputOf<'checklist.items'> | null {
  const status = f.blocked ? (f.status && f.status !== 'blocked' ? null : (['blocked'] as ItemStatus[])) : f.status ? [f.status] : undefined;
  if (status === null) return null;
  // Mine and an owner chosen in the picker are both an owner: two different people match nothing.
  const owners = [f.mine ? viewerId : undefined, f.owner?.id].filter((o): o is string => !!o);
  if (new Set(owners).size > 1) return null;
  return {
    checklistId,
    groupBy: 'phase',
    limit: MAX_ITEMS,
    ...(owners[0] ? { ownerId: owners[0] } : {}),
    ...(status ? { status } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(text ? { text } : {}),
  };
}
