// Cells read as field values: dates in every order people write them (and a file that cannot tell
// day from month asks), Excel serial dates, numbers with separators and currency, choices by
// synonym and by the user's own value map, people by name or e-mail, vendors by name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChoice, readDate, readNumber } from '../../electron/core/sheets/values';
import { sheetWorkbook, xlsx, type SheetWorkbook } from './fixtures';

describe('dates', () => {
  it.each([
    ['2026-04-03', undefined, '2026-04-03'],
    ['2026-04-03T10:00:00Z', undefined, '2026-04-03'],
    ['2026/4/3', undefined, '2026-04-03'],
    ['03/04/2026', 'dmy', '2026-04-03'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['25.12.2026', undefined, '2026-12-25'],
    ['12/25/26', undefined, '2026-12-25'],
    ['3 Apr 2026', undefined, '2026-04-03'],
    ['03-Apr-2026', undefined, '2026-04-03'],
    ['April 3, 2026', undefined, '2026-04-03'],
    ['46115', undefined, '2026-04-03'],
  ] as const)('reads %s (%s)', (raw, order, iso) => {
    expect(readDate(raw, order)).toEqual({ ok: true, value: iso });
  });
  it('reads Excel serial numbers and dates', () => {
    expect(readDate(46115, undefined)).toEqual({ ok: true, value: '2026-04-03' });
    expect(readDate(new Date(Date.UTC(2026, 3, 3)), undefined)).toEqual({ ok: true, value: '2026-04-03' });
  });
  it('asks when day and month cannot be told apart, and refuses what is no date', () => {
    expect(readDate('03/04/2026', undefined)).toEqual({ ok: false, message: '"03/04/2026" could be day/month or month/day: choose the date order' });
    expect(readDate('31/02/2026', undefined)).toMatchObject({ ok: false, message: '"31/02/2026" is not a calendar date' });
    expect(readDate('soon', undefined)).toMatchObject({ ok: false });
  });
});

describe('numbers', () => {
  it.each([
    ['1,234', 1234, null], ['1.234.567', 1234567, null], ['1 234', 1234, null], ["1'234", 1234, null], ['12,5', 12.5, null], ['1.5', 1.5, null],
    ['1,234.50', 1234.5, null], ['1.234,50', 1234.5, null], ['€1.200,00', 1200, 'EUR'], ['$ 2,500', 2500, 'USD'], ['1 200 EUR', 1200, 'EUR'],
    ['GBP 99', 99, 'GBP'], ['£5', 5, 'GBP'],
  ] as const)('reads %s', (raw, value, currency) => {
    expect(readNumber(raw)).toEqual({ ok: true, value: { value, currency } });
  });
  it('refuses what is no number', () => {
    expect(readNumber('about ten')).toEqual({ ok: false, message: '"about ten" is not a number' });
  });
});

describe('choices', () => {
  const crit = ['critical', 'high', 'medium', 'low'] as const;
  it.each([['P1', 'critical'], ['crit', 'critical'], ['  CRITICAL ', 'critical'], ['Sev2', 'high'], ['normal', 'medium'], ['p4', 'low']])('matches %s', (raw, v) => {
    expect(readChoice(raw, crit, undefined)).toEqual({ ok: true, value: v });
  });
  it('matches yes and no however they are written, and labels with spaces', () => {
    const t = ['yes', 'no', 'consent_required', 'unknown'] as const;
    for (const y of ['Yes', 'Y', 'TRUE', 'true']) expect(readChoice(y, t, undefined)).toEqual({ ok: true, value: 'yes' });
    for (const n of ['No', 'n', 'FALSE']) expect(readChoice(n, t, undefined)).toEqual({ ok: true, value: 'no' });
    expect(readChoice('Consent Required', t, undefined)).toEqual({ ok: true, value: 'consent_required' });
    expect(readChoice('reverse-shadowing', ['not_started', 'reverse_shadowing'], undefined)).toEqual({ ok: true, value: 'reverse_shadowing' });
  });
  it('takes the user’s value map first and refuses a value it cannot place', () => {
    expect(readChoice('Gold', crit, { Gold: 'critical' })).toEqual({ ok: true, value: 'critical' });
    expect(readChoice('Gold', crit, { Gold: 'platinum' })).toMatchObject({ ok: false });
    expect(readChoice('Gold', crit, undefined)).toEqual({ ok: false, message: '"Gold" is not one of: Critical, High, Medium, Low' });
  });
});

describe('through a dry run', () => {
  let wb: SheetWorkbook;
  beforeEach(async () => { wb = await sheetWorkbook(); });
  afterEach(() => wb.close());
  const run = (path: string, mapping: Record<string, unknown>, kind: 'licences' | 'processes' = 'licences') =>
    wb.call('sheets.preview', { source: { path }, kind, vendor: 'Acme Outsourcing', mapping: mapping as never });

  it('decides the date order from a date that only fits one way', async () => {
    const path = wb.file('l.csv', 'Product,Renewal\nOffice,03/04/2026\nAdobe,25/04/2026\n');
    const p = await run(path, { columns: { Product: 'product', Renewal: 'renewalDate' } });
    expect(p).toMatchObject({ needsDateOrder: false, added: 2, refused: [] });
  });

  it('asks for the date order when every date is ambiguous, and applies nothing until told', async () => {
    const path = wb.file('l.csv', 'Product,Renewal\nOffice,03/04/2026\nAdobe,05/06/2026\n');
    const mapping = { columns: { Product: 'product', Renewal: 'renewalDate' } };
    const p = await run(path, mapping);
    expect(p.needsDateOrder).toBe(true);
    expect(p.refused.map((r) => [r.row, r.column])).toEqual([[2, 'B (Renewal)'], [3, 'B (Renewal)']]);
    const before = wb.counts();
    expect(await wb.call('sheets.apply', { source: { path }, kind: 'licences', vendor: 'Acme Outsourcing', mapping })).toMatchObject({ applied: false });
    expect(wb.counts()).toEqual(before);
    await wb.call('sheets.apply', { source: { path }, kind: 'licences', vendor: 'Acme Outsourcing', mapping: { ...mapping, dateOrder: 'mdy' } });
    const rows = (await wb.call('licence.list', { vendorId: wb.vendorId, sort: 'product' })).rows;
    expect(rows.map((r) => [r.product, r.renewalDate])).toEqual([['Adobe', '2026-05-06'], ['Office', '2026-03-04']]);
  });

  it('reads date cells, serial numbers and money from XLSX, taking the currency the amount names', async () => {
    const path = wb.file('l.xlsx', xlsx({ S: [['Product', 'Expires', 'Annual cost', 'Qty'], ['Office', 46115, '€12.500,00', '1,200']] }));
    const mapping = { columns: { Product: 'product', Expires: 'renewalDate', 'Annual cost': 'annualCost', Qty: 'seats' } };
    await wb.call('sheets.apply', { source: { path }, kind: 'licences', vendor: 'Acme Outsourcing', mapping });
    expect((await wb.call('licence.list', { vendorId: wb.vendorId })).rows[0]).toMatchObject({ renewalDate: '2026-04-03', annualCost: 12500, currency: 'EUR', seats: 1200 });
  });

  it('lists each unknown choice value once with its count', async () => {
    const path = wb.file('p.csv', 'Name,Priority\nA,Gold\nB,Gold\nC,Silver\nD,P2\n');
    const p = await run(path, { columns: { Name: 'name', Priority: 'criticality' } }, 'processes');
    expect(p.unmatched).toEqual([{ field: 'criticality', column: 'Priority', values: [{ value: 'Gold', rows: 2 }, { value: 'Silver', rows: 1 }] }]);
    const fixed = await run(path, { columns: { Name: 'name', Priority: 'criticality' }, values: { criticality: { Gold: 'critical', Silver: 'high' } } }, 'processes');
    expect(fixed).toMatchObject({ added: 4, refused: [], unmatched: [] });
  });

  it('finds people by name or e-mail, reports the missing ones and creates them when asked', async () => {
    await wb.call('person.create', { name: 'Jane Doe', email: 'jane@acme.example', side: 'vendor' });
    const path = wb.file('p.csv', 'Name,Owner,Successor\nA,Jane Doe,sam@us.example\nB,JANE@acme.example,Sam Smith\nC,jane doe,sam@us.example\n');
    const mapping = { columns: { Name: 'name', Owner: 'ownerId', Successor: 'successorId' } };
    const p = await run(path, mapping, 'processes');
    expect(p.missingPeople).toEqual([{ ref: 'sam@us.example', rows: 2 }, { ref: 'Sam Smith', rows: 1 }]);
    expect(p.refusedRows).toBe(3);
    const r = await wb.call('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { ...mapping, createPeople: true } });
    expect(r).toMatchObject({ applied: true, added: 3, peopleCreated: 2 });
    const people = (await wb.call('person.list', { sort: 'name' })).rows;
    expect(people.map((x) => [x.name, x.email, x.side])).toEqual([['Jane Doe', 'jane@acme.example', 'vendor'], ['sam', 'sam@us.example', 'in_house'], ['Sam Smith', '', 'in_house']]);
    const procs = (await wb.call('process.list', { vendorId: wb.vendorId, sort: 'name' })).rows;
    expect(new Set(procs.map((x) => x.ownerId))).toEqual(new Set([people[0]!.id]));
  });

  it('lists each person it would create once, with every row that names them', async () => {
    const path = wb.file('p.csv', 'Name,Owner,Successor\nA,Kim Lee,sam@us.example\nB,kim lee,Sam Smith\nC,KIM LEE,sam@us.example\n');
    const p = await run(path, { columns: { Name: 'name', Owner: 'ownerId', Successor: 'successorId' }, createPeople: true }, 'processes');
    expect(p).toMatchObject({ added: 3, refused: [], peopleToCreate: 3 });
    expect(p.missingPeople).toEqual([{ ref: 'Kim Lee', rows: 3 }, { ref: 'sam@us.example', rows: 2 }, { ref: 'Sam Smith', rows: 1 }]);
  });

  it('finds the vendor of each row by name, and refuses a name it does not know', async () => {
    await wb.call('vendor.create', { name: 'Globex' });
    const path = wb.file('p.csv', 'Name,Vendor\nA,acme outsourcing\nB,GLOBEX\nC,Initech\n');
    const p = await wb.call('sheets.preview', { source: { path }, kind: 'processes', mapping: { columns: { Name: 'name', Vendor: 'vendorId' } } });
    expect(p.added).toBe(2);
    expect(p.refused).toEqual([{ row: 4, column: 'B (Vendor)', field: 'vendorId', message: 'no vendor is named "Initech"' }]);
  });
});
