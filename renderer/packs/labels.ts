// Words for what a pack holds: its tables by name, counted.
import { RECORD_TABLES } from '../../shared/pack-profiles';
import { kindNouns } from '../../shared/records';
import { formatNumber } from '../format';

// Every record table counts in its kind's words ("6 infrastructure items"), never by its SQL name.
const RECORD_WORDS = Object.fromEntries(Object.entries(RECORD_TABLES).map(([table, kind]) => {
  const { one, many } = kindNouns(kind);
  return [table, [one, many] as [string, string]];
}));

const TABLE_WORDS: Record<string, [string, string]> = {
  ...RECORD_WORDS,
  templates: ['template', 'templates'],
  template_items: ['template item', 'template items'],
  checklists: ['checklist', 'checklists'],
  checklist_items: ['checklist item', 'checklist items'],
  checklist_item_links: ['item link', 'item links'],
  attachments: ['attached file', 'attached files'],
  attachment_links: ['attachment link', 'attachment links'],
};

/** "12 processes"; an unknown table by its own name. */
export function countOf(table: string, n: number): string {
  const [one, many] = TABLE_WORDS[table] ?? [table, table];
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The tables people care about first, in the order the app shows them. */
export const TABLE_ORDER = Object.keys(TABLE_WORDS);

export function sortedCounts(counts: Record<string, number>): [string, number][] {
  const rank = (t: string) => (TABLE_ORDER.includes(t) ? TABLE_ORDER.indexOf(t) : TABLE_ORDER.length);
  return Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
