// The backend keeps each contract's position for the day (services/contractPositions.ts), so the
// dashboard's repeated reads do not work every contract out again; shared/ keeps nothing.
import { describe, expect, it } from 'vitest';
import { termPosition } from '../../shared/contract-terms';
import { keptPositionOf } from '../../electron/core/services/contractPositions';
import { contract } from './contractFacts';

describe('positions kept for the day', () => {
  it('answer by the terms, so a contract whose terms changed is worked out again, and follow the day', () => {
    const a = contract({ initialEnd: '2027-06-30' });
    expect(keptPositionOf(a, '2027-01-10').noticeBy).toBe('2027-04-01');
    // The same contract read again after an edit: a new object with new terms.
    expect(keptPositionOf({ ...a, noticeAmount: 30 }, '2027-01-10').noticeBy).toBe('2027-05-31');
    expect(keptPositionOf({ ...a, leadDays: 0 }, '2027-01-10').serveBy).toBe('2027-04-01');
    expect(keptPositionOf({ ...a, title: 'Renamed' }, '2027-01-10')).toBe(keptPositionOf(a, '2027-01-10'));
    // Another day: worked out for that day, as termPosition says.
    const later = keptPositionOf(a, '2027-05-01');
    expect(later).toEqual(termPosition({ initialEnd: '2027-06-30', renewal: 'tacit', renewalMonths: 12, notice: { amount: 90, unit: 'days' }, leadDays: 10, optionsExercised: 0 }, '2027-05-01'));
    expect(later.noticeBy).toBe('2028-04-01');
  });
});
