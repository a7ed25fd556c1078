// Exit costs through the API: refused input names the field and writes nothing; totals come one
// per currency, one-off and recurring apart, summed exactly; a cost is searched, logged and undone.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { costTotals, costWords, formatAmount, type CurrencyTotal } from '../../shared/costs';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

const vendor = () => wb.call('vendor.create', { name: 'Northwind' });
const fee = (vendorId: string) => wb.call('cost.create', { vendorId, description: 'Early termination fee', category: 'termination_fee', amount: '25000', currency: 'EUR' });

describe('refused exit costs name the field and write nothing', () => {
  const cases: [string, string, (vendorId: string, costId: string) => unknown, string][] = [
    ['a negative amount', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '-10.00', currency: 'EUR' }), 'amount'],
    ['an amount with three decimals', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '10.005', currency: 'EUR' }), 'amount'],
    ['an amount as a number (a float)', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: 10.5, currency: 'EUR' }), 'amount'],
    ['no amount', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: ' ', currency: 'EUR' }), 'amount'],
    ['an amount in words', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: 'ten', currency: 'EUR' }), 'amount'],
    ['a lower-case currency', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '10', currency: 'eur' }), 'currency'],
    ['a currency symbol', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '10', currency: '€' }), 'currency'],
    ['no currency', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '10' }), 'currency'],
    ['an unknown category', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '10', currency: 'EUR', category: 'bribes' }), 'category'],
    ['more than 120 months', 'cost.create', (v) => ({ vendorId: v, description: 'Both', category: 'dual_running', amount: '10', months: 121, currency: 'EUR' }), 'months'],
    ['negative months', 'cost.create', (v) => ({ vendorId: v, description: 'Both', category: 'dual_running', amount: '10', months: -1, currency: 'EUR' }), 'months'],
    ['dual running without months', 'cost.create', (v) => ({ vendorId: v, description: 'Both', category: 'dual_running', amount: '10', currency: 'EUR' }), 'months'],
    ['months on a one-off cost', 'cost.create', (v) => ({ vendorId: v, description: 'Fee', amount: '10', months: 3, currency: 'EUR' }), 'months'],
    ['months added to a stored termination fee', 'cost.update', (_v, c) => ({ id: c, changes: { months: 6 } }), 'changes.months'],
    ['a stored fee made dual running without months', 'cost.update', (_v, c) => ({ id: c, changes: { category: 'dual_running' } }), 'changes.category'],
    ['no description', 'cost.create', (v) => ({ vendorId: v, description: ' ', amount: '10', currency: 'EUR' }), 'description'],
  ];
  for (const [what, method, input, field] of cases) {
    it(what, async () => {
      const v = await vendor();
      const c = await fee(v.id);
      const before = wb.counts();
      const error = await wb.refuse(method, input(v.id, c.id));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues?.map((i) => i.field)).toContain(field);
      expect(error.message).toContain(field);
      expect(wb.counts()).toEqual(before);
      expect(await wb.call('cost.get', { id: c.id })).toEqual(c);
    });
  }

  it('the database itself refuses a malformed amount or currency written behind the app', async () => {
    const v = await vendor();
    const insert = (amount: string, currency: string) => wb.backend.db.prepare(`INSERT INTO exit_costs (id, vendor_id, description, amount, currency, created_at, updated_at)
      VALUES (lower(hex(randomblob(8))), ?, 'x', ?, ?, 'now', 'now')`).run(v.id, amount, currency);
    for (const [amount, currency] of [['-1', 'EUR'], ['1.234', 'EUR'], ['1.', 'EUR'], ['1,5', 'EUR'], ['.5', 'EUR'], ['1', 'eur'], ['1', 'EURO']]) {
      expect(() => insert(amount!, currency!), `${amount} ${currency}`).toThrow(/CHECK/);
    }
    expect(() => insert('1200.50', 'EUR')).not.toThrow();
  });
});

describe('exit cost totals', () => {
  it('sums one total per currency, one-off and recurring apart, never adding currencies', async () => {
    const v = await vendor();
    await fee(v.id);
    await wb.call('cost.create', { vendorId: v.id, description: 'Old and new side by side', category: 'dual_running', amount: '12000.00', months: 6, currency: 'EUR' });
    await wb.call('cost.create', { vendorId: v.id, description: 'Cut-over project', category: 'migration_work', amount: '0.10', currency: 'EUR' });
    await wb.call('cost.create', { vendorId: v.id, description: 'Jira seats', category: 'licences_rebought', amount: '0.20', currency: 'EUR' });
    await wb.call('cost.create', { vendorId: v.id, description: 'US onboarding', category: 'onboarding', amount: '8500', currency: 'USD' });
    const gone = await wb.call('cost.create', { vendorId: v.id, description: 'Withdrawn', amount: '999', currency: 'EUR' });
    await wb.call('cost.delete', { id: gone.id });
    const other = await wb.call('vendor.create', { name: 'Contoso' });
    await fee(other.id);
    expect(await wb.call('cost.totals', { vendorId: v.id })).toEqual([
      // 25000 + 0.10 + 0.20 is exactly 25000.30 (a float sum gives 25000.300000000003).
      { currency: 'EUR', oneOff: '25000.30', recurring: '72000.00', total: '97000.30', count: 4 },
      { currency: 'USD', oneOff: '8500.00', recurring: '0.00', total: '8500.00', count: 1 },
    ]);
    expect(await wb.call('cost.totals', { vendorId: other.id })).toEqual([{ currency: 'EUR', oneOff: '25000.00', recurring: '0.00', total: '25000.00', count: 1 }]);
  });

  it('stays exact where a double would not: 120 months of a 13-digit monthly cost', () => {
    const [t] = costTotals([
      { category: 'dual_running', amount: '9999999999999.99', months: 120, currency: 'CHF' },
      { category: 'other', amount: '0.01', months: null, currency: 'CHF' },
    ]);
    expect(t).toEqual({ currency: 'CHF', oneOff: '0.01', recurring: '1199999999999998.80', total: '1199999999999998.81', count: 2 });
  });

  it('says a dual-running cost with its multiplication shown', () => {
    expect(costWords({ category: 'dual_running', amount: '12000', months: 6, currency: 'EUR' })).toBe('6 months × 12,000.00 EUR = 72,000.00 EUR');
    expect(costWords({ category: 'dual_running', amount: '950.5', months: 1, currency: 'GBP' })).toBe('1 month × 950.50 GBP = 950.50 GBP');
    expect(costWords({ category: 'termination_fee', amount: '1234567.8', months: null, currency: 'USD' })).toBe('1,234,567.80 USD');
    expect(formatAmount('0.05', 'EUR')).toBe('0.05 EUR');
  });
});

describe('an exit cost as a record', () => {
  it('sorts by what it comes to, not by the text of its amount', async () => {
    const v = await vendor();
    await wb.call('cost.create', { vendorId: v.id, description: 'Fee', category: 'termination_fee', amount: '28500', currency: 'EUR' });
    await wb.call('cost.create', { vendorId: v.id, description: 'Licences', category: 'licences_rebought', amount: '9800', currency: 'EUR' });
    await wb.call('cost.create', { vendorId: v.id, description: 'Both running', category: 'dual_running', amount: '5000', months: 12, currency: 'EUR' });
    const order = async (dir: 'asc' | 'desc') => (await wb.call('cost.list', { vendorId: v.id, sort: 'amount', dir })).rows.map((r) => r.description);
    expect(await order('asc')).toEqual(['Licences', 'Fee', 'Both running']);
    expect(await order('desc')).toEqual(['Both running', 'Fee', 'Licences']);
  });

  it('is found by search, logged, and undone and redone', async () => {
    const v = await vendor();
    const c = await wb.call('cost.create', { vendorId: v.id, description: 'Parallel hosting', category: 'dual_running', amount: '4000', months: 3, currency: 'EUR', notes: 'Azure tenant kept warm' });
    expect((await wb.call('search.query', { q: 'tenant' })).map((h) => h.id)).toEqual([c.id]);
    expect((await wb.call('activity.list', { recordId: c.id })).map((a) => a.summary)).toEqual(['Created exit cost “Parallel hosting”']);
    await wb.call('history.undo', {});
    expect((await wb.call('cost.get', { id: c.id })).deletedAt).not.toBeNull();
    expect(await wb.call('cost.totals', { vendorId: v.id })).toEqual([]);
    await wb.call('history.redo', {});
    expect((await wb.call('cost.get', { id: c.id })).deletedAt).toBeNull();
    expect((await wb.call('cost.totals', { vendorId: v.id }))[0]!.recurring).toBe('12000.00');
  });
});

describe('the demo workbook', () => {
  it('holds exit costs on two vendors, the first in two currencies', async () => {
    await wb.call('demo.load', {});
    const vendors = (await wb.call('vendor.list', { sort: 'name' })).rows;
    const totals = await Promise.all(vendors.map(async (v) => [v.name, await wb.call('cost.totals', { vendorId: v.id })] as const));
    const withCosts = totals.filter(([, t]) => t.length > 0);
    expect(withCosts).toHaveLength(2);
    expect(withCosts.map(([, t]) => t.map((c) => c.currency))).toEqual(expect.arrayContaining([['EUR', 'USD'], ['GBP']]));
    const eur = withCosts.flatMap(([, t]) => t).find((c) => c.currency === 'EUR');
    expect(eur).toEqual({ currency: 'EUR', oneOff: '73500.00', recurring: '72000.00', total: '145500.00', count: 3 });
    expect((await wb.call('search.query', { q: 'cut-over weekend' })).map((h) => h.kind)).toContain('cost');
  });
});

describe('what a refused amount says', () => {
  it('an empty amount is required, not malformed; a negative one cannot be negative', async () => {
    const v = await vendor();
    const said = async (amount: string) => (await wb.refuse('cost.create', { vendorId: v.id, description: 'Fee', amount, currency: 'EUR' })).issues;
    expect(await said('')).toEqual([{ field: 'amount', message: 'is required' }]);
    expect(await said('-5')).toEqual([{ field: 'amount', message: 'cannot be negative' }]);
  });
});

describe('a workbook of schema 7 (test/fixtures/workbooks/v7.sqlite)', () => {
  it('is upgraded to hold exit costs: none to begin with, then added to its own vendors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-costs-'));
    try {
      const path = join(dir, 'v7.sqlite');
      copyFileSync(join(__dirname, '../fixtures/workbooks/v7.sqlite'), path);
      const backend = createBackend({ workbookPath: path, appVersion: 'x' });
      const vendorId = backend.db.prepare('SELECT id FROM vendors WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string;
      const totals = async () => {
        const r = await backend.dispatch('cost.totals', { vendorId });
        if (!r.ok) throw new Error(r.error.message);
        return r.value as CurrencyTotal[];
      };
      expect(backend.db.prepare('SELECT count(*) FROM exit_costs').pluck().get()).toBe(0);
      expect(await totals()).toEqual([]);
      const made = await backend.dispatch('cost.create', { vendorId, description: 'Termination fee', category: 'termination_fee', amount: '1000', currency: 'EUR' });
      expect(made.ok, JSON.stringify(made)).toBe(true);
      expect((await totals())[0]!.total).toBe('1000.00');
      backend.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
