// The age v1 file format (https://age-encryption.org/v1), written with Node's own crypto: X25519
// recipients (`age1…`) and identities (`AGE-SECRET-KEY-1…`), scrypt passphrases, the header MAC and
// the ChaCha20-Poly1305 STREAM payload in 64 KiB chunks, each as a Node Transform so a pack of any
// size passes through in constant memory.
// Why not the `age-encryption` package (typage): it is not installed here, and it encrypts and
// decrypts whole buffers or WHATWG streams only; packs are Node streams of a gigabyte or more, and
// the format is small enough to implement exactly (the interop tests check it against Debian's age).
import {
  createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync,
  randomBytes, scrypt as scryptCb, timingSafeEqual, type KeyObject,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { promisify } from 'node:util';
import { bech32Decode, bech32Encode } from './bech32';

export { bech32Encode } from './bech32';

const scrypt = promisify(scryptCb) as (password: Buffer, salt: Buffer, keylen: number, opts: object) => Promise<Buffer>;

export const AGE_MAGIC = 'age-encryption.org/v1';
const CHUNK = 64 * 1024;
/** Bytes a payload stream buffers on each side: enough to keep the disk busy, little garbage to collect. */
const STREAM_BUFFER = 256 * 1024;
const TAG = 16;
const FILE_KEY = 16;
/** age's own default: about a second on a laptop (scrypt then needs 128 · 2^18 · 8 bytes = 256 MiB). */
export const SCRYPT_WORK_FACTOR = 18;
/** Refused above this when decrypting (a hostile header could ask for hours and gigabytes); age's limit too. */
const MAX_WORK_FACTOR = 22;
/** A header larger than this is not one we (or age) would write for a pack. */
export const MAX_HEADER = 1024 * 1024;
const X25519_INFO = 'age-encryption.org/v1/X25519';
const SCRYPT_SALT_LABEL = 'age-encryption.org/v1/scrypt';
// DER prefixes of raw 32-byte X25519 keys, so Node's KeyObjects can hold them.
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** A key or passphrase that does not open a file, or a file that is not intact age: the message says which. */
export class AgeError extends Error {
  override name = 'AgeError';
}

// ---- Keys ----------------------------------------------------------------------------------
export interface AgeIdentity {
  privateKey: KeyObject;
  /** The raw public key, part of the HKDF salt. */
  publicKey: Buffer;
}

const rawPublic = (k: KeyObject) => k.export({ format: 'der', type: 'spki' }).subarray(-32);

/** An `age1…` X25519 recipient's raw public key, or null when the text is not one. */
export function parseRecipient(text: string): Buffer | null {
  const key = bech32Decode(text.trim(), 'age');
  return key && key.length === 32 && text.trim() === text.trim().toLowerCase() ? key : null;
}

/** The identities of an identity file as `age-keygen` writes it (comments and blank lines skipped). */
export function parseIdentities(text: string, source: string): AgeIdentity[] {
  const out: AgeIdentity[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const key = bech32Decode(line, 'AGE-SECRET-KEY-');
    if (!key || key.length !== 32 || line !== line.toUpperCase()) {
      throw new AgeError(`${source} line ${i + 1}: is not an age identity (expected AGE-SECRET-KEY-1…, as age-keygen writes it)`);
    }
    const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, key]), format: 'der', type: 'pkcs8' });
    out.push({ privateKey, publicKey: rawPublic(createPublicKey(privateKey)) });
  });
  if (out.length === 0) throw new AgeError(`${source}: holds no age identity (AGE-SECRET-KEY-1… lines)`);
  return out;
}

/** A new identity file's text and its recipient (tests and the bench; users have age-keygen). */
export function generateIdentity(): { identity: string; recipient: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const secret = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  return { identity: `${bech32Encode('age-secret-key-', secret).toUpperCase()}\n`, recipient: bech32Encode('age', rawPublic(publicKey)) };
}

// ---- Primitives ----------------------------------------------------------------------------
const hkdf = (ikm: Buffer, salt: Buffer, info: string) => Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
const ZERO_NONCE = Buffer.alloc(12);

/** The ciphertext and its tag, as two buffers (the payload streams push them as they are: no copy). */
function sealParts(key: Buffer, nonce: Buffer, plain: Buffer): [Buffer, Buffer] {
  const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  const body = c.update(plain);
  c.final(); // a stream cipher: nothing is left to give
  return [body, c.getAuthTag()];
}

const seal = (key: Buffer, nonce: Buffer, plain: Buffer) => Buffer.concat(sealParts(key, nonce, plain));

/** The plaintext, or null when the ciphertext does not authenticate under this key and nonce. */
function open(key: Buffer, nonce: Buffer, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG) return null;
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    const plain = d.update(sealed.subarray(0, sealed.length - TAG));
    d.final(); // throws unless the tag matches; only then is the plaintext given out
    return plain;
  } catch {
    return null;
  }
}

/** Standard base64 without padding, the only form age accepts. */
const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

function unb64(s: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(s)) return null;
  const b = Buffer.from(s, 'base64');
  return b64(b) === s ? b : null; // canonical only: no stray bits, no padding
}

const scryptOpts = (wf: number) => ({ N: 2 ** wf, r: 8, p: 1, maxmem: 128 * 8 * 2 ** wf + 16 * 1024 * 1024 });

// ---- Header --------------------------------------------------------------------------------
interface Stanza {
  args: string[];
  body: Buffer;
}

function stanzaText(s: Stanza): string {
  const text = b64(s.body);
  const lines: string[] = [];
  for (let i = 0; i <= text.length; i += 64) lines.push(text.slice(i, i + 64)); // ends with a line shorter than 64, maybe empty
  return `-> ${s.args.join(' ')}\n${lines.join('\n')}\n`;
}

export interface EncryptTo {
  /** `age1…` X25519 recipients. */
  recipients?: string[];
  /** A passphrase (scrypt); age allows it only alone, never beside recipients. */
  passphrase?: string;
  /** Tests: a cheaper scrypt. */
  workFactor?: number;
}

/** What is wrong with these encryption settings (named by the field of the contract's `encryption`), or null. */
export function encryptToProblem(to: EncryptTo): { field: string; message: string } | null {
  const recipients = to.recipients ?? [];
  if (to.passphrase !== undefined && recipients.length) {
    return { field: 'encryption', message: 'give a passphrase or recipients, not both (an age file encrypted to a passphrase holds no other key)' };
  }
  if (to.passphrase === undefined && recipients.length === 0) return { field: 'encryption', message: 'give a passphrase or at least one recipient' };
  if (to.passphrase === '') return { field: 'encryption.passphrase', message: 'is empty' };
  const bad = recipients.findIndex((r) => !parseRecipient(r));
  if (bad >= 0) return { field: `encryption.recipients.${bad}`, message: `“${recipients[bad]!.slice(0, 80)}” is not an age public key (age1…)` };
  return null;
}

/** The header and the payload key for a new file key; throws AgeError for bad recipients. */
async function newHeader(to: EncryptTo): Promise<{ header: Buffer; payloadKey: Buffer; nonce: Buffer }> {
  const problem = encryptToProblem(to);
  if (problem) throw new AgeError(`${problem.field}: ${problem.message}`);
  const recipients = to.recipients ?? [];
  const fileKey = randomBytes(FILE_KEY);
  const stanzas: Stanza[] = [];
  if (to.passphrase !== undefined) {
    const wf = to.workFactor ?? SCRYPT_WORK_FACTOR;
    const salt = randomBytes(16);
    const key = await scrypt(Buffer.from(to.passphrase, 'utf8'), Buffer.concat([Buffer.from(SCRYPT_SALT_LABEL), salt]), 32, scryptOpts(wf));
    stanzas.push({ args: ['scrypt', b64(salt), String(wf)], body: seal(key, ZERO_NONCE, fileKey) });
  }
  recipients.forEach((r) => {
    const pub = parseRecipient(r)!;
    const eph = generateKeyPairSync('x25519');
    const share = rawPublic(eph.publicKey);
    const secret = diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey({ key: Buffer.concat([SPKI_X25519, pub]), format: 'der', type: 'spki' }) });
    const wrapKey = hkdf(secret, Buffer.concat([share, pub]), X25519_INFO);
    stanzas.push({ args: ['X25519', b64(share)], body: seal(wrapKey, ZERO_NONCE, fileKey) });
  });
  const text = `${AGE_MAGIC}\n${stanzas.map(stanzaText).join('')}---`;
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(text).digest();
  const nonce = randomBytes(16);
  return { header: Buffer.from(`${text} ${b64(mac)}\n`), payloadKey: hkdf(fileKey, nonce, 'payload'), nonce };
}

function parseHeader(text: string): { stanzas: Stanza[]; macInput: string; mac: Buffer } {
  const bad = (why: string) => new AgeError(`the encryption header is damaged (${why})`);
  const lines = text.split('\n');
  if (lines[0] !== AGE_MAGIC) throw bad('it does not start with age-encryption.org/v1');
  const stanzas: Stanza[] = [];
  let i = 1;
  for (;;) {
    const line = lines[i] ?? '';
    if (line.startsWith('--- ')) {
      const mac = unb64(line.slice(4));
      if (!mac || mac.length !== 32) throw bad('the MAC line is not valid');
      return { stanzas, macInput: `${lines.slice(0, i).join('\n')}\n---`, mac };
    }
    if (!line.startsWith('-> ')) throw bad(`line ${i + 1} is neither a stanza nor the MAC`);
    const args = line.slice(3).split(' ');
    if (args.some((a) => !/^[\x21-\x7e]+$/.test(a))) throw bad(`line ${i + 1} has an empty or non-printable argument`);
    const parts: Buffer[] = [];
    for (;;) {
      i++;
      const body = lines[i];
      if (body === undefined) throw bad('a stanza has no end');
      const bytes = body.length <= 64 ? unb64(body) : null;
      if (!bytes) throw bad(`line ${i + 1} is not base64 of at most 64 columns`);
      parts.push(bytes);
      if (body.length < 64) break;
    }
    i++;
    stanzas.push({ args, body: Buffer.concat(parts) });
  }
}

export interface DecryptWith {
  /** Identities from identity files (parseIdentities). */
  identities?: AgeIdentity[];
  passphrase?: string;
}

/** The file key the header wraps for one of these keys; AgeError saying why not. */
async function unwrap(stanzas: Stanza[], keys: DecryptWith): Promise<Buffer> {
  const scryptStanza = stanzas.find((s) => s.args[0] === 'scrypt');
  if (scryptStanza) {
    if (stanzas.length !== 1) throw new AgeError('the encryption header is damaged (a passphrase stanza beside others)');
    if (keys.passphrase === undefined) throw new AgeError('this pack is encrypted to a passphrase: give the passphrase');
    const [, saltText, wfText] = scryptStanza.args;
    const salt = unb64(saltText ?? '');
    if (scryptStanza.args.length !== 3 || !salt || salt.length !== 16 || !/^[1-9][0-9]?$/.test(wfText ?? '') || scryptStanza.body.length !== 32) {
      throw new AgeError('the encryption header is damaged (the passphrase stanza is malformed)');
    }
    const wf = Number(wfText);
    if (wf > MAX_WORK_FACTOR) throw new AgeError(`the passphrase stanza asks for scrypt work factor ${wf}, above the ${MAX_WORK_FACTOR} that is accepted`);
    const key = await scrypt(Buffer.from(keys.passphrase, 'utf8'), Buffer.concat([Buffer.from(SCRYPT_SALT_LABEL), salt]), 32, scryptOpts(wf));
    const fileKey = open(key, ZERO_NONCE, scryptStanza.body);
    if (!fileKey) throw new AgeError('the passphrase does not open this pack');
    return fileKey;
  }
  const x25519 = stanzas.filter((s) => s.args[0] === 'X25519');
  if (!keys.identities?.length) {
    throw new AgeError(x25519.length ? 'this pack is encrypted to public keys: give an identity file' : 'this pack is encrypted to keys of a kind this app does not know (only X25519 and passphrases)');
  }
  for (const s of x25519) {
    const share = s.args.length === 2 ? unb64(s.args[1]!) : null;
    if (!share || share.length !== 32 || s.body.length !== 32) throw new AgeError('the encryption header is damaged (an X25519 stanza is malformed)');
    for (const id of keys.identities) {
      let secret: Buffer;
      try {
        secret = diffieHellman({ privateKey: id.privateKey, publicKey: createPublicKey({ key: Buffer.concat([SPKI_X25519, share]), format: 'der', type: 'spki' }) });
      } catch {
        continue; // a low-order share gives the all-zero secret, which OpenSSL refuses: not ours
      }
      const fileKey = open(hkdf(secret, Buffer.concat([share, id.publicKey]), X25519_INFO), ZERO_NONCE, s.body);
      if (fileKey) return fileKey;
    }
  }
  throw new AgeError('none of the identities opens this pack');
}

/** The file key, once one of the keys unwraps it and the header's MAC holds; AgeError saying why not. */
async function headerFileKey({ stanzas, macInput, mac }: ReturnType<typeof parseHeader>, keys: DecryptWith): Promise<Buffer> {
  const fileKey = await unwrap(stanzas, keys);
  const expected = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(macInput, 'latin1').digest();
  if (!timingSafeEqual(expected, mac)) throw new AgeError('the encryption header was altered (its MAC does not match)');
  return fileKey;
}

/** What opens an age file: a passphrase, an identity file, or keys of a kind this app does not know. */
export type AgeOpensWith = 'passphrase' | 'identity' | 'unknown';

/**
 * Reads only the header at the start of `head` (an age file's first bytes): what kind of key it
 * needs and, given keys, whether they open it (problem null) or why not, before any payload is
 * decrypted. Throws AgeError when the header is damaged or does not end within `head`.
 */
export async function checkAgeHeader(head: Buffer, keys?: DecryptWith): Promise<{ opensWith: AgeOpensWith; problem: string | null }> {
  const macAt = head.indexOf('\n--- ');
  const end = macAt < 0 ? -1 : head.indexOf('\n', macAt + 5);
  if (end < 0) throw new AgeError('the encryption header is damaged or truncated (it has no end)');
  const header = parseHeader(head.subarray(0, end).toString('latin1'));
  const kinds = new Set(header.stanzas.map((s) => s.args[0]));
  const opensWith: AgeOpensWith = kinds.has('scrypt') ? 'passphrase' : kinds.has('X25519') ? 'identity' : 'unknown';
  if (!keys) return { opensWith, problem: null };
  try {
    await headerFileKey(header, keys);
    return { opensWith, problem: null };
  } catch (e) {
    if (e instanceof AgeError) return { opensWith, problem: e.message };
    throw e;
  }
}

// ---- Payload streams -----------------------------------------------------------------------
function chunkNonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(counter, 5, 6); // an 11-byte big-endian counter: 2^48 chunks is far beyond any pack
  n[11] = last ? 1 : 0;
  return n;
}

/**
 * Fills a chunk-sized buffer and hands out each full one only once more input arrives, because
 * the last chunk is sealed differently and is known to be last only at the end.
 */
abstract class Chunker extends Transform {
  protected buf: Buffer;
  protected filled = 0;
  protected counter = 0;
  constructor(size: number) {
    super({ readableHighWaterMark: STREAM_BUFFER, writableHighWaterMark: STREAM_BUFFER });
    this.buf = Buffer.allocUnsafe(size);
  }

  protected feed(data: Buffer): void {
    let off = 0;
    while (off < data.length) {
      if (this.filled === this.buf.length) {
        for (const part of this.chunk(this.buf, false)) this.push(part);
        this.counter++;
        this.filled = 0;
      }
      const n = Math.min(data.length - off, this.buf.length - this.filled);
      data.copy(this.buf, this.filled, off, off + n);
      this.filled += n;
      off += n;
    }
  }

  protected abstract chunk(bytes: Buffer, last: boolean): Buffer[];
}

class Encryptor extends Chunker {
  private started = false;
  constructor(private readonly header: Buffer, private readonly payloadKey: Buffer) {
    super(CHUNK);
  }

  private start() {
    if (!this.started) this.push(this.header);
    this.started = true;
  }

  override _transform(data: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.start();
    this.feed(data);
    cb();
  }

  override _flush(cb: TransformCallback): void {
    this.start();
    for (const part of this.chunk(this.buf.subarray(0, this.filled), true)) this.push(part);
    cb();
  }

  protected chunk(bytes: Buffer, last: boolean): Buffer[] {
    return sealParts(this.payloadKey, chunkNonce(this.counter, last), bytes);
  }
}

/** A Transform that writes an age file of what passes through it, to these recipients or this passphrase. */
export async function ageEncryptor(to: EncryptTo): Promise<Transform> {
  const { header, payloadKey, nonce } = await newHeader(to);
  return new Encryptor(Buffer.concat([header, nonce]), payloadKey);
}

class Decryptor extends Chunker {
  private head: Buffer | null = Buffer.alloc(0);
  private payloadKey: Buffer | null = null;
  constructor(private readonly keys: DecryptWith) {
    super(CHUNK + TAG);
  }

  override _transform(data: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.head === null) {
      this.feedChecked(data, cb);
      return;
    }
    this.head = Buffer.concat([this.head, data]);
    const macAt = this.head.indexOf('\n--- ');
    const end = macAt < 0 ? -1 : this.head.indexOf('\n', macAt + 5);
    // The header, then the 16-byte payload nonce.
    if (end < 0 || this.head.length < end + 1 + 16) {
      if (this.head.length > MAX_HEADER) cb(new AgeError('this is not an age file (no header end within 1 MiB)'));
      else cb();
      return;
    }
    const headerText = this.head.subarray(0, end).toString('latin1');
    const nonce = this.head.subarray(end + 1, end + 17);
    const rest = this.head.subarray(end + 17);
    this.head = null;
    void (async () => {
      const fileKey = await headerFileKey(parseHeader(headerText), this.keys);
      this.payloadKey = hkdf(fileKey, Buffer.from(nonce), 'payload');
    })().then(() => this.feedChecked(rest, cb), (e: unknown) => cb(e as Error));
  }

  private feedChecked(data: Buffer, cb: TransformCallback) {
    try {
      this.feed(data);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    if (this.head !== null || this.payloadKey === null) {
      cb(new AgeError(this.head !== null && this.head.indexOf('\n--- ') < 0 ? 'the encrypted pack is truncated (its header has no end)' : 'the encrypted pack is truncated'));
      return;
    }
    try {
      for (const part of this.chunk(this.buf.subarray(0, this.filled), true)) this.push(part);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  protected chunk(bytes: Buffer, last: boolean): Buffer[] {
    const key = this.payloadKey!;
    const plain = open(key, chunkNonce(this.counter, last), bytes);
    if (plain === null) {
      // A chunk that opens as a middle one at the end means the rest of the file is missing.
      if (last && open(key, chunkNonce(this.counter, false), bytes)) throw new AgeError('the encrypted pack is truncated (it ends before its last chunk)');
      throw new AgeError(`the encrypted pack is damaged or was altered (chunk ${this.counter + 1} does not authenticate)`);
    }
    if (last && plain.length === 0 && this.counter > 0) throw new AgeError('the encrypted pack is damaged (an empty last chunk)');
    return [plain];
  }
}

/** A Transform that takes an age file and gives its plaintext, failing with AgeError on a wrong key or any damage. */
export function ageDecryptor(keys: DecryptWith): Transform {
  return new Decryptor(keys);
}

/** Whether these first bytes begin an age file. */
export function isAgeHeader(first: Buffer): boolean {
  return first.subarray(0, AGE_MAGIC.length + 1).toString('latin1') === `${AGE_MAGIC}\n`;
}
