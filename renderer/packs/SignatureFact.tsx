// Who signed a pack and how far its key is trusted, in the pack's facts (Verify, import preview).
// A key that CHANGED since the last pack from that workbook can be accepted here, after which the
// import goes ahead; accepting is the user's call, so the button says what it does.
import { useState } from 'react';
import type { PackSummary } from '../../shared/packs';
import { signatureLine } from '../../shared/signature';
import { api } from '../api';
import { toast, toastError } from '../ui/toasts';

const TRUST_TONE = { trusted: 'green', 'first-seen': 'blue', changed: 'red' } as const;
const TRUST_WORD = { trusted: 'Trusted key', 'first-seen': 'Key first seen', changed: 'Key CHANGED' } as const;

export function SignatureFact({ pack }: { pack: PackSummary }) {
  const sig = pack.signature;
  const [accepted, setAccepted] = useState(false);
  const accept = async () => {
    if (!sig) return;
    try {
      await api['signers.trust']({ workbookId: pack.workbookId, publicKey: sig.publicKey, workbookName: sig.workbookName });
      setAccepted(true);
      toast(`The new key of workbook “${sig.workbookName}” is trusted now`);
    } catch (e) {
      toastError(e);
    }
  };
  const trust = accepted ? 'trusted' : sig?.trust;
  return (
    <div>
      <dt>Signature</dt>
      <dd>
        {trust && <span className={`badge badge-${TRUST_TONE[trust]}`}>{TRUST_WORD[trust]}</span>} {signatureLine(sig && { ...sig, trust: null })}
        {sig?.trust === 'changed' && !accepted && (
          <div className="signature-changed">
            <p className="field-hint">
              Packs from this workbook were signed with another key before ({sig.trustedFingerprint}). Accept the new key only if you know why it changed
              (the workbook was set up again, its key was lost); someone who altered the pack would re-sign it with a key of their own.
            </p>
            <button type="button" className="button" onClick={() => void accept()}>
              Accept the new key of “{sig.workbookName}”
            </button>
          </div>
        )}
      </dd>
    </div>
  );
}
