// The desktop's signing key store, with Electron faked: the secret is kept encrypted by
// safeStorage in a file of its own (0600) per workbook id, reached by the backend host over the
// same face requests it uses for dialogs; no keychain (or Linux's fixed-password fallback) means a
// clear refusal, never a key kept in the clear.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookSigner } from '../../electron/core/pack/signingKey';
import { openWorkbook, type Db } from '../../electron/core/store/open';
import { setSetting } from '../../electron/core/store/settings';
import { createShellFaces } from '../../electron/desktop/face-dialogs';
import { hostSigningKeys } from '../../electron/desktop/host-signing-keys';
import { parseFromHost } from '../../electron/desktop/host-messages';
import { safeStorageKeys, type SafeStorageLike } from '../../electron/desktop/signing-keys';

vi.mock('electron', () => ({ BrowserWindow: class {}, dialog: {} }));

const WORKBOOK_ID = '0b7e4a2c-1d3f-4e5a-8b6c-7d8e9f0a1b2c';
let dir: string;
let db: Db;
let storage: SafeStorageLike & { available: boolean; backend: string; encrypted: number };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-desktop-keys-'));
  db = openWorkbook(join(dir, 'workbook.sqlite'));
  setSetting(db, 'workbook_id', WORKBOOK_ID);
  storage = {
    available: true, backend: 'gnome_libsecret', encrypted: 0,
    isEncryptionAvailable() { return this.available; },
    getSelectedStorageBackend() { return this.backend as never; },
    // A stand-in cipher: what matters is that only it can turn the file back into the key.
    encryptString(s: string) { this.encrypted++; return Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`); },
    decryptString(b: Buffer) { return Buffer.from(b.toString().replace(/^sealed:/, ''), 'hex').toString(); },
  };
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const keysDir = () => join(dir, 'userData', 'signing-keys');
/** The host's key store asking main's shell faces, as it does over the port (each request checked as main checks it). */
function hostStore() {
  const faces = createShellFaces(() => null, () => dir, async () => '', safeStorageKeys(keysDir, () => storage));
  return hostSigningKeys(async (request) => {
    expect(parseFromHost({ type: 'face', id: 1, request })).toHaveProperty('message');
    return faces(request);
  });
}

describe('the desktop signing key store', () => {
  it('keeps the key sealed by safeStorage, 0600, per workbook id, and gives the same key back', async () => {
    const store = hostStore();
    const first = await workbookSigner(db, join(dir, 'workbook.sqlite'), store);
    expect(readdirSync(keysDir())).toEqual([`${WORKBOOK_ID}.key`]);
    const file = join(keysDir(), `${WORKBOOK_ID}.key`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^sealed:/);
    expect(storage.encrypted).toBe(1);
    // Nothing beside the workbook: the desktop keeps no key file there.
    expect(readdirSync(dir).filter((n) => n.includes('signing-key'))).toEqual([]);
    const again = await workbookSigner(db, join(dir, 'workbook.sqlite'), store);
    expect(again.publicKey.equals(first.publicKey)).toBe(true);
    expect(again.keyId.equals(first.keyId)).toBe(true);
    expect(storage.encrypted).toBe(1);
  });

  it('refuses to keep a key without a keychain, or with Linux\'s fixed-password fallback', async () => {
    storage.available = false;
    await expect(workbookSigner(db, join(dir, 'workbook.sqlite'), hostStore())).rejects.toThrow(/system keychain is not available/);
    storage.available = true;
    storage.backend = 'basic_text';
    await expect(workbookSigner(db, join(dir, 'workbook.sqlite'), hostStore())).rejects.toThrow(/No keyring is running/);
    expect(() => readdirSync(keysDir())).toThrow();
  });

  it('takes nothing but a workbook id as a file name', async () => {
    const keys = safeStorageKeys(keysDir, () => storage);
    await expect(keys.load('../../etc/passwd')).rejects.toThrow(/Not a workbook id/);
    expect(parseFromHost({ type: 'face', id: 1, request: { kind: 'loadSigningKey', workbookId: '../x' } })).toHaveProperty('problem');
  });

  it('will not let a file key of another face stand in: a workbook whose key is kept by the desktop says so elsewhere', async () => {
    await workbookSigner(db, join(dir, 'workbook.sqlite'), hostStore());
    const { keyFileStore } = await import('../../electron/core/pack/keyFileStore');
    await expect(workbookSigner(db, join(dir, 'workbook.sqlite'), keyFileStore)).rejects.toThrow(/kept by the desktop app .*export from there/);
  });
});
