// The readiness function on crafted inputs: every part, every weight, every red flag.
import { describe, expect, it } from 'vitest';
import { computeReadiness, PART_WEIGHTS, type ReadinessInput } from '../../shared/readiness';

function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    today: '2027-01-10',
    vendor: { id: 'v', name: 'V', contractEnd: null, noticeDays: null, leadDays: null, exitDate: '2027-06-30', status: 'exit_planned' },
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

  it('serve-notice date within 30 days, or past; not once the exit is under way', () => {
    const vendor = (contractEnd: string, status = 'active') => ({ id: 'v', name: 'V', contractEnd, noticeDays: 90, leadDays: 10, exitDate: null, status });
    // serve notice by = contract end − 100 days
    expect(kinds(input({ vendor: vendor('2027-05-10') }))).toEqual(['notice_date_near']); // 2027-01-30: in 20 days
    expect(kinds(input({ vendor: vendor('2027-05-31') }))).toEqual([]); // 2027-02-20: in 41 days
    expect(kinds(input({ vendor: vendor('2027-04-10') }))).toEqual(['notice_date_past']); // 2026-12-31
    expect(kinds(input({ vendor: vendor('2027-04-10', 'in_transition') }))).toEqual([]);
    expect(computeReadiness(input({ vendor: vendor('2027-04-25') })).flags[0]!.severity).toBe('high'); // in 5 days
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
  it('gives every demo vendor the same score, parts and flags either way', async () => {
    const { makeWorkbook } = await import('./helpers');
    const { loadReadiness } = await import('../../electron/services/readiness');
    const wb = makeWorkbook();
    try {
      await wb.call('demo.load', {});
      const db = wb.backend.db;
      const today = '2026-11-27';
      const grouped = loadReadiness(db, today, { detailed: true });
      const counted = loadReadiness(db, today);
      const vendors = db.prepare(`SELECT id, name, contract_end AS contractEnd, notice_days AS noticeDays, lead_days AS leadDays, exit_date AS exitDate, status
        FROM vendors WHERE deleted_at IS NULL`).all() as ReadinessInput['vendor'][];
      expect(vendors).toHaveLength(3);
      for (const vendor of vendors) {
        const input: ReadinessInput = {
          today,
          vendor,
          items: db.prepare(`SELECT id, title, phase, status, due_date AS dueDate, blocked_reason AS blockedReason FROM checklist_items WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as ReadinessInput['items'],
          processes: db.prepare(`SELECT id, name, criticality, successor_id AS successorId, kt_stage AS ktStage FROM processes WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as ReadinessInput['processes'],
          repositories: db.prepare(`SELECT r.id, r.name, r.transfer_status AS transferStatus, p.side AS adminSide FROM repositories r LEFT JOIN people p ON p.id = r.admin_id WHERE r.vendor_id = ? AND r.deleted_at IS NULL`).all(vendor.id) as ReadinessInput['repositories'],
          licences: db.prepare(`SELECT id, product, licensee, transferable, transfer_status AS transferStatus FROM licences WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as ReadinessInput['licences'],
          documents: db.prepare(`SELECT id, title, status, reviewed_on AS reviewedOn FROM documents WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as ReadinessInput['documents'],
        };
        const direct = computeReadiness(input);
        const viaDb = grouped.get(vendor.id)!;
        expect(viaDb.score).toBe(direct.score);
        expect(viaDb.parts).toEqual(direct.parts);
        const key = (f: { kind: string; target: { id: string } }) => `${f.kind}:${f.target.id}`;
        expect(viaDb.flags.map(key).sort()).toEqual(direct.flags.map(key).sort());
        expect(direct.flags.length).toBeGreaterThan(0);
        // Counting alone (the dashboard) agrees with the named flags.
        const c = counted.get(vendor.id)!;
        expect(c.score).toBe(direct.score);
        expect(c.flags).toEqual([]);
        expect(c.flagCounts).toEqual({
          high: direct.flags.filter((f) => f.severity === 'high').length,
          medium: direct.flags.filter((f) => f.severity === 'medium').length,
        });
      }
    } finally {
      wb.close();
    }
  });
});

describe('flag order', () => {
  it('lists exit-wide flags first and overdue items the latest first', () => {
    const item = (id: string, dueDate: string) => ({ id, title: id, phase: 1 as const, status: 'todo' as const, dueDate, blockedReason: '' });
    const r = computeReadiness(input({
      vendor: { id: 'v', name: 'V', contractEnd: '2027-04-10', noticeDays: 90, leadDays: 10, exitDate: null, status: 'active' },
      items: [item('a', '2026-12-20'), item('b', '2026-11-01'), item('c', '2026-12-01')],
    }));
    expect(r.flags.map((f) => f.kind === 'item_overdue' ? f.target.id : f.kind)).toEqual(['notice_date_past', 'b', 'c', 'a']);
  });
});
