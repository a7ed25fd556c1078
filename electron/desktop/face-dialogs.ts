// What the backend asks of the desktop shell: native dialogs for packs and attachments, and printing the report
// to PDF (a hidden, script-less window in a session of its own, so the main window's network
// and file guards stay as strict as they are).
import { BrowserWindow, dialog, type FileFilter } from 'electron';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FaceDialogs } from '../core/api/handlers';
import { pdfOptions } from './pdf-page';

const PACKS: FileFilter[] = [{ name: 'Transition packs', extensions: ['zip'] }, { name: 'All files', extensions: ['*'] }];
const PDF: FileFilter[] = [{ name: 'PDF documents', extensions: ['pdf'] }];
const ALL_FILES: FileFilter[] = [{ name: 'All files', extensions: ['*'] }];

export function createFaceDialogs(window: () => BrowserWindow | null, folder: () => string): FaceDialogs {
  const save = async (title: string, name: string, filters: FileFilter[]) => {
    const win = window();
    const options = { title, defaultPath: join(folder(), name), filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  return {
    async openPack() {
      const win = window();
      const options = { title: 'Open transition pack', filters: PACKS, properties: ['openFile'] as ('openFile')[] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    savePack: (name) => save('Export transition pack', name, PACKS),
    // Any file type: the copy keeps the attachment's own name and extension.
    saveAttachment: (name) => save('Save attachment', name, ALL_FILES),
    async printToPdf(html, name, check, running) {
      const picked = await save('Print report to PDF', name, PDF);
      if (!picked) return null;
      const target = check(picked);
      const dir = mkdtempSync(join(tmpdir(), 'handover-report-'));
      const page = join(dir, 'report.html');
      const printer = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'handover-print' },
      });
      try {
        writeFileSync(page, html);
        await printer.loadFile(page);
        const pdf = await printer.webContents.printToPDF(pdfOptions(running));
        // Temporary name beside the target, then rename: no half-written PDF under the real name.
        const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.pdf.tmp`);
        writeFileSync(temp, pdf);
        try {
          check(target);
          renameSync(temp, target);
        } catch (e) {
          rmSync(temp, { force: true });
          throw e;
        }
        return target;
      } finally {
        printer.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
