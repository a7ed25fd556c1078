// The portfolio dashboard, the home screen: every vendor with its exit date, days left, the
// serve-notice date, readiness with its trend and the red flags, riskiest first. Sortable by any
// column; "Riskiest first" returns to the backend's order. A row opens the vendor.
import { useState } from 'react';
import type { DashboardRow } from '../../shared/checklists';
import { daysBetween, localToday } from '../../shared/dates';
import { hrefOf, navigate } from '../app/router';
import { NewVendorDialog, NoVendors } from '../vendors/NoVendors';
import { useApi } from '../data/useApi';
import { formatDay, formatNumber } from '../format';
import { Badge } from '../ui/Badge';
import { Meter, scoreTone } from '../ui/Meter';
import { DateFact } from '../vendors/DateFact';

type Key = 'name' | 'status' | 'exitDate' | 'daysToExit' | 'serveNoticeBy' | 'readiness' | 'flags' | 'items';

const COLUMNS: { key: Key; label: string; numeric?: boolean; title?: string }[] = [
  { key: 'name', label: 'Vendor' },
  { key: 'status', label: 'Status' },
  { key: 'exitDate', label: 'Exit date' },
  { key: 'daysToExit', label: 'Days left', numeric: true },
  { key: 'serveNoticeBy', label: 'Serve notice by' },
  { key: 'readiness', label: 'Readiness', title: 'The score, and the points gained (↑) or lost (↓) against a week ago' },
  { key: 'flags', label: 'Red flags', numeric: true },
  { key: 'items', label: 'Items done', title: 'Checklist items done of all items; overdue and blocked ones' },
];

function sortValue(row: DashboardRow, key: Key): string | number | null {
  switch (key) {
    case 'name':
      return row.name.toLocaleLowerCase();
    case 'flags':
      // High flags weigh more than any number of medium ones.
      return row.highFlags * 1000 + row.flags;
    case 'items':
      return row.items.total ? row.items.done / row.items.total : null;
    default:
      return row[key];
  }
}

function compare(a: DashboardRow, b: DashboardRow, key: Key, dir: 1 | -1): number {
  const x = sortValue(a, key);
  const y = sortValue(b, key);
  // Unknown values go last whichever way the column is sorted.
  if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
  return (x < y ? -1 : x > y ? 1 : 0) * dir || a.name.localeCompare(b.name);
}

function Trend({ trend }: { trend: number | null }) {
  if (trend == null) return <span className="muted" title="No score from a week ago yet">—</span>;
  if (trend === 0) return <span className="trend trend-flat" title="No change against a week ago">±0</span>;
  const up = trend > 0;
  return (
    <span className={`trend ${up ? 'trend-up' : 'trend-down'}`} title={`${up ? 'Up' : 'Down'} ${Math.abs(trend)} points against a week ago`}>
      <span aria-hidden="true">{up ? '↑' : '↓'}</span>
      <span className="visually-hidden">{up ? 'up' : 'down'}</span> {Math.abs(trend)}
    </span>
  );
}

export function Dashboard() {
  const { data, error } = useApi('dashboard.get', {});
  // null: the backend's order, riskiest first.
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 } | null>(null);
  const [creating, setCreating] = useState(false);
  const today = localToday();

  const rows = [...(data ?? [])];
  if (sort) rows.sort((a, b) => compare(a, b, sort.key, sort.dir));

  const dialog = creating && <NewVendorDialog onClose={() => setCreating(false)} />;

  if (data && data.length === 0) {
    return (
      <div className="page">
        <NoVendors onAddVendor={() => setCreating(true)} why="The dashboard shows every vendor you are leaving, riskiest first. Add a vendor and its exit date to start." />
        {dialog}
      </div>
    );
  }

  const totals = rows.reduce((t, r) => ({ flags: t.flags + r.highFlags, overdue: t.overdue + r.items.overdue }), { flags: 0, overdue: 0 });

  return (
    <div className="page">
      <header className="page-header">
        <h1>Dashboard</h1>
        {data && (
          <span className="muted page-summary">
            {formatNumber(rows.length)} vendor{rows.length === 1 ? '' : 's'} · {formatNumber(totals.flags)} high red flag{totals.flags === 1 ? '' : 's'} ·{' '}
            {formatNumber(totals.overdue)} overdue item{totals.overdue === 1 ? '' : 's'}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="button toggle" onClick={() => setSort(null)} aria-pressed={!sort} title="Most high red flags first, then the nearest exit, then the lowest readiness; exited vendors last">
          Riskiest first
        </button>
      </header>
      {error && (
        <div className="form-alert" role="alert">
          Could not load the dashboard: {error.message}
        </div>
      )}
      <div className="table-wrap">
        <table className="data-table dashboard-table" aria-label="Vendors by risk">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const sorted = sort?.key === c.key;
                return (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sorted ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} title={c.title}>
                    <button type="button" className="th-sort" onClick={() => setSort({ key: c.key, dir: sorted ? (-sort.dir as 1 | -1) : 1 })}>
                      {c.label}
                      <span className="vt-sort-arrow" aria-hidden="true">
                        {sorted ? (sort.dir === 1 ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const route = { name: 'vendor', vendorId: r.vendorId, tab: 'overview', open: null } as const;
              const noticeIn = r.serveNoticeBy ? daysBetween(today, r.serveNoticeBy) : null;
              return (
                <tr key={r.vendorId} className="clickable" onClick={() => navigate(route)}>
                  <td className="nowrap">
                    <a href={hrefOf(route)} className="cell-title" onClick={(e) => e.stopPropagation()}>
                      {r.name}
                    </a>
                  </td>
                  <td>
                    <Badge value={r.status} />
                  </td>
                  <td className="cell-mono">{formatDay(r.exitDate) || <span className="muted">not set</span>}</td>
                  <td className={`num${r.daysToExit != null && r.daysToExit < 0 ? ' text-danger' : ''}`}>
                    {r.daysToExit == null ? <span className="muted">—</span> : formatNumber(r.daysToExit)}
                  </td>
                  <td>
                    <DateFact date={r.serveNoticeBy} days={noticeIn} />
                  </td>
                  <td>
                    <div className="score-cell">
                      <Meter value={r.readiness} label={`Readiness of ${r.name}`} valueText={`${r.readiness}%`} tone={scoreTone(r.readiness)} className="score-meter" />
                      <span className="score-value">{r.readiness}%</span>
                      <span className="score-trend">
                        <Trend trend={r.trend} />
                      </span>
                    </div>
                  </td>
                  <td className="num">
                    {r.flags === 0 ? (
                      <span className="muted">0</span>
                    ) : (
                      // The count leads to the flags themselves: the vendor's overview, scrolled to its red flags.
                      <a
                        href={hrefOf({ ...route, show: 'flags' })}
                        className={r.highFlags ? 'flag-count flag-high' : 'flag-count'}
                        title={`${r.highFlags} high, ${r.flags - r.highFlags} medium: show them`}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {formatNumber(r.flags)}
                        {r.highFlags > 0 && <span className="flag-high-count"> ({formatNumber(r.highFlags)} high)</span>}
                        <span className="visually-hidden"> red flag{r.flags === 1 ? '' : 's'} of {r.name}</span>
                      </a>
                    )}
                  </td>
                  <td className="items-column">
                    {r.items.total === 0 ? (
                      <span className="muted">no checklist</span>
                    ) : (
                      <span className="items-cell" title={`${r.items.done} of ${r.items.total} checklist items done`}>
                        {formatNumber(r.items.done)}/{formatNumber(r.items.total)}
                        {r.items.overdue > 0 && <span className="text-danger"> · {formatNumber(r.items.overdue)} overdue</span>}
                        {r.items.blocked > 0 && <span className="text-warning"> · {formatNumber(r.items.blocked)} blocked</span>}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {dialog}
    </div>
  );
}
