// The desktop's signing key store (main process): each workbook's secret signing key encrypted
// with Electron's safeStorage (the system keychain: Keychain on macOS, DPAPI on Windows, the
// Secret Service or KWallet on Linux) in `<userData>/signing-keys/<workbook id>.key`, mode 0600.
// Only main has safeStorage; the backend host asks for the key over its port (host-protocol.ts
// loadSigningKey / saveSigningKey), and it is decrypted only to sign a pack.
import type { SafeStorage } from 'electron';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

const WORKBOOK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface DesktopKeys {
  /** The secret (base64) kept for the workbook, or null. */
  load(workbookId: string): Promise<string | null>;
  save(workbookId: string, secretBase64: string): Promise<void>;
}

/** `storage` is looked up when a key is needed: safeStorage may be used only once the app is ready. */
export function safeStorageKeys(dir: () => string, storageOf: () => SafeStorageLike): DesktopKeys {
  const storage = {
    isEncryptionAvailable: () => storageOf().isEncryptionAvailable(),
    getSelectedStorageBackend: () => storageOf().getSelectedStorageBackend?.(),
    encryptString: (s: string) => storageOf().encryptString(s),
    decryptString: (b: Buffer) => storageOf().decryptString(b),
  };
  const fileOf = (workbookId: string) => {
    // The id comes from the host's message: it names a file, so nothing but an id is taken.
    if (!WORKBOOK_ID.test(workbookId)) throw new Error(`Not a workbook id: ${workbookId.slice(0, 60)}`);
    return join(dir(), `${workbookId}.key`);
  };
  const available = () => {
    if (!storage.isEncryptionAvailable()) {
      throw new Error('The system keychain is not available, so the workbook\'s signing key cannot be kept safe and no pack can be signed. '
        + 'On Linux, unlock or install a keyring (GNOME Keyring, KWallet); or export with the command line (handover export), which keeps the key in a file only you can read.');
    }
    // Linux without a keyring: Electron falls back to a fixed password, which protects nothing.
    if (storage.getSelectedStorageBackend() === 'basic_text') {
      throw new Error('No keyring is running (Electron would store the signing key under a fixed password), so no pack can be signed here. '
        + 'Start GNOME Keyring or KWallet; or export with the command line (handover export), which keeps the key in a file only you can read.');
    }
  };
  return {
    async load(workbookId) {
      let blob: Buffer;
      try {
        blob = readFileSync(fileOf(workbookId));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      available();
      return storage.decryptString(blob);
    },
    async save(workbookId, secretBase64) {
      available();
      const path = fileOf(workbookId);
      mkdirSync(dir(), { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, storage.encryptString(secretBase64), { mode: 0o600, flag: 'wx' });
        renameSync(temp, path);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
    },
  };
}
