// The days a status change fills in a record's form: an access marked done or verified gets
// today in its empty date fields, and a day the user gave stays.
import { describe, expect, it } from 'vitest';
import { datesOfStatus } from '../../renderer/forms/statusDates';

const TODAY = '2026-12-01';
const empty = { status: 'active', doneOn: '', verifiedOn: '' };

describe('dates of an access status', () => {
  it('fills the done day when marked done, and both days when marked verified', () => {
    expect(datesOfStatus('access', 'status', 'done', empty, TODAY)).toEqual({ doneOn: TODAY });
    expect(datesOfStatus('access', 'status', 'verified', empty, TODAY)).toEqual({ doneOn: TODAY, verifiedOn: TODAY });
  });

  it('keeps the days already given, and fills nothing for the other statuses, fields or kinds', () => {
    expect(datesOfStatus('access', 'status', 'verified', { ...empty, doneOn: '2026-11-20' }, TODAY)).toEqual({ verifiedOn: TODAY });
    expect(datesOfStatus('access', 'status', 'active', empty, TODAY)).toEqual({});
    expect(datesOfStatus('access', 'status', 'scheduled', empty, TODAY)).toEqual({});
    expect(datesOfStatus('access', 'action', 'done', empty, TODAY)).toEqual({});
    expect(datesOfStatus('infrastructure', 'status', 'done', empty, TODAY)).toEqual({});
  });
});
