// All vendors with their exit dates and inventory counts, sortable by any column.
import { useState } from 'react';
import type { VendorSummary } from '../../shared/contract';
import { localToday } from '../../shared/dates';
import { KIND_LABEL } from '../../shared/records';
import { hrefOf, navigate } from '../app/router';
import { NewVendorDialog, NoVendors } from './NoVendors';
import { useApi } from '../data/useApi';
import { formatDay, formatNumber } from '../format';
import { Badge } from '../ui/Badge';
import { ImportSheetButton } from '../sheets/ImportSheetButton';
import { DateFact } from './DateFact';
import { exitFacts } from './vendorDates';

type Key = 'name' | 'status' | 'exitDate' | 'daysToExit' | 'serveNoticeBy' | 'process' | 'repository' | 'licence' | 'document';

interface Row {
  summary: VendorSummary;
  facts: ReturnType<typeof exitFacts>;
}

const COUNT_KEYS = ['process', 'repository', 'licence', 'document'] as const;

const COLUMNS: { key: Key; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'exitDate', label: 'Exit date' },
  { key: 'daysToExit', label: 'Days to exit', numeric: true },
  { key: 'serveNoticeBy', label: 'Serve notice by' },
  ...COUNT_KEYS.map((k) => ({ key: k, label: KIND_LABEL[k].many, numeric: true })),
];

function sortValue(row: Row, key: Key): string | number | null {
  const v = row.summary.vendor;
  switch (key) {
    case 'name':
      return v.name.toLocaleLowerCase();
    case 'status':
      return v.status;
    case 'exitDate':
      return v.exitDate;
    case 'daysToExit':
      return row.facts.daysToExit;
    case 'serveNoticeBy':
      return row.facts.serveNoticeBy;
    default:
      return row.summary.counts[key];
  }
}

function compare(a: Row, b: Row, key: Key, dir: 1 | -1): number {
  const x = sortValue(a, key);
  const y = sortValue(b, key);
  // Unknown values go last whichever way the column is sorted.
  if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
  return (x < y ? -1 : x > y ? 1 : 0) * dir || a.summary.vendor.name.localeCompare(b.summary.vendor.name);
}

export function VendorList() {
  const { data, error } = useApi('vendor.summaries', {});
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [creating, setCreating] = useState(false);

  const today = localToday();
  const rows: Row[] = (data ?? []).map((summary) => ({ summary, facts: exitFacts({ exitDate: summary.vendor.exitDate, serveNoticeBy: summary.serveNoticeBy }, today) }));
  rows.sort((a, b) => compare(a, b, sort.key, sort.dir));

  const dialog = creating && <NewVendorDialog onClose={() => setCreating(false)} />;

  if (data && data.length === 0) {
    return (
      <div className="page">
        <NoVendors onAddVendor={() => setCreating(true)} why="Add the vendor you are leaving: its contract dates tell you when to serve notice." />
        {dialog}
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>Vendors</h1>
        <span className="spacer" />
        <ImportSheetButton kind="vendor" />
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          New vendor
        </button>
      </header>
      {error && (
        <div className="form-alert" role="alert">
          Could not load the vendors: {error.message}
        </div>
      )}
      <div className="table-wrap">
        <table className="data-table" aria-label="Vendors">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const sorted = sort.key === c.key;
                return (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sorted ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
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
            {rows.map(({ summary, facts }) => {
              const v = summary.vendor;
              const href = hrefOf({ name: 'vendor', vendorId: v.id, tab: 'overview', open: null });
              return (
                <tr key={v.id} className="clickable" onClick={() => navigate({ name: 'vendor', vendorId: v.id, tab: 'overview', open: null })}>
                  <td>
                    <a href={href} className="cell-title" onClick={(e) => e.stopPropagation()}>
                      {v.name}
                    </a>
                  </td>
                  <td>
                    <Badge value={v.status} />
                  </td>
                  <td className="cell-mono">{formatDay(v.exitDate) || <span className="muted">—</span>}</td>
                  <td className="num">{facts.daysToExit == null ? <span className="muted">—</span> : formatNumber(facts.daysToExit)}</td>
                  <td>
                    <DateFact date={facts.serveNoticeBy} days={facts.noticeIn} />
                  </td>
                  {COUNT_KEYS.map((k) => (
                    <td key={k} className="num">
                      {formatNumber(summary.counts[k])}
                    </td>
                  ))}
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
