// Every way a sheet comes in reads to the same rows: CSV in each delimiter and encoding, quoted
// fields with line breaks, pasted cells, XLSX (sheet choice, header row found under a title,
// formulas never evaluated). Files that are not sheets, and unsafe workbooks, are refused with
// the file named and nothing written.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { craftZip } from '../pack/helpers';
import { sheetWorkbook, xlsx, xlsxParts, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const ROWS = [['Name', 'Criticality', 'Description'], ['Payroll run', 'High', 'Monthly, on the 25th'], ['Nightly backup', 'Low', 'Café “Zürich” site']];
const csv = (d: string) => ROWS.map((r) => r.map((c) => (c.includes(d) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c)).join(d)).join('\r\n');

async function inspect(path: string, extra: Record<string, unknown> = {}) {
  return wb.call('sheets.inspect', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', ...extra });
}

describe('text sheets', () => {
  it.each([[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']])('finds the %s delimiter (%s)', async (d) => {
    const s = await inspect(wb.file('p.csv', csv(d)));
    expect(s.delimiter).toBe(d);
    expect(s.columns.map((c) => c.header)).toEqual(ROWS[0]);
    expect(s.columns[2]!.samples).toEqual(['Monthly, on the 25th', 'Café “Zürich” site']);
    expect(s.mapping.columns).toEqual({ Name: 'name', Criticality: 'criticality', Description: 'description' });
  });

  it.each([
    ['UTF-8 with a BOM', 'utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(','), 'utf8')])],
    ['UTF-8', 'utf-8', Buffer.from(csv(','), 'utf8')],
    ['UTF-16 LE with a BOM (Excel “Unicode text”)', 'utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv('\t'), 'utf-16le')])],
    ['UTF-16 BE with a BOM', 'utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv(','), 'utf-16be')])],
    ['UTF-16 LE without a BOM', 'utf-16le', iconv.encode(csv(','), 'utf-16le')],
    ['Windows-1252', 'windows-1252', iconv.encode(csv(';').replace(/[“”]/g, '"'), 'windows-1252')],
  ])('reads %s', async (_name, encoding, bytes) => {
    const s = await inspect(wb.file('p.csv', bytes));
    expect(s.encoding).toBe(encoding);
    expect(s.columns[0]!.header).toBe('Name');
    expect(s.columns[2]!.samples[1]).toMatch(/^Café .Zürich. site$/);
  });

  it('keeps a quoted field with a line break in one cell and counts rows as the spreadsheet shows them', async () => {
    const path = wb.file('p.csv', 'Name,Description\n"Payroll","Line one\nLine two"\nBackup,x\n');
    const preview = await wb.call('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name', Description: 'description' } } });
    expect(preview.rows.map((r) => [r.row, r.title])).toEqual([[2, 'Payroll'], [3, 'Backup']]);
    await wb.call('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name', Description: 'description' } } });
    const list = await wb.call('process.list', { vendorId: wb.vendorId, sort: 'name' });
    expect(list.rows.find((p) => p.name === 'Payroll')!.description).toBe('Line one\nLine two');
  });

  it('reads cells pasted from a spreadsheet (tab-separated, commas inside cells)', async () => {
    const text = 'Name\tFrequency\nPayroll\tMonthly, 25th\nBackup\tDaily\n';
    const s = await wb.call('sheets.inspect', { source: { text }, kind: 'processes', vendor: 'Acme Outsourcing' });
    expect(s).toMatchObject({ format: 'pasted', delimiter: '\t', fileName: 'pasted cells', rowCount: 2 });
    expect(s.columns[1]!.samples).toEqual(['Monthly, 25th', 'Daily']);
  });

  it('skips empty rows and finds the header row under a title', async () => {
    const path = wb.file('p.csv', 'Process register 2026,,\n,,\nName,Criticality,Owner\nPayroll,High,\n,,\nBackup,Low,\n');
    const s = await inspect(path);
    expect(s.headerRow).toBe(3);
    expect(s.rowCount).toBe(2);
  });

  it('refuses a file that is not a sheet, naming the file', async () => {
    const bin = wb.file('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 4, 5]));
    expect((await wb.refuse('sheets.inspect', { source: { path: bin }, kind: 'processes' })).message).toMatch(/photo\.csv: is not a sheet/);
    const xls = wb.file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect((await wb.refuse('sheets.inspect', { source: { path: xls }, kind: 'processes' })).message).toMatch(/old\.xls: is an old Excel \.xls workbook/);
    const zip = wb.file('notes.xlsx', craftZip([{ name: 'notes.txt', data: Buffer.from('hello') }]));
    expect((await wb.refuse('sheets.inspect', { source: { path: zip }, kind: 'processes' })).message).toMatch(/notes\.xlsx: is a zip but not an Excel workbook/);
  });

  it('refuses a file named .xlsx, or starting like a zip, that is not a workbook, instead of reading it as text', async () => {
    const named = wb.file('register.xlsx', 'Name,Criticality\nPayroll,High\n');
    expect((await wb.refuse('sheets.inspect', { source: { path: named }, kind: 'processes' })).message).toMatch(/register\.xlsx: is named \.xlsx but is not an Excel workbook/);
    const broken = wb.file('broken.csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('Name\nPayroll\n'.repeat(20))]));
    expect((await wb.refuse('sheets.inspect', { source: { path: broken }, kind: 'processes' })).message).toMatch(/broken\.csv: is not a readable zip/);
  });

  it('refuses a file named .xls whatever it holds, saying to save it as .xlsx or CSV', async () => {
    const xls = wb.file('export.xls', 'Name\tCriticality\nPayroll\tHigh\n');
    expect((await wb.refuse('sheets.inspect', { source: { path: xls }, kind: 'processes' })).message).toMatch(/export\.xls: is an old Excel \.xls workbook: save it as \.xlsx or CSV/);
  });
});

describe('XLSX', () => {
  it('lists the sheets, reads the one chosen and finds its header row', async () => {
    const path = wb.file('inv.xlsx', xlsx({
      Notes: [['This workbook lists what Acme runs']],
      Processes: [['Process register'], [], ['Process', 'Priority', 'Runs'], ['Payroll run', 'P1', 'Monthly'], ['Nightly backup', 'P4', 'Daily']],
    }));
    const first = await inspect(path);
    expect(first.sheets).toEqual(['Notes', 'Processes']);
    expect(first.sheet).toBe('Notes');
    const s = await inspect(path, { sheet: 'Processes' });
    expect(s).toMatchObject({ format: 'xlsx', sheet: 'Processes', headerRow: 3, rowCount: 2 });
    expect(s.mapping.columns).toEqual({ Process: 'name', Priority: 'criticality', Runs: 'frequency' });
    const r = await wb.call('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', sheet: 'Processes', mapping: s.mapping });
    expect(r).toMatchObject({ applied: true, added: 2 });
    const list = await wb.call('process.list', { vendorId: wb.vendorId, sort: 'name' });
    expect(list.rows.map((p) => [p.name, p.criticality, p.frequency])).toEqual([['Nightly backup', 'low', 'Daily'], ['Payroll run', 'critical', 'Monthly']]);
    expect((await wb.refuse('sheets.inspect', { source: { path }, kind: 'processes', sheet: 'Missing' })).message).toMatch(/inv\.xlsx: has no sheet "Missing" \(it has "Notes", "Processes"\)/);
  });

  it('uses a formula’s saved value and refuses a formula saved without one, naming the cell', async () => {
    const path = wb.file('f.xlsx', xlsx({ S: [['Name', 'Description', 'Seats'], ['Payroll', { f: 'CONCAT("Monthly ", "run")', v: 'Monthly run' }, { f: '2*3', v: 6 }], ['Backup', { f: 'A1&B1' }, 1]] }));
    const input = { source: { path }, kind: 'processes' as const, vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name', Description: 'description', Seats: null } } };
    const p = await wb.call('sheets.preview', input);
    expect(p.refused).toEqual([{ row: 3, column: 'B (Description)', field: 'description', message: 'is a formula (=A1&B1) saved without its value; open the file in the spreadsheet and save it again' }]);
    const before = wb.counts();
    expect(await wb.call('sheets.apply', input)).toMatchObject({ applied: false, added: 1 });
    expect(wb.counts()).toEqual(before);
    const lic = wb.file('l.xlsx', xlsx({ S: [['Product', 'Seats'], ['Office', { f: '2*3', v: 6 }]] }));
    await wb.call('sheets.apply', { source: { path: lic }, kind: 'licences', vendor: 'Acme Outsourcing', mapping: { columns: { Product: 'product', Seats: 'seats' } } });
    expect((await wb.call('licence.list', { vendorId: wb.vendorId })).rows[0]).toMatchObject({ product: 'Office', seats: 6 });
  });

  describe('is a zip: the pack reader’s limits hold before the reader sees it', () => {
    const parts = () => xlsxParts({ S: [['Name'], ['Payroll']] });
    it('refuses a part that holds more than it declares (a zip bomb)', async () => {
      const entries = parts();
      entries[4]!.size = 10;
      const path = wb.file('bomb.xlsx', craftZip(entries));
      expect((await wb.refuse('sheets.inspect', { source: { path }, kind: 'processes' })).message)
        .toMatch(/bomb\.xlsx: is a damaged or unsafe workbook: its part "xl\/worksheets\/sheet1\.xml" holds more than the 10 bytes its header declares/);
    });
    it('refuses a part that declares more than a sheet may expand to', async () => {
      const entries = parts();
      entries[4]!.size = 0xfffffff0;
      const path = wb.file('big.xlsx', craftZip(entries));
      expect((await wb.refuse('sheets.inspect', { source: { path }, kind: 'processes' })).message).toMatch(/big\.xlsx: .*"xl\/worksheets\/sheet1\.xml" is 4\.0 GB uncompressed, more than the 1\.0 GB allowed/);
    });
    it('refuses too many parts', async () => {
      const entries = [...parts(), ...Array.from({ length: 10_000 }, (_, i) => ({ name: `xl/media/x${i}.bin`, data: Buffer.from('x'), method: 0 }))];
      const path = wb.file('many.xlsx', craftZip(entries));
      expect((await wb.refuse('sheets.inspect', { source: { path }, kind: 'processes' })).message).toMatch(/many\.xlsx: .*has 10005 entries, more than the 10000 allowed/);
    });
    it('refuses a part whose name climbs out of the zip', async () => {
      const path = wb.file('trav.xlsx', craftZip([...parts(), { name: '../../evil.xml', data: Buffer.from('x') }]));
      expect((await wb.refuse('sheets.inspect', { source: { path }, kind: 'processes' })).message).toMatch(/trav\.xlsx: .*path traversal/);
    });
  });
});
