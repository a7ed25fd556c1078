// What Verify and the import preview say a pack holds: every table counted in the words people
// read, the registers included, never by its SQL name.
import { describe, expect, it } from 'vitest';
import { countOf, sortedCounts } from '../../renderer/packs/labels';
import { kindNouns } from '../../shared/records';

describe('counts of what a pack holds', () => {
  it('count the registers and the contracts in their kinds’ words', () => {
    expect(countOf('infrastructure_items', 6)).toBe('6 infrastructure items');
    expect(countOf('infrastructure_items', 1)).toBe('1 infrastructure item');
    expect(countOf('access_credentials', 10)).toBe('10 access and credentials');
    expect(countOf('data_sets', 4)).toBe('4 data sets');
    expect(countOf('contract_notices', 2)).toBe('2 notices served');
    expect(countOf('exit_costs', 3)).toBe('3 exit costs');
    expect(countOf('attachments', 1)).toBe('1 attached file');
  });

  it('list the records first, in the order of the app, and the checklists after them', () => {
    const order = sortedCounts({ checklist_items: 1, infrastructure_items: 1, people: 1, vendors: 1, data_sets: 1 }).map(([t]) => t);
    expect(order).toEqual(['vendors', 'people', 'data_sets', 'infrastructure_items', 'checklist_items']);
  });
});

describe('the words a count of one kind takes', () => {
  it('count infrastructure as items, other kinds by their own plural', () => {
    expect(kindNouns('infrastructure')).toEqual({ one: 'infrastructure item', many: 'infrastructure items' });
    expect(kindNouns('dataset')).toEqual({ one: 'data set', many: 'data sets' });
    expect(kindNouns('person')).toEqual({ one: 'person', many: 'people' });
  });
});
