// Upcoming: every dated thing to act on (deadlines.list) in the next 30, 90 or 365 days, with what
// is overdue first; grouped by week (by month over a year), by vendor, by person or by kind, and
// narrowed to one vendor or one kind; each row links to the record it comes from. Change events refresh it (data/queryKeys.ts).
import { useId, useMemo, useState } from 'react';
import { localToday, daysBetween, relativeDays } from '../../shared/dates';
import type { Deadline, DeadlineKind } from '../../shared/deadlines';
import { hrefOf, routeOfItem, routeOfRecord, type Route } from '../app/router';
import { useApi } from '../data/useApi';
import { formatNumber } from '../format';
import { EmptyState } from '../ui/EmptyState';
import { ExportCalendarButton } from '../calendar/ExportCalendarButton';
import { DEADLINE_SOURCES, SOURCE_LABELS, groupDeadlines, ofSource, type DeadlineSource, type Grouping } from './grouping';

const WINDOWS = [30, 90, 365] as const;

const KIND_TAGS: Record<DeadlineKind, string> = {
  notice_start: 'Serve notice',
  notice_due: 'Notice due',
  contract_renewal: 'Term ends',
  option_expiry: 'Option',
  licence_expiry: 'Licence',
  item_due: 'Checklist item',
  access_due: 'Access',
  infrastructure_expiry: 'Expiry',
};

const GROUPING_LABELS: Record<Grouping, string> = { date: 'By date', vendor: 'By vendor', person: 'By person', kind: 'By kind' };

function routeOf(d: Deadline): Route {
  const vendorId = d.vendorId;
  if (d.source.kind === 'checklist_item') {
    if (vendorId && d.source.checklistId) return routeOfItem({ id: d.source.id, vendorId, checklistId: d.source.checklistId });
    return vendorId ? { name: 'vendor', vendorId, tab: 'checklists', open: d.source.id } : { name: 'vendors' };
  }
  return routeOfRecord(d.source.kind, d.source.id, vendorId);
}

function DeadlineRow({ d, today, grouping }: { d: Deadline; today: string; grouping: Grouping }) {
  const days = daysBetween(today, d.date);
  const context = [grouping !== 'vendor' && d.vendorName, grouping !== 'person' && d.personName].filter(Boolean).join(' · ');
  return (
    <li className="deadline">
      <span className={`deadline-date${days < 0 ? ' text-danger' : ''}`}>
        <span>{d.date}</span>
        <span className="deadline-when">{days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : relativeDays(days)}</span>
      </span>
      <span className="kind-tag">{KIND_TAGS[d.kind]}</span>
      <span className="deadline-main">
        <a href={hrefOf(routeOf(d))} className="deadline-title">{d.title}</a>
        <span className="deadline-detail">{d.detail}</span>
        {context && <span className="deadline-context">{context}</span>}
      </span>
    </li>
  );
}

export function Upcoming() {
  const id = useId();
  const today = localToday();
  const [days, setDays] = useState<number>(90);
  const [grouping, setGrouping] = useState<Grouping>('date');
  const [vendorId, setVendorId] = useState('');
  // The kind is narrowed here, not in the backend: the list is already loaded whole for the window.
  const [source, setSource] = useState<DeadlineSource | ''>('');
  const vendors = useApi('vendor.summaries', {});
  const list = useApi('deadlines.list', { days, ...(vendorId ? { vendorId } : {}) }, { keepPrevious: true });
  const shown = useMemo(() => (list.data ? ofSource(list.data, source) : undefined), [list.data, source]);
  const groups = useMemo(() => groupDeadlines(shown ?? [], grouping, today, days > 90), [shown, grouping, today, days]);
  const overdue = (shown ?? []).filter((d) => d.date < today).length;

  return (
    <div className="page upcoming">
      <header className="page-header">
        <h1>Upcoming</h1>
        {shown && (
          <span className="muted page-summary">
            {formatNumber(shown.length)} deadline{shown.length === 1 ? '' : 's'}{source ? ` for ${SOURCE_LABELS[source].toLowerCase()}` : ''} in the next {days} days
            {overdue > 0 && <span className="text-danger"> · {formatNumber(overdue)} overdue</span>}
          </span>
        )}
        <span className="spacer" />
        {/* The next year's deadlines of the vendor chosen (or all), whatever the window shown: a calendar looks ahead.
            Up here, as the other screens' actions are, so the toolbar below keeps to one line at 1280 px. */}
        <ExportCalendarButton label="Export calendar" {...(vendorId ? { vendorId } : {})} />
      </header>
      <div className="toolbar">
        <label className="upcoming-field" htmlFor={`${id}-days`}>
          Window
          <select id={`${id}-days`} className="input select toolbar-select" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((n) => <option key={n} value={n}>Next {n} days</option>)}
          </select>
        </label>
        <label className="upcoming-field" htmlFor={`${id}-vendor`}>
          Vendor
          <select id={`${id}-vendor`} className="input select toolbar-select" value={vendorId} onChange={(e) => setVendorId(e.target.value)}>
            <option value="">All vendors</option>
            {(vendors.data ?? []).map((v) => <option key={v.vendor.id} value={v.vendor.id}>{v.vendor.name}</option>)}
          </select>
        </label>
        <label className="upcoming-field" htmlFor={`${id}-kind`}>
          Kind
          <select id={`${id}-kind`} className="input select toolbar-select" value={source} onChange={(e) => setSource(e.target.value as DeadlineSource | '')}>
            <option value="">All kinds</option>
            {DEADLINE_SOURCES.map((k) => <option key={k} value={k}>{SOURCE_LABELS[k]}</option>)}
          </select>
        </label>
        <div className="segmented" role="group" aria-label="Group">
          {(Object.keys(GROUPING_LABELS) as Grouping[]).map((g) => (
            <button key={g} type="button" className="button toggle" aria-pressed={grouping === g} onClick={() => setGrouping(g)}>
              {GROUPING_LABELS[g]}
            </button>
          ))}
        </div>
      </div>
      {list.error ? (
        <div className="form-alert" role="alert">Could not load the deadlines: {list.error.message}</div>
      ) : !shown ? (
        <p className="muted">Loading the deadlines…</p>
      ) : shown.length === 0 && source ? (
        <EmptyState title={`No ${SOURCE_LABELS[source].toLowerCase()} deadlines in the next ${days} days`}>
          Choose All kinds to see the other deadlines{days < 365 ? ', or look further ahead with a longer window' : ''}.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`Nothing falls due in the next ${days} days`}>
          Deadlines come from contracts (notice dates, term ends, renewal options), licences&apos; renewal or expiry dates, open
          checklist items with a due date, access and credentials to revoke, rotate or transfer (planned from the exit date) and
          infrastructure expiries (certificates, domains) not yet handed over. Add a contract on a vendor&apos;s Contracts tab, or set an
          exit date so its checklist items and access get their dates{days < 365 ? ', or look further ahead with a longer window' : ''}.
        </EmptyState>
      ) : (
        groups.map((g) => (
          <section key={g.key} className="deadline-group" aria-labelledby={`${id}-${g.key}`}>
            <h2 id={`${id}-${g.key}`} className={g.key === 'overdue' ? 'text-danger' : undefined}>
              {g.label} <span className="muted">({formatNumber(g.items.length)})</span>
            </h2>
            <ul className="deadline-list">
              {g.items.map((d) => <DeadlineRow key={d.id} d={d} today={today} grouping={grouping} />)}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
