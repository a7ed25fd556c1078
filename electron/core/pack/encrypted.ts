// Encrypted packs (`<name>.zip.age`): a finished zip is encrypted into the export's destination,
// and an encrypted pack is decrypted into a private temporary file before it is read as any other
// (the zip reader needs random access to the central directory, which a cipher stream has not).
// Both directions stream in constant memory (age.ts). The keys and passphrases are used for the
// one job and never stored anywhere.
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ageDecryptor, ageEncryptor, AgeError, checkAgeHeader, isAgeHeader, MAX_HEADER, parseIdentities, type AgeOpensWith, type EncryptTo } from './age';

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

/**
 * Whether the pack at `path` is encrypted (by its header, whatever its name) and what opens it;
 * given keys, whether they do (problem null) or why not (a wrong key, a damaged header, a file that is
 * no identity file). Reads the header only: a wrong passphrase is told in the time scrypt takes,
 * before a gigabyte is decrypted.
 */
export async function packEncryption(path: string, keys?: PackKeys): Promise<{ encrypted: boolean; opensWith: AgeOpensWith | null; problem: string | null }> {
  if (!isAgeFile(path)) return { encrypted: false, opensWith: null, problem: null };
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(MAX_HEADER);
    head = buf.subarray(0, (await fh.read(buf, 0, buf.length, 0)).bytesRead);
  } finally {
    await fh.close();
  }
  const given = keys?.passphrase !== undefined || keys?.identity !== undefined;
  try {
    const identities = keys?.identity !== undefined ? parseIdentities(keys.identity, 'the identity file') : undefined;
    const r = await checkAgeHeader(head, given ? { identities, passphrase: keys?.passphrase } : undefined);
    return { encrypted: true, ...r };
  } catch (e) {
    if (e instanceof AgeError) return { encrypted: true, opensWith: 'unknown', problem: e.message };
    throw e;
  }
}

/** A private temporary folder (mode 0700, as mkdtemp makes it) for the plaintext of one job. */
export function privateTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'handover-age-'));
}

const STREAM = { highWaterMark: 256 * 1024 };

/**
 * The encryptor of one export, made before the zip work starts: a passphrase's scrypt (256 MiB at
 * age's work factor 18) then runs and frees its memory before the zip's buffers exist, so the two
 * peaks do not add up.
 */
export function packEncryptor(to: EncryptTo): Promise<Transform> {
  return ageEncryptor(to);
}

/** Encrypts the file `source` through `encryptor` into a new file `destination` (which must not exist), streamed and synced to disk. */
export async function encryptInto(source: string, destination: string, encryptor: Transform, signal?: AbortSignal): Promise<void> {
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
