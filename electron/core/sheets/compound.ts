// Cells that say two things at once, as contract registers and cost sheets write them: a notice
// period with its unit ("3 months", "90 days") and an amount with its currency ("€ 12,000.00",
// "9 800 USD"), and a length in months written with its unit ("12 months", "1 year"). The cell
// fills its own field, and the other one too when no column fills it.
import type { RecordKind } from '../../../shared/records';
import type { Cell } from './grid';
import { cellText, readNumber, type Read } from './values';

export interface Compound {
  value: unknown;
  /** The other field the cell names, to fill where the sheet has no column for it. */
  also: Record<string, unknown>;
}

const UNITS: Record<string, 'days' | 'months'> = {
  d: 'days', day: 'days', days: 'days', calendardays: 'days', tage: 'days', jours: 'days',
  m: 'months', mo: 'months', mos: 'months', mth: 'months', mths: 'months', month: 'months', months: 'months', monate: 'months', mois: 'months',
};

/** "3 months", "90 days", "90d", "3 mths' notice"; a bare number is the amount alone (the unit column or the default decides). */
function notice(cell: Cell): Read<Compound> {
  if (typeof cell === 'number') return { ok: true, value: { value: cell, also: {} } };
  const raw = cellText(cell);
  const m = /^(\d+)\s*([a-z ]*?)(?:'s?)?\s*(?:notice)?\.?$/i.exec(raw.trim());
  if (!m) return { ok: false, message: `"${raw}" is not a notice period (write it as 90 days or 3 months)` };
  const word = m[2]!.toLowerCase().replace(/\s+/g, '');
  if (word === '') return { ok: true, value: { value: Number(m[1]), also: {} } };
  const unit = UNITS[word];
  if (!unit) return { ok: false, message: `"${raw}": the unit must be days or months` };
  return { ok: true, value: { value: Number(m[1]), also: { noticeUnit: unit } } };
}

const YEARS = new Set(['y', 'yr', 'yrs', 'year', 'years', 'jahre', 'ans']);

/** A length in months, as GLPI and contract registers write it: "12 months", "1 year", "18 mths", or a bare 12. */
function months(cell: Cell): Read<Compound> {
  if (typeof cell === 'number') return { ok: true, value: { value: cell, also: {} } };
  const raw = cellText(cell);
  // GLPI writes an unset length as its empty dropdown value, a row of dashes (Dropdown::EMPTY_VALUE).
  if (/^-+$/.test(raw.trim())) return { ok: true, value: { value: null, also: {} } };
  const m = /^(\d+)\s*([a-z ]*?)\.?$/i.exec(raw.trim());
  if (!m) return { ok: false, message: `"${raw}" is not a number of months (write it as 12 or 12 months)` };
  const word = m[2]!.toLowerCase().replace(/\s+/g, '');
  if (word === '' || UNITS[word] === 'months') return { ok: true, value: { value: Number(m[1]), also: {} } };
  if (YEARS.has(word)) return { ok: true, value: { value: Number(m[1]) * 12, also: {} } };
  return { ok: false, message: `"${raw}": write it in months or years` };
}

/** An amount as the exact decimal text the schema keeps (two decimals at most), with the currency it names. */
function amount(cell: Cell): Read<Compound> {
  const n = readNumber(cell);
  if (!n.ok) return n;
  const { value, currency } = n.value;
  if (value < 0) return { ok: false, message: 'cannot be negative' };
  // More than two decimals would be rounded without a word: refused instead.
  if (Math.round(value * 100) / 100 !== value) return { ok: false, message: `"${cellText(cell)}" has more than two decimals` };
  return { ok: true, value: { value: value.toFixed(2), also: currency ? { currency } : {} } };
}

const READERS: Partial<Record<RecordKind, Record<string, (cell: Cell) => Read<Compound>>>> = {
  contract: { noticeAmount: notice, renewalMonths: months, assistanceMonths: months },
  cost: { amount },
};

/** The reading of a cell of this field, when it is one that says two things; null for every other field. */
export function compoundReader(kind: RecordKind, field: string): ((cell: Cell) => Read<Compound>) | null {
  const readers = READERS[kind];
  return readers && Object.prototype.hasOwnProperty.call(readers, field) ? readers[field]! : null;
}
