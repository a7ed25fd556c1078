// An item's sign-off: who accepted it and when, or the picker to sign it off (which also completes it).
import { useId, useState } from 'react';
import type { ChecklistItem } from '../../shared/checklists';
import { api } from '../api';
import { TEAM_SIDE } from '../forms/personSides';
import { RefPicker } from '../forms/RefPicker';
import { formatDateTime } from '../format';

export function ItemSignOff({
  item,
  names,
  defaultSigner,
  onApply,
  onName,
}: {
  item: ChecklistItem;
  names: Record<string, string>;
  defaultSigner: { id: string; name: string } | null;
  onApply(step: () => Promise<ChecklistItem>, done: string): Promise<void>;
  onName(id: string, name: string): void;
}) {
  const id = useId();
  const [signer, setSigner] = useState<{ id: string; name: string } | null>(defaultSigner);
  const [text, setText] = useState<string | null>(null);
  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Sign-off</h3>
      {item.signedOffById ? (
        <div className="detail-row">
          <span>
            Signed off by <strong>{names[item.signedOffById] ?? 'someone no longer in the workbook'}</strong>
            {item.signedOffAt && <span className="muted"> on {formatDateTime(item.signedOffAt)}</span>}
          </span>
          <button type="button" className="button button-small" onClick={() => void onApply(() => api['checklist.signOff']({ id: item.id, byId: null }), 'Sign-off withdrawn')}>
            Withdraw sign-off
          </button>
        </div>
      ) : (
        <div className="detail-row signoff-row">
          <RefPicker
            kind="person"
            prefer={TEAM_SIDE}
            label="Signed off by"
            value={signer?.id ?? ''}
            valueLabel={signer?.name ?? ''}
            inputValue={text ?? signer?.name ?? ''}
            onInputChange={setText}
            onChange={(pid, name) => {
              setSigner(pid ? { id: pid, name } : null);
              setText(null);
            }}
          />
          <button
            type="button"
            className="button"
            disabled={!signer}
            title={signer ? undefined : 'Pick who signs off first'}
            onClick={() => {
              if (!signer) return;
              onName(signer.id, signer.name);
              void onApply(() => api['checklist.signOff']({ id: item.id, byId: signer.id }), `Signed off by ${signer.name}`);
            }}
          >
            Sign off
          </button>
        </div>
      )}
      <p className="field-hint">Pick who signs off, then Sign off: it records who accepted the item, and when, and marks the item done.</p>
    </section>
  );
}
