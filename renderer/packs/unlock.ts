// Opening an encrypted pack (.zip.age) for verify and import. The backend tells an encrypted pack by
// its age header (pack.encryption), whatever its name, and what opens it; the keys the user gives are
// first tried on the header alone (a wrong passphrase is told at once, nothing read or changed), then
// sent with the job. An identity file travels as the pack does: the browser face uploads it (the
// backend reads it and removes it at once), the desktop passes the path its open dialog gave. The keys
// stay in the panel's state only while that pack is open in it.
import type { PackEncryption, PackSourceInput } from '../../shared/packs';
import { api } from '../api';
import { uploadPack, type PackSource } from './transfer';

/** An identity file: the File the browser face's picker gave, or the desktop dialog's path. */
export type IdentitySource = { file: File } | { path: string };

export type UnlockKeys = { passphrase: string } | { identity: IdentitySource; name: string };

type WireKeys = NonNullable<PackSourceInput['keys']>;

/** The keys as one call sends them; an identity file is uploaded afresh each time (the backend keeps no copy). */
export async function wireKeys(keys: UnlockKeys): Promise<WireKeys> {
  if ('passphrase' in keys) return { passphrase: keys.passphrase };
  if ('path' in keys.identity) return { identityPath: keys.identity.path };
  const upload = await uploadPack(keys.identity.file, () => {}, undefined, 'application/octet-stream');
  return { identityUpload: upload };
}

/** Whether the pack is encrypted and what opens it (its header, read by the backend). */
export function packEncryption(source: PackSource): Promise<PackEncryption> {
  return api['pack.encryption'](source);
}

/** Null when these keys open the pack, else what to tell the user ("The passphrase does not open this pack."). */
export async function keysProblem(source: PackSource, keys: UnlockKeys): Promise<string | null> {
  const r = await api['pack.encryption']({ ...source, keys: await wireKeys(keys) });
  return r.problem === null ? null : sentence(r.problem);
}

/** The backend's lower-case reason as a sentence of its own. */
export function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
