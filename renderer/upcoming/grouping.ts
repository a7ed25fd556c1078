// How the Upcoming screen groups the deadlines: by week (or by month over a long window) with
// what is overdue first, by vendor, or by person. Pure, so the grouping is tested apart.
import type { Deadline } from '../../shared/deadlines';
import { addDays, parseDay } from '../../shared/dates';

export const GROUPINGS = ['date', 'vendor', 'person'] as const;
export type Grouping = (typeof GROUPINGS)[number];

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
 * their first deadline; by vendor and by person, alphabetically, with "No one named" last.
 */
export function groupDeadlines(list: readonly Deadline[], grouping: Grouping, today: string, byMonth: boolean): DeadlineGroup[] {
  const groups = new Map<string, DeadlineGroup>();
  for (const d of list) {
    const g = grouping === 'date' ? dateGroup(d, today, byMonth)
      : grouping === 'vendor' ? { key: d.vendorId ?? '', label: d.vendorName ?? 'No vendor' }
        : { key: d.personId ?? '', label: d.personName ?? 'No one named' };
    const group = groups.get(g.key);
    if (group) group.items.push(d);
    else groups.set(g.key, { ...g, items: [d] });
  }
  const out = [...groups.values()];
  if (grouping === 'date') return out;
  return out.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label)));
}
