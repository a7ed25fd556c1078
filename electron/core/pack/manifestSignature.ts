// Signing a pack's manifest.json and checking it: manifest.json.minisig, in minisign's format,
// made with the workbook's key (signingKey.ts). The manifest lists every other file's SHA-256, so
// this one signature covers the whole pack; the manifest names the key (`signer`), which is itself
// signed. An unsigned pack (earlier versions) is read as before and shown as not signed.
import type { PackProblem, PackSignature } from '../../../shared/packs';
import { MANIFEST_SIG } from './format';
import type { Manifest } from './manifest';
import { fingerprint, keyIdHex, MinisignError, parseMinisig, parsePublicKeyLine, publicKeyLine, signMinisign, verifyMinisign } from './minisign';
import type { PackSigner } from './signingKey';

/** The manifest's `signer` field for a pack signed by `signer`. */
export function signerField(signer: PackSigner): NonNullable<Manifest['signer']> {
  return { workbookName: signer.workbookName, keyId: keyIdHex(signer.keyId), publicKey: publicKeyLine({ keyId: signer.keyId, key: signer.publicKey }) };
}

/** manifest.json.minisig for the manifest's bytes; its trusted comment (shown by `minisign -V`) names the workbook, the user and the time. */
export function signManifest(manifestBytes: Buffer, manifest: Manifest, signer: PackSigner): string {
  const comment = `Handover Workbook pack of workbook "${signer.workbookName}" (${manifest.workbookId}) by ${manifest.createdBy || 'someone'} at ${manifest.createdAt}`;
  return signMinisign(manifestBytes, signer.secret, signer.keyId, comment, `Handover Workbook signature, key ${keyIdHex(signer.keyId)}`);
}

/**
 * The problem with a pack's signature, or null when it is sound or the pack is not signed. A
 * manifest that names a key must come with its signature (removing the signature is altering the
 * pack), and a signature needs the manifest's key to be checked with.
 */
export function signatureProblem(manifestBytes: Buffer, manifest: Manifest, minisig: string | null): PackProblem | null {
  if (minisig === null) return manifest.signer ? { file: MANIFEST_SIG, message: 'is missing, yet the manifest says the pack is signed: it was altered; the pack is refused' } : null;
  if (!manifest.signer) return { file: MANIFEST_SIG, message: 'is there, but the manifest names no signing key to check it with: the pack was altered; it is refused' };
  try {
    const pk = parsePublicKeyLine(manifest.signer.publicKey);
    if (keyIdHex(pk.keyId) !== manifest.signer.keyId) return { file: 'manifest.json', message: 'signer: its key id does not match its public key' };
    verifyMinisign(manifestBytes, parseMinisig(minisig), pk);
    return null;
  } catch (e) {
    if (e instanceof MinisignError) return { file: MANIFEST_SIG, message: `${e.message}; the signature is not valid, so the pack is refused` };
    throw e;
  }
}

/** What a verified manifest says of its signer (trust is filled in where a workbook can compare: signers.ts). */
export function signatureSummary(m: Manifest): PackSignature | null {
  if (!m.signer) return null;
  return {
    workbookName: m.signer.workbookName, user: m.createdBy, keyId: m.signer.keyId, fingerprint: fingerprint(parsePublicKeyLine(m.signer.publicKey).key),
    publicKey: m.signer.publicKey, trust: null, trustedFingerprint: null,
  };
}
