// The list's rows from a grouped query: a header per phase the backend answered (its progress over
// all its items, how many the filters show, its span of dates), then that phase's items unless folded.
import { offsetLabel, type ChecklistItem } from '../../shared/checklists';
import type { ItemGroup } from '../../shared/contract';
import type { ListEntry } from './ItemList';

export function phaseEntries(groups: readonly ItemGroup[], rows: readonly ChecklistItem[], collapsed: ReadonlySet<number>): ListEntry[] {
  const byPhase = new Map<number, ChecklistItem[]>();
  for (const r of rows) {
    const list = byPhase.get(r.phase) ?? [];
    list.push(r);
    byPhase.set(r.phase, list);
  }
  const out: ListEntry[] = [];
  for (const g of groups) {
    const phase = Number(g.key);
    const detail = g.firstDue && g.lastDue
      ? `${g.firstDue} – ${g.lastDue}`
      : g.minOffset != null && g.maxOffset != null
        ? `${offsetLabel(g.minOffset)} … ${offsetLabel(g.maxOffset)}`
        : undefined;
    const isCollapsed = collapsed.has(phase);
    out.push({ kind: 'group', key: `phase:${phase}`, label: g.label, done: g.done, total: g.total, shown: g.shown, collapsed: isCollapsed, ...(detail ? { detail } : {}) });
    if (!isCollapsed) for (const item of byPhase.get(phase) ?? []) out.push({ kind: 'item', key: `item:${item.id}`, item });
  }
  return out;
}
