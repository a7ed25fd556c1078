// The register an item works on (issue 10): the vendor's records of it still open, each a link to
// its dialog, and a link to the register's tab. The T+30 access review so shows what is not verified.
import { useId } from 'react';
import type { ChecklistItem, ItemRegister as Register } from '../../shared/checklists';
import { hrefOf, TAB_OF_KIND } from '../app/router';
import { useApi } from '../data/useApi';

const REGISTER_NAME: Record<Register, string> = { access: 'Access register', dataset: 'Data register', infrastructure: 'Infrastructure register' };
/** What "done" is in each register, for the line under the list. */
const DONE_WORD: Record<Register, string> = { access: 'verified', dataset: 'returned and certified', infrastructure: 'done' };
const NONE_YET: Record<Register, string> = {
  access: 'No access or credentials recorded for this vendor yet.',
  dataset: 'No data sets recorded for this vendor yet.',
  infrastructure: 'No infrastructure recorded for this vendor yet.',
};

export function ItemRegister({ item }: { item: ChecklistItem & { register: Register } }) {
  const id = useId();
  const { data, error } = useApi('checklist.registerOpen', { itemId: item.id });
  const register = item.register;
  const tab = TAB_OF_KIND[register];
  const heading = data ? `${REGISTER_NAME[register]}: ${data.openCount} still open` : REGISTER_NAME[register];

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{heading}</h3>
      {error && <p className="field-error">{error.message}</p>}
      {data && data.total === 0 && <p className="muted">{NONE_YET[register]}</p>}
      {data && data.total > 0 && data.openCount === 0 && <p className="muted">All {data.total} {DONE_WORD[register]}.</p>}
      {data && data.open.length > 0 && (
        <ul className="link-list" aria-label={`${REGISTER_NAME[register]}: still open`}>
          {data.open.map((r) => (
            <li key={r.id}>
              <a href={hrefOf({ name: 'vendor', vendorId: item.vendorId, tab, open: r.id })}>{r.title}</a>
              <span className="muted link-note">{r.state}</span>
            </li>
          ))}
        </ul>
      )}
      {data && data.openCount > data.open.length && <p className="muted">and {data.openCount - data.open.length} more.</p>}
      <p>
        <a href={hrefOf({ name: 'vendor', vendorId: item.vendorId, tab, open: null })}>Open the {REGISTER_NAME[register].toLowerCase()}</a>
      </p>
    </section>
  );
}
