// The files the pack commands take their keys from: --passphrase-file (the passphrase, one line)
// and --identity (an identity file as age-keygen writes it). Files, not arguments, so no secret
// shows in the shell's history or the process list. Read for the one command, never stored.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../shared/errors';
import { AgeError, parseIdentities } from '../core/pack/age';
import type { PackKeys } from '../core/pack/encrypted';

/** Larger than any passphrase or identity file: a wrong file named here is refused, not read whole. */
const MAX_KEY_FILE = 64 * 1024;

function readKeyFile(flag: string, file: string): string {
  const path = resolve(file);
  const refuse = (why: string) => new ApiError('INVALID_INPUT', `${flag} ${path}: ${why}`, [{ field: flag, message: why }]);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw refuse('no such file');
  }
  if (size > MAX_KEY_FILE) throw refuse(`is ${size} bytes, too large for a key file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (e) {
    throw refuse((e as NodeJS.ErrnoException).code ? `cannot be read (${(e as NodeJS.ErrnoException).code})` : 'is not UTF-8 text');
  }
  return text;
}

/** The passphrase in FILE: its first line, without the line ending (as `echo … > FILE` leaves it). */
export function readPassphraseFile(file: string): string {
  const text = readKeyFile('--passphrase-file', file);
  const passphrase = text.split(/\r?\n/)[0]!;
  if (passphrase === '') throw new ApiError('INVALID_INPUT', `--passphrase-file ${resolve(file)}: its first line is empty`, [{ field: '--passphrase-file', message: 'its first line is empty' }]);
  return passphrase;
}

/** The keys --identity (any number) and --passphrase-file name for reading an encrypted pack (undefined: none given). */
export function packKeysFrom(values: { identity?: string[] | undefined; 'passphrase-file'?: string | undefined }): PackKeys | undefined {
  if (values.identity === undefined && values['passphrase-file'] === undefined) return undefined;
  const identities = (values.identity ?? []).map((file) => {
    const text = readKeyFile('--identity', file);
    try {
      parseIdentities(text, `--identity ${resolve(file)}`); // checked here so the message names the file
    } catch (e) {
      if (e instanceof AgeError) throw new ApiError('INVALID_INPUT', e.message, [{ field: '--identity', message: e.message }]);
      throw e;
    }
    return text;
  });
  return {
    identity: identities.length ? identities.join('\n') : undefined,
    passphrase: values['passphrase-file'] !== undefined ? readPassphraseFile(values['passphrase-file']) : undefined,
  };
}
