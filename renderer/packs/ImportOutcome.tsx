// How an import ended: refused (nothing changed, and why), or done (what was added, updated, deleted).
import type { ImportResult } from '../../shared/packs';
import type { FieldIssue } from '../../shared/errors';
import { formatNumber, plural } from '../format';
import { ProblemTable } from './ProblemTable';
import { Total } from './ImportTotals';

export function Refused({ name, message, issues }: { name: string; message: string; issues: FieldIssue[] }) {
  return (
    <div className="pack-result pack-result-bad" role="alert">
      <h3 className="pack-result-title">
        <span className="pack-result-icon" aria-hidden="true">
          ✕
        </span>
        {name} was refused
      </h3>
      <p className="pack-result-text">Nothing in this workbook was changed.</p>
      {issues.length ? (
        <ProblemTable problems={issues.map((i) => ({ file: i.field === '(pack)' ? null : i.field, message: i.message }))} label="Why the pack was refused" />
      ) : (
        <p className="pack-result-text">{message}</p>
      )}
    </div>
  );
}

export function Done({ name, result, onAgain }: { name: string; result: ImportResult; onAgain(): void }) {
  const settled = result.conflicts.theirs + result.conflicts.mine;
  return (
    <div className="pack-result pack-result-ok" role="status">
      <h3 className="pack-result-title">
        <span className="pack-result-icon" aria-hidden="true">
          ✓
        </span>
        Imported {name}
      </h3>
      <ul className="pack-totals" aria-label="Import result">
        <Total label="added" n={result.added} tone="green" />
        <Total label="updated" n={result.updated} tone="blue" />
        <Total label="deleted" n={result.deleted} tone="red" />
        <Total label="kept as mine" n={result.kept} tone="grey" hideZero />
        <Total label={result.attachmentsWritten === 1 ? 'attached file copied' : 'attached files copied'} n={result.attachmentsWritten} tone="grey" hideZero />
      </ul>
      {settled > 0 && (
        <p className="pack-result-text">
          {plural(settled, 'conflict', 'conflicts')} settled: {formatNumber(result.conflicts.theirs)} took theirs, {formatNumber(result.conflicts.mine)} kept
          mine.
        </p>
      )}
      {result.warnings.length > 0 && (
        <ul className="pack-warnings" aria-label="Notes">
          {result.warnings.map((w, i) => (
            <li key={i} className="pack-warning">
              {w}
            </li>
          ))}
        </ul>
      )}
      <div className="pack-actions">
        <a className="button" href="#/">
          Go to the dashboard
        </a>
        <button type="button" className="button" onClick={onAgain}>
          Import another pack
        </button>
      </div>
    </div>
  );
}
