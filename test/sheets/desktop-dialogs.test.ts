// The desktop's dialogs for sheets, asked through the backend's FaceDialogs: "Choose file" opens
// the sheet open dialog (app.pickFile open-sheet) and its path is read where it is; a blank
// template is saved where the save dialog says (it asked before replacing), nothing when it is
// cancelled, and never over the workbook. Without dialogs (the browser face) nothing is written:
// the answer names the download route.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaceDialogs } from '../../electron/core/api/handlers';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';

let wb: TestWorkbook;
afterEach(() => wb.close());

const files = mkdtempSync(join(tmpdir(), 'hw-sheet-dialogs-'));
let picked: string | null = null;
const asked: string[] = [];
const dialogs: FaceDialogs = {
  openPack: async () => null,
  savePack: async () => null,
  saveAttachment: async () => null,
  printToPdf: async () => null,
  openSheet: async () => { asked.push('open'); return picked; },
  saveTemplate: async (name) => { asked.push(name); return picked; },
};

describe('sheet dialogs on the desktop', () => {
  it('picks a sheet in the open dialog and reads it from its path', async () => {
    wb = makeWorkbook({ dialogs });
    picked = join(files, 'register.csv');
    writeFileSync(picked, 'Name,Criticality\nPayroll,High\n');
    const { path } = await wb.call('app.pickFile', { purpose: 'open-sheet' });
    expect(path).toBe(picked);
    const s = await wb.call('sheets.inspect', { source: { path: path! }, kind: 'processes' });
    expect(s).toMatchObject({ fileName: 'register.csv', rowCount: 1 });
    picked = null;
    expect(await wb.call('app.pickFile', { purpose: 'open-sheet' })).toEqual({ path: null });
  });

  it('saves a blank template where the save dialog says, replacing the file it asked about', async () => {
    wb = makeWorkbook({ dialogs });
    asked.length = 0;
    picked = join(files, 'my-template.csv');
    writeFileSync(picked, 'old');
    const made = await wb.call('sheets.template', { kind: 'processes', format: 'csv' });
    expect(asked).toEqual(['handover-processes-template.csv']);
    expect(made).toEqual({ fileName: 'handover-processes-template.csv', path: picked, downloadPath: '' });
    expect(readFileSync(picked, 'utf8')).toMatch(/^Vendor,Name,Description,/);
  });

  it('writes nothing when the save dialog is cancelled, and refuses the workbook itself', async () => {
    wb = makeWorkbook({ dialogs });
    picked = null;
    expect(await wb.call('sheets.template', { kind: 'people', format: 'xlsx' })).toEqual({ fileName: 'handover-people-template.xlsx', path: '', downloadPath: '' });
    picked = wb.path.replace(/\.sqlite$/, '.xlsx');
    writeFileSync(picked, readFileSync(wb.path));
    const before = readFileSync(picked);
    expect((await wb.refuse('sheets.template', { kind: 'people', format: 'xlsx' })).code).toBe('INVALID_INPUT');
    expect(readFileSync(picked)).toEqual(before);
  });
});

describe('without dialogs (the browser face)', () => {
  it('writes no file and answers the download route', async () => {
    wb = makeWorkbook();
    const made = await wb.call('sheets.template', { kind: 'licences', format: 'xlsx' });
    expect(made).toEqual({ fileName: 'handover-licences-template.xlsx', path: '', downloadPath: '/sheets/template/licences.xlsx' });
    expect(existsSync(join(wb.dir, made.fileName))).toBe(false);
  });
});
