// Cells fixed by hand in the preview (mapping.overrides): each replaces the sheet's cell before the
// planner reads it, so a typed value goes through the same checks as the sheet's own. Checked
// against the table once, before any row is read; the rows without a fix pay nothing.
import { ApiError } from '../../../shared/errors';
import type { SheetMapping } from '../../../shared/sheets';
import type { Cell } from './grid';
import type { Table } from './table';

/** Row number → column index → the value typed in. */
export type CellFixes = Map<number, Map<number, string>>;

const overrideError = (at: number, key: 'row' | 'column', message: string) => {
  const field = `mapping.overrides.${at}.${key}`;
  return new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
};

/** The fixes by row, or null when there are none (the planner then reads the rows as they are). */
export function cellFixes(table: Table, mapping: SheetMapping): CellFixes | null {
  const overrides = mapping.overrides ?? [];
  if (overrides.length === 0) return null;
  const rows = new Set(table.rows.map((r) => r.row));
  const fixes: CellFixes = new Map();
  overrides.forEach((o, at) => {
    const index = table.headers.indexOf(o.column);
    if (index < 0) throw overrideError(at, 'column', `the sheet has no column "${o.column}"`);
    if (!rows.has(o.row)) throw overrideError(at, 'row', `the sheet has no data row ${o.row}`);
    const row = fixes.get(o.row) ?? new Map<number, string>();
    row.set(index, o.value);
    fixes.set(o.row, row);
  });
  return fixes;
}

/** The row's cells with its fixes in place (the row itself is left as the sheet has it). */
export function fixedCells(cells: readonly Cell[], fixes: Map<number, string> | undefined): readonly Cell[] {
  if (!fixes) return cells;
  const out = cells.slice();
  for (const [index, value] of fixes) {
    while (out.length <= index) out.push(null);
    out[index] = value;
  }
  return out;
}
