// Asks for what opens an encrypted pack: its passphrase, or an identity file (AGE-SECRET-KEY-1…) of
// one of its recipients, as the pack's header says. A key that does not open it is said here and
// the user tries again; nothing was read or changed meanwhile.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { PackEncryption } from '../../shared/packs';
import { api } from '../api';
import { useInfo } from '../app/store';
import { baseName } from '../format';
import type { IdentitySource, UnlockKeys } from './unlock';

interface Props {
  /** The pack's file name. */
  name: string;
  opensWith: PackEncryption['opensWith'];
  /** Why the last keys did not open it (shown until the next try). */
  problem: string | null;
  /** The keys are being tried. */
  busy: boolean;
  onUnlock(keys: UnlockKeys): void;
  onCancel(): void;
}

export function UnlockForm({ name, opensWith, problem, busy, onUnlock, onCancel }: Props) {
  const info = useInfo();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [identity, setIdentity] = useState<{ source: IdentitySource; name: string } | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const byPassphrase = opensWith === 'passphrase';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (byPassphrase) {
      if (passphrase === '') return setPickError('Passphrase: type the passphrase the pack was encrypted with.');
      setPickError(null);
      onUnlock({ passphrase });
    } else if (identity) {
      setPickError(null);
      onUnlock({ identity: identity.source, name: identity.name });
    } else {
      setPickError('Identity file: choose the identity file of one of the pack’s recipients.');
    }
  };

  const pickIdentity = async () => {
    try {
      const { path } = await api['app.pickFile']({ purpose: 'open-identity' });
      if (path) setIdentity({ source: { path }, name: baseName(path) });
    } catch (e) {
      setPickError((e as Error).message);
    }
  };

  if (opensWith === 'unknown') {
    return (
      <div className="pack-result pack-result-bad" role="alert">
        <h3 className="pack-result-title">{name} cannot be opened here</h3>
        <p className="pack-result-text">{problem ?? 'It is encrypted to keys of a kind this app does not read (only passphrases and age X25519 keys).'}</p>
        <div className="pack-actions">
          <button type="button" className="button" onClick={onCancel}>
            Choose another pack
          </button>
        </div>
      </div>
    );
  }

  const alert = pickError ?? (problem ? `${problem} Try again.` : null);
  return (
    <form className="pack-result pack-unlock" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`} className="pack-result-title">
        {name} is encrypted
      </h3>
      <p className="pack-result-text">
        {byPassphrase
          ? 'Give the passphrase it was encrypted with.'
          : 'It is encrypted to public keys: choose the identity file (AGE-SECRET-KEY-1…) of one of its recipients. It is read for this pack only and not kept.'}{' '}
        Nothing is read or changed until it opens.
      </p>
      {byPassphrase ? (
        <label className="field pack-unlock-field">
          <span className="field-label">Passphrase</span>
          <input
            type="password"
            className="input"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            disabled={busy}
            aria-invalid={problem !== null}
            aria-describedby={alert ? `${id}-alert` : undefined}
          />
        </label>
      ) : (
        <div className="field pack-unlock-field">
          <span className="field-label" id={`${id}-identity`}>
            Identity file
          </span>
          <div className="pack-actions">
            {info?.canPickFiles ? (
              <button type="button" className="button" onClick={() => void pickIdentity()} disabled={busy} aria-describedby={`${id}-identity`}>
                Choose identity file…
              </button>
            ) : (
              <>
                <button type="button" className="button" onClick={() => fileRef.current?.click()} disabled={busy} aria-describedby={`${id}-identity`}>
                  Choose identity file…
                </button>
                <input
                  ref={fileRef}
                  type="file"
                  className="visually-hidden"
                  tabIndex={-1}
                  aria-label="Identity file"
                  disabled={busy}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) setIdentity({ source: { file }, name: file.name });
                  }}
                />
              </>
            )}
            <span className="muted">{identity ? identity.name : 'No file chosen'}</span>
          </div>
        </div>
      )}
      {alert && (
        <div id={`${id}-alert`} className="form-alert pack-alert" role="alert">
          {alert}
        </div>
      )}
      <div className="pack-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Opening…' : 'Open pack'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
