// The vendor's change log, newest first, fifty entries at a time.
import { useState } from 'react';
import type { ActivityEntry } from '../../shared/contract';
import { api } from '../api';
import { useApi } from '../data/useApi';
import { formatDateTime } from '../format';
import { EmptyState } from '../ui/EmptyState';
import { HistoryCheck } from './HistoryCheck';
import { toastError } from '../ui/toasts';

const PAGE = 50;

const ACTION_LABEL: Record<ActivityEntry['action'], string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
  attach: 'Attached',
  detach: 'Removed file',
  settings: 'Settings',
  demo: 'Demo',
  import: 'Imported pack',
  request: 'Requested',
};

export function ActivityTab({ vendorId }: { vendorId: string }) {
  const first = useApi('activity.list', { vendorId, limit: PAGE });
  const [older, setOlder] = useState<ActivityEntry[]>([]);
  const [more, setMore] = useState(true);
  const [busy, setBusy] = useState(false);

  // The first page refreshes with the data; older pages stay as loaded. Drop any overlap.
  const seen = new Set<string>();
  const entries = [...(first.data ?? []), ...older].filter((e) => !seen.has(e.id) && seen.add(e.id));
  const hasMore = more && (first.data?.length ?? 0) === PAGE;

  const loadOlder = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setBusy(true);
    try {
      const page = await api['activity.list']({ vendorId, limit: PAGE, before: last.id });
      setOlder((o) => [...o, ...page]);
      if (page.length < PAGE) setMore(false);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  if (first.data && entries.length === 0) {
    return <EmptyState title="No activity yet">Every change to this vendor and its inventory is logged here, with who made it.</EmptyState>;
  }

  return (
    <div className="activity">
      <HistoryCheck />
      {first.error && (
        <div className="form-alert" role="alert">
          Could not load the activity: {first.error.message}
        </div>
      )}
      <table className="data-table activity-table" aria-label="Activity">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="cell-mono nowrap">{formatDateTime(e.at)}</td>
              <td className="nowrap">{e.actor || <span className="muted">unknown</span>}</td>
              <td className="nowrap">
                <span className={`action action-${e.action}`}>{ACTION_LABEL[e.action] ?? e.action}</span>
              </td>
              <td>{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={loadOlder} disabled={busy}>
            {busy ? 'Loading…' : 'Load older entries'}
          </button>
        </div>
      )}
    </div>
  );
}
