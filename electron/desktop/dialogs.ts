// The native dialogs of the File menu and the error box. Each returns a plain value, so the
// flows in main.ts read as steps.
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { join } from 'node:path';
import { WORKBOOK_EXTENSIONS } from './workbook';

const FILTERS: FileFilter[] = [
  { name: 'Handover workbooks', extensions: [...WORKBOOK_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

/** The file chosen for a new workbook, or null when cancelled. */
export async function askNewWorkbookPath(win: BrowserWindow | null, folder: string): Promise<string | null> {
  const options = {
    title: 'New workbook',
    buttonLabel: 'Create',
    defaultPath: join(folder, 'Handover workbook.sqlite'),
    filters: FILTERS,
    properties: ['createDirectory'] as ('createDirectory')[],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The workbook chosen to open, or null when cancelled. */
export async function askOpenWorkbookPath(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open workbook', buttonLabel: 'Open', filters: FILTERS, properties: ['openFile'] as ('openFile')[] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** An error the user must see; attached to the window when there is one. */
export function showError(win: BrowserWindow | null, title: string, detail: string): void {
  if (win && !win.isDestroyed()) {
    void dialog.showMessageBox(win, { type: 'error', title, message: title, detail, buttons: ['OK'] });
  } else {
    dialog.showErrorBox(title, detail);
  }
}

/**
 * The backend host ended unasked (crashed or was killed): says so and asks whether to start it
 * again on the same workbook. True for Restart, false for Quit.
 */
export async function askRestartBackend(win: BrowserWindow | null, workbookPath: string, exitCode: number): Promise<boolean> {
  const options = {
    type: 'error' as const,
    title: 'The workbook stopped',
    message: 'The part of Handover Workbook that reads and writes the workbook stopped unexpectedly.',
    detail: `${workbookPath}\n\nExit code ${exitCode}. Changes already saved are kept; the action in progress may not have finished. Restart opens the workbook again.`,
    buttons: ['Restart', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const r = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return r.response === 0;
}
