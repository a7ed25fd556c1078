// Encrypted packs (age v1): the format against itself at every chunk boundary, wrong keys and
// damaged ciphertext refused with what went wrong, packs that leave no plaintext behind, the CLI's
// flags, and interop with Debian's `age` both ways (recipients, and passphrases through a pty).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { ageDecryptor, ageEncryptor, bech32Encode, generateIdentity, parseIdentities, type DecryptWith, type EncryptTo } from '../../electron/core/pack/age';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { dbSnapshot, makePackWorkbook, treeSnapshot } from './helpers';

const CHUNK = 64 * 1024;
/** Cheap scrypt for the format tests; the CLI uses age's own 18. */
const FAST = 10;

async function encrypt(plain: Buffer, to: EncryptTo): Promise<Buffer> {
  return buffer(Readable.from([plain]).pipe(await ageEncryptor(to)));
}

/** Fed in small pieces, so header and chunk boundaries fall inside writes. */
async function decrypt(sealed: Buffer, keys: DecryptWith): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < sealed.length; i += 7001) pieces.push(sealed.subarray(i, i + 7001));
  const d = ageDecryptor(keys);
  const out = buffer(d);
  for (const p of pieces) d.write(p);
  d.end();
  return out;
}

const alice = generateIdentity();
const bob = generateIdentity();
const aliceKeys = { identities: parseIdentities(alice.identity, 'alice') };

describe('the age format', () => {
  it('round-trips every size around the 64 KiB chunks, to recipients and to a passphrase', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5]) {
      const plain = randomBytes(size);
      const toKeys = await encrypt(plain, { recipients: [bob.recipient, alice.recipient] });
      expect(toKeys.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
      expect((await decrypt(toKeys, aliceKeys)).equals(plain)).toBe(true);
      const toPass = await encrypt(plain, { passphrase: 'correct horse', workFactor: FAST });
      expect((await decrypt(toPass, { passphrase: 'correct horse' })).equals(plain)).toBe(true);
    }
  });

  it('says when the passphrase or the identities do not open it', async () => {
    const toPass = await encrypt(Buffer.from('x'), { passphrase: 'right', workFactor: FAST });
    await expect(decrypt(toPass, { passphrase: 'wrong' })).rejects.toThrow('the passphrase does not open this pack');
    await expect(decrypt(toPass, aliceKeys)).rejects.toThrow('this pack is encrypted to a passphrase: give the passphrase');
    const toBob = await encrypt(Buffer.from('x'), { recipients: [bob.recipient] });
    await expect(decrypt(toBob, aliceKeys)).rejects.toThrow('none of the identities opens this pack');
    await expect(decrypt(toBob, { passphrase: 'p' })).rejects.toThrow('this pack is encrypted to public keys: give an identity file');
  });

  it('refuses truncated, altered and re-headed ciphertext', async () => {
    const plain = randomBytes(3 * CHUNK);
    const sealed = await encrypt(plain, { recipients: [alice.recipient] });
    const payloadAt = sealed.length - 3 * (CHUNK + 16);
    // Cut right after the second chunk: what is left authenticates, but the last chunk is missing.
    await expect(decrypt(sealed.subarray(0, payloadAt + 2 * (CHUNK + 16)), aliceKeys)).rejects.toThrow('truncated');
    await expect(decrypt(sealed.subarray(0, sealed.length - 100), aliceKeys)).rejects.toThrow('chunk 3 does not authenticate');
    await expect(decrypt(sealed.subarray(0, payloadAt - 5), aliceKeys)).rejects.toThrow('truncated');
    const flipped = Buffer.from(sealed);
    flipped[payloadAt + CHUNK + 100]! ^= 1;
    await expect(decrypt(flipped, aliceKeys)).rejects.toThrow('chunk 2 does not authenticate');
    await expect(decrypt(Buffer.concat([sealed, Buffer.from('more')]), aliceKeys)).rejects.toThrow('does not authenticate');
    // A second stanza spliced in keeps the file key reachable but breaks the header MAC.
    const text = sealed.toString('latin1');
    const stanza = text.slice(text.indexOf('-> '), text.indexOf('\n---') + 1);
    const reheaded = Buffer.from(text.replace(stanza, stanza + stanza), 'latin1');
    await expect(decrypt(reheaded, aliceKeys)).rejects.toThrow('the encryption header was altered');
    await expect(decrypt(Buffer.from('age-encryption.org/v1\n-> X25519\n'), aliceKeys)).rejects.toThrow('truncated');
  });

  it('refuses a passphrase beside recipients, and keys that are not keys', async () => {
    await expect(ageEncryptor({ passphrase: 'p', recipients: [alice.recipient] })).rejects.toThrow('not both');
    await expect(ageEncryptor({ recipients: ['age1notakey'] })).rejects.toThrow('encryption.recipients.0');
    expect(() => parseIdentities('# a comment\n\nAGE-SECRET-KEY-1NOPE\n', 'keys.txt')).toThrow('keys.txt line 3: is not an age identity');
    expect(() => parseIdentities('# only a comment\n', 'keys.txt')).toThrow('keys.txt: holds no age identity');
  });

  it('encodes Bech32 as BIP 173 does', () => {
    // BIP 173's own valid test string: hrp "a", no data.
    expect(bech32Encode('a', Buffer.alloc(0))).toBe('a12uel5l');
  });
});

// ---- packs ----------------------------------------------------------------------------------
let a: TestWorkbook;
let b: TestWorkbook;
let fx: Fixture;
let out: string[];
let err: string[];
let tmp: string;
let savedTmp: string | undefined;
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
/** Temporary plaintext this test's exports and reads left in the system's temp folder. */
const leftPlaintext = () => readdirSync(tmp).filter((n) => n.startsWith('handover-age-'));

beforeAll(async () => {
  // A temp folder of our own, so what an encrypted export or read leaves there can be seen.
  savedTmp = process.env.TMPDIR;
  tmp = mkdtempSync(join(tmpdir(), 'age-test-tmp-'));
  process.env.TMPDIR = tmp;
  a = makePackWorkbook(1);
  fx = await fill(a);
  b = makePackWorkbook(2);
});
afterAll(() => {
  a.close();
  b.close();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  out = [];
  err = [];
});

function keyFile(name: string, text: string): string {
  const path = join(a.dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

describe('encrypted packs', () => {
  it('export to a recipient, verify and import with the identity; no plaintext left anywhere', async () => {
    const dir = join(a.dir, 'out-recipient');
    mkdirSync(dir);
    const pack = join(dir, 'acme.zip.age');
    expect(await runCli(['export', '--db', a.path, '--vendor', fx.vendorA, '--out', pack, '--recipient', alice.recipient], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Pack written: .*acme\.zip\.age .*encrypted/);
    expect(readdirSync(dir)).toEqual(['acme.zip.age']);
    expect(readFileSync(pack).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    const id = keyFile('alice.txt', `# created: now\n# public key: ${alice.recipient}\n${alice.identity}`);
    out = [];
    expect(await runCli(['verify', pack, '--identity', id], io)).toBe(0);
    expect(out.join('\n')).toMatch(/intact\. \d+ files/);
    expect(await runCli(['import', '--db', b.path, pack, '--identity', id], io)).toBe(0);
    expect(b.backend.db.prepare('SELECT count(*) FROM vendors WHERE id = ?').pluck().get(fx.vendorA)).toBe(1);
    expect(leftPlaintext()).toEqual([]);
  });

  it('a wrong identity or passphrase says so, changes nothing and leaves nothing', async () => {
    const pack = join(a.dir, 'wrong.zip.age');
    expect(await runCli(['export', '--db', a.path, '--all', '--out', pack, '--recipient', alice.recipient], io)).toBe(0);
    const bobFile = keyFile('bob.txt', bob.identity);
    const beforeDb = dbSnapshot(b);
    const beforeFiles = treeSnapshot(b.dir);
    expect(await runCli(['verify', pack, '--identity', bobFile], io)).toBe(1);
    expect(err.join('\n')).toMatch(/NOT intact.*\n\s+\(pack\): none of the identities opens this pack/);
    err = [];
    expect(await runCli(['import', '--db', b.path, pack, '--identity', bobFile], io)).toBe(1);
    expect(err.join('\n')).toMatch(/refused and nothing was changed[\s\S]*none of the identities opens this pack/);
    err = [];
    expect(await runCli(['import', '--db', b.path, pack], io)).toBe(1);
    expect(err.join('\n')).toMatch(/this pack is encrypted \(\.zip\.age\): give the passphrase or the identity file/);
    err = [];
    expect(await runCli(['import', '--db', b.path, pack, '--passphrase-file', keyFile('pw.txt', 'guess\n')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/this pack is encrypted to public keys: give an identity file/);
    expect(dbSnapshot(b)).toEqual(beforeDb);
    expect(treeSnapshot(b.dir)).toEqual(beforeFiles);
    expect(leftPlaintext()).toEqual([]);
  });

  it('a damaged encrypted pack is refused', async () => {
    const pack = join(a.dir, 'damaged.zip.age');
    expect(await runCli(['export', '--db', a.path, '--all', '--no-attachments', '--out', pack, '--recipient', alice.recipient], io)).toBe(0);
    const id = keyFile('alice2.txt', alice.identity);
    const bytes = readFileSync(pack);
    writeFileSync(join(a.dir, 'cut.zip.age'), bytes.subarray(0, bytes.length - 1));
    expect(await runCli(['verify', join(a.dir, 'cut.zip.age'), '--identity', id], io)).toBe(1);
    expect(err.join('\n')).toMatch(/\(pack\): the encrypted pack is damaged or was altered \(chunk \d+ does not authenticate\)/);
    err = [];
    bytes[bytes.length - 500]! ^= 0x40;
    writeFileSync(join(a.dir, 'flip.zip.age'), bytes);
    expect(await runCli(['import', '--db', b.path, join(a.dir, 'flip.zip.age'), '--identity', id], io)).toBe(1);
    expect(err.join('\n')).toMatch(/does not authenticate/);
    expect(leftPlaintext()).toEqual([]);
  });

  it('through the API: export to a passphrase, then verify with it', async () => {
    // The contract refuses both kinds of key at once (age keeps a passphrase file to that one key).
    await expect(a.call('pack.export', { all: true, destination: join(a.dir, 'x.zip.age'), encryption: { passphrase: 'p', recipients: [alice.recipient] } }))
      .rejects.toThrow('give either a passphrase or recipients');
    await expect(a.call('pack.export', { all: true, destination: join(a.dir, 'x.zip'), encryption: { passphrase: 'p' } })).rejects.toThrow('destination: must end in .age');
    const destination = join(a.dir, 'api.zip.age');
    const { jobId } = await a.call('pack.export', { all: true, destination, encryption: { passphrase: 'open sesame' } });
    expect((await a.backend.packs.settled(jobId, 'export')).state).toBe('done');
    expect(await a.call('pack.verify', { path: destination, keys: { passphrase: 'open sesame' } })).toMatchObject({ ok: true, problems: [] });
    expect(await a.call('pack.verify', { path: destination, keys: { passphrase: 'open says me' } }))
      .toMatchObject({ ok: false, problems: [{ file: null, message: 'the passphrase does not open this pack' }] });
    expect(await a.call('pack.verify', { path: destination })).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('is encrypted') }] });
    // Nothing of the passphrase in the workbook.
    const dump = JSON.stringify(a.backend.db.prepare("SELECT * FROM settings").all()) + JSON.stringify(a.backend.db.prepare('SELECT * FROM activity').all());
    expect(dump).not.toContain('open sesame');
    expect(leftPlaintext()).toEqual([]);
  });

  it('replaces an existing .zip.age only when told (an encrypted file cannot be recognised as a pack)', async () => {
    const dest = join(a.dir, 'again.zip.age');
    expect(await runCli(['export', '--db', a.path, '--all', '--no-attachments', '--out', dest, '--recipient', alice.recipient], io)).toBe(0);
    const first = readFileSync(dest);
    expect(await runCli(['export', '--db', a.path, '--all', '--no-attachments', '--out', dest, '--recipient', alice.recipient], io)).toBe(1);
    expect(err.join('\n')).toMatch(/already exists; an encrypted file cannot be recognised as a pack: choose another name, or pass --force to replace it/);
    expect(readFileSync(dest).equals(first)).toBe(true);
    expect(await runCli(['export', '--db', a.path, '--all', '--no-attachments', '--out', dest, '--recipient', alice.recipient, '--force'], io)).toBe(0);
    expect(readFileSync(dest).equals(first)).toBe(false);
  });

  it('the CLI refuses mixed-up flags as wrong usage (exit 2)', async () => {
    const pw = keyFile('pw2.txt', 'secret\n');
    expect(await runCli(['export', '--db', a.path, '--all', '--out', join(a.dir, 'n.zip'), '--recipient', alice.recipient], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--out must end in \.zip\.age for an encrypted pack/);
    expect(await runCli(['export', '--db', a.path, '--all', '--out', join(a.dir, 'n.zip.age')], io)).toBe(2);
    expect(await runCli(['export', '--db', a.path, '--all', '--out', join(a.dir, 'n.zip.age'), '--recipient', alice.recipient, '--passphrase-file', pw], io)).toBe(2);
    expect(await runCli(['export', '--db', a.path, '--all', '--out', join(a.dir, 'n.zip.age'), '--recipient', 'age1nope'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--recipient "age1nope" is not an age public key/);
    err = [];
    expect(await runCli(['verify', join(a.dir, 'n.zip.age'), '--identity', join(a.dir, 'missing.txt')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/--identity .*missing\.txt: no such file/);
    expect(await runCli(['verify', join(a.dir, 'n.zip.age'), '--identity', pw], io)).toBe(1);
    expect(err.join('\n')).toMatch(/--identity .*pw2\.txt line 1: is not an age identity/);
    expect(existsSync(join(a.dir, 'n.zip.age'))).toBe(false);
  });
});

// ---- interop with Debian's age --------------------------------------------------------------
const hasAge = spawnSync('age', ['--version']).status === 0 && spawnSync('age-keygen', ['--help']).error === undefined;
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasAge) console.warn('age.test.ts: the `age` command is not installed (apt-get install age); the interop tests are skipped');

/** Runs `age` on a pseudo-terminal, typing `typed` (age reads passphrases from the terminal only). */
function ageOnTty(args: string[], typed: string): void {
  const command = ['age', ...args].map((s) => `'${s.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { input: typed, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`age ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
}

describe.skipIf(!hasAge)('interop with the age command', () => {
  it('a pack we encrypt to a recipient decrypts with age -d, and age-keygen keys are ours too', async () => {
    const idFile = join(a.dir, 'keygen.txt');
    execFileSync('age-keygen', ['-o', idFile], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', idFile], { encoding: 'utf8' }).trim();
    // Our reading of its identity file gives the public key age-keygen derives.
    expect(bech32Encode('age', parseIdentities(readFileSync(idFile, 'utf8'), idFile)[0]!.publicKey)).toBe(recipient);
    const pack = join(a.dir, 'for-age.zip.age');
    expect(await runCli(['export', '--db', a.path, '--all', '--out', pack, '--recipient', recipient, '--recipient', bob.recipient], io)).toBe(0);
    const plain = join(a.dir, 'from-age.zip');
    execFileSync('age', ['-d', '-i', idFile, '-o', plain, pack]);
    expect(await runCli(['verify', plain], io)).toBe(0);
  });

  it('a pack age -r encrypted verifies and imports here with --identity', async () => {
    const idFile = join(a.dir, 'keygen2.txt');
    execFileSync('age-keygen', ['-o', idFile], { stdio: 'ignore' });
    const plain = join(a.dir, 'plain.zip');
    expect(await runCli(['export', '--db', a.path, '--vendor', fx.vendorB, '--out', plain], io)).toBe(0);
    const sealed = join(a.dir, 'by-age.zip.age');
    execFileSync('age', ['-r', execFileSync('age-keygen', ['-y', idFile], { encoding: 'utf8' }).trim(), '-o', sealed, plain]);
    out = [];
    expect(await runCli(['verify', sealed, '--identity', idFile], io)).toBe(0);
    expect(out.join('\n')).toMatch(/intact/);
    expect(await runCli(['import', '--db', b.path, sealed, '--identity', idFile], io)).toBe(0);
    expect(b.backend.db.prepare('SELECT count(*) FROM vendors WHERE id = ?').pluck().get(fx.vendorB)).toBe(1);
  });

  it.skipIf(!hasScript)('passphrases both ways: ours opens with age -d, age -p opens here (typed on a pty)', async () => {
    const pw = keyFile('pw3.txt', 'tty typed passphrase\n');
    const ours = join(a.dir, 'pw.zip.age');
    expect(await runCli(['export', '--db', a.path, '--all', '--no-attachments', '--out', ours, '--passphrase-file', pw], io)).toBe(0);
    const plain = join(a.dir, 'pw-plain.zip');
    ageOnTty(['-d', '-o', plain, ours], 'tty typed passphrase\n');
    expect(await runCli(['verify', plain], io)).toBe(0);
    const theirs = join(a.dir, 'age-p.zip.age');
    ageOnTty(['-p', '-o', theirs, plain], 'tty typed passphrase\ntty typed passphrase\n');
    expect(readFileSync(theirs, 'latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    expect(await runCli(['verify', theirs, '--passphrase-file', pw], io)).toBe(0);
    expect(await runCli(['verify', theirs, '--passphrase-file', keyFile('pw4.txt', 'not it\n')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/the passphrase does not open this pack/);
  });
});
