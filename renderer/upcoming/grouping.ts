// How the Upcoming screen groups the deadlines: by week (or by month over a long window) with
// what is overdue first, by vendor, by person, or by kind (the register they come from); and
// narrows them to one kind. Pure, so the grouping is tested apart.
import type { Deadline } from '../../shared/deadlines';
import { addDays, parseDay } from '../../shared/dates';

export const GROUPINGS = ['date', 'vendor', 'person', 'kind'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Where a deadline comes from, in the order "by kind" lists them. */
export type DeadlineSource = Deadline['source']['kind'];
export const DEADLINE_SOURCES: readonly DeadlineSource[] = ['contract', 'licence', 'checklist_item', 'access', 'infrastructure'];
export const SOURCE_LABELS: Record<DeadlineSource, string> = {
  contract: 'Contracts', licence: 'Licences', checklist_item: 'Checklist items', access: 'Access and credentials', infrastructure: 'Infrastructure',
};

/** The deadlines of one kind, or all of them for ''. */
export function ofSource(list: readonly Deadline[], source: DeadlineSource | ''): readonly Deadline[] {
  return source === '' ? list : list.filter((d) => d.source.kind === source);
}

export interface DeadlineGroup {
  key: string;
  label: string;
  items: Deadline[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The Monday of the week `day` falls in. */
function weekStart(day: string): string {
  const weekday = new Date(parseDay(day)).getUTCDay(); // 0 is Sunday
  return addDays(day, -((weekday + 6) % 7));
}

function dateGroup(d: Deadline, today: string, byMonth: boolean): { key: string; label: string } {
  if (d.date < today) return { key: 'overdue', label: 'Overdue' };
  if (byMonth) return { key: d.date.slice(0, 7), label: `${MONTHS[Number(d.date.slice(5, 7)) - 1]} ${d.date.slice(0, 4)}` };
  const monday = weekStart(d.date);
  return { key: monday, label: monday === weekStart(today) ? 'This week' : `Week of ${monday}` };
}

/**
 * Groups deadlines already sorted by date (as the backend answers): groups come in the order of
 * their first deadline; by vendor and by person, alphabetically, with "No one named" last; by
 * kind, in the order of DEADLINE_SOURCES.
 */
export function groupDeadlines(list: readonly Deadline[], grouping: Grouping, today: string, byMonth: boolean): DeadlineGroup[] {
  const groups = new Map<string, DeadlineGroup>();
  for (const d of list) {
    const g = grouping === 'date' ? dateGroup(d, today, byMonth)
      : grouping === 'kind' ? { key: d.source.kind, label: SOURCE_LABELS[d.source.kind] }
      : grouping === 'vendor' ? { key: d.vendorId ?? '', label: d.vendorName ?? 'No vendor' }
        : { key: d.personId ?? '', label: d.personName ?? 'No one named' };
    const group = groups.get(g.key);
    if (group) group.items.push(d);
    else groups.set(g.key, { ...g, items: [d] });
  }
  const out = [...groups.values()];
  if (grouping === 'date') return out;
  if (grouping === 'kind') return out.sort((a, b) => DEADLINE_SOURCES.indexOf(a.key as DeadlineSource) - DEADLINE_SOURCES.indexOf(b.key as DeadlineSource));
  return out.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label)));
}
