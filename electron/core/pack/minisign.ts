// The minisign format (https://jedisct1.github.io/minisign/), so that Debian's `minisign -V`
// checks a pack's manifest with the workbook's public key and nothing of ours installed:
//   public key: "untrusted comment: …", then base64('Ed' ‖ key id (8) ‖ Ed25519 public key (32));
//   signature:  "untrusted comment: …", base64('ED' ‖ key id ‖ Ed25519(BLAKE2b-512(message))),
//               "trusted comment: …", base64(Ed25519(signature ‖ trusted comment)).
// 'ED' is the prehashed variant (minisign's default since 0.8): the message is hashed first, so a
// manifest of any size signs in one pass. The key id is shown as minisign shows it: the 8 bytes
// read as a little-endian number, in upper-case hex.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const PK_ALG = Buffer.from('Ed');
const SIG_ALG = Buffer.from('ED');
/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32 bytes follow. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** DER prefix of an Ed25519 PKCS#8 private key; the 32-byte seed follows. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;

export class MinisignError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MinisignError';
  }
}

export interface MinisignPublicKey {
  keyId: Buffer;
  /** The raw 32-byte Ed25519 public key. */
  key: Buffer;
}

/** The key id as minisign prints it (e.g. 8C81E2FDA7499770). */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** The base64 line `minisign -P` takes. */
export function publicKeyLine(pk: MinisignPublicKey): string {
  return Buffer.concat([PK_ALG, pk.keyId, pk.key]).toString('base64');
}

/** A public key file as `minisign -G` writes it. */
export function publicKeyFile(pk: MinisignPublicKey): string {
  return `untrusted comment: minisign public key ${keyIdHex(pk.keyId)}\n${publicKeyLine(pk)}\n`;
}

export function parsePublicKeyLine(line: string): MinisignPublicKey {
  const text = line.trim();
  const raw = BASE64_LINE.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (raw.length !== 42 || !raw.subarray(0, 2).equals(PK_ALG)) throw new MinisignError('is not a minisign Ed25519 public key (base64 of "Ed", an 8-byte key id and 32 bytes)');
  return { keyId: raw.subarray(2, 10), key: raw.subarray(10) };
}

export function rawPublicKey(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

export function privateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new MinisignError('an Ed25519 secret key is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function seedOf(privateKey: KeyObject): Buffer {
  return privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
}

const publicKeyObject = (raw: Buffer) => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
const blake2b = (message: Buffer) => createHash('blake2b512').update(message).digest();

/** One line: minisign refuses a comment with a line break, and so would the file's layout. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** The .minisig file for `message`. */
export function signMinisign(message: Buffer, secret: KeyObject, keyId: Buffer, trustedComment: string, untrustedComment = 'signature from minisign secret key'): string {
  const trusted = oneLine(trustedComment);
  const signature = sign(null, blake2b(message), secret);
  const global = sign(null, Buffer.concat([signature, Buffer.from(trusted)]), secret);
  return `untrusted comment: ${oneLine(untrustedComment)}\n${Buffer.concat([SIG_ALG, keyId, signature]).toString('base64')}\ntrusted comment: ${trusted}\n${global.toString('base64')}\n`;
}

export interface ParsedSignature {
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

export function parseMinisig(text: string): ParsedSignature {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const [untrusted, sigLine, trustedLine, globalLine] = lines;
  if (!untrusted?.startsWith('untrusted comment:') || !trustedLine?.startsWith('trusted comment: ')) {
    throw new MinisignError('is not a minisign signature (expected an "untrusted comment:" line, the signature, a "trusted comment:" line and the comment\'s signature)');
  }
  const sig = sigLine && BASE64_LINE.test(sigLine) ? Buffer.from(sigLine, 'base64') : Buffer.alloc(0);
  const global = globalLine && BASE64_LINE.test(globalLine) ? Buffer.from(globalLine, 'base64') : Buffer.alloc(0);
  if (sig.length !== 74 || global.length !== 64) throw new MinisignError('is not a minisign signature (its signature lines have the wrong length)');
  if (!sig.subarray(0, 2).equals(SIG_ALG)) throw new MinisignError(`uses the signature algorithm "${sig.subarray(0, 2).toString('latin1')}"; packs are signed with "ED" (prehashed Ed25519)`);
  return { keyId: sig.subarray(2, 10), signature: sig.subarray(10), trustedComment: trustedLine.slice('trusted comment: '.length), globalSignature: global };
}

/** Checks a signature as `minisign -V` does; throws a MinisignError saying what is wrong. */
export function verifyMinisign(message: Buffer, sig: ParsedSignature, pk: MinisignPublicKey): void {
  if (!sig.keyId.equals(pk.keyId)) throw new MinisignError(`was made with key ${keyIdHex(sig.keyId)}, not with the pack's key ${keyIdHex(pk.keyId)}`);
  const key = publicKeyObject(pk.key);
  if (!verify(null, blake2b(message), key, sig.signature)) throw new MinisignError('does not match manifest.json: the manifest was changed after it was signed');
  if (!verify(null, Buffer.concat([sig.signature, Buffer.from(sig.trustedComment)]), key, sig.globalSignature)) {
    throw new MinisignError('has a trusted comment that was changed after it was signed');
  }
}

/** A short, stable name of a public key: SHA-256 of its 32 bytes, the first 16 in groups of four hex digits. */
export function fingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}
