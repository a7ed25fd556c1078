// The lines of the dry run's preview: each row's outcome with the refused cells of that row, or
// only the refused rows (then taken from the refusals, which are complete where the outcomes
// stop at MAX_PREVIEW_ROWS). Pure, for the virtualised list to draw.
import type { SheetPreview, SheetRefusal, SheetRowAction } from '../../shared/sheets';

export interface PreviewLine {
  /** 1-based row in the sheet; 0 for the sheet as a whole. */
  row: number;
  action: SheetRowAction;
  title: string;
  changed: string[];
  refusals: SheetRefusal[];
}

export function previewLines(preview: SheetPreview, onlyRefused: boolean): PreviewLine[] {
  const byRow = new Map<number, SheetRefusal[]>();
  for (const r of preview.refused) {
    const list = byRow.get(r.row);
    if (list) list.push(r);
    else byRow.set(r.row, [r]);
  }
  if (!onlyRefused) {
    return preview.rows.map((o) => ({ row: o.row, action: o.action, title: o.title, changed: o.changed, refusals: byRow.get(o.row) ?? [] }));
  }
  const titles = new Map(preview.rows.map((o) => [o.row, o.title]));
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, refusals]) => ({ row, action: 'refused' as const, title: titles.get(row) ?? '', changed: [], refusals }));
}

