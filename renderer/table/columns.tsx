// A record table's columns, read from the schema: the title field first, then every field whose
// metadata says `column` (or those a kind's table layout names, tableLayouts.ts). How each cell
// reads follows the field's control.
import { offsetLabel } from '../../shared/checklists';
import { costWords, type CostInput } from '../../shared/costs';
import { enumLabel } from '../../shared/enums';
import { fieldMeta, fieldNames, TITLE_FIELD, type FieldMeta, type RecordKind } from '../../shared/records';
import { formatDay, formatMoney, formatNumber } from '../format';
import type { AnyRecord } from '../records/recordApi';
import { Badge } from '../ui/Badge';
import { TABLE_LAYOUT } from './tableLayouts';
import type { Column } from './types';

const WIDTH: Record<FieldMeta['control'], [track: string, min: number]> = {
  text: ['minmax(120px, 1fr)', 120],
  longtext: ['minmax(160px, 2fr)', 160],
  email: ['minmax(180px, 1.2fr)', 180],
  url: ['minmax(180px, 1.5fr)', 180],
  date: ['104px', 104],
  int: ['80px', 80],
  money: ['120px', 120],
  currency: ['70px', 70],
  enum: ['150px', 150],
  person: ['minmax(140px, 1fr)', 140],
  document: ['minmax(140px, 1fr)', 140],
  vendor: ['minmax(140px, 1fr)', 140],
  contract: ['minmax(140px, 1fr)', 140],
};

function renderCell(kind: RecordKind, field: string, meta: FieldMeta) {
  return (row: AnyRecord, labels: Record<string, string>) => {
    const v = row[field];
    // A cost reads as what it comes to, dual running with its months × monthly cost shown.
    if (kind === 'cost' && field === 'amount') return <span className="cell-mono">{costWords(row as unknown as CostInput)}</span>;
    // An access record is planned as days from the exit date, read as checklist items' are (T−7, T, T+1).
    if (kind === 'access' && field === 'plannedOffsetDays') return <span className="cell-mono">{offsetLabel(v as number | null)}</span>;
    switch (meta.control) {
      case 'enum':
        return <Badge value={v as string} tone={TABLE_LAYOUT[kind]?.tones?.[field]?.[v as string]} />;
      case 'person':
      case 'document':
      case 'vendor':
        if (!v && meta.none) return <span className="cell-none">{meta.none}</span>;
        return v ? <span className="cell-text" title={labels[v as string]}>{labels[v as string] ?? '—'}</span> : <span className="cell-none">—</span>;
      case 'date':
        return <span className="cell-mono">{formatDay(v as string | null)}</span>;
      case 'int':
        return formatNumber(v as number | null);
      case 'money':
        return formatMoney(v as number | null, (row.currency as string) || '');
      default:
        // The title shows the whole value when the column cuts it short.
        return <span className="cell-text" title={typeof v === 'string' && v.length > 16 ? v : undefined}>{String(v ?? '')}</span>;
    }
  };
}

/** Roughly how many pixels a label needs at the header's 12px font, plus the cell's padding. */
const textWidth = (text: string) => Math.ceil(text.length * 6.6 + 30);

/** A column's track: wide enough for its header, and for an enum its longest value's badge. */
function trackOf(meta: FieldMeta, isTitle: boolean): [string, number] {
  if (isTitle) return ['minmax(220px, 1.6fr)', 220];
  const [track, min] = WIDTH[meta.control];
  const need = Math.min(220, textWidth(meta.label));
  if (meta.control === 'enum') {
    const longest = Math.max(...(meta.options ?? []).map((o) => enumLabel(o).length));
    const px = Math.max(need, Math.ceil(longest * 6.6 + 40));
    return [`${px}px`, px];
  }
  if (need <= min) return [track, min];
  return [track.startsWith('minmax') ? track.replace(/minmax\(\d+px/, `minmax(${need}px`) : `${need}px`, need];
}

/** The title cell, with the layout's badge beside it where the record has that value. */
function renderTitle(kind: RecordKind, field: string) {
  const badge = TABLE_LAYOUT[kind]?.titleBadge;
  return (row: AnyRecord) => {
    const title = String(row[field] ?? '');
    if (!badge || row[badge.field] !== badge.value) return <span className="cell-title">{title}</span>;
    return (
      <span className="cell-title cell-title-badged">
        <span className="cell-text" title={title}>{title}</span>
        <span className={`badge badge-${badge.tone}`}>{badge.text}</span>
      </span>
    );
  };
}

export function columnsFor(kind: RecordKind, extra: string[] = []): Column[] {
  const title = TITLE_FIELD[kind];
  const layout = TABLE_LAYOUT[kind];
  const fields = [title, ...(layout?.fields ?? fieldNames(kind).filter((f) => f !== title && (fieldMeta(kind, f).column || extra.includes(f))))];
  return fields.map((field) => {
    const meta = fieldMeta(kind, field);
    const header = layout?.headers?.[field] ?? meta.label;
    const [width, minWidth] = trackOf({ ...meta, label: header }, field === title);
    return {
      field,
      header,
      width,
      minWidth,
      align: meta.control === 'int' || meta.control === 'money' ? 'end' : 'start',
      // Every column sorts; the backend orders references by the referenced record's name.
      sortable: true,
      render: field === title ? renderTitle(kind, field) : renderCell(kind, field, meta),
    };
  });
}

/** The enum fields shown as columns: the table offers a filter select for each. */
export function enumFilters(kind: RecordKind): { field: string; label: string; options: readonly string[] }[] {
  const chosen = TABLE_LAYOUT[kind]?.filters;
  return (chosen ?? fieldNames(kind))
    .map((f) => ({ field: f as string, meta: fieldMeta(kind, f) }))
    .filter(({ meta }) => meta.control === 'enum' && (chosen !== undefined || meta.column))
    .map(({ field, meta }) => ({ field, label: TABLE_LAYOUT[kind]?.headers?.[field] ?? meta.label, options: meta.options ?? [] }));
}
