// The inventory records an item concerns: listed with links to them, linked and unlinked at once.
import { useId } from 'react';
import { LINK_KINDS, type ChecklistItem } from '../../shared/checklists';
import { KIND_LABEL } from '../../shared/records';
import { api } from '../api';
import { hrefOf, TAB_OF_KIND } from '../app/router';
import { useApi } from '../data/useApi';
import { LinkAdder, useBusyStep } from '../forms/LinkAdder';

export function ItemLinks({ item }: { item: ChecklistItem }) {
  const id = useId();
  const { data: links, error } = useApi('checklist.links', { itemId: item.id });
  const { busy, run } = useBusyStep();

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
      <LinkAdder
        kinds={LINK_KINDS}
        vendorId={item.vendorId}
        busy={busy}
        onLink={(kind, picked) => run(() => api['checklist.link']({ itemId: item.id, recordKind: kind, recordId: picked.id }), `Linked ${picked.name}`)}
      />
    </section>
  );
}
