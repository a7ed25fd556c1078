// The shell's dialogs and PDF printing, with Electron faked: the print window runs no script in a
// session of its own, and the PDF lands under the chosen name only when complete. The backend
// host's FaceDialogs (host-faces.ts) ask main's shell faces (face-dialogs.ts) directly here, as
// they do over the port: the same requests, the same answers.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShellFaces } from '../../electron/desktop/face-dialogs';
import { hostFaceDialogs } from '../../electron/desktop/host-faces';

const fake = vi.hoisted(() => {
  const state = {
    saveResult: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
    openResult: { canceled: false, filePaths: [] as string[] },
    windows: [] as { options: Record<string, unknown>; loaded: string | null; destroyed: boolean }[],
    failPrint: false,
    printOptions: [] as Record<string, unknown>[],
    saveOptions: [] as Record<string, unknown>[],
    openOptions: [] as Record<string, unknown>[],
  };
  class FakeBrowserWindow {
    record: { options: Record<string, unknown>; loaded: string | null; destroyed: boolean };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null, destroyed: false };
      state.windows.push(this.record);
    }
    async loadFile(path: string) { this.record.loaded = readFileSync(path, 'utf8'); }
    webContents = {
      printToPDF: async (options: Record<string, unknown>) => {
        state.printOptions.push(options);
        if (state.failPrint) throw new Error('printer on fire');
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    destroy() { this.record.destroyed = true; }
  }
  return { state, FakeBrowserWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  dialog: {
    showSaveDialog: async (options: Record<string, unknown>) => {
      fake.state.saveOptions.push(options);
      return fake.state.saveResult;
    },
    showOpenDialog: async (options: Record<string, unknown>) => {
      fake.state.openOptions.push(options);
      return fake.state.openResult;
    },
  },
}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-face-'));
  fake.state.windows = [];
  fake.state.failPrint = false;
  fake.state.printOptions = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('desktop dialogs for the backend', () => {
  const openPath = vi.fn(async (_path: string) => '');
  const shell = () => createShellFaces(() => null, () => dir, openPath);
  const dialogs = () => hostFaceDialogs(shell());
  const accept = (p: string) => p;
  const running = { title: 'Exit report — Northwind <Ops>', date: '2026-03-01' };

  it('prints nothing to a destination the backend refuses (a workbook, say)', async () => {
    const target = join(dir, 'workbook.pdf');
    writeFileSync(target, 'SQLite format 3\0 pretend');
    fake.state.saveResult = { canceled: false, filePath: target };
    const refuse = () => { throw new Error('path: is a workbook'); };
    await expect(dialogs().printToPdf('<html></html>', 'r.pdf', refuse, running)).rejects.toThrow('is a workbook');
    expect(fake.state.windows).toHaveLength(0);
    expect(readFileSync(target, 'utf8')).toBe('SQLite format 3\0 pretend');
  });

  it('returns the chosen pack paths, or null when cancelled', async () => {
    fake.state.openResult = { canceled: false, filePaths: ['/x/pack.zip'] };
    expect(await dialogs().openPack()).toBe('/x/pack.zip');
    fake.state.openResult = { canceled: true, filePaths: [] };
    expect(await dialogs().openPack()).toBeNull();
    fake.state.saveResult = { canceled: false, filePath: '/x/out.zip' };
    expect(await dialogs().savePack('a.zip')).toBe('/x/out.zip');
    fake.state.saveResult = { canceled: true };
    expect(await dialogs().savePack('a.zip')).toBeNull();
  });

  it('encrypted packs: saved with the .age filter, opened beside plain ones, and an identity file picked to open them', async () => {
    fake.state.saveOptions = [];
    fake.state.openOptions = [];
    fake.state.saveResult = { canceled: false, filePath: '/x/out.zip.age' };
    expect(await dialogs().savePack('handover-pack-acme-2026-03-01.zip.age')).toBe('/x/out.zip.age');
    expect(fake.state.saveOptions[0]).toMatchObject({
      title: 'Export encrypted transition pack', defaultPath: join(dir, 'handover-pack-acme-2026-03-01.zip.age'), filters: [{ name: 'Encrypted transition packs', extensions: ['age'] }, { name: 'All files', extensions: ['*'] }],
    });
    await dialogs().savePack('plain.zip');
    expect(fake.state.saveOptions[1]).toMatchObject({ title: 'Export transition pack', filters: [{ name: 'Transition packs', extensions: ['zip'] }, { name: 'All files', extensions: ['*'] }] });
    fake.state.openResult = { canceled: false, filePaths: ['/x/in.zip.age'] };
    expect(await dialogs().openPack()).toBe('/x/in.zip.age');
    expect((fake.state.openOptions[0]!.filters as { extensions: string[] }[])[0]!.extensions).toEqual(['zip', 'age']);
    fake.state.openResult = { canceled: false, filePaths: ['/x/key.txt'] };
    expect(await dialogs().openIdentity!()).toBe('/x/key.txt');
    expect(fake.state.openOptions[1]).toMatchObject({ title: 'Open the identity file of an encrypted pack', properties: ['openFile'] });
    fake.state.openResult = { canceled: true, filePaths: [] };
    expect(await dialogs().openIdentity!()).toBeNull();
  });

  it('opens a spreadsheet for the sheet import, offering CSV, TSV, text and XLSX files', async () => {
    fake.state.openOptions = [];
    fake.state.openResult = { canceled: false, filePaths: ['/x/register.xlsx'] };
    expect(await dialogs().openSheet()).toBe('/x/register.xlsx');
    expect(fake.state.openOptions[0]).toMatchObject({ title: 'Import a spreadsheet', properties: ['openFile'] });
    expect((fake.state.openOptions[0]!.filters as { extensions: string[] }[])[0]!.extensions).toEqual(['csv', 'tsv', 'txt', 'xlsx']);
    fake.state.openResult = { canceled: true, filePaths: [] };
    expect(await dialogs().openSheet()).toBeNull();
  });

  it('asks where to save a blank template, in its format, asking before it replaces a file', async () => {
    fake.state.saveOptions = [];
    fake.state.saveResult = { canceled: false, filePath: '/x/t.xlsx' };
    expect(await dialogs().saveTemplate('handover-processes-template.xlsx')).toBe('/x/t.xlsx');
    expect(fake.state.saveOptions[0]).toMatchObject({
      title: 'Save blank template', defaultPath: join(dir, 'handover-processes-template.xlsx'), filters: [{ name: 'Excel workbooks', extensions: ['xlsx'] }],
    });
    expect(fake.state.saveOptions[0]!.properties).toContain('showOverwriteConfirmation');
    await dialogs().saveTemplate('handover-people-template.csv');
    expect(fake.state.saveOptions[1]).toMatchObject({ filters: [{ name: 'CSV files', extensions: ['csv'] }] });
    fake.state.saveResult = { canceled: true };
    expect(await dialogs().saveTemplate('t.csv')).toBeNull();
  });

  it('asks where to save a calendar, offering .ics files, asking before it replaces a file', async () => {
    fake.state.saveOptions = [];
    fake.state.saveResult = { canceled: false, filePath: '/x/cal.ics' };
    expect(await dialogs().saveCalendar!('handover-northwind.ics')).toBe('/x/cal.ics');
    expect(fake.state.saveOptions[0]).toMatchObject({
      title: 'Export calendar', defaultPath: join(dir, 'handover-northwind.ics'), filters: [{ name: 'iCalendar files', extensions: ['ics'] }],
    });
    expect(fake.state.saveOptions[0]!.properties).toContain('showOverwriteConfirmation');
    fake.state.saveResult = { canceled: true };
    expect(await dialogs().saveCalendar!('c.ics')).toBeNull();
    const { parseFromHost } = await import('../../electron/desktop/host-messages');
    const request = { kind: 'saveCalendar', name: 'handover-deadlines.ics' };
    expect(parseFromHost({ type: 'face', id: 8, request })).toEqual({ message: { type: 'face', id: 8, request } });
  });

  it('asks where to save an attachment under its own name, any file type, asking before it replaces a file', async () => {
    fake.state.saveOptions = [];
    fake.state.saveResult = { canceled: false, filePath: '/x/minutes.docx' };
    expect(await dialogs().saveAttachment('minutes.docx')).toBe('/x/minutes.docx');
    expect(fake.state.saveOptions[0]).toMatchObject({ title: 'Save attachment', defaultPath: join(dir, 'minutes.docx'), filters: [{ name: 'All files', extensions: ['*'] }] });
    expect(fake.state.saveOptions[0]!.properties).toContain('showOverwriteConfirmation');
    fake.state.saveResult = { canceled: true };
    expect(await dialogs().saveAttachment('minutes.docx')).toBeNull();
  });

  it('prints the report in a script-less window of its own session and writes the PDF', async () => {
    const target = join(dir, 'report.pdf');
    fake.state.saveResult = { canceled: false, filePath: target };
    expect(await dialogs().printToPdf('<html><body><h1>Exit report</h1></body></html>', 'report.pdf', accept, running)).toBe(target);
    const w = fake.state.windows[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false, partition: 'handover-print' });
    expect(w.loaded).toContain('Exit report');
    expect(w.destroyed).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
    // A4 with the report's name, date and page numbers on every page, drawn by the printer.
    const o = fake.state.printOptions[0]!;
    expect(o).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true });
    expect(o.headerTemplate).toContain('Exit report — Northwind &lt;Ops&gt;');
    expect(o.headerTemplate).toContain('2026-03-01');
    expect(o.footerTemplate).toMatch(/<span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
  });

  it('writes nothing when cancelled or when printing fails', async () => {
    fake.state.saveResult = { canceled: true };
    expect(await dialogs().printToPdf('<html></html>', 'r.pdf', accept, running)).toBeNull();
    expect(fake.state.windows).toHaveLength(0);
    const target = join(dir, 'r.pdf');
    fake.state.saveResult = { canceled: false, filePath: target };
    fake.state.failPrint = true;
    await expect(dialogs().printToPdf('<html></html>', 'r.pdf', accept, running)).rejects.toThrow('printer on fire');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(fake.state.windows[0]!.destroyed).toBe(true);
  });

  it('prints to a new temporary file in the folder asked for, and the host renames it into place', async () => {
    const temp = await shell()({ kind: 'printPdf', html: '<html></html>', dir, running });
    expect(dirname(temp!)).toBe(dir);
    expect(basename(temp!)).toMatch(/^\.[0-9a-f]{12}\.pdf\.tmp$/);
    expect(readFileSync(temp!, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('removes the printed file when the destination is refused just before the rename', async () => {
    const target = join(dir, 'r.pdf');
    fake.state.saveResult = { canceled: false, filePath: target };
    let checks = 0;
    // Accepted when picked, refused once printed (say a workbook was put there meanwhile).
    const changedMeanwhile = (p: string) => {
      if (++checks > 1) throw new Error('path: is a workbook');
      return p;
    };
    await expect(dialogs().printToPdf('<html></html>', 'r.pdf', changedMeanwhile, running)).rejects.toThrow('is a workbook');
    expect(fake.state.windows).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('opens a file with the system, and says why when it could not', async () => {
    expect(await shell()({ kind: 'openFile', path: '/x/minutes.pdf' })).toBeNull();
    expect(openPath).toHaveBeenCalledWith('/x/minutes.pdf');
    openPath.mockResolvedValueOnce('No application is registered to open PDF files');
    await expect(shell()({ kind: 'openFile', path: '/x/minutes.pdf' })).rejects.toThrow('No application is registered');
  });
});

describe('the sheet dialogs cross the port', () => {
  it('main takes the host’s requests for the sheet open and template save dialogs as protocol messages', async () => {
    const { parseFromHost } = await import('../../electron/desktop/host-messages');
    for (const request of [{ kind: 'openSheet' }, { kind: 'saveTemplate', name: 'handover-processes-template.csv' }, { kind: 'openIdentity' }]) {
      expect(parseFromHost({ type: 'face', id: 7, request })).toEqual({ message: { type: 'face', id: 7, request } });
    }
    expect(parseFromHost({ type: 'face', id: 7, request: { kind: 'saveTemplate' } })).toHaveProperty('problem');
  });
});
