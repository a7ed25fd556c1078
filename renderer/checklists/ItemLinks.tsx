// The inventory records an item concerns: listed with links to them, linked and unlinked at once.
import { useId, useState } from 'react';
import { LINK_KINDS, type ChecklistItem, type LinkKind } from '../../shared/checklists';
import { KIND_LABEL } from '../../shared/records';
import { api } from '../api';
import { hrefOf, TAB_OF_KIND } from '../app/router';
import { useApi } from '../data/useApi';
import { RefPicker } from '../forms/RefPicker';
import { toast, toastError } from '../ui/toasts';

export function ItemLinks({ item }: { item: ChecklistItem }) {
  const id = useId();
  const { data: links, error } = useApi('checklist.links', { itemId: item.id });
  const [kind, setKind] = useState<LinkKind>('process');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (step: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      // The write's own change event refreshes the links shown here.
      await step();
      toast(done);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Linked records</h3>
      {error && <p className="field-error">{error.message}</p>}
      {links && links.length === 0 && <p className="muted">Not linked to any record yet. Link the processes, repositories, licences or documents this item is about.</p>}
      {links && links.length > 0 && (
        <ul className="link-list" aria-label="Linked records">
          {links.map((l) => (
            <li key={l.id}>
              <span className="kind-tag">{KIND_LABEL[l.recordKind].one}</span>
              <a href={hrefOf({ name: 'vendor', vendorId: item.vendorId, tab: TAB_OF_KIND[l.recordKind], open: l.recordId })}>{l.title}</a>
              {l.id.startsWith('process:') ? (
                <span className="muted link-note">this item&apos;s process</span>
              ) : (
                <button
                  type="button"
                  className="link-button link-danger"
                  aria-label={`Unlink ${l.title}`}
                  disabled={busy}
                  onClick={() => void run(() => api['checklist.unlink']({ itemId: item.id, recordKind: l.recordKind, recordId: l.recordId }), `Unlinked ${l.title}`)}
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="detail-row link-add">
        <div className="field">
          <label htmlFor={`${id}-kind`} className="field-label">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            className="input select"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as LinkKind);
              setPicked(null);
              setText(null);
            }}
          >
            {LINK_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k].one}
              </option>
            ))}
          </select>
        </div>
        <RefPicker
          key={kind}
          kind={kind}
          label={`${KIND_LABEL[kind].one} to link`}
          value={picked?.id ?? ''}
          valueLabel={picked?.name ?? ''}
          inputValue={text ?? picked?.name ?? ''}
          onInputChange={setText}
          onChange={(pid, name) => {
            setPicked(pid ? { id: pid, name } : null);
            setText(null);
          }}
          vendorId={item.vendorId}
        />
        <button
          type="button"
          className="button"
          disabled={!picked || busy}
          onClick={() => {
            if (!picked) return;
            void run(() => api['checklist.link']({ itemId: item.id, recordKind: kind, recordId: picked.id }), `Linked ${picked.name}`).then(() => {
              setPicked(null);
              setText(null);
            });
          }}
        >
          Link
        </button>
      </div>
    </section>
  );
}
