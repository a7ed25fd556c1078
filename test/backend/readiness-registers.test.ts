// The security-closure registers in readiness (issue 10): their three parts and weights, and each
// red flag on a case that raises it beside the nearest case that does not.
import { describe, expect, it } from 'vitest';
import { computeReadiness, PART_WEIGHTS, type ReadinessInput } from '../../shared/readiness';

type Access = NonNullable<ReadinessInput['access']>[number];
type Dataset = NonNullable<ReadinessInput['datasets']>[number];
type Infra = NonNullable<ReadinessInput['infrastructure']>[number];

const T = '2027-06-30';
function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    today: '2027-07-10',
    vendor: { id: 'v', name: 'V', exitDate: T, status: 'in_transition', contracts: [] },
    items: [], processes: [], repositories: [], licences: [], documents: [],
    ...over,
  };
}
const access = (id: string, over: Partial<Access> = {}): Access => ({ id, name: id, privileged: 'no', status: 'active', holderId: 'p-in', holderSide: 'in_house', ...over });
const dataset = (id: string, over: Partial<Dataset> = {}): Dataset => ({
  id, name: id, personalData: 'no', receivedOn: null, deletionRequired: 'yes', certificateReceivedOn: null, certificateCoversBackups: 'unknown', ...over,
});
const infra = (id: string, over: Partial<Infra> = {}): Infra => ({ id, name: id, kind: 'server', status: 'not_started', expiresOn: null, renewalAccount: 'unknown', ...over });
const flagsOf = (i: ReadinessInput) => computeReadiness(i).flags.map((f) => [f.kind, f.target.id]);
const part = (i: ReadinessInput, key: string) => computeReadiness(i).parts.find((p) => p.key === key)!;

describe('register parts', () => {
  it('weigh 20 of the 100, the earlier parts keeping their proportions', () => {
    expect(Object.values(PART_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(PART_WEIGHTS.checklist / PART_WEIGHTS.processes).toBe(30 / 25);
    expect(PART_WEIGHTS.processes / PART_WEIGHTS.documents).toBe(25 / 15);
    expect(PART_WEIGHTS.access + PART_WEIGHTS.data + PART_WEIGHTS.infrastructure).toBe(20);
  });

  it('count access only once verified, and name what is still missing', () => {
    const i = input({ access: [access('a', { status: 'verified' }), access('b', { status: 'done' }), access('c'), access('d'), access('e', { status: 'scheduled' })] });
    const p = part(i, 'access');
    expect(p).toMatchObject({ weight: PART_WEIGHTS.access, done: 1, total: 5, score: 20 });
    expect(p.explanation).toBe('Revoked, rotated or transferred and verified, 1 point each: 1 of 5 access records; missing: 2 still active, 1 scheduled, 1 done but not yet verified.');
  });

  it('count a data set once returned and, where deletion is required, certified', () => {
    const i = input({
      datasets: [
        dataset('returned-certified', { receivedOn: '2027-06-01', certificateReceivedOn: '2027-06-20' }),
        dataset('returned-no-deletion', { receivedOn: '2027-06-01', deletionRequired: 'no' }),
        dataset('returned-not-certified', { receivedOn: '2027-06-01' }),
        dataset('not-returned', { deletionRequired: 'no' }),
      ],
    });
    const p = part(i, 'data');
    expect(p).toMatchObject({ weight: PART_WEIGHTS.data, done: 2, total: 4, score: 50 });
    expect(p.explanation).toBe('Returned, with its deletion certificate where deletion is required, 1 point each: 2 of 4 data sets; missing: 1 not yet returned, 1 returned but without a deletion certificate.');
  });

  it('count infrastructure done or verified', () => {
    const i = input({ infrastructure: [infra('a', { status: 'done' }), infra('b', { status: 'verified' }), infra('c', { status: 'in_progress' }), infra('d')] });
    const p = part(i, 'infrastructure');
    expect(p).toMatchObject({ weight: PART_WEIGHTS.infrastructure, done: 2, total: 4, score: 50 });
    expect(p.explanation).toBe('Transferred, migrated or decommissioned (done or verified), 1 point each: 2 of 4 items; missing: 1 not started, 1 in progress.');
  });

  it('drop out with no records, as the other parts do, and move the score when there are some', () => {
    const base = input({ documents: [{ id: 'd', title: 'd', status: 'published', reviewedOn: '2027-01-01' }] });
    expect(computeReadiness(base).score).toBe(100);
    expect(part(base, 'access')).toMatchObject({ score: null, total: 0 });
    // Documents 12 points whole, access 8 points none: 12 / 20.
    expect(computeReadiness({ ...base, access: [access('a', { status: 'done' })] }).score).toBe(60);
    expect(computeReadiness({ ...base, access: [access('a', { status: 'verified' })] }).score).toBe(100);
  });
});

describe('register red flags', () => {
  it('privileged access still active or scheduled after T; not on T itself, nor once done, nor unprivileged', () => {
    const recs = [access('active', { privileged: 'yes' }), access('scheduled', { privileged: 'yes', status: 'scheduled' }), access('done', { privileged: 'yes', status: 'done' }), access('plain')];
    expect(flagsOf(input({ today: '2027-07-01', access: recs }))).toEqual([['privileged_access_after_exit', 'active'], ['privileged_access_after_exit', 'scheduled']]);
    expect(flagsOf(input({ today: T, access: recs }))).toEqual([]);
    expect(computeReadiness(input({ today: '2027-07-01', access: recs })).flags[0]).toMatchObject({ severity: 'high', message: 'Privileged access still active after the exit: active', target: { kind: 'access' } });
  });

  it('vendor-held access (no holder, or a holder on the vendor side) not done by T+1; not on T+1, nor when ours or done', () => {
    const recs = [access('company', { holderId: null, holderSide: null }), access('theirs', { holderId: 'p-v', holderSide: 'vendor' }), access('ours'),
      access('theirs-done', { holderId: 'p-v', holderSide: 'vendor', status: 'done' })];
    expect(flagsOf(input({ today: '2027-07-02', access: recs }))).toEqual([['vendor_access_open', 'company'], ['vendor_access_open', 'theirs']]);
    expect(flagsOf(input({ today: '2027-07-01', access: recs }))).toEqual([]);
    // Privileged and vendor-held: one flag, the graver.
    expect(flagsOf(input({ today: '2027-07-02', access: [access('both', { holderId: null, holderSide: null, privileged: 'yes' })] }))).toEqual([['privileged_access_after_exit', 'both']]);
  });

  it('access done but not verified by T+30; not on T+30, nor once verified', () => {
    const recs = [access('done', { status: 'done' }), access('verified', { status: 'verified' })];
    expect(flagsOf(input({ today: '2027-07-31', access: recs }))).toEqual([['access_not_verified', 'done']]);
    expect(flagsOf(input({ today: '2027-07-30', access: recs }))).toEqual([]);
  });

  it('personal data without a deletion certificate at T+30; not the day before, nor certified, nor without deletion or personal data', () => {
    const recs = [dataset('personal', { personalData: 'yes' }), dataset('special', { personalData: 'special', receivedOn: '2027-06-01' }),
      dataset('certified', { personalData: 'yes', certificateReceivedOn: '2027-07-01', certificateCoversBackups: 'yes' }),
      dataset('kept', { personalData: 'yes', deletionRequired: 'no' }), dataset('plain')];
    expect(flagsOf(input({ today: '2027-07-30', datasets: recs }))).toEqual([['personal_data_not_certified', 'personal'], ['personal_data_not_certified', 'special']]);
    expect(flagsOf(input({ today: '2027-07-29', datasets: recs }))).toEqual([]);
    expect(computeReadiness(input({ today: '2027-07-30', datasets: recs })).flags[1]!.message).toBe('Special-category personal data without a deletion certificate at T+30: special');
  });

  it('a deletion certificate that does not cover backups; not one that does or is unknown, nor a missing certificate', () => {
    const recs = [dataset('misses', { certificateReceivedOn: '2027-06-01', certificateCoversBackups: 'no' }),
      dataset('covers', { certificateReceivedOn: '2027-06-01', certificateCoversBackups: 'yes' }),
      dataset('unknown', { certificateReceivedOn: '2027-06-01' }), dataset('none', { certificateCoversBackups: 'no' })];
    expect(flagsOf(input({ today: '2027-01-01', datasets: recs }))).toEqual([['certificate_misses_backups', 'misses']]);
  });

  it('a certificate or domain on the vendor\'s account expiring within 60 days; not at 61, nor ours, nor a server, nor done', () => {
    const today = '2027-07-10';
    const recs = [
      infra('cert', { kind: 'tls_certificate', renewalAccount: 'vendor', expiresOn: '2027-09-08' }), // 60 days
      infra('domain', { kind: 'domain', renewalAccount: 'vendor', expiresOn: '2027-07-01', status: 'in_progress' }), // expired
      infra('later', { kind: 'tls_certificate', renewalAccount: 'vendor', expiresOn: '2027-09-09' }), // 61 days
      infra('ours', { kind: 'domain', renewalAccount: 'us', expiresOn: '2027-07-20' }),
      infra('server', { kind: 'server', renewalAccount: 'vendor', expiresOn: '2027-07-20' }),
      infra('moved', { kind: 'domain', renewalAccount: 'vendor', expiresOn: '2027-07-20', status: 'done' }),
    ];
    const r = computeReadiness(input({ today, infrastructure: recs }));
    expect(r.flags.map((f) => [f.kind, f.target.id, f.message])).toEqual([
      ['renewal_on_vendor_account', 'cert', 'Certificate renewing on the vendor\'s account expires in 60 days: cert'],
      ['renewal_on_vendor_account', 'domain', 'Domain renewing on the vendor\'s account expired 9 days ago: domain'],
    ]);
    // Counted with the others, by severity.
    expect(r.flagCounts).toEqual({ high: 2, medium: 0 });
  });

  it('raises no date-bound flag without an exit date', () => {
    const recs = { access: [access('a', { privileged: 'yes', holderId: null, holderSide: null }), access('b', { status: 'done' })], datasets: [dataset('d', { personalData: 'yes' })] };
    expect(flagsOf(input({ vendor: { id: 'v', name: 'V', exitDate: null, status: 'active', contracts: [] }, today: '2030-01-01', ...recs }))).toEqual([]);
  });
});
