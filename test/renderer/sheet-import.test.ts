// The sheet import screens' rules apart from the screens: the preview's lines (all rows, or only
// the refused ones even past the listed outcomes), the choice values asked about (answered ones
// stay listed so they can be changed back), the keys a row can be matched on, and what the
// picker refuses before anything is sent.
import { describe, expect, it } from 'vitest';
import type { SheetInspection, SheetPreview } from '../../shared/sheets';
import { ApiError } from '../../shared/errors';
import { sheetErrorText } from '../../renderer/sheets/errorText';
import { doubleMapped, keyChoices, valueGroups } from '../../renderer/sheets/mappingRules';
import { previewLines } from '../../renderer/sheets/previewLines';
import { holdText, notASheet } from '../../renderer/sheets/sheetSource';

function preview(over: Partial<SheetPreview> = {}): SheetPreview {
  return {
    fileName: 'p.xlsx', sha256: 'x', added: 1, updated: 0, unchanged: 0, refused: [], refusedTruncated: false, refusedRows: 0,
    rows: [], rowsTruncated: false, unmatched: [], missingPeople: [], needsDateOrder: false, peopleToCreate: 0, key: 'name', ...over,
  };
}

const inspection = {
  fields: [
    { field: 'id', label: 'Id', control: 'text', required: false },
    { field: 'name', label: 'Name', control: 'text', required: true },
    { field: 'criticality', label: 'Criticality', control: 'enum', options: ['critical', 'high'], required: false },
    { field: 'sla', label: 'SLA', control: 'text', required: false },
  ],
} as unknown as SheetInspection;

describe('preview lines', () => {
  const p = preview({
    rows: [
      { row: 2, action: 'add', recordId: null, title: 'Payroll', changed: [] },
      { row: 3, action: 'refused', recordId: null, title: 'Backups', changed: [] },
    ],
    refused: [
      { row: 3, column: 'B (Tier)', field: 'criticality', message: '"Red" is not one of: Critical, High' },
      { row: 3, column: 'C (SLA)', field: 'sla', message: 'is too long' },
      { row: 2501, column: 'A (Name)', field: 'name', message: 'is required for a new record' },
    ],
    refusedRows: 2,
    rowsTruncated: true,
  });

  it('attaches each row its refused cells', () => {
    const lines = previewLines(p, false);
    expect(lines.map((l) => [l.row, l.action, l.refusals.length])).toEqual([[2, 'add', 0], [3, 'refused', 2]]);
  });

  it('lists every refused row when filtered, also those past the listed outcomes', () => {
    const lines = previewLines(p, true);
    expect(lines.map((l) => [l.row, l.title, l.refusals.map((r) => r.column)])).toEqual([
      [3, 'Backups', ['B (Tier)', 'C (SLA)']],
      [2501, '', ['A (Name)']],
    ]);
  });
});

describe('choice values to ask about', () => {
  const mapping = { columns: { Tier: 'criticality', Line: 'name' }, values: { criticality: { Red: 'critical' } } };

  it('keeps an answered value listed after the dry run matched it, beside the ones still unmatched', () => {
    const groups = valueGroups(preview({ unmatched: [{ field: 'criticality', column: 'Tier', values: [{ value: 'Amber', rows: 3 }] }] }), mapping);
    expect(groups).toEqual([{ field: 'criticality', column: 'Tier', values: [{ value: 'Amber', rows: 3 }, { value: 'Red', rows: null }] }]);
  });

  it('asks nothing for a field no column fills any more', () => {
    expect(valueGroups(preview(), { columns: { Tier: null }, values: { criticality: { Red: 'critical' } } })).toEqual([]);
  });
});

describe('mapping rules', () => {
  it('offers the id column and mapped text fields as keys, never a choice field', () => {
    expect(keyChoices(inspection, { columns: { A: 'name', B: 'criticality', C: 'id' } })).toEqual([
      { field: 'id', label: 'Id column' },
      { field: 'name', label: 'Name' },
    ]);
  });

  it('finds a field that two columns fill', () => {
    expect([...doubleMapped({ columns: { A: 'name', B: 'name', C: 'sla', D: null } })]).toEqual(['name']);
  });
});

describe('choosing a sheet', () => {
  const file = (name: string) => ({ name }) as File;

  it('takes CSV, TSV and XLSX files and names the file it refuses', () => {
    expect(notASheet(file('Register.CSV'))).toBeNull();
    expect(notASheet(file('list.tsv'))).toBeNull();
    expect(notASheet(file('list.xlsx'))).toBeNull();
    expect(notASheet(file('photo.png'))).toBe('photo.png is not a spreadsheet: choose a CSV, TSV or Excel (.xlsx) file.');
    expect(notASheet(file('old.xls'))).toMatch(/^old\.xls is an old Excel workbook \(\.xls\): save it as \.xlsx or CSV/);
  });

  it('refuses an empty paste and sends pasted cells as text', () => {
    expect(() => holdText('  \n ')).toThrow('The paste box is empty');
    expect(holdText('Name\tTier\nPayroll\tP1\n').source).toEqual({ text: 'Name\tTier\nPayroll\tP1\n', fileName: 'pasted cells' });
  });
});

describe('the words of a refused sheet call', () => {
  it('says an issue the message already holds once, and adds the others', () => {
    const once = new ApiError('INVALID_INPUT', 'mapping.columns: map a column to "Name": every data set needs one', [{ field: 'mapping.columns', message: 'map a column to "Name": every data set needs one' }]);
    expect(sheetErrorText(once)).toBe('mapping.columns: map a column to "Name": every data set needs one');
    const more = new ApiError('INVALID_INPUT', 'The sheet is refused.', [{ field: 'row 2', message: 'no name' }, { field: 'row 3', message: 'no name' }]);
    expect(sheetErrorText(more)).toBe('The sheet is refused. row 2: no name; row 3: no name');
  });
});
