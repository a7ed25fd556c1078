// One contract's deadlines in words, with the arithmetic shown step by step (shared/contract-terms.ts
// works it out; every face says the same), and the notice served on it (with the letter or e-mail
// attached to it) or the action to record one.
import { positionOf, positionOn } from '../../shared/contract-deadlines';
import { daysBetween, localToday } from '../../shared/dates';
import { enumLabel } from '../../shared/enums';
import type { Contract, ContractNotice } from '../../shared/records';
import { Attachments, uploadAll } from '../documents/Attachments';
import { toast } from '../ui/toasts';
import { ContractLinks } from './ContractLinks';
import { DateFact } from './DateFact';

interface Props {
  contract: Contract;
  /** Live notices served on it, earliest first. */
  notices: ContractNotice[];
  /** Names of the people the notices name, by id. */
  labels: Record<string, string>;
  onEdit(): void;
  onRecordNotice(): void;
  /** Takes back a notice recorded by mistake (asks first, and offers Undo). */
  onRemoveNotice(notice: ContractNotice): void;
}

const days = (today: string, date: string | null) => (date ? daysBetween(today, date) : null);

export function ContractDeadline({ contract, notices, labels, onEdit, onRecordNotice, onRemoveNotice }: Props) {
  const today = localToday();
  const served = notices[0] ?? null;
  const p = positionOf(contract, today);
  const headingId = `contract-${contract.id}-title`;
  const endedByExit = contract.endedByExit === 'yes';
  // Served: the term the notice ended is the one that ran when it was served.
  const endsOn = served ? positionOn(contract, served.servedOn).endsOn : null;
  return (
    <article className="card contract-card" aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId}>{contract.title}</h2>
        <span className="muted">
          {enumLabel(contract.kind)}
          {contract.reference ? ` · ${contract.reference}` : ''}
          {endedByExit ? '' : ' · not ended by this exit'}
        </span>
      </header>
      <p className="contract-summary">{served ? `Notice served on ${served.servedOn}${endsOn ? `: it ends on ${endsOn}.` : '.'}` : p.summary}</p>
      <dl className="contract-facts">
        <div>
          <dt>Current term ends</dt>
          <dd>
            <DateFact date={p.currentEnd} days={days(today, p.currentEnd)} empty="no end date" />
          </dd>
        </div>
        {!served && p.noticeBy && (
          <div>
            <dt>{contract.renewal === 'express' ? 'Exercise the option by' : 'Notice must reach the vendor by'}</dt>
            <dd>
              <DateFact date={p.noticeBy} days={days(today, p.noticeBy)} />
            </dd>
          </div>
        )}
        {!served && p.serveBy && p.serveBy !== p.noticeBy && (
          <div>
            <dt>Start by (our lead time)</dt>
            <dd>
              <DateFact date={p.serveBy} days={days(today, p.serveBy)} />
            </dd>
          </div>
        )}
        {!served && p.ifMissedRunsUntil && (
          <div>
            <dt>If notice is not served by then</dt>
            <dd>it renews until {p.ifMissedRunsUntil}</dd>
          </div>
        )}
      </dl>
      <div className="contract-steps">
        <h3>How this is worked out</h3>
        <ol>
          {p.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </div>
      {served && (
        <p className="contract-served" role="status">
          Notice served on {served.servedOn}
          {served.servedById ? ` by ${labels[served.servedById] ?? 'someone'}` : ''}
          {served.method !== 'unknown' ? `, by ${enumLabel(served.method).toLowerCase()}` : ''}
          {served.acknowledgedOn ? `; acknowledged on ${served.acknowledgedOn}` : '; not acknowledged yet'}.
        </p>
      )}
      {served && (
        <Attachments
          owner={{ noticeId: served.id }}
          title="Letter or e-mail served"
          pending={[]}
          onPendingChange={() => {}}
          onFiles={(files) =>
            void uploadAll({ noticeId: served.id }, files).then((n) => {
              if (n) toast(n === 1 ? `Attached ${files[0]!.name}` : `Attached ${n} files`);
            })
          }
        />
      )}
      <ContractLinks contract={contract} />
      <div className="contract-actions">
        <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${contract.title}`}>
          Edit
        </button>
        {served && (
          <button type="button" className="button button-danger-quiet" onClick={() => onRemoveNotice(served)} aria-label={`Remove the notice served on ${contract.title}`}>
            Remove notice
          </button>
        )}
        {!served && (
          <button type="button" className="button button-primary" onClick={onRecordNotice} aria-label={`Record notice served on ${contract.title}`}>
            Record notice served
          </button>
        )}
      </div>
    </article>
  );
}
