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

describe('positions kept for the day', () => {
  it('answer by the terms, so a contract whose terms changed is worked out again, and follow the day', () => {
    const a = contract({ initialEnd: '2027-06-30' });
    expect(positionOf(a, '2027-01-10').noticeBy).toBe('2027-04-01');
    // The same contract read again after an edit: a new object with new terms.
    expect(positionOf({ ...a, noticeAmount: 30 }, '2027-01-10').noticeBy).toBe('2027-05-31');
    expect(positionOf({ ...a, leadDays: 0 }, '2027-01-10').serveBy).toBe('2027-04-01');
    expect(positionOf({ ...a, title: 'Renamed' }, '2027-01-10')).toBe(positionOf(a, '2027-01-10'));
    // Another day: worked out for that day, as termPosition says.
    const later = positionOf(a, '2027-05-01');
    expect(later).toEqual(termPosition({ initialEnd: '2027-06-30', renewal: 'tacit', renewalMonths: 12, notice: { amount: 90, unit: 'days' }, leadDays: 10, optionsExercised: 0 }, '2027-05-01'));
    expect(later.noticeBy).toBe('2028-04-01');
  });
});
