// The top of a vendor's overview: readiness broken into its weighted parts, the red flags (each
// a link to the record or item that raises it), the exit timeline and the next deadlines.
import type { RedFlag } from '../../shared/readiness';
import { READINESS_RULE } from '../../shared/readiness-explain';
import { ITEM_STATUS_LABEL } from '../../shared/checklists';
import { daysBetween } from '../../shared/dates';
import { hrefOf, TAB_OF_KIND, type Route } from '../app/router';
import { useApi } from '../data/useApi';
import { STATUS_TONE } from '../checklists/items';
import { formatNumber } from '../format';
import { Meter, scoreTone } from '../ui/Meter';
import { relativeDays } from './vendorDates';
import { Timeline } from './Timeline';

/** Where a red flag's cause lives on screen; null for the vendor itself (its contract dates, below). */
function routeOfFlag(vendorId: string, target: RedFlag['target']): Route | null {
  switch (target.kind) {
    case 'vendor':
      return null;
    case 'checklist_item':
      return { name: 'vendor', vendorId, tab: 'checklists', open: target.id };
    case 'contract':
      return { name: 'vendor', vendorId, tab: 'contracts', open: target.id };
    default:
      return { name: 'vendor', vendorId, tab: TAB_OF_KIND[target.kind], open: target.id };
  }
}

/** Takes the user to the contract dates in the form below (a notice-date flag's cause). */
function focusContractDates() {
  const input = document.querySelector<HTMLInputElement>('form.overview [name="contractEnd"]');
  input?.scrollIntoView({ block: 'center' });
  input?.focus({ preventScroll: true });
}

const FLAG_TARGET_WORD: Record<RedFlag['target']['kind'], string> = {
  vendor: 'contract dates',
  contract: 'contract',
  process: 'process',
  repository: 'repository',
  licence: 'licence',
  document: 'document',
  checklist_item: 'checklist item',
  access: 'access record',
  dataset: 'data set',
  infrastructure: 'infrastructure item',
};

export function VendorReadiness({ vendorId, exitDate }: { vendorId: string; exitDate: string | null }) {
  const { data, error } = useApi('readiness.vendor', { vendorId });

  if (error && !data) {
    return (
      <div className="form-alert" role="alert">
        Could not work out the readiness: {error.message}
      </div>
    );
  }
  if (!data) return <div className="readiness readiness-loading" aria-busy="true" />;

  const { readiness, nextDeadlines, phases, today, assistance } = data;
  const high = readiness.flags.filter((f) => f.severity === 'high').length;
  // A vendor with no checklist and no inventory has no score yet, rather than a red 0%.
  const measured = readiness.parts.some((p) => p.score != null);
  const checklistsHref = hrefOf({ name: 'vendor', vendorId, tab: 'checklists', open: null });

  return (
    <div className="readiness">
      <div className="readiness-top">
        <section className="card" aria-labelledby="readiness-heading">
          <div className="card-header">
            <h2 id="readiness-heading">Readiness</h2>
            {measured ? (
              <span className={`score-big tone-text-${scoreTone(readiness.score)}`}>{readiness.score}%</span>
            ) : (
              <span className="score-big muted">—</span>
            )}
          </div>
          {measured ? (
            <Meter value={readiness.score} label="Readiness" valueText={`${readiness.score}%`} tone={scoreTone(readiness.score)} className="meter-large" />
          ) : (
            <p className="muted">
              Nothing to measure yet: <a href={checklistsHref}>start a checklist</a> and list the vendor&apos;s processes, repositories, licences, documents, access, data and infrastructure.
            </p>
          )}
          <table className="parts-table" aria-label="Readiness by part">
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col" className="num">
                  Weight
                </th>
                <th scope="col">Progress</th>
                <th scope="col" className="num">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {readiness.parts.map((p) => (
                <tr key={p.key} className={p.score == null ? 'part-unmeasured' : undefined}>
                  <th scope="row">
                    {p.label}
                    <span className="part-explain">{p.explanation}</span>
                  </th>
                  <td className="num muted">{p.weight}</td>
                  <td className="part-bar">
                    {p.score == null ? (
                      <span className="muted">nothing to measure</span>
                    ) : (
                      <Meter
                        value={p.score}
                        label={p.label}
                        valueText={`${p.score}%: ${formatNumber(p.done)} of ${formatNumber(p.total)} weight points`}
                        tone={scoreTone(p.score)}
                      />
                    )}
                  </td>
                  <td className="num">{p.score == null ? <span className="muted">—</span> : `${p.score}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-hint">{READINESS_RULE}</p>
        </section>

        <section className="card" aria-labelledby="flags-heading">
          <div className="card-header">
            <h2 id="flags-heading">Red flags</h2>
            <span className="muted">
              {readiness.flags.length === 0 ? 'none' : `${formatNumber(readiness.flags.length)}${high ? ` · ${formatNumber(high)} high` : ''}`}
            </span>
          </div>
          {readiness.flags.length === 0 ? (
            <p className="muted">Nothing threatens this exit right now.</p>
          ) : (
            <ul className="flag-list" aria-labelledby="flags-heading">
              {readiness.flags.map((f, i) => {
                const route = routeOfFlag(vendorId, f.target);
                return (
                  <li key={`${f.kind}:${f.target.id}:${i}`} className={`flag flag-${f.severity}`}>
                    <span className={`badge ${f.severity === 'high' ? 'badge-red' : 'badge-amber'}`}>{f.severity === 'high' ? 'High' : 'Medium'}</span>
                    {route ? (
                      <a href={hrefOf(route)} className="flag-link" title={`Open the ${FLAG_TARGET_WORD[f.target.kind]}`}>
                        {f.message}
                      </a>
                    ) : (
                      <button type="button" className="link-button flag-link" onClick={focusContractDates} title="Go to the contract dates">
                        {f.message}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="timeline-heading">
        <div className="card-header">
          <h2 id="timeline-heading">Timeline</h2>
          <span className="muted">{exitDate ? `T = ${exitDate}` : 'no exit date yet'}</span>
        </div>
        {phases.some((p) => p.total > 0) || assistance.length > 0 ? (
          <Timeline phases={phases} today={today} exitDate={exitDate} assistance={assistance} />
        ) : (
          <p className="muted">
            The timeline shows the phases of the vendor&apos;s checklists: <a href={checklistsHref}>start a checklist</a> to see it.
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="deadlines-heading">
        <div className="card-header">
          <h2 id="deadlines-heading">Next deadlines</h2>
          {nextDeadlines.length > 0 && (
            <a href={checklistsHref} className="card-link">
              All checklist items
            </a>
          )}
        </div>
        {nextDeadlines.length === 0 ? (
          <p className="muted">{exitDate ? 'No open checklist items due from today on.' : 'Set the planned exit date below to give the checklist items their dates.'}</p>
        ) : (
          <table className="simple-table deadlines" aria-labelledby="deadlines-heading">
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Item</th>
                <th scope="col">Checklist</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {nextDeadlines.slice(0, 8).map((item) => {
                const days = item.dueDate ? daysBetween(today, item.dueDate) : null;
                return (
                  <tr key={item.id}>
                    <td className="nowrap">
                      <span className="cell-mono">{item.dueDate}</span> <span className={days != null && days <= 14 ? 'date-rel il-soon' : 'date-rel'}>{relativeDays(days)}</span>
                    </td>
                    <td>
                      <a href={hrefOf({ name: 'vendor', vendorId, tab: 'checklists', open: item.id, checklist: item.checklistId })}>{item.title}</a>
                    </td>
                    <td className="muted">{item.checklistName}</td>
                    <td>
                      <span className={`badge badge-${STATUS_TONE[item.status]}`}>{ITEM_STATUS_LABEL[item.status]}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
