// The header row and the columns of a grid: found (the row among the first few whose cells name
// the most fields, then the first with mostly text) or chosen; duplicate headers refused.
import type { RecordKind } from '../../../shared/records';
import { SAMPLES_PER_COLUMN, type SheetColumn } from '../../../shared/sheets';
import { headerScore } from './fields';
import { columnLetter, isEmptyCell, sheetError, type Grid, type GridRow } from './grid';
import { cellText } from './values';

/** How far down the header row is looked for (title rows, notes above the table). */
const HEADER_SEARCH_ROWS = 20;

export interface Table {
  headerRow: number;
  headers: string[];
  rows: GridRow[];
}

/**
 * The header row: among the first rows wide enough to be the table's (a title or a note above it
 * fills one or two cells), the first one, unless a later one names clearly more fields (two more):
 * data rows name a field now and then ("Backup" is a word for a successor).
 */
function findHeaderRow(kind: RecordKind, grid: Grid): GridRow | undefined {
  const top = grid.rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = (r: GridRow) => r.cells.filter((c) => !isEmptyCell(c)).length;
  const widest = Math.max(0, ...top.map(filled));
  const candidates = top.filter((r) => filled(r) >= Math.ceil(widest / 2));
  const first = candidates[0];
  if (!first) return undefined;
  const score = (r: GridRow) => headerScore(kind, r.cells.map(cellText));
  let best = first;
  let bestScore = score(first);
  const firstScore = bestScore;
  for (const r of candidates.slice(1)) {
    const s = score(r);
    if (s > bestScore) { best = r; bestScore = s; }
  }
  return bestScore >= firstScore + 2 ? best : first;
}

export function tableOf(kind: RecordKind, grid: Grid, fileName: string, headerRow?: number): Table {
  if (grid.rows.length === 0) throw sheetError(fileName, 'has no rows');
  const header = headerRow === undefined ? findHeaderRow(kind, grid) : grid.rows.find((r) => r.row === headerRow);
  if (!header) throw sheetError(fileName, `has nothing in row ${headerRow} to take as the headers`);
  const headers = header.cells.map((c, i) => cellText(c) || `Column ${columnLetter(i)}`);
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw sheetError(fileName, `has the header "${h}" twice (columns ${columnLetter(first)} and ${columnLetter(i)}); rename one`, { row: header.row, column: i });
    }
    seen.set(key, i);
  });
  return { headerRow: header.row, headers, rows: grid.rows.filter((r) => r.row > header.row) };
}

export function columnsOf(table: Table): SheetColumn[] {
  return table.headers.map((header, index) => {
    const samples: string[] = [];
    for (const r of table.rows) {
      const c = r.cells[index];
      // An empty cell's text is '' (as is a formula's or an error's): one trim per cell tells them all.
      const t = c === undefined ? '' : cellText(c);
      if (t && !samples.includes(t)) samples.push(t.length > 80 ? `${t.slice(0, 79)}…` : t);
      if (samples.length >= SAMPLES_PER_COLUMN) break;
    }
    return { index, letter: columnLetter(index), header, samples };
  });
}
