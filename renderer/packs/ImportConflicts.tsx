// The import preview's conflicts: each record changed on both sides, field by field, with mine or
// theirs to keep, and the default for those not settled by hand.
import { useState } from 'react';
import { DEFAULT_RESOLUTIONS, type DefaultResolution, type ImportPreview, type MergeRecord, type Resolution } from '../../shared/packs';
import { formatDateTime, formatNumber } from '../format';
import { PAGE } from './ImportChanges';

const DEFAULT_WORDS: Record<DefaultResolution, string> = {
  newer: 'Take the newer side',
  mine: 'Keep mine',
  theirs: 'Take theirs',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface ConflictsProps {
  preview: ImportPreview;
  resolutions: Record<string, Resolution>;
  onResolve(id: string, r: Resolution): void;
  def: DefaultResolution;
  onDefault(d: DefaultResolution): void;
  disabled: boolean;
}

export function Conflicts({ preview, resolutions, onResolve, def, onDefault, disabled }: ConflictsProps) {
  const [limit, setLimit] = useState(PAGE);
  const { conflicts } = preview;
  const sideOf = (c: MergeRecord): Resolution => resolutions[c.id] ?? (def === 'newer' ? (c.suggested ?? 'theirs') : def);
  const chosen = conflicts.filter((c) => resolutions[c.id]).length;
  return (
    <section className="pack-conflicts" aria-labelledby="pack-conflicts-title">
      <div className="section-header">
        <h4 id="pack-conflicts-title">Conflicts ({formatNumber(conflicts.length)})</h4>
        <label className="pack-default">
          <span>Default for conflicts</span>
          <select className="input select toolbar-select" value={def} onChange={(e) => onDefault(e.target.value as DefaultResolution)} disabled={disabled}>
            {DEFAULT_RESOLUTIONS.map((d) => (
              <option key={d} value={d}>
                {DEFAULT_WORDS[d]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted pack-note">
        Both workbooks changed these records. Choose per record, or let the default settle the ones you leave
        {chosen ? ` (${formatNumber(chosen)} chosen by hand)` : ''}.
        {preview.conflictsTruncated ? ' Only the first conflicts are listed; the rest take the default.' : ''}
      </p>
      <ol className="pack-conflict-list">
        {conflicts.slice(0, limit).map((c) => {
          const side = sideOf(c);
          const label = `${c.kindLabel} “${c.title}”`;
          return (
            <li key={c.id} className="pack-conflict">
              <div className="pack-conflict-head">
                <span className="kind-tag">{c.kindLabel}</span>
                <strong className="pack-conflict-title">{c.title}</strong>
                {c.vendorName && <span className="muted">{c.vendorName}</span>}
                <span className="spacer" />
                <div role="radiogroup" aria-label={`Choice for ${label}`} className="pack-choice">
                  {(['mine', 'theirs'] as const).map((r) => (
                    <label key={r} className={`pack-choice-option${side === r ? ' is-chosen' : ''}`}>
                      <input type="radio" name={`conflict-${c.id}`} value={r} checked={side === r} onChange={() => onResolve(c.id, r)} disabled={disabled} />
                      {r === 'mine' ? 'Keep mine' : 'Take theirs'}
                    </label>
                  ))}
                </div>
              </div>
              <table className="simple-table pack-diff" aria-label={`Differences in ${label}`}>
                <thead>
                  <tr>
                    <th scope="col" className="pack-diff-field">
                      Field
                    </th>
                    <th scope="col">
                      Mine <span className="muted pack-stamp">{c.mineUpdatedAt ? formatDateTime(c.mineUpdatedAt) : ''}</span>
                    </th>
                    <th scope="col">
                      Theirs <span className="muted pack-stamp">{formatDateTime(c.theirsUpdatedAt)}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.differences.map((d) => (
                    <tr key={d.field}>
                      <th scope="row">{d.label}</th>
                      <td className={side === 'mine' ? 'pack-kept' : 'pack-dropped'}>{shown(d.mine)}</td>
                      <td className={side === 'theirs' ? 'pack-kept' : 'pack-dropped'}>{shown(d.theirs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ol>
      {conflicts.length > limit && (
        <button type="button" className="button button-small" onClick={() => setLimit((n) => n + PAGE * 4)}>
          Show more conflicts ({formatNumber(conflicts.length - limit)} left)
        </button>
      )}
    </section>
  );
}
