// Where the app may write a file the user named (a pack, a PDF, a sheet template, an exported
// attachment). A destination is resolved the way the operating system will resolve it (the folder
// through its symlinks, the file by device and inode, so hard links and case-insensitive file
// systems are seen through) and refused when it is, or would replace, something the user cannot
// afford to lose: a workbook (any SQLite database), its -wal/-shm/-journal, or anything inside an
// attachment folder. An existing file is replaced only when it is what this kind of export writes
// (a transition pack for packs) or when the user said so (`--force`, a save dialog that asked).
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, parse } from 'node:path';
import { ApiError } from '../../../shared/errors';
import { attachmentDir } from '../store/blobs';

export interface DestinationRules {
  /** The input field or CLI option named in errors, e.g. "destination" or "--out". */
  field: string;
  /** The extension the file must end in, with its dot (".zip", ".pdf"), any case. */
  extension: string;
  /** The open workbook: its files and attachment folder are never a destination. */
  workbookPath: string;
  /** The user agreed to replace an existing file (`--force`, or a save dialog that asked). */
  replace: boolean;
  /** Whether an existing file is one this export may replace without asking (e.g. an older pack). */
  replaceable?: (path: string) => boolean;
  /** How the refusal to replace is explained: what to do instead. */
  replaceHint?: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const WORKBOOK_SIDE_FILES = ['-wal', '-shm', '-journal'];

function refuse(field: string, message: string, code: 'INVALID_INPUT' | 'CONFLICT' = 'INVALID_INPUT'): never {
  throw new ApiError(code, `${field}: ${message}`, [{ field, message }]);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** The first bytes of a file, or an empty buffer when it cannot be read. */
export function headOf(path: string, length: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a file is an SQLite database (a workbook, ours or anyone's), whatever its name. */
export function isSqliteFile(path: string): boolean {
  return headOf(path, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

/** The files of a workbook that must never be written over. */
function protectedFiles(workbookPath: string): string[] {
  return [workbookPath, ...WORKBOOK_SIDE_FILES.map((s) => workbookPath + s)];
}

/** Whether `dir` (resolved) is an attachment folder or inside one: ours by identity, anyone's by name. */
function insideAttachmentFolder(dir: string, ours: Stats[]): boolean {
  for (let d = dir; ; d = dirname(d)) {
    // Windows drops trailing dots and spaces from a name: "x.attachments." is that folder there.
    if (basename(d).toLowerCase().replace(/[. ]+$/, '').endsWith('.attachments')) return true;
    if (ours.length) {
      const s = statOrNull(d);
      if (s && ours.some((o) => sameFile(s, o))) return true;
    }
    if (dirname(d) === d) return false;
  }
}

/**
 * Checks a destination against the rules and returns the path to write (its folder resolved
 * through symlinks). Throws an ApiError naming the field; checks are repeated by writers right
 * before they rename into place, so a file that appeared meanwhile is not replaced either.
 */
export function checkDestination(path: string, rules: DestinationRules): string {
  const { field } = rules;
  if (!isAbsolute(path)) refuse(field, 'must be an absolute path');
  if (extname(path).toLowerCase() !== rules.extension.toLowerCase()) refuse(field, `must end in ${rules.extension}`);
  const name = basename(path);
  if (name === rules.extension || name.startsWith('.') && parse(name).name === '') refuse(field, 'needs a file name');
  let folder: string;
  try {
    folder = realpathSync(dirname(path));
  } catch {
    refuse(field, `must be in an existing folder (${dirname(path)} does not exist)`);
  }
  if (!statSync(folder).isDirectory()) refuse(field, `must be in an existing folder (${dirname(path)} is not a folder)`);
  // Said before any work starts, in words about the folder (not about a temporary file's name).
  try {
    accessSync(folder, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    refuse(field, `cannot be written: the folder ${folder} is ${code === 'EROFS' ? 'on a read-only disk' : 'not writable for you'}; choose another folder`);
  }
  const target = join(folder, name);

  let workbook: string;
  try {
    workbook = realpathSync(rules.workbookPath);
  } catch {
    workbook = rules.workbookPath;
  }
  // The store sits beside the workbook as the app names it, which for a workbook opened through a
  // symlink is beside the link, not beside the file it resolves to: both are ours.
  const stores = [attachmentDir(workbook), attachmentDir(rules.workbookPath)].map(statOrNull).filter((st): st is Stats => st !== null && st.isDirectory());
  if (insideAttachmentFolder(folder, stores)) {
    refuse(field, 'is inside a workbook’s attachment folder; choose another folder');
  }
  const lowered = target.toLowerCase();
  for (const p of protectedFiles(workbook)) {
    if (p.toLowerCase() === lowered) refuse(field, 'is the workbook itself or one of its files; choose another name');
  }

  const existing = statOrNull(target);
  if (!existing) return target;
  if (existing.isDirectory()) refuse(field, 'is a folder, not a file');
  if (!existing.isFile()) refuse(field, 'exists and is not a regular file');
  for (const p of protectedFiles(workbook)) {
    const s = statOrNull(p);
    if (s && sameFile(s, existing)) refuse(field, 'is the workbook itself or one of its files (the same file under another name); choose another name');
  }
  if (isSqliteFile(target)) refuse(field, 'is a workbook (an SQLite database) and is never replaced; choose another name');
  if (WORKBOOK_SIDE_FILES.some((s) => lowered.endsWith(s))) refuse(field, 'looks like a workbook’s journal file and is never replaced');
  if (!rules.replace && !(rules.replaceable?.(target) ?? false)) {
    refuse(field, `${target} already exists; ${rules.replaceHint ?? 'choose another name'}`, 'CONFLICT');
  }
  return target;
}

/**
 * Writes a small file the user named (a calendar, a letter) so that a half-written one never stands
 * at the path: beside it under a temporary name, flushed, the destination checked again (a file
 * that appeared meanwhile is not replaced unasked), then renamed into place.
 */
export function writeDestination(target: string, data: string | Uint8Array, rules: DestinationRules): void {
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.${basename(target)}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    checkDestination(target, rules);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
