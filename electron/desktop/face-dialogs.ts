// What the backend host asks of the desktop shell (host-protocol.ts FaceRequest): native dialogs for
// packs and attachments, printing the report to PDF (a hidden, script-less window in a session of its
// own, so the main window's network and file guards stay as strict as they are) and opening a file
// with the operating system. Each answers a path or null; no file's bytes go back to the host.
import { BrowserWindow, dialog, type FileFilter } from 'electron';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaceRequest } from './host-protocol';
import { pdfOptions } from './pdf-page';
import type { DesktopKeys } from './signing-keys';

// An encrypted pack is `<name>.zip.age`; the dialogs match the last extension only.
const PACKS: FileFilter[] = [{ name: 'Transition packs', extensions: ['zip', 'age'] }, { name: 'All files', extensions: ['*'] }];
const PLAIN_PACKS: FileFilter[] = [{ name: 'Transition packs', extensions: ['zip'] }, { name: 'All files', extensions: ['*'] }];
const ENCRYPTED_PACKS: FileFilter[] = [{ name: 'Encrypted transition packs', extensions: ['age'] }, { name: 'All files', extensions: ['*'] }];
/** age-keygen's identity files have no fixed extension (key.txt is usual). */
const IDENTITIES: FileFilter[] = [{ name: 'age identity files', extensions: ['txt', 'key', 'age'] }, { name: 'All files', extensions: ['*'] }];
const PDF: FileFilter[] = [{ name: 'PDF documents', extensions: ['pdf'] }];
const ALL_FILES: FileFilter[] = [{ name: 'All files', extensions: ['*'] }];
/** What the sheet import reads (the backend tells the format by the bytes; .xls it refuses with advice). */
export const SHEETS: FileFilter[] = [{ name: 'Spreadsheets', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }, { name: 'All files', extensions: ['*'] }];
const CSV: FileFilter[] = [{ name: 'CSV files', extensions: ['csv'] }];
const XLSX: FileFilter[] = [{ name: 'Excel workbooks', extensions: ['xlsx'] }];
const ICS: FileFilter[] = [{ name: 'iCalendar files', extensions: ['ics'] }];

/** Electron's shell.openPath: '' on success, a message otherwise. */
export type OpenPath = (path: string) => Promise<string>;

export function createShellFaces(
  window: () => BrowserWindow | null, folder: () => string, openPath: OpenPath, signingKeys?: DesktopKeys,
): (request: FaceRequest) => Promise<string | null> {
  const save = async (title: string, name: string, filters: FileFilter[]) => {
    const win = window();
    const options = { title, defaultPath: join(folder(), name), filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  const openOne = async (title: string, filters: FileFilter[]) => {
    const win = window();
    const options = { title, filters, properties: ['openFile'] as ('openFile')[] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  /** Prints to a new temporary file in `dir` (the checked destination's folder); the host renames it into place. */
  const printPdf = async (html: string, dir: string, running: { title: string; date: string }) => {
    const pageDir = mkdtempSync(join(tmpdir(), 'handover-report-'));
    const page = join(pageDir, 'report.html');
    const printer = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'handover-print' },
    });
    try {
      writeFileSync(page, html);
      await printer.loadFile(page);
      const pdf = await printer.webContents.printToPDF(pdfOptions(running));
      const temp = join(dir, `.${randomBytes(6).toString('hex')}.pdf.tmp`);
      try {
        // 'wx': a new file of its own, never one that is already there.
        writeFileSync(temp, pdf, { flag: 'wx' });
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      return temp;
    } finally {
      printer.destroy();
      rmSync(pageDir, { recursive: true, force: true });
    }
  };
  return async (request) => {
    switch (request.kind) {
      case 'openPack':
        return openOne('Open transition pack', PACKS);
      case 'openIdentity':
        return openOne('Open the identity file of an encrypted pack', IDENTITIES);
      case 'openSheet':
        return openOne('Import a spreadsheet', SHEETS);
      case 'saveTemplate':
        return save('Save blank template', request.name, request.name.endsWith('.xlsx') ? XLSX : CSV);
      case 'saveCalendar':
        return save('Export calendar', request.name, ICS);
      case 'savePack':
        return request.name.endsWith('.zip.age') ? save('Export encrypted transition pack', request.name, ENCRYPTED_PACKS) : save('Export transition pack', request.name, PLAIN_PACKS);
      case 'saveAttachment':
        // Any file type: the copy keeps the attachment's own name and extension.
        return save('Save attachment', request.name, ALL_FILES);
      case 'savePdf':
        return save('Print report to PDF', request.name, PDF);
      case 'printPdf':
        return printPdf(request.html, request.dir, request.running);
      case 'openFile': {
        const problem = await openPath(request.path);
        if (problem) throw new Error(problem);
        return null;
      }
      case 'loadSigningKey':
        if (!signingKeys) throw new Error('This app keeps no signing keys.');
        return signingKeys.load(request.workbookId);
      case 'saveSigningKey':
        if (!signingKeys) throw new Error('This app keeps no signing keys.');
        await signingKeys.save(request.workbookId, request.secret);
        return null;
    }
  };
}
