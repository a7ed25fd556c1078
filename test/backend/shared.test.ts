import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysToExit, relativeDays, serveNoticeBy } from '../../shared/dates';
import { decodeWire, encodeWire } from '../../shared/wire';

describe('vendor dates', () => {
  it('serve notice by = contract end − notice − internal lead', () => {
    expect(serveNoticeBy({ contractEnd: '2027-06-30', noticeDays: 90, leadDays: 30, exitDate: null })).toBe('2027-03-02');
    expect(serveNoticeBy({ contractEnd: '2027-06-30', noticeDays: null, leadDays: null, exitDate: null })).toBe('2027-06-30');
    expect(serveNoticeBy({ contractEnd: null, noticeDays: 90, leadDays: 30, exitDate: null })).toBeNull();
  });

  it('counts across leap days and year ends', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-12-31', '2028-01-01')).toBe(1);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(serveNoticeBy({ contractEnd: '2028-03-31', noticeDays: 31, leadDays: 0, exitDate: null })).toBe('2028-02-29');
  });

  it('days to exit is negative once the exit has passed, and unknown without an exit date', () => {
    expect(daysToExit({ contractEnd: null, noticeDays: null, leadDays: null, exitDate: '2026-12-01' }, '2026-11-27')).toBe(4);
    expect(daysToExit({ contractEnd: null, noticeDays: null, leadDays: null, exitDate: '2026-11-20' }, '2026-11-27')).toBe(-7);
    expect(daysToExit({ contractEnd: null, noticeDays: null, leadDays: null, exitDate: null }, '2026-11-27')).toBeNull();
    expect(relativeDays(12)).toBe('in 12 days');
    expect(relativeDays(-3)).toBe('3 days ago');
    expect(relativeDays(0)).toBe('today');
  });
});

describe('wire encoding', () => {
  it('refuses bytes inside a call, naming the field, so no file travels as JSON', () => {
    expect(() => encodeWire({ documentId: 'd', content: new Uint8Array([1, 2, 3]) })).toThrow(/^content: bytes never travel inside a call/);
    expect(() => encodeWire({ nested: { blob: new ArrayBuffer(4) } })).toThrow(/^blob: /);
  });

  it('leaves {$bytes} objects alone: nothing is decoded into bytes on arrival any more', () => {
    const value = { a: 1, look: { $bytes: 'AQID' } };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });
});
