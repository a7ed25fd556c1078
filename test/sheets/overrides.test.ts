// Cells fixed by hand in the preview (mapping.overrides): the typed value is read in place of the
// sheet's cell and checked like it; the apply writes it; overrides naming a column or row the
// sheet lacks, too many or too long, are refused naming the field; they are never remembered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CELL_OVERRIDES, MAX_OVERRIDE_CHARS } from '../../shared/sheets';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const SHEET = 'Name,Criticality,Seats\nPayroll,Gold,\nBackup,Low,\nPatching,Silver,\n';
const columns = { Name: 'name', Criticality: 'criticality' };
const run = (method: 'sheets.preview' | 'sheets.apply', path: string, mapping: Record<string, unknown>) =>
  wb.call(method, { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: mapping as never });
const refuse = (path: string, mapping: Record<string, unknown>) =>
  wb.refuse('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: mapping as never });

describe('cells fixed by hand', () => {
  it('reads the typed value in place of the refused cell, checks it the same way, and applies it', async () => {
    const path = wb.file('p.csv', SHEET);
    const before = await run('sheets.preview', path, { columns });
    expect(before.refused.map((r) => [r.row, r.column])).toEqual([[2, 'B (Criticality)'], [4, 'B (Criticality)']]);
    const bad = await run('sheets.preview', path, { columns, overrides: [{ row: 2, column: 'Criticality', value: 'Platinum' }] });
    expect(bad.refused.map((r) => [r.row, r.column, r.message])).toEqual([[2, 'B (Criticality)', expect.stringMatching(/Platinum/)], [4, 'B (Criticality)', expect.any(String)]]);
    const overrides = [{ row: 2, column: 'Criticality', value: 'critical' }, { row: 4, column: 'Criticality', value: 'High' }];
    expect(await run('sheets.preview', path, { columns, overrides })).toMatchObject({ added: 3, refused: [], refusedRows: 0 });
    expect(await run('sheets.apply', path, { columns, overrides })).toMatchObject({ applied: true, added: 3 });
    const rows = (await wb.call('process.list', { vendorId: wb.vendorId, sort: 'name' })).rows;
    expect(rows.map((p) => [p.name, p.criticality])).toEqual([['Backup', 'low'], ['Patching', 'high'], ['Payroll', 'critical']]);
  });

  it('fills an empty cell, even past the row\'s last value', async () => {
    const path = wb.file('p.csv', 'Name,Criticality\nPayroll\n');
    const p = await run('sheets.preview', path, { columns, overrides: [{ row: 2, column: 'Criticality', value: 'Low' }] });
    expect(p).toMatchObject({ added: 1, refused: [] });
  });

  it('refuses an override of a column or row the sheet lacks, naming the field, and writes nothing', async () => {
    const path = wb.file('p.csv', SHEET);
    const counts = wb.counts();
    expect((await refuse(path, { columns, overrides: [{ row: 2, column: 'Owner', value: 'x' }] })).issues)
      .toEqual([{ field: 'mapping.overrides.0.column', message: 'the sheet has no column "Owner"' }]);
    expect((await refuse(path, { columns, overrides: [{ row: 2, column: 'Name', value: 'x' }, { row: 9, column: 'Name', value: 'x' }] })).issues)
      .toEqual([{ field: 'mapping.overrides.1.row', message: 'the sheet has no data row 9' }]);
    expect(wb.counts()).toEqual(counts);
  });

  it('bounds how many cells and how long a value', async () => {
    const path = wb.file('p.csv', SHEET);
    const many = Array.from({ length: MAX_CELL_OVERRIDES + 1 }, () => ({ row: 2, column: 'Name', value: 'x' }));
    expect((await refuse(path, { columns, overrides: many })).issues?.[0]?.field).toBe('mapping.overrides');
    const long = [{ row: 2, column: 'Name', value: 'x'.repeat(MAX_OVERRIDE_CHARS + 1) }];
    expect((await refuse(path, { columns, overrides: long })).issues?.[0]?.field).toBe('mapping.overrides.0.value');
  });

  it('is not remembered with the mapping', async () => {
    const path = wb.file('p.csv', SHEET);
    await run('sheets.apply', path, { columns, overrides: [{ row: 2, column: 'Criticality', value: 'High' }, { row: 4, column: 'Criticality', value: 'Low' }] });
    const [remembered] = await wb.call('sheets.mappings', {});
    expect(remembered!.mapping).toEqual({ columns });
  });
});
