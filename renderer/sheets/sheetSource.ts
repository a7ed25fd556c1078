// Getting a sheet to the backend, which reads it (the renderer never parses a spreadsheet). The
// desktop names the picked or dropped file by its path; the browser face may not, so it uploads the
// file to the pack upload route and names it by the upload's id (discarded when the import ends,
// or with the page). Pasted cells travel as text.
import type { SheetSource } from '../../shared/sheets';
import { MAX_PASTED_CHARS } from '../../shared/sheets';
import { api, isDesktop, pathForFile } from '../api';
import { baseName, formatNumber } from '../format';
import { holdOnServer, uploadPack } from '../packs/transfer';

/** A source the import holds, and how to let go of it. */
export interface HeldSource {
  source: SheetSource;
  /** The file's name as the screens show it. */
  name: string;
  release(): void;
}

const SHEET_FILE = /\.(csv|tsv|txt|tab|xlsx)$/i;

/** The file types the picker offers. */
export const SHEET_ACCEPT = '.csv,.tsv,.txt,.tab,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a file cannot be a sheet, by its name; null when it may be one (the backend has the last word). */
export function notASheet(file: File): string | null {
  if (SHEET_FILE.test(file.name)) return null;
  if (/\.xls$/i.test(file.name)) return `${file.name} is an old Excel workbook (.xls): save it as .xlsx or CSV in Excel, then import that.`;
  return `${file.name} is not a spreadsheet: choose a CSV, TSV or Excel (.xlsx) file.`;
}

export async function holdFile(file: File, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<HeldSource> {
  const why = notASheet(file);
  if (why) throw new Error(why);
  if (isDesktop) {
    const path = pathForFile(file);
    // A File made by a page (not picked or dropped from disk) has no path: there is nothing to read.
    if (!path) throw new Error(`${file.name} is not a file on this computer; save it to disk first, then import it.`);
    return { source: { path, fileName: file.name }, name: file.name, release: () => {} };
  }
  const upload = await uploadPack(file, onProgress, signal, 'application/octet-stream');
  const letGo = holdOnServer({ upload });
  return {
    source: { upload, fileName: file.name },
    name: file.name,
    release: () => {
      letGo();
      void api['pack.discard']({ upload }).catch(() => {});
    },
  };
}

/** A file picked in the desktop's open dialog: the backend reads it where it is. */
export function holdPath(path: string): HeldSource {
  const name = baseName(path);
  return { source: { path, fileName: name }, name, release: () => {} };
}

export function holdText(text: string): HeldSource {
  if (!text.trim()) throw new Error('The paste box is empty: copy cells in Excel (with their header row) and paste them here.');
  if (text.length > MAX_PASTED_CHARS) throw new Error(`The pasted cells are ${formatNumber(text.length)} characters; paste at most ${formatNumber(MAX_PASTED_CHARS)}, or save the sheet as a file and choose it.`);
  return { source: { text, fileName: 'pasted cells' }, name: 'Pasted cells', release: () => {} };
}
