// Signed packs: manifest.json.minisig in minisign's format (checked here by Debian's minisign), a
// signature that no longer matches refused, unsigned packs still read, the key file's
// permissions, and the trust states of a signer's key (first seen → trusted → CHANGED).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { keyFilePath, keyFileStore } from '../../electron/core/pack/keyFileStore';
import { publicKeyLine } from '../../electron/core/pack/minisign';
import { workbookSigner } from '../../electron/core/pack/signingKey';
import type { PackVerifyReport } from '../../shared/packs';
import type { TestWorkbook } from '../backend/helpers';
import { fill } from './fixture';
import { craftZip, exportThroughApi, makePackWorkbook, packFiles, toCraft, withManifest } from './helpers';

const hasMinisign = spawnSync('minisign', ['-v']).status === 0;

let a: TestWorkbook;
let b: TestWorkbook;
let tmp: string;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };

beforeAll(async () => {
  a = makePackWorkbook(1);
  await fill(a);
  b = makePackWorkbook(2, { clockStart: '2026-04-01T09:00:00.000Z' });
  tmp = mkdtempSync(join(tmpdir(), 'hw-sign-'));
});
afterAll(() => {
  a.close();
  b.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  out = [];
  err = [];
});

async function verify(wb: TestWorkbook, path: string): Promise<PackVerifyReport> {
  return wb.call('pack.verify', { path });
}

/** The pack's files written out, as `unzip` would leave them. */
async function unpacked(pack: string, name: string): Promise<string> {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  for (const f of await packFiles(pack)) if (f.name.startsWith('manifest.json')) writeFileSync(join(dir, f.name), f.data);
  return dir;
}

describe('signed packs', () => {
  it('signs every pack with the workbook key, made on the first export; handover key prints it for minisign -P', async () => {
    expect(existsSync(keyFilePath(a.path))).toBe(false);
    const pack = await exportThroughApi(a, { all: true });
    expect(statSync(keyFilePath(a.path)).mode & 0o777).toBe(0o600);
    const names = (await packFiles(pack)).map((f) => f.name);
    expect(names).toContain('manifest.json.minisig');
    const manifest = JSON.parse((await packFiles(pack)).find((f) => f.name === 'manifest.json')!.data.toString()) as { files: { path: string }[]; signer: { publicKey: string } };
    expect(manifest.files.map((f) => f.path)).not.toContain('manifest.json.minisig');

    expect(await runCli(['key', '--db', a.path], io)).toBe(0);
    expect(out).toEqual([manifest.signer.publicKey]);
    // The same key again: the workbook keeps it.
    out = [];
    expect(await runCli(['key', '--db', a.path, '--file'], io)).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`^untrusted comment: minisign public key [0-9A-F]{16}\\n${manifest.signer.publicKey.replace(/[+/]/g, '\\$&')}$`));

    const report = await verify(a, pack);
    expect(report.ok).toBe(true);
    // Its own pack, checked by the workbook that made it: its own key.
    expect(report.manifest?.signature).toMatchObject({ workbookName: 'wb1', publicKey: manifest.signer.publicKey, trust: 'trusted' });
  });

  it.skipIf(!hasMinisign)(`is checked by Debian's minisign, which shows the trusted comment, and refuses an altered manifest${hasMinisign ? '' : ' (skipped: minisign is not installed; apt-get install minisign)'}`, async () => {
    const pack = await exportThroughApi(a, { all: true });
    out = [];
    await runCli(['key', '--db', a.path], io);
    const key = out[0]!;
    const dir = await unpacked(pack, 'good');
    const ok = spawnSync('minisign', ['-Vm', 'manifest.json', '-x', 'manifest.json.minisig', '-P', key], { cwd: dir, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Trusted comment: Handover Workbook pack of workbook "wb1" \([0-9a-f-]{36}\) by .* at 2026-/);

    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"redacted": false', '"redacted": true'));
    const bad = spawnSync('minisign', ['-Vm', 'manifest.json', '-x', 'manifest.json.minisig', '-P', key], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });

  it('refuses a signed pack whose manifest was changed or whose signature was removed; an unsigned pack still reads', async () => {
    const pack = await exportThroughApi(a, { all: true });
    const files = await packFiles(pack);
    const altered = join(tmp, 'altered.zip');
    // One field changed, the signature kept: the signature no longer matches.
    writeFileSync(altered, craftZip(toCraft(withManifest(files, (m) => { m.createdBy = 'Mallory'; }, { keepSignature: true }))));
    const r1 = await verify(b, altered);
    expect(r1.ok).toBe(false);
    expect(r1.problems).toContainEqual({ file: 'manifest.json.minisig', message: expect.stringContaining('does not match manifest.json: the manifest was changed after it was signed') });
    const refused = await b.refuse('pack.import', { path: altered });
    expect(refused.message).toMatch(/refused and nothing was changed: manifest\.json\.minisig/);

    const stripped = join(tmp, 'stripped.zip');
    writeFileSync(stripped, craftZip(toCraft(files.filter((f) => f.name !== 'manifest.json.minisig'))));
    expect((await verify(b, stripped)).problems).toContainEqual({ file: 'manifest.json.minisig', message: expect.stringContaining('is missing, yet the manifest says the pack is signed') });

    // An unsigned pack (as earlier versions wrote them) still reads, and says it is not signed.
    const unsigned = join(tmp, 'unsigned.zip');
    writeFileSync(unsigned, craftZip(toCraft(withManifest(files))));
    const r3 = await verify(b, unsigned);
    expect(r3.problems).toEqual([]);
    expect(r3.manifest?.signature).toBeNull();
    out = [];
    expect(await runCli(['verify', unsigned], io)).toBe(0);
    expect(out.join('\n')).toMatch(/not signed/);
  });

  it('signs an encrypted pack inside: its signature is checked once it is decrypted', async () => {
    const { jobId } = await a.call('pack.export', { all: true, destination: join(tmp, 'sealed.zip.age'), encryption: { passphrase: 'correct horse' } });
    const status = await a.backend.packs.settled(jobId, 'export');
    expect(status.state).toBe('done');
    const report = await b.call('pack.verify', { path: join(tmp, 'sealed.zip.age'), keys: { passphrase: 'correct horse' } });
    expect(report.problems).toEqual([]);
    expect(report.manifest?.signature).toMatchObject({ workbookName: 'wb1', trust: 'first-seen' });
  });

  it('tells the signer\'s key first seen, then trusted after an import, then CHANGED; import refuses a changed key until it is accepted', async () => {
    const first = await exportThroughApi(a, { all: true });
    const before = await verify(b, first);
    expect(before.manifest?.signature).toMatchObject({ trust: 'first-seen', trustedFingerprint: null });
    await b.call('pack.import', { path: first });
    expect((await verify(b, first)).manifest?.signature?.trust).toBe('trusted');
    const kept = await b.call('signers.list', {});
    expect(kept).toEqual([expect.objectContaining({ workbookName: 'wb1', publicKey: before.manifest!.signature!.publicKey })]);

    // Workbook A loses its key: the next export makes another one.
    rmSync(keyFilePath(a.path));
    const second = await exportThroughApi(a, { all: true });
    const changed = (await verify(b, second)).manifest!.signature!;
    expect(changed).toMatchObject({ trust: 'changed', trustedFingerprint: before.manifest!.signature!.fingerprint });
    expect(changed.fingerprint).not.toBe(before.manifest!.signature!.fingerprint);
    out = [];
    expect(await runCli(['verify', second, '--db', b.path], io)).toBe(0);
    expect(out.join('\n')).toMatch(/signed by workbook “wb1”, user .*, key [0-9A-F ]+: CHANGED since the last pack from this workbook/);

    const activity = b.counts().activity;
    const refused = await b.refuse('pack.import', { path: second });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/key that CHANGED .*accept the new key \(in the import screen, or on the command line with --accept-new-key\)/);
    expect(b.counts().activity).toBe(activity);

    const workbookId = (await verify(b, second)).manifest!.workbookId;
    await b.call('signers.trust', { workbookId, publicKey: changed.publicKey, workbookName: 'wb1' });
    expect((await verify(b, second)).manifest?.signature?.trust).toBe('trusted');
    await b.call('pack.import', { path: second });

    expect(await b.call('signers.forget', { workbookId })).toEqual({ removed: true });
    expect(await b.call('signers.list', {})).toEqual([]);
    expect((await verify(b, second)).manifest?.signature?.trust).toBe('first-seen');

    // The command line: the import keeps a first-seen key, refuses a changed one, and accepts it when told.
    out = [];
    expect(await runCli(['import', '--db', b.path, second], io)).toBe(0);
    rmSync(keyFilePath(a.path));
    const third = await exportThroughApi(a, { all: true });
    err = [];
    expect(await runCli(['import', '--db', b.path, third], io)).toBe(1);
    expect(err.join('\n')).toMatch(/CHANGED since its earlier packs/);
    out = [];
    expect(await runCli(['import', '--db', b.path, third, '--accept-new-key'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Accepted the new signing key [0-9A-F ]+ of workbook “wb1”/);
    expect((await verify(b, third)).manifest?.signature?.trust).toBe('trusted');
  });
});

describe('the key file', () => {
  it('is refused when others can read it, with what to do', async () => {
    const wb = makePackWorkbook(3);
    try {
      await fill(wb);
      await exportThroughApi(wb, { all: true });
      chmodSync(keyFilePath(wb.path), 0o644);
      const error = await wb.call('pack.export', { all: true }).then(({ jobId }) => wb.backend.packs.settled(jobId, 'export'));
      expect(error.state).toBe('failed');
      expect(error.error?.message).toMatch(/signing key .*\.signing-key can be read or changed by other users \(mode 0644\); it is not used\. .*chmod 600/);
      chmodSync(keyFilePath(wb.path), 0o600);
      await exportThroughApi(wb, { all: true });
    } finally {
      wb.close();
    }
  });

  it('keeps the public key in the workbook and refuses a key file of another workbook', async () => {
    const wb = makePackWorkbook(4);
    try {
      // Two first exports at once make one key between them.
      const [signer, other] = await Promise.all([workbookSigner(wb.backend.db, wb.path, keyFileStore), workbookSigner(wb.backend.db, wb.path, keyFileStore)]);
      expect(other.publicKey.equals(signer.publicKey)).toBe(true);
      const line = publicKeyLine({ keyId: signer.keyId, key: signer.publicKey });
      const setting = (k: string) => (wb.backend.db.prepare('SELECT value FROM settings WHERE key = ?').get(k) as { value: string } | undefined)?.value;
      expect(setting('signing_public_key')).toBe(line);
      expect(setting('signing_key_id')).toMatch(/^[0-9A-F]{16}$/);
      expect(readFileSync(keyFilePath(wb.path), 'utf8')).not.toContain(line);
      // Another workbook's key file put in its place.
      writeFileSync(keyFilePath(wb.path), readFileSync(keyFilePath(a.path)), { mode: 0o600 });
      chmodSync(keyFilePath(wb.path), 0o600);
      await expect(workbookSigner(wb.backend.db, wb.path, keyFileStore)).rejects.toThrow(/is the key of another workbook/);
    } finally {
      wb.close();
    }
  });
});
