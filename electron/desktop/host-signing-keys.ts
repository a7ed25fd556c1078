// The backend host's signing key store: the secret is kept by main with safeStorage
// (signing-keys.ts), so the host asks for it over the port, as it asks for dialogs.
import type { SigningKeyStore } from '../core/pack/signingKey';
import type { AskMain } from './host-faces';

export function hostSigningKeys(ask: AskMain): SigningKeyStore {
  return {
    kind: 'safe-storage',
    describe: () => 'the desktop app\'s key store (protected by the system keychain)',
    async load(_workbookPath, workbookId) {
      const secret = await ask({ kind: 'loadSigningKey', workbookId });
      return secret === null ? null : Buffer.from(secret, 'base64');
    },
    async save(_workbookPath, workbookId, secret) {
      await ask({ kind: 'saveSigningKey', workbookId, secret: secret.toString('base64') });
    },
  };
}
