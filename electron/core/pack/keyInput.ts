// The keys of a verify, preview or import as a face sends them, made into what opens a pack. An
// identity file comes by its path (the desktop's open dialog) or as an upload (the browser face,
// which may not name files): it is read here, once, and an upload is removed at once, whether or
// not it opens anything, so no identity stays on this machine beyond the call that used it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ApiError } from '../../../shared/errors';
import type { PackSourceInput } from '../../../shared/packs';
import type { PackKeys } from './encrypted';
import type { PackJobs } from './jobs';

/** The largest identity file read (the contract's limit on an identity's text). */
const MAX_IDENTITY_BYTES = 64 * 1024;

function readIdentityFile(path: string, field: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_IDENTITY_BYTES) {
      throw new ApiError('INVALID_INPUT', `${field}: the file is larger than 64 KiB, so it is not an age identity file`, [{ field, message: 'is not an age identity file' }]);
    }
    const buf = Buffer.alloc(size);
    return buf.subarray(0, readSync(fd, buf, 0, size, 0)).toString('utf8');
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('NOT_FOUND', `${field}: cannot read the identity file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, [{ field, message: 'cannot be read' }]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The keys to open a pack with, an identity file read into its text; the upload that carried one is gone after. */
export function packKeysOf(keys: PackSourceInput['keys'], packs: Pick<PackJobs, 'sourcePath' | 'checkedPath' | 'discardUpload'>): PackKeys | undefined {
  if (!keys) return undefined;
  const { passphrase, identity, identityPath, identityUpload } = keys;
  if (identityUpload !== undefined) {
    try {
      return { passphrase, identity: readIdentityFile(packs.sourcePath({ upload: identityUpload }), 'keys.identityUpload') };
    } finally {
      packs.discardUpload(identityUpload);
    }
  }
  if (identityPath !== undefined) return { passphrase, identity: readIdentityFile(packs.checkedPath(identityPath, 'keys.identityPath'), 'keys.identityPath') };
  return { passphrase, identity };
}
