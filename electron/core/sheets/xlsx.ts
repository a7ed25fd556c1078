// XLSX workbooks, read with read-excel-file after the zip has passed the pack's own checks
// (zip-read.ts: entry count, names, declared sizes and their total; then every entry read once
// with its real size held to the declared one and its CRC checked), so the reader never meets a
// zip bomb. Formulas are never evaluated: the value the spreadsheet saved is used, and a formula
// saved without one is marked so the cell is refused where it is mapped.
import { readSheet } from 'read-excel-file/node';
import { DEFAULT_LIMITS, type PackLimits } from '../pack/format';
import { EntryError, openPack } from '../pack/zip-read';
import { GridBuilder, sheetError, type Cell, type Grid } from './grid';

/** Limits for a workbook: far below a pack's, as a sheet of a million rows fits well within them. */
export const XLSX_LIMITS: PackLimits = {
  ...DEFAULT_LIMITS,
  maxEntries: 10_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxDataBytes: 1024 ** 3,
  maxAttachmentBytes: 1024 ** 3,
  maxManifestBytes: 1024 ** 3,
};

const anyName = () => true;

/** Cells with a formula and no saved value, per worksheet file: "B7" → formula. */
type FormulaGaps = Map<string, Map<string, string>>;

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const REF = /\br="([A-Z]+)(\d+)"/;

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Scans a worksheet's XML as it streams by (a carry keeps a cell split between chunks whole). */
function gapScanner(into: Map<string, string>) {
  let carry = '';
  return (chunk: string, last: boolean) => {
    const text = carry + chunk;
    let end = 0;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
      end = CELL.lastIndex;
      const body = m[2];
      if (body !== undefined && body.includes('<f') && !/<v>[^<]*<\/v>|<v\/>/.test(body)) {
        const ref = REF.exec(m[1]!);
        const f = /<f[^>]*>([^<]*)<\/f>/.exec(body)?.[1] ?? '';
        if (ref) into.set(`${ref[1]}${ref[2]}`, unescapeXml(f));
      }
    }
    // Keep what follows the last whole cell: it may be the start of one.
    const open = text.lastIndexOf('<c');
    carry = last ? '' : text.slice(end > 0 ? end : open >= 0 ? open : text.length);
  };
}

interface WorkbookInfo {
  sheets: { name: string; file: string }[];
  gaps: FormulaGaps;
}

/** Checks the zip and reads what the reader does not tell: the sheets' names and files, and the formulas without a value. */
async function checkWorkbook(path: string, fileName: string): Promise<WorkbookInfo> {
  const zip = await openPack(path, XLSX_LIMITS, anyName);
  try {
    const problem = zip.problems[0];
    if (problem) {
      if (/not a readable zip/.test(problem.message)) throw sheetError(fileName, 'is not a readable zip, so not an Excel workbook: save it as .xlsx, .csv or .tsv');
      throw sheetError(fileName, `is a damaged or unsafe workbook: ${problem.file ? `its part "${problem.file}" ` : ''}${problem.message}`);
    }
    const names = new Set(zip.entries.map((e) => e.name));
    if (!names.has('xl/workbook.xml')) throw sheetError(fileName, 'is a zip but not an Excel workbook (no xl/workbook.xml): save it as .xlsx or .csv');
    let workbook = '';
    let rels = '';
    const gaps: FormulaGaps = new Map();
    for (const entry of zip.entries) {
      const decoder = new TextDecoder();
      let sink: (chunk: Buffer) => void = () => {};
      let finish = () => {};
      if (entry.name === 'xl/workbook.xml') sink = (c) => { workbook += decoder.decode(c, { stream: true }); };
      else if (entry.name === 'xl/_rels/workbook.xml.rels') sink = (c) => { rels += decoder.decode(c, { stream: true }); };
      else if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
        const found = new Map<string, string>();
        gaps.set(entry.name, found);
        const scan = gapScanner(found);
        sink = (c) => scan(decoder.decode(c, { stream: true }), false);
        finish = () => scan(decoder.decode(), true);
      }
      // Every part is read whole, so a lie about its size is caught before the reader unpacks it.
      await zip.read(entry, sink);
      finish();
    }
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    const sheets: WorkbookInfo['sheets'] = [];
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
      if (name !== undefined) sheets.push({ name: unescapeXml(name), file: (rid && targets.get(rid)) ?? '' });
    }
    if (sheets.length === 0) throw sheetError(fileName, 'is a workbook without sheets');
    return { sheets, gaps };
  } catch (e) {
    if (e instanceof EntryError) throw sheetError(fileName, `is a damaged or unsafe workbook: its part "${e.file}" ${e.message}`);
    throw e;
  } finally {
    await zip.close();
  }
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export async function readXlsxSheet(path: string, fileName: string, sheet: string | undefined): Promise<Grid> {
  const info = await checkWorkbook(path, fileName);
  const chosen = sheet === undefined ? info.sheets[0]! : info.sheets.find((s) => s.name === sheet);
  if (!chosen) throw sheetError(fileName, `has no sheet "${sheet}" (it has ${info.sheets.map((s) => `"${s.name}"`).join(', ')})`);
  let data: unknown[][];
  try {
    data = await readSheet(path, chosen.name, { trim: false }) as unknown[][];
  } catch (e) {
    throw sheetError(fileName, `cannot be read as a workbook: ${(e as Error).message}`);
  }
  // The reader reads a formula without a saved value as an empty cell: mark those cells.
  const gaps = info.gaps.get(chosen.file) ?? new Map<string, string>();
  const gapRows = new Map<number, { col: number; formula: string }[]>();
  for (const [ref, formula] of gaps) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const r = Number(m[2]);
    if (!gapRows.has(r)) gapRows.set(r, []);
    gapRows.get(r)!.push({ col: letterIndex(m[1]!), formula });
  }
  const builder = new GridBuilder(fileName);
  const total = Math.max(data.length, ...gapRows.keys());
  for (let i = 0; i < total; i++) {
    const cells = (data[i] ?? []).map((c): Cell => (c === undefined ? null : c as Cell));
    for (const g of gapRows.get(i + 1) ?? []) {
      while (cells.length <= g.col) cells.push(null);
      cells[g.col] = { formula: g.formula };
    }
    builder.add(i + 1, cells);
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheets: info.sheets.map((s) => s.name), sheet: chosen.name, rows: builder.rows };
}
