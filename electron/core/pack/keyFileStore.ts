// The signing key store of the browser face and the CLI: a key file beside the workbook,
// `<workbook>.signing-key`, readable and writable by its owner only (0600). Beside the workbook,
// not in the user's home: the key belongs to the workbook (each has its own), so every face that
// opens the workbook on this machine signs with the same key, and the file goes wherever the
// workbook's folder goes, as its attachment folder does. A key file that others can read is
// refused, not repaired: it may have been copied already, and the user should know.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync, fsyncSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import type { SigningKeyStore } from './signingKey';

const HEADER = 'Handover Workbook signing key';

export const keyFilePath = (workbookPath: string) => `${workbookPath}.signing-key`;

/** Whether modes mean anything here (Windows has none to check; its folders' ACLs hold instead). */
const POSIX = process.platform !== 'win32';

function checkPrivate(path: string): void {
  if (!POSIX) return;
  const s = statSync(path);
  if (!s.isFile()) throw new ApiError('FILE_ERROR', `The signing key ${path} is not a file.`);
  const mode = s.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ApiError('FILE_ERROR', `The signing key ${path} can be read or changed by other users (mode ${mode.toString(8).padStart(4, '0')}); it is not used. `
      + `If nobody else could have copied it, run: chmod 600 "${path}"; otherwise remove it, and the next export makes a new key (receivers will then see a changed key).`);
  }
  if (typeof process.getuid === 'function' && s.uid !== process.getuid()) {
    throw new ApiError('FILE_ERROR', `The signing key ${path} belongs to another user (uid ${s.uid}); it is not used.`);
  }
}

export const keyFileStore: SigningKeyStore = {
  kind: 'file',
  describe: (workbookPath) => `the key file ${keyFilePath(workbookPath)}`,
  async load(workbookPath, workbookId) {
    const path = keyFilePath(workbookPath);
    try {
      statSync(path);
    } catch {
      return null;
    }
    checkPrivate(path);
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    const m = lines[0]?.startsWith(HEADER) ? /workbook ([0-9a-f-]{36})/.exec(lines[0]) : null;
    if (!m || !/^[A-Za-z0-9+/]+={0,2}$/.test(lines[1] ?? '')) throw new ApiError('FILE_ERROR', `The signing key ${path} is not a Handover Workbook key file.`);
    if (m[1] !== workbookId) throw new ApiError('CONFLICT', `The signing key ${path} is the key of another workbook (${m[1]}); move it away, and the next export makes this workbook its own.`);
    return Buffer.from(lines[1]!, 'base64');
  },
  async save(workbookPath, workbookId, secret) {
    const path = keyFilePath(workbookPath);
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    // 0600 from its creation ('wx': a new file, never one that is already there), then renamed into place.
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, `${HEADER} of workbook ${workbookId}. Keep it private: whoever has it can sign packs as this workbook.\n${secret.toString('base64')}\n`);
      fsyncSync(fd);
      if (POSIX && (fstatSync(fd).mode & 0o077) !== 0) throw new ApiError('FILE_ERROR', `Could not make the signing key ${path} private to its owner.`);
    } catch (e) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw e;
    }
    closeSync(fd);
    renameSync(temp, path);
  },
};
