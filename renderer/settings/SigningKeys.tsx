// Settings › Signing keys: the keys this workbook keeps for other workbooks' packs. The first pack
// imported from a workbook keeps its key; a later one signed with another key is shown as CHANGED
// and not imported until its new key is accepted. Forgetting a key makes the next pack from that
// workbook count as first seen.
import { useState } from 'react';
import type { TrustedSigner } from '../../shared/packs';
import { api } from '../api';
import { useApi } from '../data/useApi';
import { formatDateTime } from '../format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { toast, toastError } from '../ui/toasts';

export function SigningKeys() {
  const { data, error } = useApi('signers.list', {});
  const [forgetting, setForgetting] = useState<TrustedSigner | null>(null);
  const forget = async (s: TrustedSigner) => {
    try {
      await api['signers.forget']({ workbookId: s.workbookId });
      toast(`Forgot the key of workbook “${s.workbookName}”`);
    } catch (e) {
      toastError(e);
    } finally {
      setForgetting(null);
    }
  };
  return (
    <section className="settings-signers" aria-labelledby="settings-signers-title">
      <h3 id="settings-signers-title" className="field-label">Signing keys of other workbooks</h3>
      {error && <p role="alert">{error.message}</p>}
      {data && data.length === 0 && (
        <p className="field-hint">
          None yet. Every pack is signed by the workbook that made it. When you import a signed pack, this workbook keeps that workbook’s key here,
          so a later pack from it signed with another key (changed, or someone else’s) is shown as CHANGED and not imported until you accept it.
        </p>
      )}
      {data && data.length > 0 && (
        <>
          <p className="field-hint">Kept from the first signed pack imported from each workbook; a later pack signed with another key shows as CHANGED.</p>
          <ul className="settings-signers-list" aria-label="Kept signing keys">
            {data.map((s) => (
              <li key={s.workbookId} className="settings-signer">
                <div className="settings-signer-text">
                  <span className="settings-signer-name" title={s.workbookId}>{s.workbookName || s.workbookId}</span>
                  <span className="cell-mono" title={`minisign key id ${s.keyId}`}>{s.fingerprint}</span>
                  <span className="muted">
                    first seen {formatDateTime(s.firstSeen)} · last pack {formatDateTime(s.lastSeen)}
                  </span>
                </div>
                <button type="button" className="button button-small" onClick={() => setForgetting(s)} aria-label={`Forget the key of ${s.workbookName || s.workbookId}`}>
                  Forget
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        title="Forget this key?"
        isOpen={forgetting !== null}
        confirmLabel="Forget key"
        onConfirm={() => (forgetting ? forget(forgetting) : undefined)}
        onClose={() => setForgetting(null)}
      >
        <p>The next pack from workbook “{forgetting?.workbookName}” counts as first seen, whatever key it is signed with.</p>
      </ConfirmDialog>
    </section>
  );
}
