// The backend's FaceDialogs and openFile inside the backend host: each is a request to main (which
// alone has Electron's dialogs and windows), answered over the port. Printing to PDF is split so the
// destination check stays here, next to the files: main picks the path, the host checks it, main
// prints to a temporary file beside it, the host checks again and renames it into place.
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FaceDialogs } from '../core/api/handlers';
import type { FaceRequest } from './host-protocol';

/** Sends one request to main and resolves with its answer (rejects with main's error). */
export type AskMain = (request: FaceRequest) => Promise<string | null>;

export function hostFaceDialogs(ask: AskMain): FaceDialogs {
  return {
    openPack: () => ask({ kind: 'openPack' }),
    openIdentity: () => ask({ kind: 'openIdentity' }),
    savePack: (name) => ask({ kind: 'savePack', name }),
    saveAttachment: (name) => ask({ kind: 'saveAttachment', name }),
    openSheet: () => ask({ kind: 'openSheet' }),
    saveTemplate: (name) => ask({ kind: 'saveTemplate', name }),
    saveCalendar: (name) => ask({ kind: 'saveCalendar', name }),
    async printToPdf(html, name, check, running) {
      const picked = await ask({ kind: 'savePdf', name });
      if (!picked) return null;
      const target = check(picked);
      const temp = await ask({ kind: 'printPdf', html, dir: dirname(target), running });
      if (!temp) throw new Error('The report could not be printed to PDF.');
      // Checked again just before the rename: the destination may have changed while it printed.
      try {
        check(target);
        renameSync(temp, target);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      return target;
    },
  };
}

/** The backend's openFile: main opens the file with the operating system's default application. */
export function hostOpenFile(ask: AskMain): (absPath: string) => Promise<void> {
  return async (path) => {
    await ask({ kind: 'openFile', path });
  };
}
