// A vendor's deadlines from several contracts: the serve-notice-by is the earliest among those the
// exit ends and that still need notice; the termination-assistance period once notice is served.
import { describe, expect, it } from 'vitest';
import { assistancePeriod, positionOf, vendorNotice } from '../../shared/contract-deadlines';
import { termPosition } from '../../shared/contract-terms';
import { contract } from './contractFacts';

describe('the vendor\'s serve-notice-by from its contracts', () => {
  const today = '2027-01-10';
  it('is the earliest start date among the contracts the exit ends', () => {
    const msa = contract({ id: 'msa', title: 'MSA', initialEnd: '2027-12-31' }); // 2027-12-31 − 90 − 10 = 2027-09-22
    const sow = contract({ id: 'sow', title: 'SOW 4', initialEnd: '2027-06-30', noticeAmount: 3, noticeUnit: 'months', leadDays: 0 }); // 2027-03-30
    const nda = contract({ id: 'nda', title: 'NDA', initialEnd: '2027-02-28', endedByExit: 'no' });
    expect(vendorNotice([msa, sow, nda], today)).toEqual({ serveBy: '2027-03-30', noticeBy: '2027-03-30', contractId: 'sow', title: 'SOW 4' });
    expect(vendorNotice([msa, nda], today)).toMatchObject({ serveBy: '2027-09-22', noticeBy: '2027-10-02', contractId: 'msa' });
  });

  it('leaves out contracts notice was served on, that end by themselves, or have no end date', () => {
    const served = contract({ id: 'a', initialEnd: '2027-03-31', servedOn: '2027-01-02' });
    const none = contract({ id: 'b', initialEnd: '2027-03-31', renewal: 'none', renewalMonths: null });
    const express = contract({ id: 'c', initialEnd: '2027-03-31', renewal: 'express' });
    const open = contract({ id: 'd', initialEnd: null });
    expect(vendorNotice([served, none, express, open], today)).toBeNull();
    expect(vendorNotice([], today)).toBeNull();
  });

  it('moves on to the renewed term once a tacit notice date has passed', () => {
    // 2027-01-05 − … : the notice date for 2027-01-31 (2026-11-02) passed, so the next is a year on.
    const c = contract({ initialEnd: '2027-01-31', leadDays: 0 });
    expect(vendorNotice([c], today)).toMatchObject({ noticeBy: '2027-11-02', serveBy: '2027-11-02' });
  });
});

describe('the termination-assistance period', () => {
  it('runs from the notice to the stated months after the term end that notice ends', () => {
    const c = contract({ initialEnd: '2027-06-30', assistanceMonths: 6, servedOn: '2027-03-01' });
    expect(assistancePeriod(c)).toEqual({ contractId: 'c', title: 'Main contract', from: '2027-03-01', to: '2027-12-31', endsOn: '2027-06-30' });
  });
  it('follows a late notice to the renewed end, and is absent without a notice or a period', () => {
    // Served after 2027-04-01 (90 days before 2027-06-30): it ends the renewed term, 2028-06-30.
    expect(assistancePeriod(contract({ assistanceMonths: 3, servedOn: '2027-05-01' }))).toMatchObject({ endsOn: '2028-06-30', to: '2028-09-30' });
    expect(assistancePeriod(contract({ assistanceMonths: 3 }))).toBeNull();
    expect(assistancePeriod(contract({ servedOn: '2027-03-01' }))).toBeNull();
  });
});

describe('positions in shared/', () => {
  it('are worked out afresh every time: shared/ keeps nothing (the backend keeps them, contract-positions.test.ts)', () => {
    const a = contract({ initialEnd: '2027-06-30' });
    const first = positionOf(a, '2027-01-10');
    expect(positionOf(a, '2027-01-10')).not.toBe(first);
    expect(positionOf(a, '2027-01-10')).toEqual(first);
    expect(first).toEqual(termPosition({ initialEnd: '2027-06-30', renewal: 'tacit', renewalMonths: 12, notice: { amount: 90, unit: 'days' }, leadDays: 10, optionsExercised: 0 }, '2027-01-10'));
  });
  it('come from the PositionOf the caller passes', () => {
    const a = contract({ id: 'a', initialEnd: '2027-06-30' });
    const asked: string[] = [];
    const notice = vendorNotice([a], '2027-01-10', (c, day) => { asked.push(`${c.id}@${day}`); return positionOf(c, day); });
    expect(asked).toEqual(['a@2027-01-10']);
    expect(notice).toMatchObject({ noticeBy: '2027-04-01', serveBy: '2027-03-22' });
  });
});
