// The contract arithmetic against a table of cases worked out by hand, including the ones other
// tools get wrong: notice counted from the renewed end, calendar months at month ends, leap years.
import { describe, expect, it } from 'vitest';
import { addMonths, noticeDeadline, renewalEnd, termPosition, type ContractTerms } from '../../shared/contract-terms';

const threeYearsThenYearly: ContractTerms = {
  initialEnd: '2027-06-30', renewal: 'tacit', renewalMonths: 12, notice: { amount: 3, unit: 'months' }, leadDays: null,
};

describe('calendar months', () => {
  it.each([
    ['2027-03-31', -1, '2027-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2027-06-30', -3, '2027-03-30'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-11-15', 3, '2028-02-15'],
    ['2027-01-15', -13, '2025-12-15'],
  ])('%s %+d months is %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it('a renewal term keeps month ends from drifting and follows leap years', () => {
    expect(renewalEnd('2027-02-28', 12, 1)).toBe('2028-02-29');
    expect(renewalEnd('2027-02-28', 12, 2)).toBe('2029-02-28');
    expect(renewalEnd('2027-06-30', 12, 3)).toBe('2030-06-30');
    expect(renewalEnd('2027-06-30', 12, 0)).toBe('2027-06-30');
  });

  it('notice in days counts calendar days back', () => {
    expect(noticeDeadline('2027-06-30', { amount: 90, unit: 'days' })).toBe('2027-04-01');
    expect(noticeDeadline('2028-03-31', { amount: 1, unit: 'months' })).toBe('2028-02-29');
    expect(noticeDeadline('2027-06-30', null)).toBe('2027-06-30');
  });
});

describe('term position', () => {
  const cases: [string, ContractTerms, string, Partial<ReturnType<typeof termPosition>>][] = [
    ['36-month term then 12-month tacit renewals, 3 months notice, before the first notice date', threeYearsThenYearly, '2026-12-01',
      { currentEnd: '2027-06-30', renewalsPast: 0, noticeBy: '2027-03-30', endsOn: '2027-06-30', ifMissedRunsUntil: '2028-06-30' }],
    ['notice may still arrive on the deadline day itself', threeYearsThenYearly, '2027-03-30',
      { noticeBy: '2027-03-30', endsOn: '2027-06-30' }],
    ['the tacit notice date already passed: the next one is measured from the renewed end', threeYearsThenYearly, '2027-04-15',
      { currentEnd: '2027-06-30', renewalsPast: 0, noticeBy: '2028-03-30', endsOn: '2028-06-30', ifMissedRunsUntil: '2029-06-30' }],
    ['two renewals already past', threeYearsThenYearly, '2028-09-01',
      { currentEnd: '2029-06-30', renewalsPast: 2, noticeBy: '2029-03-30', endsOn: '2029-06-30', ifMissedRunsUntil: '2030-06-30' }],
    ['internal lead time moves the start date, not the notice date', { ...threeYearsThenYearly, leadDays: 14 }, '2026-12-01',
      { noticeBy: '2027-03-30', serveBy: '2027-03-16' }],
    ['a month-end term with one month notice in a leap year', { initialEnd: '2028-03-31', renewal: 'tacit', renewalMonths: 12, notice: { amount: 1, unit: 'months' }, leadDays: null }, '2028-01-10',
      { noticeBy: '2028-02-29', ifMissedRunsUntil: '2029-03-31' }],
    ['a February term end renews to the 29th in a leap year', { initialEnd: '2027-02-28', renewal: 'tacit', renewalMonths: 12, notice: { amount: 30, unit: 'days' }, leadDays: null }, '2027-02-10',
      { currentEnd: '2027-02-28', noticeBy: '2028-01-30', endsOn: '2028-02-29', ifMissedRunsUntil: '2029-02-28' }],
    ['no end date', { initialEnd: null, renewal: 'tacit', renewalMonths: 12, notice: { amount: 3, unit: 'months' }, leadDays: 10 }, '2026-12-01',
      { currentEnd: null, noticeBy: null, serveBy: null, endsOn: null, ended: false }],
    ['no renewal, still running', { initialEnd: '2027-06-30', renewal: 'none', renewalMonths: null, notice: { amount: 3, unit: 'months' }, leadDays: null }, '2026-12-01',
      { currentEnd: '2027-06-30', noticeBy: null, endsOn: '2027-06-30', ifMissedRunsUntil: null, ended: false }],
    ['no renewal, ended', { initialEnd: '2026-06-30', renewal: 'none', renewalMonths: null, notice: null, leadDays: null }, '2026-12-01',
      { ended: true, endsOn: '2026-06-30' }],
    ['express option window open', { initialEnd: '2027-06-30', renewal: 'express', renewalMonths: 24, notice: { amount: 90, unit: 'days' }, leadDays: null }, '2027-01-01',
      { currentEnd: '2027-06-30', noticeBy: '2027-04-01', endsOn: '2027-06-30', ifMissedRunsUntil: null, ended: false }],
    ['express option window closed', { initialEnd: '2027-06-30', renewal: 'express', renewalMonths: 24, notice: { amount: 90, unit: 'days' }, leadDays: null }, '2027-05-01',
      { currentEnd: '2027-06-30', noticeBy: null, endsOn: '2027-06-30' }],
    ['express option exercised once', { initialEnd: '2027-06-30', renewal: 'express', renewalMonths: 24, notice: { amount: 90, unit: 'days' }, leadDays: null, optionsExercised: 1 }, '2027-09-01',
      { currentEnd: '2029-06-30', renewalsPast: 1, noticeBy: '2029-04-01' }],
    ['a tacit renewal without a term length renews by 12 months', { initialEnd: '2027-06-30', renewal: 'tacit', renewalMonths: null, notice: null, leadDays: null }, '2027-07-01',
      { currentEnd: '2028-06-30', renewalsPast: 1, noticeBy: '2028-06-30', ifMissedRunsUntil: '2029-06-30' }],
  ];

  it.each(cases)('%s', (_name, terms, today, expected) => {
    expect(termPosition(terms, today)).toMatchObject(expected);
  });

  it('says in words what happens if notice is missed, with the arithmetic shown', () => {
    const p = termPosition(threeYearsThenYearly, '2027-04-15');
    expect(p.steps.join('\n')).toContain('2027-06-30 − 3 months = 2027-03-30, already passed');
    expect(p.steps.join('\n')).toContain('2028-06-30 − 3 months = 2028-03-30');
    expect(p.summary).toContain('renews until 2029-06-30');
  });
});
