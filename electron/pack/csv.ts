// CSV as RFC 4180 (comma, CRLF, fields with a quote, comma or line break quoted and quotes
// doubled), made safe for spreadsheets: a text cell a spreadsheet would run as a formula (one
// starting with = + - @, a tab or a carriage return, or their full-width forms ＝ ＋ － ＠) gets a
// single quote in front, so it shows as the text it is (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A UTF-8 byte order mark: without it Excel reads the file as the local code page. */
export const CSV_BOM = '\uFEFF';

/** One cell: text is escaped against formulas and quoted when needed; numbers and booleans as is. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, ending in CRLF. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
