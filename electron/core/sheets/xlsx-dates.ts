// Dates in a workbook: a number whose cell style has a date format, counted in days from the
// workbook's epoch. Excel's 1900 system counts a 29 February 1900 that never was (serial 60, kept
// from Lotus 1-2-3), so serials from 61 on are a day ahead of a plain count; the 1904 system (old
// Mac workbooks, <workbookPr date1904="1"/>) counts from 1 January 1904 with no such day.

/** The built-in number formats that are dates: 14–22 (dates and date-times) and 45–47 (times with minutes and seconds). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a custom format code shows a date: a d, m or y token outside quoted text, escapes and [brackets]. */
export function isDateFormatCode(code: string): boolean {
  // Only the first section (positive numbers) says how a date would show.
  const tokens = code.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmy]/i.test(tokens);
}

export function isDateFormat(numFmtId: number, customCodes: Map<number, string>): boolean {
  const code = customCodes.get(numFmtId);
  if (code !== undefined) return isDateFormatCode(code);
  return BUILT_IN_DATE_FORMATS.has(numFmtId);
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 31 December 9999, the last day Excel shows. */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The UTC moment of an Excel serial, or null where there is none (negative, past 9999, or the 29 February 1900 that never was). */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let ms: number;
  if (date1904) ms = EPOCH_1904 + Math.round(serial * DAY_MS);
  else if (serial >= 61) ms = EPOCH_1900 + Math.round(serial * DAY_MS);
  else if (serial >= 60) return null;
  // Before the phantom day the count is one less: serial 1 is 1 January 1900.
  else ms = EPOCH_1900 + DAY_MS + Math.round(serial * DAY_MS);
  return ms > LAST_MS ? null : new Date(ms);
}
