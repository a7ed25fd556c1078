// Sheets for the tests, built here: CSV text in any encoding, and XLSX workbooks written part by
// part (the zip crafter of the pack tests), so formulas, cached values and lying sizes are exact.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { craftZip, type CraftEntry } from '../pack/helpers';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell: text, a number, or a formula with (or without) its saved value. */
export type XCell = string | number | null | { f: string; v?: string | number };

const letter = (i: number) => String.fromCharCode(65 + i);

function sheetXml(rows: XCell[][]): string {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => {
    const ref = `${letter(i)}${r + 1}`;
    if (c === null) return '';
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
    if (c.v === undefined) return `<c r="${ref}" t="str"><f>${esc(c.f)}</f></c>`;
    return typeof c.v === 'number' ? `<c r="${ref}"><f>${esc(c.f)}</f><v>${c.v}</v></c>` : `<c r="${ref}" t="str"><f>${esc(c.f)}</f><v>${esc(c.v)}</v></c>`;
  }).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** The parts of a workbook with these sheets (name → rows). */
export function xlsxParts(sheets: Record<string, XCell[][]>): CraftEntry[] {
  const names = Object.keys(sheets);
  const ct = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`;
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`;
  return [
    { name: '[Content_Types].xml', data: Buffer.from(ct) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'xl/workbook.xml', data: Buffer.from(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(wbRels) },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(sheetXml(sheets[n]!)) })),
  ];
}

export const xlsx = (sheets: Record<string, XCell[][]>) => craftZip(xlsxParts(sheets));

export interface SheetWorkbook extends TestWorkbook {
  vendorId: string;
  /** Writes bytes to a file of this name in the test's folder and answers its path. */
  file(name: string, content: Buffer | string): string;
}

export async function sheetWorkbook(): Promise<SheetWorkbook> {
  const wb = makeWorkbook();
  const v = await wb.call('vendor.create', { name: 'Acme Outsourcing' });
  const files = mkdtempSync(join(tmpdir(), 'hw-sheets-'));
  return Object.assign(wb, {
    vendorId: v.id,
    file(name: string, content: Buffer | string) {
      const p = join(files, name);
      writeFileSync(p, content);
      return p;
    },
  });
}
