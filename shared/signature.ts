// How a pack's signature is told, the same words in every face (verify in the CLI, the import
// screen): "signed by <workbook, user>, key <fingerprint>" and how far that key is trusted.
import type { PackSignature, SignerTrust } from './packs';

export const TRUST_LABEL: Record<SignerTrust, string> = {
  trusted: 'trusted',
  'first-seen': 'first seen: no earlier pack from this workbook was imported here',
  changed: 'CHANGED since the last pack from this workbook',
};

export function signatureLine(sig: PackSignature | null): string {
  if (!sig) return 'not signed (made by an earlier version, or altered to remove its signature)';
  const who = `signed by workbook “${sig.workbookName}”${sig.user ? `, user ${sig.user}` : ''}, key ${sig.fingerprint}`;
  if (sig.trust === null) return who;
  return `${who}: ${TRUST_LABEL[sig.trust]}${sig.trust === 'changed' && sig.trustedFingerprint ? ` (the key kept for it is ${sig.trustedFingerprint})` : ''}`;
}
