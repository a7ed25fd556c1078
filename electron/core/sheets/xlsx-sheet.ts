// A worksheet's <sheetData>, row by row as it streams by, into the grid every sheet becomes.
// Rows and cells may be sparse (a writer leaves out empty ones and says where each is with
// r="C5"): the gaps become empty cells. Formulas are never evaluated: the value the spreadsheet
// saved with one (<v>) is used, and a formula saved without one is kept as such, to be refused
// where it is mapped; so is an error cell.
import { MAX_SHEET_COLUMNS } from '../../../shared/sheets';
import { sheetError, type Cell, type GridBuilder } from './grid';
import { excelSerialToDate } from './xlsx-dates';
import { StringItem, type XmlHandlers } from './xlsx-xml';

export interface SheetContext {
  fileName: string;
  strings: string[];
  /** Per cell style index: whether it shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * The column of a cell reference such as "C5" (one to three capital letters, then digits), or -1
 * when it is not one. Read character by character: a regular expression's match per cell was a
 * tenth of the read of a large sheet.
 */
export function refColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === ref.length) return -1;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return -1;
  }
  return n - 1;
}

export function worksheetHandlers(ctx: SheetContext, builder: GridBuilder): XmlHandlers {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let inRow = false;
  // The cell being read.
  let col = -1;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let formula: string | null = null;
  let inline: StringItem | null = null;
  // Where text goes: the <v> or <f> of the cell, or its inline string.
  let capture: 'v' | 'f' | null = null;

  const at = () => ({ row: rowNumber, column: col });

  const cellValue = (): Cell => {
    if (type === 'inlineStr') return inline ? inline.text : value;
    if (value === null) return formula !== null ? { formula } : null;
    switch (type) {
      case 's': {
        const s = ctx.strings[Number(value)];
        if (s === undefined) throw sheetError(ctx.fileName, `has a cell referring to shared string ${value}, which the workbook does not have`, at());
        return s;
      }
      case 'str': return value;
      case 'b': return value === '1' || value === 'true';
      case 'e': return { error: value };
      case 'd': {
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? value : d;
      }
      default: {
        if (value.trim() === '') return null;
        const n = Number(value);
        if (!Number.isFinite(n)) throw sheetError(ctx.fileName, `has a number cell holding "${value.slice(0, 40)}", which is not a number`, at());
        if (ctx.dateStyles[style]) return excelSerialToDate(n, ctx.date1904) ?? n;
        return n;
      }
    }
  };

  return {
    open(name, attrs) {
      if (name === 'row') {
        inRow = true;
        rowNumber = attrs.r !== undefined ? Number(attrs.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1) throw sheetError(ctx.fileName, `has a row numbered "${attrs.r}"`);
        cells = [];
        col = -1;
      } else if (name === 'c' && inRow) {
        const ref = attrs.r;
        const index = ref !== undefined ? refColumn(ref) : col + 1;
        if (index < 0) throw sheetError(ctx.fileName, `has a cell with the reference "${ref!.slice(0, 20)}"`, { row: rowNumber });
        col = index;
        type = attrs.t ?? 'n';
        style = attrs.s !== undefined ? Number(attrs.s) : 0;
        value = null;
        formula = null;
        inline = null;
        capture = null;
      } else if (name === 'v') {
        capture = 'v';
        value = '';
      } else if (name === 'f') {
        capture = 'f';
        formula = '';
      } else if (name === 'is') {
        inline = new StringItem();
      } else if (inline) {
        inline.open(name);
      }
    },
    close(name) {
      if (name === 'v' || name === 'f') capture = null;
      else if (name === 'c' && inRow) {
        const c = cellValue();
        if (c === null) return;
        // A value past the last column allowed is refused here, before a row that wide is made.
        if (col >= MAX_SHEET_COLUMNS) throw sheetError(ctx.fileName, `has ${col + 1} columns, more than the ${MAX_SHEET_COLUMNS} allowed`, { row: rowNumber, column: MAX_SHEET_COLUMNS });
        while (cells.length < col) cells.push(null);
        cells[col] = c;
      } else if (name === 'row') {
        inRow = false;
        builder.add(rowNumber, cells);
      } else if (inline && name !== 'is') {
        inline.close(name);
      }
    },
    text(t) {
      if (capture === 'v') value += t;
      else if (capture === 'f') formula += t;
      else if (inline) inline.add(t);
    },
  };
}
