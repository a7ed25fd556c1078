// A sheet as read from any source (CSV, TSV, pasted cells, XLSX): rows of cells with the row
// number the spreadsheet shows, before any mapping. Readers produce it; everything after works on it.
import { ApiError } from '../../../shared/errors';
import { MAX_CELL_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type SheetFormat } from '../../../shared/sheets';

/** A cell: text (CSV), or what an XLSX stores (number, boolean, date); null when empty. */
export type Cell = string | number | boolean | Date | null | FormulaWithoutValue | ErrorValue;

/** An XLSX formula cell saved without its computed value: never evaluated, refused where it is mapped. */
export interface FormulaWithoutValue {
  formula: string;
}

/** An XLSX cell holding an error (#DIV/0!, #N/A, #REF!…): no value to import, refused where it is mapped. */
export interface ErrorValue {
  error: string;
}

export const isFormulaWithoutValue = (c: Cell): c is FormulaWithoutValue =>
  typeof c === 'object' && c !== null && 'formula' in c;

export const isErrorValue = (c: Cell): c is ErrorValue =>
  typeof c === 'object' && c !== null && 'error' in c;

export interface GridRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  cells: Cell[];
}

export interface Grid {
  format: SheetFormat;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string;
  /** Every non-empty row, header included. */
  rows: GridRow[];
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function isEmptyCell(c: Cell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

/** A file-level refusal naming the file and, where it applies, the cell. */
export function sheetError(fileName: string, message: string, where?: { row: number; column?: number }): ApiError {
  const at = where ? ` (row ${where.row}${where.column !== undefined ? `, column ${columnLetter(where.column)}` : ''})` : '';
  return new ApiError('INVALID_INPUT', `${fileName}${at}: ${message}. Nothing was imported.`, [{ field: 'source', message: `${message}${at}` }]);
}

/**
 * Collects rows as a reader produces them, holding the limits every format shares: rows,
 * columns and cell size, each refused with the row and column where it was passed.
 */
export class GridBuilder {
  readonly rows: GridRow[] = [];
  private dataRows = 0;
  constructor(private readonly fileName: string) {}

  add(row: number, cells: Cell[]): void {
    // Trailing empty cells say nothing (spreadsheets pad rows to the widest one).
    let end = cells.length;
    while (end > 0 && isEmptyCell(cells[end - 1]!)) end--;
    if (end === 0) return;
    if (end > MAX_SHEET_COLUMNS) throw sheetError(this.fileName, `has ${end} columns, more than the ${MAX_SHEET_COLUMNS} allowed`, { row, column: MAX_SHEET_COLUMNS });
    for (let i = 0; i < end; i++) {
      const c = cells[i];
      // UTF-8 is at most 3 bytes per UTF-16 unit: only long cells need counting.
      if (typeof c === 'string' && c.length * 3 > MAX_CELL_BYTES && Buffer.byteLength(c) > MAX_CELL_BYTES) {
        throw sheetError(this.fileName, `has a cell of ${Buffer.byteLength(c).toLocaleString('en')} bytes, more than the ${MAX_CELL_BYTES / 1024} KiB allowed`, { row, column: i });
      }
    }
    if (++this.dataRows > MAX_SHEET_ROWS + 1) {
      throw sheetError(this.fileName, `has more than ${MAX_SHEET_ROWS.toLocaleString('en')} rows, the most one import takes; split it`, { row });
    }
    this.rows.push({ row, cells: end === cells.length ? cells : cells.slice(0, end) });
  }
}
