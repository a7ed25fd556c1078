// What the screens need to open encrypted packs, through the API: pack.encryption tells an
// encrypted pack by its header (not its name) and what opens it, and tries keys on the header
// alone; an identity file comes as an upload (browser face, removed once read) or a path (desktop);
// a recipient whose checksum is wrong is refused when the export starts, naming its field.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageEncryptor, generateIdentity } from '../../electron/core/pack/age';
import { encryptInto } from '../../electron/core/pack/encrypted';
import type { TestWorkbook } from '../backend/helpers';
import { fill } from './fixture';
import { makePackWorkbook } from './helpers';

/** Cheap scrypt: the header check is what is tested, not the work factor. */
const FAST = 10;
const alice = generateIdentity();
const bob = generateIdentity();

let a: TestWorkbook;
let web: TestWorkbook;
let plain: string;
let toPassphrase: string;
let toAlice: string;

/** An upload of `text`, as the browser face's /upload route makes one. */
function upload(wb: TestWorkbook, text: string): string {
  const u = wb.backend.packs.beginUpload();
  writeFileSync(u.path, text);
  wb.backend.packs.completeUpload(u.id, Buffer.byteLength(text));
  return u.id;
}

beforeAll(async () => {
  a = makePackWorkbook(1);
  await fill(a);
  web = makePackWorkbook(2, { allowPackPaths: false });
  plain = join(a.dir, 'plain.zip');
  const { jobId } = await a.call('pack.export', { all: true, attachments: false, destination: plain });
  expect((await a.backend.packs.settled(jobId, 'export')).state).toBe('done');
  // Named .zip on purpose: the header tells it, not the name.
  toPassphrase = join(a.dir, 'renamed.zip');
  await encryptInto(plain, toPassphrase, await ageEncryptor({ passphrase: 'correct horse battery', workFactor: FAST }));
  toAlice = join(a.dir, 'alice.zip.age');
  await encryptInto(plain, toAlice, await ageEncryptor({ recipients: [alice.recipient] }));
});
afterAll(() => {
  a.close();
  web.close();
});

describe('pack.encryption', () => {
  it('tells a plain pack, and an encrypted one by its header whatever its name, with what opens it', async () => {
    expect(await a.call('pack.encryption', { path: plain })).toEqual({ encrypted: false, opensWith: null, problem: null });
    expect(await a.call('pack.encryption', { path: toPassphrase })).toEqual({ encrypted: true, opensWith: 'passphrase', problem: null });
    expect(await a.call('pack.encryption', { path: toAlice })).toEqual({ encrypted: true, opensWith: 'identity', problem: null });
  });

  it('tries a passphrase on the header: a wrong one says so, the right one opens it', async () => {
    expect(await a.call('pack.encryption', { path: toPassphrase, keys: { passphrase: 'wrong horse' } }))
      .toEqual({ encrypted: true, opensWith: 'passphrase', problem: 'the passphrase does not open this pack' });
    expect(await a.call('pack.encryption', { path: toPassphrase, keys: { passphrase: 'correct horse battery' } })).toMatchObject({ problem: null });
  });

  it('a damaged header is a problem, not a crash', async () => {
    const bad = join(a.dir, 'bad-header.zip.age');
    writeFileSync(bad, 'age-encryption.org/v1\n-> scrypt nope\n');
    expect(await a.call('pack.encryption', { path: bad })).toEqual({ encrypted: true, opensWith: 'unknown', problem: expect.stringContaining('damaged') });
  });
});

describe('identity files from the faces', () => {
  it('browser face: an uploaded identity opens the pack and is removed once read, whether it opened it or not', async () => {
    const pack = upload(web, '');
    copyFileSync(toAlice, web.backend.packs.sourcePath({ upload: pack }));
    const good = upload(web, `# created by age-keygen\n${alice.identity}`);
    const goodPath = web.backend.packs.sourcePath({ upload: good });
    expect(await web.call('pack.encryption', { upload: pack, keys: { identityUpload: good } })).toMatchObject({ encrypted: true, problem: null });
    expect(existsSync(goodPath)).toBe(false);
    expect((await web.refuse('pack.encryption', { upload: pack, keys: { identityUpload: good } })).code).toBe('NOT_FOUND');

    const wrong = upload(web, bob.identity);
    expect(await web.call('pack.encryption', { upload: pack, keys: { identityUpload: wrong } })).toMatchObject({ problem: 'none of the identities opens this pack' });
    const notKey = upload(web, 'hunter2\n');
    expect(await web.call('pack.encryption', { upload: pack, keys: { identityUpload: notKey } }))
      .toMatchObject({ problem: 'the identity file line 1: is not an age identity (expected AGE-SECRET-KEY-1…, as age-keygen writes it)' });
    expect(existsSync(web.backend.packs.sourcePath({ upload: pack }))).toBe(true);

    // Verify and import take it the same way (each call its own upload).
    const report = await web.call('pack.verify', { upload: pack, keys: { identityUpload: upload(web, alice.identity) } });
    expect(report).toMatchObject({ ok: true, problems: [] });
    const result = await web.call('pack.import', { upload: pack, keys: { identityUpload: upload(web, alice.identity) } });
    expect(result.added).toBeGreaterThan(0);
  });

  it('browser face: may not name an identity file by its path', async () => {
    const e = await web.refuse('pack.encryption', { upload: upload(web, ''), keys: { identityPath: join(a.dir, 'alice.txt') } });
    expect(e).toMatchObject({ code: 'FORBIDDEN', issues: [{ field: 'keys.identityPath' }] });
  });

  it('desktop: the identity file by the path its dialog gave, read and left where it is', async () => {
    const file = join(a.dir, 'alice.txt');
    writeFileSync(file, alice.identity, { mode: 0o600 });
    expect(await a.call('pack.encryption', { path: toAlice, keys: { identityPath: file } })).toMatchObject({ problem: null });
    expect(existsSync(file)).toBe(true);
    expect(await a.call('pack.verify', { path: toAlice, keys: { identityPath: file } })).toMatchObject({ ok: true });
    const big = join(a.dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(70 * 1024));
    expect(await a.refuse('pack.encryption', { path: toAlice, keys: { identityPath: big } }))
      .toMatchObject({ code: 'INVALID_INPUT', issues: [{ field: 'keys.identityPath', message: 'is not an age identity file' }] });
    expect(await a.refuse('pack.encryption', { path: toAlice, keys: { identityPath: join(a.dir, 'nowhere.txt') } }))
      .toMatchObject({ code: 'NOT_FOUND', issues: [{ field: 'keys.identityPath' }] });
    expect((await a.refuse('pack.encryption', { path: toAlice, keys: { identity: alice.identity, identityPath: file } })).message).toMatch(/give one identity file/);
  });
});

describe('starting an encrypted export', () => {
  it('refuses a recipient whose checksum is wrong before any job, naming its field', async () => {
    // One letter changed: the contract's pattern passes, the Bech32 checksum does not.
    const typo = `${alice.recipient.slice(0, 20)}${alice.recipient[20] === 'q' ? 'p' : 'q'}${alice.recipient.slice(21)}`;
    const e = await a.refuse('pack.export', { all: true, destination: join(a.dir, 'typo.zip.age'), encryption: { recipients: [bob.recipient, typo] } });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', issues: [{ field: 'encryption.recipients.1' }] });
    expect(existsSync(join(a.dir, 'typo.zip.age'))).toBe(false);
  });
});
