// CSV as RFC 4180 (comma, CRLF, fields with a quote, comma or line break quoted and quotes
// doubled), made safe for spreadsheets: a text cell a spreadsheet would run as a formula gets a
// single quote in front, so it shows as the text it is (OWASP "CSV injection"). A formula is a
// cell whose first visible character is = + - @, a tab or a carriage return, or one of their
// look-alikes that spreadsheets also take (full-width ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫, the minus sign −),
// whatever invisible characters come before it (zero-width spaces and joiners, direction marks,
// word joiner, byte order mark, soft hyphen, Mongolian vowel separator): some spreadsheets skip
// those, and a person cannot see them.

// Invisible prefix: U+200B–U+200F, U+2060, U+FEFF, U+00AD, U+180E. Starters: = + - @ tab CR,
// U+FF1D U+FF0B U+FF0D U+FF20 (full-width), U+FE66 U+FE62 U+FE63 U+FE6B (small), U+2212 (minus).
const FORMULA_START = /^[\u200B-\u200F\u2060\uFEFF\u00AD\u180E]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/;
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
