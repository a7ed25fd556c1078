// The workbook's own Ed25519 signing key, made on its first export. The secret is kept by a key
// store the face provides (the desktop: Electron's safeStorage; the browser face and the CLI: a key
// file readable only by its owner, keyFileStore.ts); the workbook records only the public key, its
// id and which kind of store holds the secret, so a face that cannot reach that store says so
// instead of quietly making a second key (every receiver would then see the key CHANGED).
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../store/open';
import { getSetting, setSetting } from '../store/settings';
import { keyIdHex, privateKeyFromSeed, publicKeyLine, rawPublicKey, seedOf } from './minisign';

/** Where a face keeps workbooks' secret keys. The secret is opaque bytes to it. */
export interface SigningKeyStore {
  /** Recorded in the workbook, so another kind of store knows the key is not its to make. */
  readonly kind: 'file' | 'safe-storage';
  /** Where the secret is, for messages ("the key file /a/b.signing-key"). */
  describe(workbookPath: string, workbookId: string): string;
  load(workbookPath: string, workbookId: string): Promise<Buffer | null>;
  save(workbookPath: string, workbookId: string, secret: Buffer): Promise<void>;
}

export interface PackSigner {
  keyId: Buffer;
  secret: KeyObject;
  publicKey: Buffer;
  workbookName: string;
}

const STORE_NAME: Record<SigningKeyStore['kind'], string> = { file: 'a key file beside the workbook', 'safe-storage': 'the desktop app (protected by the system keychain)' };

/** The workbook's name as packs show it: its file name without the extension. */
export function workbookName(workbookPath: string): string {
  return basename(workbookPath).replace(/\.(sqlite3?|db)$/i, '') || 'workbook';
}

/** The public key line (minisign -P) this workbook signs with, or null before its first export. */
export function workbookPublicKey(db: Db): string | null {
  return getSetting(db, 'signing_public_key') ?? null;
}

/** The secret as kept: the 32-byte Ed25519 seed, then the 8-byte key id. */
const SECRET_BYTES = 40;

/**
 * The workbook's signer, making its key first if it has none. `db` must be writable (the public
 * key is recorded in its settings).
 */
export function workbookSigner(db: Db, workbookPath: string, store: SigningKeyStore): Promise<PackSigner> {
  // One at a time per workbook: two first exports at once would each make a key, and the packs of
  // the one that lost would carry a key the workbook no longer records.
  const before = pending.get(workbookPath) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => signerOf(db, workbookPath, store));
  const settled = run.catch(() => undefined);
  pending.set(workbookPath, settled);
  void settled.then(() => {
    if (pending.get(workbookPath) === settled) pending.delete(workbookPath);
  });
  return run;
}

const pending = new Map<string, Promise<unknown>>();

async function signerOf(db: Db, workbookPath: string, store: SigningKeyStore): Promise<PackSigner> {
  const workbookId = getSetting(db, 'workbook_id');
  if (!workbookId) throw new ApiError('INTERNAL', 'This workbook has no id yet, so it cannot sign a pack.');
  const recorded = workbookPublicKey(db);
  const recordedStore = getSetting(db, 'signing_key_store') as SigningKeyStore['kind'] | undefined;
  const where = store.describe(workbookPath, workbookId);
  const secret = await store.load(workbookPath, workbookId);
  if (secret) {
    if (secret.length !== SECRET_BYTES) throw new ApiError('FILE_ERROR', `The signing key in ${where} is damaged (${secret.length} bytes, expected ${SECRET_BYTES}); remove it to make a new key (receivers will then see a changed key).`);
    const key = privateKeyFromSeed(secret.subarray(0, 32));
    const signer = { keyId: Buffer.from(secret.subarray(32)), secret: key, publicKey: rawPublicKey(key), workbookName: workbookName(workbookPath) };
    const line = publicKeyLine({ keyId: signer.keyId, key: signer.publicKey });
    if (recorded !== null && recorded !== line) {
      throw new ApiError('CONFLICT', `The signing key in ${where} is not this workbook's (its public key differs from the one the workbook records): put back the right key, or remove it to make a new one (receivers will then see a changed key).`);
    }
    if (recorded === null) record(db, line, signer.keyId, store.kind);
    return signer;
  }
  if (recorded !== null && recordedStore !== undefined && recordedStore !== store.kind) {
    throw new ApiError('CONFLICT', `This workbook's signing key is kept by ${STORE_NAME[recordedStore]}, which this face cannot reach; export from there, so that receivers keep seeing the same key.`);
  }
  // First export, or the key was lost from its own kind of store: a new key (receivers see it CHANGED).
  const { privateKey } = generateKeyPairSync('ed25519');
  const keyId = randomBytes(8);
  await store.save(workbookPath, workbookId, Buffer.concat([seedOf(privateKey), keyId]));
  const publicKey = rawPublicKey(privateKey);
  record(db, publicKeyLine({ keyId, key: publicKey }), keyId, store.kind);
  return { keyId, secret: privateKey, publicKey, workbookName: workbookName(workbookPath) };
}

function record(db: Db, line: string, keyId: Buffer, kind: SigningKeyStore['kind']): void {
  db.transaction(() => {
    setSetting(db, 'signing_public_key', line);
    setSetting(db, 'signing_key_id', keyIdHex(keyId));
    setSetting(db, 'signing_key_store', kind);
  }).immediate();
}
