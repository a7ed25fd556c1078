// XLSX workbooks, read as streams after the zip has passed the pack's own checks (zip-read.ts:
// entry count, names, declared sizes and their total; every entry read with its real size held to
// the declared one and its CRC checked), so the parse never meets a zip bomb. The chosen
// worksheet is parsed with saxes as it inflates, row by row into the grid: the workbook is never
// held whole in memory. Formulas are never evaluated (see xlsx-sheet.ts).
import { ApiError } from '../../../shared/errors';
import { DEFAULT_LIMITS, type PackLimits } from '../pack/format';
import { EntryError, openPack, type OpenedPack, type PackEntry } from '../pack/zip-read';
import { GridBuilder, sheetError, type Grid } from './grid';
import { relsHandlers, sharedStringsHandlers, stylesHandlers, workbookHandlers, type Relationship, type WorkbookPart } from './xlsx-parts';
import { worksheetHandlers } from './xlsx-sheet';
import { xmlSink, type XmlHandlers } from './xlsx-xml';

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

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** Reads one entry through an XML parse; a part that is not well-formed XML is named. */
async function parsePart(zip: OpenedPack, entry: PackEntry, handlers: XmlHandlers, fileName: string): Promise<void> {
  const sink = xmlSink(handlers);
  // The zip reader reports what stops its sink as a decompression failure: keep the real reason.
  let stopped: unknown = null;
  const settle = (e: unknown): never => {
    if (e instanceof ApiError) throw e;
    throw sheetError(fileName, `is a damaged workbook: its part "${entry.name}" is not well-formed XML (${(e as Error).message})`);
  };
  try {
    await zip.read(entry, (chunk) => {
      try {
        sink.write(chunk);
      } catch (e) {
        stopped = e;
        throw e;
      }
    });
  } catch (e) {
    if (stopped !== null) settle(stopped);
    throw e;
  }
  try {
    sink.end();
  } catch (e) {
    settle(e);
  }
}

export async function readXlsxSheet(path: string, fileName: string, sheet: string | undefined): Promise<Grid> {
  const zip = await openPack(path, XLSX_LIMITS, anyName);
  try {
    const problem = zip.problems[0];
    if (problem) {
      if (/not a readable zip/.test(problem.message)) throw sheetError(fileName, 'is not a readable zip, so not an Excel workbook: save it as .xlsx, .csv or .tsv');
      throw sheetError(fileName, `is a damaged or unsafe workbook: ${problem.file ? `its part "${problem.file}" ` : ''}${problem.message}`);
    }
    const byName = new Map(zip.entries.map((e) => [e.name, e]));
    const workbookEntry = byName.get(WORKBOOK);
    if (!workbookEntry) throw sheetError(fileName, 'is a zip but not an Excel workbook (no xl/workbook.xml): save it as .xlsx or .csv');
    const workbook: WorkbookPart = { sheets: [], date1904: false };
    await parsePart(zip, workbookEntry, workbookHandlers(workbook), fileName);
    const rels = new Map<string, Relationship>();
    const relsEntry = byName.get(WORKBOOK_RELS);
    if (relsEntry) await parsePart(zip, relsEntry, relsHandlers(rels), fileName);
    if (workbook.sheets.length === 0) throw sheetError(fileName, 'is a workbook without sheets');
    const names = workbook.sheets.map((s) => s.name);
    const chosen = sheet === undefined ? workbook.sheets[0]! : workbook.sheets.find((s) => s.name === sheet);
    if (!chosen) throw sheetError(fileName, `has no sheet "${sheet}" (it has ${names.map((n) => `"${n}"`).join(', ')})`);
    const sheetEntry = byName.get((chosen.rid && rels.get(chosen.rid)?.target) ?? '');
    if (!sheetEntry) throw sheetError(fileName, `is a damaged workbook: the part of its sheet "${chosen.name}" is missing`);

    // Shared strings and styles are found through the rels, at their usual names when a writer left them out.
    const partOf = (kind: string, usual: string) => byName.get([...rels.values()].find((r) => r.kind === kind)?.target ?? usual);
    const strings: string[] = [];
    const dateStyles: boolean[] = [];
    const stringsEntry = partOf('sharedStrings', 'xl/sharedStrings.xml');
    const stylesEntry = partOf('styles', 'xl/styles.xml');
    if (stringsEntry) await parsePart(zip, stringsEntry, sharedStringsHandlers(strings), fileName);
    if (stylesEntry) await parsePart(zip, stylesEntry, stylesHandlers(dateStyles), fileName);
    // Every other part is read through too, so a lie about any part's size or CRC refuses the file.
    const parsed = new Set([workbookEntry, relsEntry, stringsEntry, stylesEntry, sheetEntry]);
    for (const entry of zip.entries) if (!parsed.has(entry)) await zip.read(entry, () => {});

    const builder = new GridBuilder(fileName);
    await parsePart(zip, sheetEntry, worksheetHandlers({ fileName, strings, dateStyles, date1904: workbook.date1904 }, builder), fileName);
    return { format: 'xlsx', encoding: null, delimiter: null, sheets: names, sheet: chosen.name, rows: builder.rows };
  } catch (e) {
    if (e instanceof EntryError) throw sheetError(fileName, `is a damaged or unsafe workbook: its part "${e.file}" ${e.message}`);
    throw e;
  } finally {
    await zip.close();
  }
}
