// The signing keys this workbook keeps for other workbooks' packs, one settings row per workbook
// id (`pack_signer:<id>`), trust on first use: the first pack imported from a workbook keeps its
// key; a later pack signed with another key is CHANGED, and is not imported until the user accepts
// the new key (a stolen-and-edited pack re-signed with the thief's own key looks exactly like that).
import { ApiError } from '../../../shared/errors';
import type { PackSignature, SignerTrust, TrustedSigner } from '../../../shared/packs';
import type { Db } from '../store/open';
import { deleteSetting, getSetting, setSetting, settingsWithPrefix } from '../store/settings';
import { fingerprint, keyIdHex, parsePublicKeyLine } from './minisign';

const PREFIX = 'pack_signer:';

interface Kept {
  workbookName: string;
  publicKey: string;
  firstSeen: string;
  lastSeen: string;
}

function toSigner(workbookId: string, k: Kept): TrustedSigner {
  const pk = parsePublicKeyLine(k.publicKey);
  return { workbookId, workbookName: k.workbookName, keyId: keyIdHex(pk.keyId), fingerprint: fingerprint(pk.key), publicKey: k.publicKey, firstSeen: k.firstSeen, lastSeen: k.lastSeen };
}

function kept(db: Db, workbookId: string): Kept | null {
  const raw = getSetting(db, PREFIX + workbookId);
  if (raw === undefined) return null;
  try {
    const v = JSON.parse(raw) as Kept;
    parsePublicKeyLine(v.publicKey);
    return v;
  } catch {
    // A damaged row trusts nothing: the next pack shows its key as first seen again.
    return null;
  }
}

export function listSigners(db: Db): TrustedSigner[] {
  const out: TrustedSigner[] = [];
  for (const { key } of settingsWithPrefix(db, PREFIX)) {
    const id = key.slice(PREFIX.length);
    const k = kept(db, id);
    if (k) out.push(toSigner(id, k));
  }
  return out.sort((a, b) => a.workbookName.localeCompare(b.workbookName) || a.workbookId.localeCompare(b.workbookId));
}

/** The signature with its trust filled in from what this workbook keeps for `workbookId`. */
export function withTrust(db: Db, workbookId: string, sig: PackSignature): PackSignature {
  // A pack of this very workbook is checked against its own key.
  const own = getSetting(db, 'workbook_id') === workbookId ? getSetting(db, 'signing_public_key') : undefined;
  const k = own !== undefined ? { workbookName: sig.workbookName, publicKey: own, firstSeen: '', lastSeen: '' } : kept(db, workbookId);
  const trust: SignerTrust = !k ? 'first-seen' : k.publicKey === sig.publicKey ? 'trusted' : 'changed';
  return { ...sig, trust, trustedFingerprint: trust === 'changed' ? toSigner(workbookId, k!).fingerprint : null };
}

/** Keeps `publicKey` for `workbookId` (replacing another one), or marks it seen again. */
export function keepSigner(db: Db, s: { workbookId: string; workbookName: string; publicKey: string }, now: string): TrustedSigner {
  parsePublicKeyLine(s.publicKey);
  const before = kept(db, s.workbookId);
  const same = before?.publicKey === s.publicKey;
  const k: Kept = { workbookName: s.workbookName || before?.workbookName || '', publicKey: s.publicKey, firstSeen: same ? before!.firstSeen : now, lastSeen: now };
  setSetting(db, PREFIX + s.workbookId, JSON.stringify(k));
  return toSigner(s.workbookId, k);
}

export function forgetSigner(db: Db, workbookId: string): boolean {
  const had = getSetting(db, PREFIX + workbookId) !== undefined;
  deleteSetting(db, PREFIX + workbookId);
  return had;
}

/** Import refuses a pack whose key changed until the user has accepted it (Settings › Signing keys). */
export function refuseChangedKey(sig: PackSignature | null, workbookId: string): void {
  if (sig?.trust !== 'changed') return;
  throw new ApiError('CONFLICT',
    `The pack is signed by workbook “${sig.workbookName}” (${workbookId}) with a key that CHANGED since its earlier packs (was ${sig.trustedFingerprint}, now ${sig.fingerprint}); nothing was imported. `
    + 'If you know why (the workbook was set up again, its key was lost), accept the new key (in the import screen, or on the command line with --accept-new-key), then import again.',
    [{ field: 'manifest.json.minisig', message: `is made with a key that CHANGED since the last pack from workbook “${sig.workbookName}” (was ${sig.trustedFingerprint}, now ${sig.fingerprint}): `
      + 'if you know why, accept the new key in the import preview (command line: --accept-new-key), then import again' }]);
}

/** A pack summary with its signature's trust filled in (unchanged for an unsigned pack). */
export function summaryWithTrust<S extends { workbookId: string; signature: PackSignature | null }>(db: Db, summary: S): S {
  return summary.signature ? { ...summary, signature: withTrust(db, summary.workbookId, summary.signature) } : summary;
}
