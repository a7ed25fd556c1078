// The pack report (README.html, report.md) lists a vendor's exit costs with their totals, one per
// currency; a pack for a new provider, or for one person's tasks, shows none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { exportedReports, makePackWorkbook } from './helpers';

let wb: TestWorkbook;
let vendorId: string;
let personId: string;

beforeAll(async () => {
  wb = makePackWorkbook(43);
  vendorId = (await wb.call('vendor.create', { name: 'Acme Managed Services', exitDate: '2027-01-31', status: 'exit_planned' })).id;
  await wb.call('cost.create', { vendorId, description: 'Early termination fee', category: 'termination_fee', amount: '25000', currency: 'EUR' });
  await wb.call('cost.create', { vendorId, description: 'Parallel hosting', category: 'dual_running', amount: '12000', months: 6, currency: 'EUR' });
  await wb.call('cost.create', { vendorId, description: 'Backup licences bought again', category: 'licences_rebought', amount: '9800.50', currency: 'USD' });
  personId = (await wb.call('person.create', { name: 'Ana Costa', side: 'in_house' })).id;
  const templates = await wb.call('template.list', {});
  const checklist = await wb.call('checklist.start', { vendorId, templateId: templates[0]!.id });
  const items = await wb.call('checklist.items', { checklistId: checklist.id, limit: 1 });
  await wb.call('checklist.updateItem', { id: items.rows[0]!.id, changes: { ownerId: personId } });
});
afterAll(() => wb.close());

const readme = (name: string, input: Record<string, unknown>) => exportedReports(wb, vendorId, name, input);

describe('the report of a full pack', () => {
  it('lists each cost, dual running with its multiplication, and the totals per currency', async () => {
    const { html, md } = await readme('full', {});
    for (const text of [html, md]) {
      expect(text).toContain('Exit costs (3)');
      expect(text).toContain('6 months × 12,000.00 EUR = 72,000.00 EUR');
      expect(text).toContain('25,000.00 EUR');
      expect(text).toContain('97,000.00 EUR');
      expect(text).toContain('9,800.50 USD');
    }
    // In the order of their categories: the termination fee, dual running, then the licences.
    expect(md.indexOf('Early termination fee')).toBeLessThan(md.indexOf('Parallel hosting'));
    expect(md.indexOf('Parallel hosting')).toBeLessThan(md.indexOf('Backup licences bought again'));
    // One row per currency: EUR one-off, recurring, total; USD apart, never added to the euros.
    expect(md).toMatch(/\|\s*EUR\s*\|\s*25,000\.00 EUR\s*\|\s*72,000\.00 EUR\s*\|\s*97,000\.00 EUR\s*\|/);
    expect(md).toMatch(/\|\s*USD\s*\|\s*9,800\.50 USD\s*\|\s*\\?0\.00 USD\s*\|\s*9,800\.50 USD\s*\|/);
  });
});

describe('packs that withhold the costs', () => {
  it.each([['a new provider', 'new-provider'], ['one person', 'person']] as const)('a pack for %s shows none of them', async (_who, profile) => {
    const { html, md } = await readme(profile, { profile: profile === 'person' ? { person: personId } : profile });
    for (const text of [html, md]) {
      expect(text).not.toContain('Exit costs');
      expect(text).not.toContain('Early termination fee');
      expect(text).not.toContain('EUR');
    }
  });
});
