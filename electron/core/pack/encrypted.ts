// Encrypted packs (`<name>.zip.age`): a finished zip is encrypted into the export's destination,
// and an encrypted pack is decrypted into a private temporary file before it is read as any other
// (the zip reader needs random access to the central directory, which a cipher stream has not).
// Both directions stream in constant memory (age.ts). The keys and passphrases are used for the
// one job and never stored anywhere.
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ageDecryptor, ageEncryptor, AgeError, isAgeHeader, parseIdentities, type EncryptTo } from './age';

export type { EncryptTo } from './age';
export { AgeError } from './age';

/** What opens an encrypted pack: a passphrase and/or the text of an identity file (AGE-SECRET-KEY-1… lines). */
export interface PackKeys {
  passphrase?: string | undefined;
  identity?: string | undefined;
}

/** Whether the file at `path` is an age file (by its first line). */
export function isAgeFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(32);
    return isAgeHeader(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A private temporary folder (mode 0700, as mkdtemp makes it) for the plaintext of one job. */
export function privateTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'handover-age-'));
}

const STREAM = { highWaterMark: 256 * 1024 };

/** Encrypts the file `source` into a new file `destination` (which must not exist), streamed and synced to disk. */
export async function encryptInto(source: string, destination: string, to: EncryptTo, signal?: AbortSignal): Promise<void> {
  const encryptor = await ageEncryptor(to);
  await pipeline(createReadStream(source, STREAM), encryptor, createWriteStream(destination, { ...STREAM, flags: 'wx' }), { signal });
  const fh = await open(destination, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface OpenedPack {
  /** The plain zip to read: the pack itself, or its decrypted copy. */
  path: string;
  encrypted: boolean;
  /** Removes the decrypted copy (call it in every path). */
  dispose: () => Promise<void>;
}

/**
 * The pack as a plain zip. An age file is decrypted with `keys` into a private temporary file;
 * throws AgeError (saying which key is missing or wrong, or what is damaged) and leaves nothing
 * behind. A plain pack is answered as it is, whatever keys came with it.
 */
export async function openedPack(path: string, keys: PackKeys | undefined, signal?: AbortSignal): Promise<OpenedPack> {
  if (!isAgeFile(path)) return { path, encrypted: false, dispose: async () => undefined };
  if (keys?.passphrase === undefined && keys?.identity === undefined) {
    throw new AgeError('this pack is encrypted (.zip.age): give the passphrase or the identity file that opens it');
  }
  const identities = keys.identity !== undefined ? parseIdentities(keys.identity, 'the identity file') : undefined;
  const dir = await privateTempDir();
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const plain = join(dir, 'pack.zip');
    await pipeline(
      createReadStream(path, STREAM), ageDecryptor({ identities, passphrase: keys.passphrase }), createWriteStream(plain, { ...STREAM, flags: 'wx', mode: 0o600 }),
      { signal },
    );
    return { path: plain, encrypted: true, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
