// Where a pack may be written (issue: `handover export --out` destroyed workbooks). A destination
// never resolves to a workbook, its -wal/-shm/-journal or an attachment folder, through symlinks or
// hard links, and an existing file that is not a pack is replaced only when the user said so.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { checkDestination } from '../../electron/core/services/destination';
import { attachmentDir } from '../../electron/core/store/blobs';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';
import { mountSmallDisk, readOnlyFolder } from '../backend/smallDisk';
import { fill } from './fixture';
import { makePackWorkbook } from './helpers';

let a: TestWorkbook;
let other: TestWorkbook;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
const exportTo = (dest: string, ...more: string[]) => runCli(['export', '--db', a.path, '--all', '--out', dest, ...more], io);

/** A read-only folder and a disk too small for the pack (null where the machine cannot make them). */
const readOnly = readOnlyFolder();
const full = mountSmallDisk(16);

beforeAll(async () => {
  a = makePackWorkbook(1);
  await fill(a);
  other = makeWorkbook();
  await other.call('vendor.create', { name: 'Other Vendor' });
});
afterAll(() => {
  a.close();
  other.close();
  readOnly?.unmount();
  full?.unmount();
});
beforeEach(() => {
  out = [];
  err = [];
});

const bytes = (p: string) => readFileSync(p).toString('base64');

describe('handover export --out', () => {
  it('refuses a destination that does not end in .zip as wrong usage, writing nothing', async () => {
    const before = bytes(other.path);
    expect(await exportTo(other.path)).toBe(2);
    expect(err.join('\n')).toMatch(/--out must end in \.zip/);
    expect(await exportTo(`${a.path}-wal`)).toBe(2);
    expect(bytes(other.path)).toBe(before);
  });

  it('never writes over another workbook, even one named like a pack', async () => {
    const disguised = join(other.dir, 'looks-like-a-pack.zip');
    copyFileSync(other.path, disguised);
    const before = bytes(disguised);
    expect(await exportTo(disguised, '--force')).toBe(1);
    expect(err.join('\n')).toMatch(/--out: is a workbook \(an SQLite database\)/);
    expect(bytes(disguised)).toBe(before);
  });

  it('sees through a hard link to the workbook being exported', async () => {
    const alias = join(a.dir, 'alias.zip');
    linkSync(a.path, alias);
    const before = statSync(a.path).size;
    expect(await exportTo(alias, '--force')).toBe(1);
    expect(err.join('\n')).toMatch(/the workbook itself or one of its files/);
    expect(statSync(a.path).size).toBe(before);
    expect(statSync(a.path).ino).toBe(statSync(alias).ino);
  });

  it('refuses a folder that is, through a symlink, the attachment folder', async () => {
    mkdirSync(attachmentDir(a.path), { recursive: true });
    const link = join(a.dir, 'innocent-folder');
    symlinkSync(attachmentDir(a.path), link);
    expect(await exportTo(join(link, 'pack.zip'))).toBe(1);
    expect(err.join('\n')).toMatch(/inside a workbook’s attachment folder/);
    expect(existsSync(join(attachmentDir(a.path), 'pack.zip'))).toBe(false);
  });

  it('does not replace a file that is not a pack unless --force is given', async () => {
    const notes = join(a.dir, 'notes.zip');
    writeFileSync(notes, 'my notes, not a zip');
    expect(await exportTo(notes)).toBe(1);
    expect(err.join('\n')).toMatch(/already exists; it is not a transition pack.*--force/);
    expect(readFileSync(notes, 'utf8')).toBe('my notes, not a zip');
    expect(await exportTo(notes, '--force')).toBe(0);
    expect(readFileSync(notes).subarray(0, 2).toString()).toBe('PK');
  });

  it('replaces an older pack of the same name without asking', async () => {
    const pack = join(a.dir, 'again.zip');
    expect(await exportTo(pack)).toBe(0);
    const first = statSync(pack).ino;
    expect(await exportTo(pack)).toBe(0);
    expect(statSync(pack).ino).not.toBe(first);
  });

  it('refuses the attachment folder of a workbook opened through a symlink, whatever the folder is called', async () => {
    // The store sits beside the name the workbook was opened by; here it is a link to a folder
    // whose own name says nothing.
    const real = join(a.dir, 'elsewhere');
    mkdirSync(join(real, 'store'), { recursive: true });
    const linked = join(real, 'linked.sqlite');
    a.backend.db.prepare('VACUUM INTO ?').run(join(real, 'book.sqlite'));
    symlinkSync(join(real, 'book.sqlite'), linked);
    symlinkSync(join(real, 'store'), attachmentDir(linked));
    expect(await runCli(['export', '--db', linked, '--all', '--no-attachments', '--out', join(real, 'store', 'pack.zip')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/--out: is inside a workbook’s attachment folder/);
    expect(readdirSync(join(real, 'store'))).toEqual([]);
  });

  it('refuses another workbook’s attachment folder spelled with trailing dots or spaces, as Windows reads it', async () => {
    for (const spelling of ['Other.ATTACHMENTS.', 'other.attachments. .']) {
      const dir = join(other.dir, spelling);
      mkdirSync(dir);
      expect(await exportTo(join(dir, 'pack.zip'))).toBe(1);
      expect(err.join('\n')).toMatch(/--out: is inside a workbook’s attachment folder/);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it.skipIf(readOnly === null)('refuses a folder it cannot write in before any work, naming the folder', async () => {
    const dir = readOnly!.dir;
    expect(await exportTo(join(dir, 'pack.zip'))).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`^--out: cannot be written: the folder ${dir} is (on a read-only disk|not writable for you); choose another folder$`));
  });

  it.skipIf(full === null)('says the disk is full, naming the folder, and leaves nothing there', async () => {
    const dir = full!.dir;
    expect(await exportTo(join(dir, 'pack.zip'))).toBe(1);
    expect(err.join('\n')).toBe(`The disk holding ${dir} is full; nothing was changed. Free some space and try again.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a destination folder that does not exist', async () => {
    expect(await exportTo(join(a.dir, 'missing', 'p.zip'))).toBe(1);
    expect(err.join('\n')).toMatch(/must be in an existing folder/);
  });
});

describe('pack.export destination (desktop face)', () => {
  it('refuses an existing file that is not a pack unless the save dialog asked the user', async () => {
    let chosen = '';
    const wb = makeWorkbook({
      dialogs: { openPack: async () => null, savePack: async () => chosen, printToPdf: async () => null, saveAttachment: async () => null, openSheet: async () => null, saveTemplate: async () => null },
    });
    try {
      await wb.call('vendor.create', { name: 'Acme' });
      const target = join(wb.dir, 'budget.zip');
      writeFileSync(target, 'spreadsheet bytes');
      const refused = await wb.refuse('pack.export', { all: true, destination: target });
      expect(refused.code).toBe('CONFLICT');
      expect(refused.issues?.[0]?.field).toBe('destination');
      expect(readFileSync(target, 'utf8')).toBe('spreadsheet bytes');

      chosen = target;
      expect(await wb.call('app.pickFile', { purpose: 'save-pack' })).toEqual({ path: target });
      const { jobId } = await wb.call('pack.export', { all: true, destination: target });
      for (let i = 0; i < 200; i++) {
        const s = await wb.call('pack.jobStatus', { jobId });
        if (s.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await wb.call('pack.jobStatus', { jobId })).state).toBe('done');
      expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');

      const wal = await wb.refuse('pack.export', { all: true, destination: `${wb.path}-wal` });
      expect(wal.issues?.[0]).toEqual({ field: 'destination', message: 'must end in .zip' });
    } finally {
      wb.close();
    }
  });
});

describe('checkDestination', () => {
  it('applies the same rules to other kinds of file', () => {
    const rules = { field: 'path', extension: '.pdf', workbookPath: other.path, replace: false };
    expect(() => checkDestination(join(other.dir, 'report.txt'), rules)).toThrow(/path: must end in \.pdf/);
    expect(() => checkDestination('relative.pdf', rules)).toThrow(/absolute/);
    expect(checkDestination(join(other.dir, 'report.pdf'), rules)).toBe(join(other.dir, 'report.pdf'));
    writeFileSync(join(other.dir, 'old.pdf'), 'x');
    expect(() => checkDestination(join(other.dir, 'old.pdf'), rules)).toThrow(/already exists/);
    expect(checkDestination(join(other.dir, 'old.pdf'), { ...rules, replace: true })).toBe(join(other.dir, 'old.pdf'));
  });
});
