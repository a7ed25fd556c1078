// The streamed XLSX reader on workbooks written part by part: sparse rows and cells, shared
// strings with rich text runs, inline strings, booleans, errors, dates by cell style in both date
// systems, formulas with and without a saved value, and a cell too large, named by row and column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readXlsxSheet } from '../../electron/core/sheets/xlsx';
import { excelSerialToDate, isDateFormatCode } from '../../electron/core/sheets/xlsx-dates';
import { craftZip } from '../pack/helpers';
import { sheetWorkbook, xlsxParts, type SheetWorkbook } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'hw-xlsx-stream-'));
let n = 0;

interface RawWorkbook {
  rows: string;
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A workbook of one sheet "S" whose <sheetData>, shared strings and styles are given as XML. */
function rawXlsx(w: RawWorkbook): Buffer {
  const parts = xlsxParts({ S: [] });
  const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
  if (w.date1904) wb.data = Buffer.from(wb.data.toString().replace('<sheets>', '<workbookPr date1904="1"/><sheets>'));
  parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${w.rows}</sheetData></worksheet>`);
  if (w.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst ${NS}>${w.sharedStrings}</sst>`) });
  if (w.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: Buffer.from(`<styleSheet ${NS}>${w.styles}</styleSheet>`) });
  return craftZip(parts.map((p) => ({ ...p, method: 8 })));
}

async function read(w: RawWorkbook | Buffer) {
  const path = join(dir, `w${++n}.xlsx`);
  writeFileSync(path, Buffer.isBuffer(w) ? w : rawXlsx(w));
  return readXlsxSheet(path, 'w.xlsx', undefined);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const iso = (d: unknown) => (d as Date).toISOString().slice(0, 10);

describe('streamed XLSX reader', () => {
  it('fills the gaps of sparse rows and cells, and places cells without a reference after the one before', async () => {
    const g = await read({ rows: `<row r="2">${inline('C2', 'third')}</row><row r="5"><c r="B5"><v>3</v></c><c><v>4</v></c><c r="E5" t="b"><v>1</v></c></row><row><c t="b"><v>0</v></c></row>` });
    expect(g.rows).toEqual([
      { row: 2, cells: [null, null, 'third'] },
      { row: 5, cells: [null, 3, 4, null, true] },
      { row: 6, cells: [false] },
    ]);
  });

  it('joins the runs of rich-text shared strings, leaving out phonetic guides, and decodes entities', async () => {
    const g = await read({
      sharedStrings: '<si><r><t>Pay</t></r><r><rPr><b/></rPr><t xml:space="preserve">roll run</t></r><rPh sb="0" eb="1"><t>ペイ</t></rPh></si><si><t>Plain &amp; &lt;simple&gt;</t></si>',
      rows: '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>',
    });
    expect(g.rows[0]!.cells).toEqual(['Plain & <simple>', 'Payroll run']);
  });

  it('reads inline strings, plain and in runs, keeping their spaces', async () => {
    const g = await read({ rows: `<row r="1">${inline('A1', ' Nightly ')}<c r="B1" t="inlineStr"><is><r><t>Back</t></r><r><t>up</t></r></is></c></row>` });
    expect(g.rows[0]!.cells).toEqual([' Nightly ', 'Backup']);
  });

  it('reads numbers as dates only where the cell style has a date format (built-in or custom), in the 1900 system', async () => {
    const styles = '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="0.00 &quot;days&quot;"/></numFmts>'
      + '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
      + '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>';
    const g = await read({ styles, rows: '<row r="1"><c r="A1"><v>45658</v></c><c r="B1" s="1"><v>45658</v></c><c r="C1" s="2"><v>45658</v></c><c r="D1" s="3"><v>45658</v></c><c r="E1" s="4"><v>45658.75</v></c></row>' });
    const [plain, builtIn, custom, days, dateTime] = g.rows[0]!.cells;
    expect(plain).toBe(45658);
    expect(iso(builtIn)).toBe('2025-01-01');
    expect(iso(custom)).toBe('2025-01-01');
    expect(days).toBe(45658);
    expect((dateTime as Date).toISOString()).toBe('2025-01-01T18:00:00.000Z');
  });

  it('counts dates from 1 January 1904 in a workbook of the 1904 date system', async () => {
    const g = await read({ date1904: true, styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>', rows: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44196</v></c></row>' });
    expect(g.rows[0]!.cells.map(iso)).toEqual(['1904-01-01', '2025-01-01']);
  });

  it('keeps formulas unevaluated: the saved value is used, a formula without one and an error cell are marked', async () => {
    const g = await read({ rows: '<row r="1"><c r="A1"><f>2*3</f><v>6</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>6x</v></c><c r="C1" t="str"><f>A1&amp;B1</f></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' });
    expect(g.rows[0]!.cells).toEqual([6, '6x', { formula: 'A1&B1' }, { error: '#DIV/0!' }]);
  });

  it('refuses a cell of a megabyte, naming its row and column', async () => {
    await expect(read({ rows: `<row r="1">${inline('A1', 'Name')}</row><row r="4">${inline('C4', 'x'.repeat(1024 * 1024))}</row>` }))
      .rejects.toThrow(/^w\.xlsx \(row 4, column C\): has a cell of 1,048,576 bytes, more than the 32 KiB allowed/);
  });

  it('refuses a sheet of more than a million rows with the limit every sheet has, as it streams', async () => {
    await expect(read({ rows: '<row><c><v>1</v></c></row>'.repeat(1_000_002) })).rejects.toThrow(/^w\.xlsx \(row 1000002\): has more than 1,000,000 rows, the most one import takes; split it/);
  });

  it('refuses a value past the last column allowed without making a row that wide', async () => {
    await expect(read({ rows: '<row r="7"><c r="XFD7"><v>1</v></c></row>' })).rejects.toThrow(/^w\.xlsx \(row 7, column GS\): has 16384 columns, more than the 200 allowed/);
  });

  it('places a cell by a reference of up to three letters, and refuses one that is no reference, naming its row', async () => {
    const g = await read({ rows: `<row r="3"><c r="AB3"><v>1</v></c><c r="GR3"><v>2</v></c></row>` });
    expect(g.rows[0]!.cells.flatMap((c, i) => (c === null ? [] : [[i, c]]))).toEqual([[27, 1], [199, 2]]);
    for (const ref of ['a3', 'AAAA3', 'A3B', '3', 'B']) {
      await expect(read({ rows: `<row r="3"><c r="${ref}"><v>1</v></c></row>` })).rejects.toThrow(`w.xlsx (row 3): has a cell with the reference "${ref}". Nothing was imported.`);
    }
  });

  it('refuses a worksheet that is not well-formed XML, naming the part', async () => {
    await expect(read({ rows: '<row r="1"><c r="A1"><v>1</c></row>' })).rejects.toThrow(/w\.xlsx: is a damaged workbook: its part "xl\/worksheets\/sheet1\.xml" is not well-formed XML/);
  });

  it('reads a workbook as write-excel-file writes it (shared strings, styles, dates)', async () => {
    const path = join(dir, 'written.xlsx');
    await writeXlsxFile([[{ value: 'Name' }, { value: 'Due' }, { value: 'Seats' }], [{ value: 'Payroll' }, { value: new Date(Date.UTC(2026, 5, 30)), type: Date, format: 'dd/mm/yyyy' }, { value: 12 }]]).toFile(path);
    const g = await readXlsxSheet(path, 'written.xlsx', undefined);
    expect(g.rows[0]!.cells).toEqual(['Name', 'Due', 'Seats']);
    expect(g.rows[1]!.cells[0]).toBe('Payroll');
    expect(iso(g.rows[1]!.cells[1])).toBe('2026-06-30');
    expect(g.rows[1]!.cells[2]).toBe(12);
  });
});

describe('Excel dates', () => {
  it('skips the 29 February 1900 that never was, and tells date formats from others', () => {
    expect(iso(excelSerialToDate(1, false))).toBe('1900-01-01');
    expect(iso(excelSerialToDate(59, false))).toBe('1900-02-28');
    expect(excelSerialToDate(60, false)).toBeNull();
    expect(iso(excelSerialToDate(61, false))).toBe('1900-03-01');
    expect(iso(excelSerialToDate(59, true))).toBe('1904-02-29');
    expect(excelSerialToDate(3_000_000, false)).toBeNull();
    expect(['yyyy-mm-dd', 'd-mmm-yy', '[$-409]mmmm d, yyyy', 'h:mm dd/mm'].map(isDateFormatCode)).toEqual([true, true, true, true]);
    expect(['0.00', '#,##0 "days"', '[Red]0%', 'General', '0_);\\(0\\)'].map(isDateFormatCode)).toEqual([false, false, false, false, false]);
  });
});

describe('error cells in an import', () => {
  let wb: SheetWorkbook;
  beforeEach(async () => { wb = await sheetWorkbook(); });
  afterEach(() => wb.close());

  it('refuses a mapped error cell, naming row and column, and writes nothing', async () => {
    const path = wb.file('e.xlsx', rawXlsx({ rows: `<row r="1">${inline('A1', 'Name')}${inline('B1', 'Description')}</row><row r="2">${inline('A2', 'Payroll')}<c r="B2" t="e"><f>VLOOKUP(A2,X!A:B,2)</f><v>#N/A</v></c></row>` }));
    const input = { source: { path }, kind: 'processes' as const, vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name', Description: 'description' } } };
    const p = await wb.call('sheets.preview', input);
    expect(p.refused).toEqual([{ row: 2, column: 'B (Description)', field: 'description', message: 'holds the error #N/A, not a value; correct it in the spreadsheet and save it again' }]);
    const before = wb.counts();
    expect(await wb.call('sheets.apply', input)).toMatchObject({ applied: false });
    expect(wb.counts()).toEqual(before);
  });
});
