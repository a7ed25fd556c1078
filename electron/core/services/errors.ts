// What a failure thrown below the API means to a person: the one mapping every face's answers
// use (the dispatcher, and the pack jobs that fail in the background). SQLite's and the file
// system's codes become stable error codes; only what is truly unexpected is INTERNAL.
import { ApiError, type ApiErrorBody } from '../../../shared/errors';
import { BUSY_IMPORT_MESSAGE, importBeingApplied } from '../store/importLock';

const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

export interface ErrorPlace {
  /** The workbook the call was about (to say whether an import holds it). */
  workbookPath?: string;
  /** Where a file was being written, when that is not the workbook's disk (an export's folder). */
  writingTo?: string;
}

/** The error body for a thrown value, or null when it is unexpected (an internal error). */
export function knownErrorBody(e: unknown, place: ErrorPlace = {}): ApiErrorBody | null {
  if (e instanceof ApiError) return e.toBody();
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (DISK_FULL_CODES.has(code)) {
    const where = place.writingTo ? `holding ${place.writingTo}` : 'holding the workbook';
    return { code: 'DISK_FULL', message: `The disk ${where} is full; nothing was changed. Free some space and try again.` };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    const importing = place.workbookPath !== undefined && importBeingApplied(place.workbookPath);
    return {
      code: 'BUSY',
      message: importing ? BUSY_IMPORT_MESSAGE : 'Another program is writing to this workbook; try again in a moment. Nothing was changed.',
    };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'INVALID_INPUT', message: `The workbook refused the change: ${(e as Error).message}` };
  if (/^E[A-Z]+$/.test(code)) return { code: 'FILE_ERROR', message: `A file operation failed: ${(e as Error).message}` };
  return null;
}
