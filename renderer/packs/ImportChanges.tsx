// The import preview's list of the records that would change (added, updated, deleted), drawn a page at a time.
import { useState } from 'react';
import type { MergeRecord } from '../../shared/packs';
import { formatNumber } from '../format';

/** How many conflicts, and changed records, are drawn at first (the rest on request). */
export const PAGE = 50;

const ACTION_WORDS: Partial<Record<MergeRecord['action'], string>> = { add: 'Add', update: 'Update', delete: 'Delete' };

export function Changes({ changes, truncated }: { changes: MergeRecord[]; truncated: boolean }) {
  const [limit, setLimit] = useState(PAGE * 4);
  return (
    <details className="pack-details">
      <summary>
        Records that would change ({formatNumber(changes.length)}
        {truncated ? '+' : ''})
      </summary>
      <div className="table-wrap pack-changes">
        <table className="simple-table" aria-label="Records that would change">
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Kind</th>
              <th scope="col">Record</th>
              <th scope="col">Vendor</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, limit).map((c) => (
              <tr key={`${c.table}:${c.id}`}>
                <td className={`pack-action pack-action-${c.action}`}>{ACTION_WORDS[c.action] ?? c.action}</td>
                <td>{c.kindLabel}</td>
                <td className="cell-text">{c.title}</td>
                <td className="muted">{c.vendorName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changes.length > limit && (
        <button type="button" className="button button-small pack-more" onClick={() => setLimit((n) => n + PAGE * 4)}>
          Show more ({formatNumber(changes.length - limit)} left)
        </button>
      )}
      {truncated && <p className="field-hint">Only the first {formatNumber(changes.length)} are listed; the counts above are complete.</p>}
    </details>
  );
}
