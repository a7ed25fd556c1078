// What the dry run and the readers do once instead of per cell, and that the answers stay the
// same: a column's repeated text checked by its schema once (a column of more distinct texts than
// are remembered read cell by cell), keys compared with their spaces folded, cell references read
// without a regular expression, UTF-8 told without decoding, a text sheet's hash of the bytes read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHAPES } from '../../shared/records';
import { detectEncoding } from '../../electron/core/sheets/decode';
import { refKey } from '../../electron/core/sheets/lookups';
import { refColumn } from '../../electron/core/sheets/xlsx-sheet';
import { sheetWorkbook, xlsx, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => { vi.restoreAllMocks(); wb.close(); });

const preview = (path: string, columns: Record<string, string>) =>
  wb.call('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns } });
const TOO_LONG = 'x'.repeat(301);

describe('a column of repeated texts', () => {
  it('is checked by the schema once per distinct text, and a refused text is refused on every row that holds it', async () => {
    const frequency = vi.spyOn(SHAPES.process.frequency, 'safeParse');
    const rows = Array.from({ length: 12 }, (_, i) => `P${i},${i % 2 ? 'Daily' : 'Weekly'},${i % 4 === 1 ? TOO_LONG : '4h'}`);
    const p = await preview(wb.file('p.csv', `Name,Frequency,SLA\n${rows.join('\n')}\n`), { Name: 'name', Frequency: 'frequency', SLA: 'sla' });
    expect(frequency).toHaveBeenCalledTimes(2);
    expect(p.refused).toEqual([3, 7, 11].map((row) => ({ row, column: 'C (SLA)', field: 'sla', message: 'is too long (300 characters at most)' })));
    expect(p).toMatchObject({ added: 9, refusedRows: 3 });
  });

  it('with more distinct texts than are remembered is read cell by cell, with the same answers before and after', async () => {
    // 4,096 texts are remembered: the refused text comes once among them and once well past them.
    const rows = Array.from({ length: 5000 }, (_, i) => `P${i},${i === 10 || i === 4500 ? TOO_LONG : i === 4800 ? 'Daily' : `F${i}`}`);
    const p = await preview(wb.file('p.csv', `Name,Frequency\n${rows.join('\n')}\n`), { Name: 'name', Frequency: 'frequency' });
    expect(p.refused).toEqual([12, 4502].map((row) => ({ row, column: 'B (Frequency)', field: 'frequency', message: 'is too long (300 characters at most)' })));
    expect(p).toMatchObject({ added: 4998, refusedRows: 2 });
  });

  it('of choices still counts each unmatched value on every row past the ones remembered', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `P${i},${i % 1000 === 999 ? 'Gold' : `Level ${i}`}`);
    const p = await preview(wb.file('p.csv', `Name,Criticality\n${rows.join('\n')}\n`), { Name: 'name', Criticality: 'criticality' });
    expect(p.unmatched[0]!.values.find((v) => v.value === 'Gold')).toEqual({ value: 'Gold', rows: 5 });
    expect(p.refusedRows).toBe(5000);
  });
});

describe('keys', () => {
  it('fold case and every run of whitespace to one space, whichever whitespace it is', () => {
    expect(refKey('  Payroll  Run ')).toBe('payroll run');
    expect(refKey('Payroll\tRun')).toBe('payroll run');
    expect(refKey('Payroll\u00a0Run')).toBe('payroll run');
    expect(refKey('Payroll \n Run')).toBe('payroll run');
    expect(refKey('Payroll Run')).toBe('payroll run');
  });

  it('find the same record however its spaces are written', async () => {
    const p = await preview(wb.file('p.csv', 'Name\nPayroll run\n"payroll  run"\n"Payroll\trun"\n'), { Name: 'name' });
    expect(p.refused.map((r) => [r.row, r.message])).toEqual([[3, 'repeats row 2 (the same name)'], [4, 'repeats row 2 (the same name)']]);
  });
});

describe('XLSX cell references', () => {
  it('are read as columns: one to three capital letters, then digits (refused in a sheet: xlsx-stream.test.ts)', () => {
    expect([refColumn('A1'), refColumn('Z9'), refColumn('AA10'), refColumn('XFD1048576')]).toEqual([0, 25, 26, 16383]);
    for (const bad of ['', 'A', '1', 'a1', 'AAAA1', 'A1B', 'A-1', '$A$1', 'A1 ']) expect(refColumn(bad)).toBe(-1);
  });
});

describe('the bytes of a sheet', () => {
  it('are told UTF-8 or Windows-1252 the same way as a strict decoder tells them', () => {
    const utf8 = (bytes: number[]) => detectEncoding(Uint8Array.from(bytes)).encoding;
    expect(utf8([...Buffer.from('Café, 10 €')])).toBe('utf-8');
    expect(utf8([0x43, 0x61, 0x66, 0xe9])).toBe('windows-1252');
    expect(utf8([0x41, 0xe2, 0x82])).toBe('windows-1252');
    expect(utf8([0xc0, 0xaf])).toBe('windows-1252');
    expect(utf8([0xed, 0xa0, 0x80])).toBe('windows-1252');
  });

  it('are hashed as read, for a text sheet and a workbook alike', async () => {
    for (const [name, content] of [['p.csv', 'Name\nPayroll\n'], ['p.xlsx', xlsx({ S: [['Name'], ['Payroll']] })]] as const) {
      const path = wb.file(name, content);
      const r = await wb.call('sheets.inspect', { source: { path }, kind: 'processes' });
      expect(r.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  });
});
