// "Encrypt this pack" in the export: to a passphrase (typed twice, with a strength hint and the
// plain word that nothing recovers it) or to recipients' age public keys, one per line. age keeps a
// passphrase-encrypted file to that one key, so it is one or the other. The values stay in the
// Export panel's state only; see encryption.ts for the rules.
import { useId } from 'react';
import { passphraseStrength, type EncryptChoice, type EncryptField, type EncryptMode, type EncryptProblem } from './encryption';

interface Props {
  choice: EncryptChoice;
  onChange(choice: EncryptChoice): void;
  /** Shown under their fields once an export was tried. */
  problems: EncryptProblem[];
  disabled?: boolean;
}

const MODES: { mode: EncryptMode; label: string }[] = [
  { mode: 'passphrase', label: 'To a passphrase' },
  { mode: 'recipients', label: 'To recipients’ public keys' },
];

export function EncryptOptions({ choice, onChange, problems, disabled }: Props) {
  const id = useId();
  const set = (change: Partial<EncryptChoice>) => onChange({ ...choice, ...change });
  const errorsOf = (field: EncryptField) => problems.filter((p) => p.field === field);
  const errorLine = (field: EncryptField) => {
    const list = errorsOf(field);
    return list.length ? (
      <span id={`${id}-${field}-error`} className="field-error pack-encrypt-errors" role="alert">
        {list.map((p) => (
          <span key={p.message}>{p.message}</span>
        ))}
      </span>
    ) : null;
  };
  const described = (field: EncryptField, hint: string) => [hint, errorsOf(field).length ? `${id}-${field}-error` : ''].filter(Boolean).join(' ');
  const strength = passphraseStrength(choice.passphrase);

  return (
    <div className="pack-encrypt">
      <label className="checkbox-label">
        <input type="checkbox" checked={choice.on} onChange={(e) => set({ on: e.target.checked })} disabled={disabled} aria-describedby={`${id}-hint`} />
        Encrypt this pack
      </label>
      <p id={`${id}-hint`} className="field-hint pack-hint">
        The pack becomes a .zip.age file (the age format): only the passphrase or the recipients’ identity files open it, here or with the age
        command.
      </p>
      {choice.on && (
        <div className="pack-encrypt-body">
          <div role="radiogroup" aria-label="Encrypt to" className="pack-choice">
            {MODES.map(({ mode, label }) => (
              <label key={mode} className={`pack-choice-option${choice.mode === mode ? ' is-chosen' : ''}`}>
                <input type="radio" name={`${id}-mode`} value={mode} checked={choice.mode === mode} onChange={() => set({ mode })} disabled={disabled} />
                {label}
              </label>
            ))}
          </div>
          {choice.mode === 'passphrase' ? (
            <>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-passphrase`}>
                  Passphrase
                </label>
                <input
                  id={`${id}-passphrase`}
                  type="password"
                  className="input"
                  autoComplete="new-password"
                  spellCheck={false}
                  value={choice.passphrase}
                  onChange={(e) => set({ passphrase: e.target.value })}
                  disabled={disabled}
                  aria-invalid={errorsOf('passphrase').length > 0}
                  aria-describedby={described('passphrase', `${id}-strength`)}
                />
                <span id={`${id}-strength`} className={`field-hint pack-strength pack-strength-${choice.passphrase ? strength.strength : 'none'}`} aria-live="polite">
                  {strength.hint}
                </span>
                {errorLine('passphrase')}
              </div>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-repeat`}>
                  Passphrase again
                </label>
                <input
                  id={`${id}-repeat`}
                  type="password"
                  className="input"
                  autoComplete="new-password"
                  spellCheck={false}
                  value={choice.repeat}
                  onChange={(e) => set({ repeat: e.target.value })}
                  disabled={disabled}
                  aria-invalid={errorsOf('repeat').length > 0}
                  aria-describedby={described('repeat', '')}
                />
                {choice.repeat !== '' && choice.repeat !== choice.passphrase && errorsOf('repeat').length === 0 && (
                  <span className="field-hint">Not the same as the passphrase yet.</span>
                )}
                {errorLine('repeat')}
              </div>
              <p className="field-warning pack-encrypt-warning">
                There is no way to recover the passphrase: if it is forgotten, nobody can open the pack, not even you. It is not kept in the
                workbook; give it to the receiver another way than the pack (by phone, say).
              </p>
            </>
          ) : (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-recipients`}>
                Recipients
              </label>
              <textarea
                id={`${id}-recipients`}
                className="input textarea cell-mono"
                rows={3}
                spellCheck={false}
                placeholder="age1…"
                value={choice.recipients}
                onChange={(e) => set({ recipients: e.target.value })}
                disabled={disabled}
                aria-invalid={errorsOf('recipients').length > 0}
                aria-describedby={described('recipients', `${id}-recipients-hint`)}
              />
              <span id={`${id}-recipients-hint`} className="field-hint">
                One age public key (age1…) per line, as age-keygen prints it. Each recipient opens the pack with their own identity file.
              </span>
              {errorLine('recipients')}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
