// The sheet's columns as the mapping fills them: which column is which field, checked against the
// table and the kind; the key rows are matched on; the date order the sheet's own dates show.
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors';
import { SHAPES, TITLE_FIELD, fieldMeta, type FieldMeta, type RecordKind } from '../../../shared/records';
import type { DateOrder, SheetMapping } from '../../../shared/sheets';
import { compoundReader, type Compound } from './compound';
import { hasField, ID_FIELD } from './fields';
import { columnLetter, type Cell } from './grid';
import type { Table } from './table';
import { dateOrdersOf, type Read } from './values';

export const mappingError = (field: string, message: string) => new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);

export interface Column {
  index: number;
  header: string;
  field: string;
  label: string;
  /** The field's words and control (null for the id column), read once: the schema's registry is slow to ask per cell. */
  meta: FieldMeta | null;
  schema: z.ZodType | null;
  /** A cell that also names another field (a notice period's unit, an amount's currency): its reader. */
  compound: ((cell: Cell) => Read<Compound>) | null;
}

/** The columns the mapping fills, checked against the table and the kind. */
export function mappedColumns(kind: RecordKind, table: Table, mapping: SheetMapping): Column[] {
  const out: Column[] = [];
  const used = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping.columns)) {
    if (field === null || field === '') continue;
    const index = table.headers.indexOf(header);
    if (index < 0) throw mappingError(`mapping.columns.${header}`, `the sheet has no column "${header}" (it has ${table.headers.map((h) => `"${h}"`).join(', ')})`);
    if (!hasField(kind, field)) throw mappingError(`mapping.columns.${header}`, `"${field}" is not a field of this kind`);
    const other = used.get(field);
    if (other !== undefined) throw mappingError(`mapping.columns.${header}`, `"${field}" is already filled from the column "${other}"`);
    used.set(field, header);
    const isId = field === ID_FIELD;
    out.push({
      index, header, field, label: `${columnLetter(index)} (${header})`,
      meta: isId ? null : fieldMeta(kind, field), schema: isId ? null : (SHAPES[kind] as Record<string, z.ZodType>)[field]!,
      compound: isId ? null : compoundReader(kind, field),
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The key rows are matched on: the one chosen, else id when mapped, else the e-mail of people, else the title. */
export function keyOf(kind: RecordKind, columns: readonly Column[], chosen: string | undefined): string {
  const mapped = new Set(columns.map((c) => c.field));
  if (chosen !== undefined) {
    if (!hasField(kind, chosen)) throw mappingError('mapping.key', `"${chosen}" is not a field of this kind`);
    if (!mapped.has(chosen)) throw mappingError('mapping.key', `no column is mapped to "${chosen}"`);
    return chosen;
  }
  if (mapped.has(ID_FIELD)) return ID_FIELD;
  if (kind === 'person' && mapped.has('email')) return 'email';
  return TITLE_FIELD[kind];
}

/** The date order the sheet's own dates show: one that only fits one way decides for all. */
export function inferDateOrder(table: Table, columns: readonly Column[]): { order: DateOrder | undefined; ambiguous: boolean } {
  let dmy = false;
  let mdy = false;
  let ambiguous = false;
  for (const c of columns) {
    if (c.meta?.control !== 'date') continue;
    for (const r of table.rows) {
      const cell = r.cells[c.index];
      if (typeof cell !== 'string') continue;
      const orders = dateOrdersOf(cell);
      if (orders.length === 1) { if (orders[0] === 'dmy') dmy = true; else mdy = true; }
      if (orders.length === 2) ambiguous = true;
    }
  }
  return { order: dmy && !mdy ? 'dmy' : mdy && !dmy ? 'mdy' : undefined, ambiguous };
}
