// The Upcoming screen's grouping (by week, by month, by vendor, by person; overdue first) and
// which change events refresh its deadlines.
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/changes';
import type { Deadline } from '../../shared/deadlines';
import { isStaleAfter, queryKey } from '../../renderer/data/queryKeys';
import { groupDeadlines, ofSource } from '../../renderer/upcoming/grouping';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const d = (date: string, over: Partial<Deadline> = {}): Deadline => ({
  id: `item_due:${date}`, kind: 'item_due', date, title: `Due ${date}`, detail: '', vendorId: A, vendorName: 'Northwind',
  personId: null, personName: null, source: { kind: 'checklist_item', id: date }, ...over,
});

// 2026-12-02 is a Wednesday: its week started on Monday 2026-11-30.
const today = '2026-12-02';
const list = [
  d('2026-11-20'),
  d('2026-12-03', { vendorId: B, vendorName: 'Contoso', personId: 'p1', personName: 'Bea' }),
  d('2026-12-07', { personId: 'p2', personName: 'Abe' }),
  d('2027-01-15', { personId: 'p1', personName: 'Bea' }),
];
const shape = (groups: ReturnType<typeof groupDeadlines>) => groups.map((g) => [g.label, g.items.map((i) => i.date)]);

describe('groupDeadlines', () => {
  it('by date: overdue first, then this week and the weeks after (Monday to Sunday)', () => {
    expect(shape(groupDeadlines(list, 'date', today, false))).toEqual([
      ['Overdue', ['2026-11-20']], ['This week', ['2026-12-03']], ['Week of 2026-12-07', ['2026-12-07']], ['Week of 2027-01-11', ['2027-01-15']],
    ]);
  });
  it('by month over a long window', () => {
    expect(shape(groupDeadlines(list, 'date', today, true))).toEqual([
      ['Overdue', ['2026-11-20']], ['December 2026', ['2026-12-03', '2026-12-07']], ['January 2027', ['2027-01-15']],
    ]);
  });
  it('by vendor and by person, by name, with no one named last', () => {
    expect(shape(groupDeadlines(list, 'vendor', today, false))).toEqual([
      ['Contoso', ['2026-12-03']], ['Northwind', ['2026-11-20', '2026-12-07', '2027-01-15']],
    ]);
    expect(shape(groupDeadlines(list, 'person', today, false))).toEqual([
      ['Abe', ['2026-12-07']], ['Bea', ['2026-12-03', '2027-01-15']], ['No one named', ['2026-11-20']],
    ]);
  });
});

describe('by kind', () => {
  const mixed = [
    d('2026-12-01', { id: 'access_due:1', kind: 'access_due', source: { kind: 'access', id: '1' } }),
    d('2026-12-03', { id: 'infrastructure_expiry:2', kind: 'infrastructure_expiry', source: { kind: 'infrastructure', id: '2' } }),
    d('2026-12-04'),
    d('2026-12-05', { id: 'licence_expiry:3', kind: 'licence_expiry', source: { kind: 'licence', id: '3' } }),
    d('2026-12-06', { id: 'access_due:4', kind: 'access_due', source: { kind: 'access', id: '4' } }),
  ];
  it('groups in the registers\' order, whatever comes first by date', () => {
    expect(shape(groupDeadlines(mixed, 'kind', today, false))).toEqual([
      ['Licences', ['2026-12-05']], ['Checklist items', ['2026-12-04']], ['Access and credentials', ['2026-12-01', '2026-12-06']], ['Infrastructure', ['2026-12-03']],
    ]);
  });
  it('narrows to one kind, or keeps all', () => {
    expect(ofSource(mixed, 'access').map((x) => x.id)).toEqual(['access_due:1', 'access_due:4']);
    expect(ofSource(mixed, 'infrastructure').map((x) => x.id)).toEqual(['infrastructure_expiry:2']);
    expect(ofSource(mixed, 'contract')).toEqual([]);
    expect(ofSource(mixed, '')).toHaveLength(5);
  });
});

describe('deadlines.list refreshes', () => {
  const ev = (kinds: string[], vendorIds: string[] = [A]): ChangeEvent => ({ seq: 1, kinds, ids: [], vendorIds, activityId: 'a', summary: '' });
  it('after a change to a contract, a notice, a licence or an item, for all vendors or that vendor only', () => {
    for (const kind of ['contract', 'notice', 'licence', 'checklist_item', 'vendor', 'access', 'infrastructure']) {
      expect(isStaleAfter(ev([kind]), queryKey('deadlines.list', { days: 90 }))).toBe(true);
      expect(isStaleAfter(ev([kind]), queryKey('deadlines.list', { days: 90, vendorId: A }))).toBe(true);
      expect(isStaleAfter(ev([kind]), queryKey('deadlines.list', { days: 90, vendorId: B }))).toBe(false);
    }
  });
  it('not after a change to what holds no date', () => {
    expect(isStaleAfter(ev(['process']), queryKey('deadlines.list', { days: 90 }))).toBe(false);
    expect(isStaleAfter(ev(['document']), queryKey('deadlines.list', { days: 7 }))).toBe(false);
  });
});
