// Text sheets (CSV, TSV, semicolon or pipe separated, and cells pasted from a spreadsheet) read
// with papaparse: quoted fields may hold the delimiter, quotes and line breaks.
import Papa from 'papaparse';
import type { SheetFormat } from '../../../shared/sheets';
import { GridBuilder, sheetError, type Grid } from './grid';

/** The delimiters a file may use, in the order papaparse tries them. */
export const DELIMITERS = [',', ';', '\t', '|'];

/** Whether papaparse found a quoted field that is never closed (a loop here, not a closure made for every row read). */
function unclosedQuote(errors: readonly Papa.ParseError[]): boolean {
  for (const e of errors) if (e.type === 'Quotes') return true;
  return false;
}

/** Reads the text row by row (papaparse's step: no array of every line first); a refusal thrown in a step ends the parse. */
export function readTextSheet(text: string, fileName: string, format: SheetFormat, encoding: string | null): Grid {
  const builder = new GridBuilder(fileName);
  let row = 0;
  // Cells copied from a spreadsheet are tab-separated whatever they hold. Otherwise papaparse
  // guesses from the first rows with empty lines left out (they would make every delimiter look
  // inconsistent); the whole text is then read with empty lines kept, so row numbers stay true.
  const delimiter = format === 'pasted' && text.includes('\t')
    ? '\t'
    : Papa.parse<string[]>(text.slice(0, 64 * 1024), { delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy', preview: 50 }).meta.delimiter || ',';
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      row++;
      if (result.errors.length > 0 && unclosedQuote(result.errors)) throw sheetError(fileName, 'has a quoted field that is never closed', { row });
      builder.add(row, result.data);
    },
  });
  return { format, encoding, delimiter, sheets: [fileName], sheet: fileName, rows: builder.rows };
}
