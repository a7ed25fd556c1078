// The readiness function on crafted inputs: every part, every weight, every red flag.
import { describe, expect, it } from 'vitest';
import type { ContractWithNotice } from '../../shared/contract-deadlines';
import { contract } from './contractFacts';
import { computeReadiness, PART_WEIGHTS, type ReadinessInput } from '../../shared/readiness';
import { liveVendors, plainReadinessInput } from './readinessInput';

function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    today: '2027-01-10',
    vendor: { id: 'v', name: 'V', exitDate: '2027-06-30', status: 'exit_planned', contracts: [] },
    items: [], processes: [], repositories: [], licences: [], documents: [],
    ...over,
  };
}
const kinds = (i: ReadinessInput) => computeReadiness(i).flags.map((f) => f.kind);

describe('readiness score', () => {
  it('is 0 with nothing to measure, 100 when everything is done', () => {
    expect(computeReadiness(input()).score).toBe(0);
    const all = computeReadiness(input({
      items: [{ id: 'i', title: 'x', phase: 0, status: 'done', dueDate: null, blockedReason: '' }],
      processes: [{ id: 'p', name: 'p', criticality: 'critical', successorId: 's', ktStage: 'signed_off' }],
      repositories: [{ id: 'r', name: 'r', transferStatus: 'verified', adminSide: 'in_house' }],
      licences: [{ id: 'l', product: 'l', licensee: 'vendor', transferable: 'yes', transferStatus: 'novated' }],
      documents: [{ id: 'd', title: 'd', status: 'published', reviewedOn: '2027-01-01' }],
    }));
    expect(all.score).toBe(100);
    expect(all.flags).toEqual([]);
  });

  it('weighs checklist items by phase and leaves not-applicable ones out', () => {
    const r = computeReadiness(input({
      items: [
        { id: 'a', title: 'a', phase: 2, status: 'done', dueDate: null, blockedReason: '' }, // weight 2
        { id: 'b', title: 'b', phase: 6, status: 'todo', dueDate: null, blockedReason: '' }, // weight 0.5
        { id: 'c', title: 'c', phase: 0, status: 'not_applicable', dueDate: null, blockedReason: '' },
      ],
    }));
    expect(r.parts[0]).toMatchObject({ key: 'checklist', done: 2, total: 2.5, score: 80, weight: PART_WEIGHTS.checklist });
    expect(r.score).toBe(80); // the only measured part
  });

  it('weighs processes signed off by criticality', () => {
    const r = computeReadiness(input({
      processes: [
        { id: 'a', name: 'a', criticality: 'critical', successorId: 's', ktStage: 'signed_off' }, // 4
        { id: 'b', name: 'b', criticality: 'low', successorId: 's', ktStage: 'shadowing' }, // 1
      ],
    }));
    expect(r.parts[1]).toMatchObject({ done: 4, total: 5, score: 80 });
  });

  it('counts transferred repositories half and verified ones whole; settled licences; reviewed documents', () => {
    const r = computeReadiness(input({
      repositories: [
        { id: 'a', name: 'a', transferStatus: 'transferred', adminSide: 'in_house' },
        { id: 'b', name: 'b', transferStatus: 'verified', adminSide: 'in_house' },
      ],
      licences: [
        { id: 'a', product: 'a', licensee: 'us', transferable: 'unknown', transferStatus: 'not_started' },
        { id: 'b', product: 'b', licensee: 'vendor', transferable: 'yes', transferStatus: 'consent_requested' },
      ],
      documents: [
        { id: 'a', title: 'a', status: 'published', reviewedOn: null },
        { id: 'b', title: 'b', status: 'obsolete', reviewedOn: null },
        { id: 'c', title: 'c', status: 'draft', reviewedOn: null },
      ],
    }));
    expect(r.parts[2]).toMatchObject({ done: 1.5, total: 2, score: 75 });
    expect(r.parts[3]).toMatchObject({ done: 1, total: 2, score: 50 });
    expect(r.parts[4]).toMatchObject({ done: 0.5, total: 2, score: 25 });
    // (15×0.75 + 15×0.5 + 15×0.25) / 45
    expect(r.score).toBe(50);
  });
});

describe('red flags', () => {
  it('critical process without successor (high) or without sign-off (medium); other criticalities raise none', () => {
    expect(computeReadiness(input({ processes: [{ id: 'p', name: 'Payroll', criticality: 'critical', successorId: null, ktStage: 'shadowing' }] })).flags)
      .toEqual([{ kind: 'critical_process_no_successor', severity: 'high', message: 'Critical process without an in-house successor: Payroll', target: { kind: 'process', id: 'p' } }]);
    expect(kinds(input({ processes: [{ id: 'p', name: 'P', criticality: 'critical', successorId: 's', ktStage: 'shadowing' }] }))).toEqual(['critical_process_not_signed_off']);
    expect(kinds(input({ processes: [{ id: 'p', name: 'P', criticality: 'high', successorId: null, ktStage: 'not_started' }] }))).toEqual([]);
  });

  it('repository without an in-house admin', () => {
    expect(kinds(input({ repositories: [{ id: 'r', name: 'r', transferStatus: 'verified', adminSide: 'vendor' }] }))).toEqual(['repository_no_in_house_admin']);
    expect(kinds(input({ repositories: [{ id: 'r', name: 'r', transferStatus: 'verified', adminSide: null }] }))).toEqual(['repository_no_in_house_admin']);
  });

  it('licence held by the vendor and not transferable, unless its route is settled', () => {
    const l = { id: 'l', product: 'SAP', licensee: 'vendor', transferable: 'no', transferStatus: 'not_started' };
    expect(kinds(input({ licences: [l] }))).toEqual(['licence_vendor_held_not_transferable']);
    expect(kinds(input({ licences: [{ ...l, transferStatus: 're_procured' }] }))).toEqual([]);
    expect(kinds(input({ licences: [{ ...l, transferable: 'consent_required' }] }))).toEqual([]);
  });

  it('missing document', () => {
    expect(kinds(input({ documents: [{ id: 'd', title: 'Runbook', status: 'missing', reviewedOn: null }] }))).toEqual(['document_missing']);
  });

  it('overdue and blocked items; closed items are never overdue', () => {
    const item = { id: 'i', title: 'Serve notice', phase: 3 as const, blockedReason: '' };
    expect(kinds(input({ items: [{ ...item, status: 'todo', dueDate: '2027-01-09' }] }))).toEqual(['item_overdue']);
    expect(computeReadiness(input({ items: [{ ...item, status: 'todo', dueDate: '2026-12-01' }] })).flags[0]!.severity).toBe('high');
    expect(kinds(input({ items: [{ ...item, status: 'done', dueDate: '2027-01-01' }] }))).toEqual([]);
    expect(kinds(input({ items: [{ ...item, status: 'not_applicable', dueDate: '2027-01-01' }] }))).toEqual([]);
    expect(kinds(input({ items: [{ ...item, status: 'todo', dueDate: '2027-01-10' }] }))).toEqual([]);
    expect(computeReadiness(input({ items: [{ ...item, status: 'blocked', dueDate: null, blockedReason: 'No answer' }] })).flags[0]!.message)
      .toBe('Blocked: Serve notice — No answer');
  });

  it('serve-notice date within 30, 60 or 90 days, or past; not once the exit is under way, the notice is served, or the exit leaves it running', () => {
    const vendor = (initialEnd: string, status = 'active', over: Partial<ContractWithNotice> = {}) =>
      ({ id: 'v', name: 'V', exitDate: null, status, contracts: [contract({ initialEnd, ...over })] });
    const flags = (v: ReturnType<typeof vendor>) => computeReadiness(input({ vendor: v })).flags.map((f) => [f.kind, f.severity]);
    // serve notice by = term end − 90 days − 10 days
    expect(flags(vendor('2027-05-10'))).toEqual([['notice_date_near', 'high']]); // 2027-01-30: in 20 days
    expect(flags(vendor('2027-05-31'))).toEqual([['notice_date_near', 'medium']]); // 2027-02-20: in 41 days
    expect(flags(vendor('2027-07-19'))).toEqual([['notice_date_near', 'medium']]); // 2027-04-10: in 90 days
    expect(flags(vendor('2027-07-20'))).toEqual([]); // 2027-04-11: in 91 days
    expect(flags(vendor('2027-04-10'))).toEqual([['notice_date_past', 'high']]); // 2026-12-31; the notice may still arrive today
    expect(computeReadiness(input({ vendor: vendor('2027-05-31') })).flags[0]!.message)
      .toBe('Main contract: serve notice by 2027-02-20 (in 41 days, within 60 days) or it renews until 2028-05-31');
    expect(computeReadiness(input({ vendor: vendor('2027-04-10') })).flags[0]!.message)
      .toBe('Main contract: the day to start serving notice, 2026-12-31, passed 10 days ago; notice must reach the vendor by 2027-01-10 (today) or it renews until 2028-04-10');
    expect(flags(vendor('2027-04-10', 'in_transition'))).toEqual([]);
    expect(flags(vendor('2027-04-10', 'active', { servedOn: '2027-01-02' }))).toEqual([]);
    expect(flags(vendor('2027-04-10', 'active', { endedByExit: 'no' }))).toEqual([]);
    // No renewal, or an express option: nothing to serve.
    expect(flags(vendor('2027-04-10', 'active', { renewal: 'none', renewalMonths: null }))).toEqual([]);
  });

  it('no exit-assistance clause on the master agreement: medium, named as missing or unchecked', () => {
    const flagsOf = (over: Partial<ContractWithNotice>) => computeReadiness(input({
      vendor: { id: 'v', name: 'V', exitDate: null, status: 'active', contracts: [contract({ renewal: 'none', renewalMonths: null, ...over })] },
    })).flags;
    expect(flagsOf({ kind: 'master_agreement', exitAssistance: 'no', title: 'MSA' })).toEqual([{
      kind: 'no_exit_assistance_clause', severity: 'medium', target: { kind: 'contract', id: 'c' },
      message: 'MSA has no exit-assistance clause: the vendor owes no help with the handover',
    }]);
    expect(flagsOf({ kind: 'master_agreement', exitAssistance: 'unknown', title: 'MSA' })[0]!.message).toBe('MSA has not been checked for an exit-assistance clause');
    expect(flagsOf({ kind: 'master_agreement', exitAssistance: 'yes' })).toEqual([]);
    expect(flagsOf({ kind: 'statement_of_work', exitAssistance: 'no' })).toEqual([]);
  });

  it('an express renewal option expiring within 90 days, when the exit needs the contract beyond its term', () => {
    // Option to renew: one month's notice before 2027-03-31, so by 2027-02-28 (in 49 days).
    const express = contract({ renewal: 'express', initialEnd: '2027-03-31', noticeAmount: 1, noticeUnit: 'months', leadDays: null });
    const flagsOf = (exitDate: string | null, today = '2027-01-10') => computeReadiness(input({ today, vendor: { id: 'v', name: 'V', exitDate, status: 'exit_planned', contracts: [express] } })).flags;
    expect(flagsOf('2027-06-30')).toEqual([{
      kind: 'express_option_expiring', severity: 'medium', target: { kind: 'contract', id: 'c' },
      message: 'Main contract: the renewal option must be exercised by 2027-02-28 (in 49 days), or it ends on 2027-03-31, before the planned exit 2027-06-30',
    }]);
    expect(flagsOf(null).map((f) => f.kind)).toEqual(['express_option_expiring']);
    expect(flagsOf('2027-03-01')).toEqual([]);
    expect(flagsOf('2027-06-30', '2027-02-10')[0]!.severity).toBe('high'); // in 18 days
    // Once the window has closed the contract cannot renew: the exit falls after its end.
    expect(flagsOf('2027-06-30', '2027-03-05').map((f) => f.kind)).toEqual(['exit_after_contract_end']);
  });

  it('lists high-severity flags first', () => {
    const r = computeReadiness(input({
      documents: [{ id: 'd', title: 'D', status: 'missing', reviewedOn: null }],
      repositories: [{ id: 'r', name: 'r', transferStatus: 'verified', adminSide: null }],
    }));
    expect(r.flags.map((f) => f.severity)).toEqual(['high', 'medium']);
  });
});

describe('the database path agrees with the record path', () => {
  // Second round: some owners, successors and admins have left (were deleted) — the "owner left" flags.
  it.each([['', false], [', also when people have left', true]] as const)('gives every demo vendor the same score, parts and flags either way%s', async (_title, leaving) => {
    const { makeWorkbook } = await import('./helpers');
    const { loadReadiness } = await import('../../electron/core/services/readiness');
    const wb = makeWorkbook();
    try {
      await wb.call('demo.load', {});
      const db = wb.backend.db;
      if (leaving) {
        const named = db.prepare(`SELECT owner_id FROM processes WHERE owner_id IS NOT NULL UNION SELECT successor_id FROM processes WHERE successor_id IS NOT NULL
          UNION SELECT admin_id FROM repositories WHERE admin_id IS NOT NULL ORDER BY 1 LIMIT 6`).pluck().all() as string[];
        for (const id of named) await wb.call('person.delete', { id });
      }
      const today = '2026-11-27';
      const grouped = loadReadiness(db, today, { detailed: true });
      const counted = loadReadiness(db, today);
      const vendors = liveVendors(db);
      expect(vendors).toHaveLength(3);
      let leftFlags = 0;
      for (const vendor of vendors) {
        const input = plainReadinessInput(db, vendor, today);
        const direct = computeReadiness(input);
        const viaDb = grouped.get(vendor.id)!;
        expect(viaDb.score).toBe(direct.score);
        expect(viaDb.parts).toEqual(direct.parts);
        const key = (f: { kind: string; target: { id: string } }) => `${f.kind}:${f.target.id}`;
        expect(viaDb.flags.map(key).sort()).toEqual(direct.flags.map(key).sort());
        expect(viaDb.flags.map((f) => JSON.stringify(f)).sort()).toEqual(direct.flags.map((f) => JSON.stringify(f)).sort());
        expect(direct.flags.length).toBeGreaterThan(0);
        leftFlags += direct.flags.filter((f) => f.kind === 'owner_left').length;
        // Counting alone (the dashboard) agrees with the named flags.
        const c = counted.get(vendor.id)!;
        expect(c.score).toBe(direct.score);
        expect(c.flags).toEqual([]);
        expect(c.flagCounts).toEqual({
          high: direct.flags.filter((f) => f.severity === 'high').length,
          medium: direct.flags.filter((f) => f.severity === 'medium').length,
        });
      }
      if (leaving) expect(leftFlags).toBeGreaterThan(0);
      else expect(leftFlags).toBe(0);
    } finally {
      wb.close();
    }
  });
});

describe('flag order', () => {
  it('lists exit-wide flags first and overdue items the latest first', () => {
    const item = (id: string, dueDate: string) => ({ id, title: id, phase: 1 as const, status: 'todo' as const, dueDate, blockedReason: '' });
    const r = computeReadiness(input({
      vendor: { id: 'v', name: 'V', exitDate: null, status: 'active', contracts: [contract({ initialEnd: '2027-04-10' })] },
      items: [item('a', '2026-12-20'), item('b', '2026-11-01'), item('c', '2026-12-01')],
    }));
    expect(r.flags.map((f) => f.kind === 'item_overdue' ? f.target.id : f.kind)).toEqual(['notice_date_past', 'b', 'c', 'a']);
  });
});

describe('flags for people who left and for an exit after the contract end', () => {
  it('owner left: any criticality, naming who left; none while everyone is here', () => {
    const p = { id: 'p', name: 'Patching', criticality: 'low' as const, successorId: 's', ktStage: 'signed_off' };
    expect(computeReadiness(input({ processes: [{ ...p, left: ['successor Dmitri Ivanov'] }] })).flags).toEqual([
      { kind: 'owner_left', severity: 'high', message: 'Owner left: Patching (successor Dmitri Ivanov)', target: { kind: 'process', id: 'p' } },
    ]);
    expect(kinds(input({ processes: [{ ...p, left: [] }, { ...p, id: 'q' }] }))).toEqual([]);
  });

  it('an exit planned after the current term end of a contract with no renewal, until the vendor is exited', () => {
    const vendor = (exitDate: string, status = 'in_transition', over: Partial<ContractWithNotice> = {}) =>
      ({ id: 'v', name: 'V', exitDate, status, contracts: [contract({ renewal: 'none', renewalMonths: null, noticeAmount: null, ...over })] });
    expect(computeReadiness(input({ vendor: vendor('2027-07-01') })).flags).toEqual([{
      kind: 'exit_after_contract_end', severity: 'high', message: 'The planned exit 2027-07-01 falls 1 day after Main contract ends on 2027-06-30, with no renewal', target: { kind: 'contract', id: 'c' },
    }]);
    expect(kinds(input({ vendor: vendor('2027-06-30') }))).toEqual([]);
    expect(kinds(input({ vendor: vendor('2027-07-01', 'exited') }))).toEqual([]);
    // A contract that renews tacitly runs on past its initial end; one the exit does not end is not the exit's concern.
    expect(kinds(input({ vendor: vendor('2027-07-01', 'in_transition', { renewal: 'tacit', renewalMonths: 12 }) }))).toEqual([]);
    expect(kinds(input({ vendor: vendor('2027-07-01', 'in_transition', { endedByExit: 'no' }) }))).toEqual([]);
  });
});

describe('what each part counts, in plain words', () => {
  const item = (id: string, phase: 0 | 2 | 6, status: 'done' | 'todo' | 'not_applicable') => ({ id, title: id, phase, status, dueDate: null, blockedReason: '' });

  it('says the checklist part is weight points, not items: with both counts and the phase weights that applied', () => {
    // 3 counted items: set-up done (1 point), knowledge transfer done (2) and open (2); one not applicable.
    const r = computeReadiness(input({ items: [item('a', 0, 'done'), item('b', 2, 'done'), item('c', 2, 'todo'), item('d', 6, 'not_applicable')] }));
    const p = r.parts[0]!;
    expect(p).toMatchObject({ done: 3, total: 5, records: { done: 2, half: 0, total: 3, leftOut: 1 } });
    expect(p.explanation).toBe('Weighted by phase: 3 of 5 weight points (2 of 3 items done; set-up ×1, knowledge transfer ×2; 1 item not applicable, left out).');
  });

  it('lists the criticality weights of the processes counted, most critical first', () => {
    const r = computeReadiness(input({
      processes: [
        { id: 'a', name: 'a', criticality: 'low', successorId: 's', ktStage: 'signed_off' },
        { id: 'b', name: 'b', criticality: 'critical', successorId: 's', ktStage: 'shadowing' },
      ],
    }));
    expect(r.parts[1]!.explanation).toBe('Weighted by criticality: 1 of 5 weight points (1 of 2 processes signed off; critical ×4, low ×1).');
  });

  it('names the half-credit records of repositories and documents, and the obsolete ones left out', () => {
    const r = computeReadiness(input({
      repositories: [
        { id: 'a', name: 'a', transferStatus: 'verified', adminSide: 'in_house' },
        { id: 'b', name: 'b', transferStatus: 'transferred', adminSide: 'in_house' },
        { id: 'c', name: 'c', transferStatus: 'requested', adminSide: 'in_house' },
      ],
      licences: [{ id: 'a', product: 'a', licensee: 'vendor', transferable: 'yes', transferStatus: 'novated' }, { id: 'b', product: 'b', licensee: 'vendor', transferable: 'yes', transferStatus: 'not_started' }],
      documents: [
        { id: 'a', title: 'a', status: 'published', reviewedOn: '2027-01-01' },
        { id: 'b', title: 'b', status: 'published', reviewedOn: null },
        { id: 'c', title: 'c', status: 'draft', reviewedOn: null },
        { id: 'd', title: 'd', status: 'obsolete', reviewedOn: null },
      ],
    }));
    expect(r.parts[2]!.explanation).toBe('Verified counts 1 point, transferred but not yet verified ½: 1.5 of 3 points (1 verified, 1 transferred but not yet verified, 1 not transferred yet; 3 repositories).');
    expect(r.parts[3]!.explanation).toBe('Novated, re-procured, lapsed, or licensed to us already, 1 point each: 1 of 2 licences.');
    expect(r.parts[4]!.records).toEqual({ done: 1, half: 1, total: 3, leftOut: 1 });
    expect(r.parts[4]!.explanation).toBe('Reviewed counts 1 point, published but not yet reviewed ½: 1.5 of 3 points (1 published and reviewed, 1 published but not yet reviewed, 1 draft or missing; 3 documents, 1 obsolete left out).');
  });

  it('says why a part has nothing to measure', () => {
    const r = computeReadiness(input({ items: [item('a', 0, 'not_applicable')] }));
    expect(r.parts.map((p) => p.explanation)).toEqual([
      'Nothing to measure: the only item is not applicable.',
      'Nothing to measure: no processes yet.',
      'Nothing to measure: no repositories yet.',
      'Nothing to measure: no licences yet.',
      'Nothing to measure: no documents yet.',
      'Nothing to measure: no access or credentials recorded yet.',
      'Nothing to measure: no data sets recorded yet.',
      'Nothing to measure: no infrastructure recorded yet.',
    ]);
  });

  it('counts a demo checklist as items and as points, and the CLI prints the same words', async () => {
    const { makeWorkbook } = await import('./helpers');
    const { loadReadiness } = await import('../../electron/core/services/readiness');
    const { readinessCommand } = await import('../../electron/cli/commands/readiness');
    const wb = makeWorkbook();
    try {
      await wb.call('demo.load', {});
      const db = wb.backend.db;
      const vendor = db.prepare(`SELECT id, name FROM vendors WHERE name LIKE 'Northwind%'`).get() as { id: string; name: string };
      const items = db.prepare(`SELECT count(*) FILTER (WHERE status <> 'not_applicable'), count(*) FILTER (WHERE status = 'done') FROM checklist_items WHERE vendor_id = ? AND deleted_at IS NULL`)
        .raw().get(vendor.id) as [number, number];
      const part = loadReadiness(db, '2026-03-01', { vendorId: vendor.id }).get(vendor.id)!.parts[0]!;
      // The points and the items differ (that was the puzzle): the words give both.
      expect(part.total).not.toBe(items[0]);
      expect(part.records).toMatchObject({ total: items[0], done: items[1] });
      expect(part.explanation).toContain(`${items[1]} of ${items[0]} items done`);
      expect(part.explanation).toMatch(/weight points/);
      const out: string[] = [];
      const io = { out: (s: string) => void out.push(s), err: () => {} };
      expect(readinessCommand(['--db', wb.path, '--vendor', vendor.name], io, () => new Date('2026-03-01T12:00:00'))).toBe(0);
      expect(out).toContain(`    ${part.explanation}`);
      expect(out.join('\n')).toContain('Each part counts by its weight (out of 100)');
    } finally {
      wb.close();
    }
  });
});
