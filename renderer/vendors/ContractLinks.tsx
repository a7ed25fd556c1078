// The documents and licences a contract covers, in its card on the Contracts tab: listed with links
// to them, linked with the record picker the checklist items use, removed at once (undo is in the
// Edit menu).
import { useId } from 'react';
import { CONTRACT_LINK_KINDS } from '../../shared/contract-links';
import type { Contract } from '../../shared/records';
import { KIND_LABEL } from '../../shared/records';
import { api } from '../api';
import { hrefOf, TAB_OF_KIND } from '../app/router';
import { useApi } from '../data/useApi';
import { LinkAdder, useBusyStep } from '../forms/LinkAdder';

export function ContractLinks({ contract }: { contract: Contract }) {
  const id = useId();
  const { data: links, error } = useApi('contract.links', { contractId: contract.id });
  const { busy, run } = useBusyStep();

  return (
    <section className="contract-links" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Linked documents and licences</h3>
      {error && <p className="field-error">{error.message}</p>}
      {links && links.length === 0 && <p className="muted">No documents or licences linked yet.</p>}
      {links && links.length > 0 && (
        <ul className="link-list" aria-label={`Linked to ${contract.title}`}>
          {links.map((l) => (
            <li key={l.id}>
              <span className="kind-tag">{KIND_LABEL[l.recordKind].one}</span>
              <a href={hrefOf({ name: 'vendor', vendorId: contract.vendorId, tab: TAB_OF_KIND[l.recordKind], open: l.recordId })}>{l.title}</a>
              <button
                type="button"
                className="link-button link-danger"
                aria-label={`Remove ${l.title} from ${contract.title}`}
                disabled={busy}
                onClick={() => void run(() => api['contract.unlink']({ contractId: contract.id, recordKind: l.recordKind, recordId: l.recordId }), `Removed ${l.title}`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <LinkAdder
        kinds={CONTRACT_LINK_KINDS}
        vendorId={contract.vendorId}
        busy={busy}
        groupLabel={`Link a document or licence to ${contract.title}`}
        onLink={(kind, picked) => run(() => api['contract.link']({ contractId: contract.id, recordKind: kind, recordId: picked.id }), `Linked ${picked.name}`)}
      />
    </section>
  );
}
