// Contracts and the notices served on them through the API: refused input names the field and
// writes nothing; the vendor's serve-notice-by and flags follow its contracts; a notice served
// clears them; undo takes a contract back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readinessFor } from '../../electron/core/pack/report';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

// The test clock starts on 2026-03-01.
const vendor = () => wb.call('vendor.create', { name: 'Northwind', exitDate: '2026-12-31', status: 'exit_planned' });
const tacit = (vendorId: string, initialEnd = '2026-06-30') => wb.call('contract.create', {
  vendorId, title: 'Managed services agreement', kind: 'master_agreement', initialEnd, renewal: 'tacit', renewalMonths: 12,
  noticeAmount: 3, noticeUnit: 'months', leadDays: 0, exitAssistance: 'yes',
});

describe('refused contract input names the field and writes nothing', () => {
  const cases: [string, string, (vendorId: string, contractId: string) => unknown, string][] = [
    ['an impossible date', 'contract.create', (v) => ({ vendorId: v, title: 'C', initialEnd: '2027-02-29' }), 'initialEnd'],
    ['a badly formed date', 'contract.create', (v) => ({ vendorId: v, title: 'C', start: '1/7/2026' }), 'start'],
    ['an end before the start', 'contract.create', (v) => ({ vendorId: v, title: 'C', start: '2026-07-01', initialEnd: '2026-06-30' }), 'initialEnd'],
    ['a renewal term without a renewal', 'contract.create', (v) => ({ vendorId: v, title: 'C', renewalMonths: 12 }), 'renewalMonths'],
    ['a renewal term without a renewal, said explicitly', 'contract.create', (v) => ({ vendorId: v, title: 'C', renewal: 'none', renewalMonths: 12 }), 'renewalMonths'],
    ['an unknown notice unit', 'contract.create', (v) => ({ vendorId: v, title: 'C', noticeAmount: 3, noticeUnit: 'weeks' }), 'noticeUnit'],
    ['a fractional notice', 'contract.create', (v) => ({ vendorId: v, title: 'C', noticeAmount: 1.5, noticeUnit: 'months' }), 'noticeAmount'],
    ['more than ten years of notice in months', 'contract.create', (v) => ({ vendorId: v, title: 'C', noticeAmount: 121, noticeUnit: 'months' }), 'noticeAmount'],
    ['options exercised on a tacit renewal', 'contract.create', (v) => ({ vendorId: v, title: 'C', renewal: 'tacit', optionsExercised: 1 }), 'optionsExercised'],
    ['an unknown contract kind', 'contract.create', (v) => ({ vendorId: v, title: 'C', kind: 'handshake' }), 'kind'],
    ['a clause that is neither yes, no nor unknown', 'contract.create', (v) => ({ vendorId: v, title: 'C', escrowClause: 'maybe' }), 'escrowClause'],
    ['no title', 'contract.create', (v) => ({ vendorId: v, title: ' ' }), 'title'],
    ['the renewal set to none under a stored renewal term', 'contract.update', (_v, c) => ({ id: c, changes: { renewal: 'none' } }), 'changes.renewal'],
    ['400 of a notice stored in months', 'contract.update', (_v, c) => ({ id: c, changes: { noticeAmount: 400 } }), 'changes.noticeAmount'],
    ['a notice on a contract that does not exist', 'notice.create', (v) => ({ vendorId: v, contractId: '11111111-1111-4111-8111-111111111111', servedOn: '2026-03-01' }), 'contractId'],
    ['a notice without the day it was served', 'notice.create', (v, c) => ({ vendorId: v, contractId: c }), 'servedOn'],
    ['a notice acknowledged before it was served', 'notice.create', (v, c) => ({ vendorId: v, contractId: c, servedOn: '2026-03-02', acknowledgedOn: '2026-03-01' }), 'acknowledgedOn'],
    ['a notice served in an unknown way', 'notice.create', (v, c) => ({ vendorId: v, contractId: c, servedOn: '2026-03-02', method: 'pigeon' }), 'method'],
  ];
  for (const [what, method, input, field] of cases) {
    it(what, async () => {
      const v = await vendor();
      const c = await tacit(v.id);
      const before = wb.counts();
      const error = await wb.refuse(method, input(v.id, c.id));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues?.map((i) => i.field)).toContain(field);
      expect(error.message).toContain(field);
      expect(wb.counts()).toEqual(before);
      expect(await wb.call('contract.get', { id: c.id })).toEqual(c);
    });
  }

  it('a notice must be served on a contract of the same vendor', async () => {
    const a = await vendor();
    const b = await wb.call('vendor.create', { name: 'Contoso' });
    const c = await tacit(b.id);
    const error = await wb.refuse('notice.create', { vendorId: a.id, contractId: c.id, servedOn: '2026-03-01' });
    expect(error.issues).toEqual([{ field: 'contractId', message: 'must be a contract of the same vendor' }]);
  });

  it('a notice of a deleted contract is restored only with its contract', async () => {
    const v = await vendor();
    const c = await tacit(v.id);
    const n = await wb.call('notice.create', { vendorId: v.id, contractId: c.id, servedOn: '2026-03-01' });
    await wb.call('notice.delete', { id: n.id });
    await wb.call('contract.delete', { id: c.id });
    expect((await wb.refuse('notice.restore', { id: n.id })).message).toBe('Its contract was deleted; restore the contract first.');
  });
});

describe('the vendor\'s deadlines follow its contracts', () => {
  it('the dashboard\'s serve-notice-by is the earliest among the contracts the exit ends; a notice served clears its flag', async () => {
    const v = await vendor();
    const row = async () => (await wb.call('dashboard.get', {})).find((r) => r.vendorId === v.id)!;
    expect((await row()).serveNoticeBy).toBeNull();
    const msa = await tacit(v.id, '2026-06-30'); // notice by 2026-03-30: in 29 days
    await tacit(v.id, '2026-09-30'); // by 2026-06-30
    await wb.call('contract.create', { vendorId: v.id, title: 'NDA', kind: 'nda', initialEnd: '2026-04-30', renewal: 'tacit', noticeAmount: 30, endedByExit: 'no' });
    expect((await row()).serveNoticeBy).toBe('2026-03-30');
    const flags = async () => (await wb.call('readiness.vendor', { vendorId: v.id })).readiness.flags.map((f) => [f.kind, f.target.id]);
    expect(await flags()).toEqual([['notice_date_near', msa.id]]);

    const n = await wb.call('notice.create', { vendorId: v.id, contractId: msa.id, servedOn: '2026-03-01', method: 'registered_post' });
    expect(await flags()).toEqual([]);
    expect((await row()).serveNoticeBy).toBe('2026-06-30');
    // Undo takes the notice back, and the flag with it.
    await wb.call('history.undo', {});
    expect((await wb.call('notice.get', { id: n.id })).deletedAt).not.toBeNull();
    expect(await flags()).toEqual([['notice_date_near', msa.id]]);
  });

  it('shows the termination-assistance period on the overview once notice is served', async () => {
    const v = await vendor();
    const c = await tacit(v.id, '2026-06-30');
    await wb.call('contract.update', { id: c.id, changes: { assistanceMonths: 6 } });
    expect((await wb.call('readiness.vendor', { vendorId: v.id })).assistance).toEqual([]);
    await wb.call('notice.create', { vendorId: v.id, contractId: c.id, servedOn: '2026-03-10' });
    expect((await wb.call('readiness.vendor', { vendorId: v.id })).assistance).toEqual([
      { contractId: c.id, title: 'Managed services agreement', from: '2026-03-10', to: '2026-12-31', endsOn: '2026-06-30' },
    ]);
  });

  it('a contract is found by search, logged, and undone', async () => {
    const v = await vendor();
    const c = await wb.call('contract.create', { vendorId: v.id, title: 'Order form 7', kind: 'order_form', reference: 'OF-2026-007' });
    expect((await wb.call('search.query', { q: 'OF-2026' })).map((h) => h.id)).toEqual([c.id]);
    const log = await wb.call('activity.list', { recordId: c.id });
    expect(log.map((a) => a.summary)).toEqual(['Created contract “Order form 7”']);
    await wb.call('history.undo', {});
    expect((await wb.call('contract.get', { id: c.id })).deletedAt).not.toBeNull();
  });
});

describe('a pack that withholds the contract terms', () => {
  it('leaves out the contract flags that would tell them', async () => {
    const v = await vendor();
    await wb.call('contract.create', { vendorId: v.id, title: 'MSA', kind: 'master_agreement', exitAssistance: 'no' });
    await wb.call('contract.create', { vendorId: v.id, title: 'Option', kind: 'order_form', initialEnd: '2026-06-30', renewal: 'express', noticeAmount: 60 });
    const kinds = (withheld?: Set<string>) => readinessFor(wb.backend.db, [v.id], '2026-03-01', withheld).get(v.id)!.flags.map((f) => f.kind).sort();
    expect(kinds()).toEqual(['express_option_expiring', 'no_exit_assistance_clause']);
    // The option's date is worked out from the contract's terms; the missing clause is one of the operational clauses a new provider keeps.
    expect(kinds(new Set(['contracts.initialEnd', 'contracts.noticeAmount', 'contracts.leadDays']))).toEqual(['no_exit_assistance_clause']);
    expect(kinds(new Set(['contracts.exitAssistance']))).toEqual(['express_option_expiring']);
  });
});
