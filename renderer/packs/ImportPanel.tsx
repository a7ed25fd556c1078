// Import: choose a pack, see what it would add, update, delete (tombstones) or is in conflict, per
// kind and vendor; settle each conflict (keep mine / take theirs) or leave it to the default; then
// apply it in one transaction. A pack that fails its checks is refused and changes nothing.
import { useEffect, useRef, useState } from 'react';
import {
  DEFAULT_RESOLUTIONS, type DefaultResolution, type ImportPreview, type ImportResult, type MergeRecord, type MergeSummaryRow, type PackJobKind, type PackJobStatusOf,
  type Resolution,
} from '../../shared/packs';
import type { FieldIssue } from '../../shared/errors';
import { api, ApiError } from '../api';
import { formatBytes, formatDateTime, formatNumber, plural } from '../format';
import { PackFacts } from './PackFacts';
import { PackPicker, type PickedPack } from './PackPicker';
import { JobProgress } from './JobProgress';
import { JobCancelled, runPackJob } from './packJob';
import { holdOnServer, type PackSource } from './transfer';
import { ProblemTable } from './ProblemTable';

type State =
  | { phase: 'idle' }
  | { phase: 'reading'; pack: PickedPack; status: PackJobStatusOf<PackJobKind> | null }
  | { phase: 'preview'; pack: PickedPack; preview: ImportPreview }
  | { phase: 'applying'; pack: PickedPack; preview: ImportPreview; status: PackJobStatusOf<PackJobKind> | null }
  | { phase: 'done'; name: string; result: ImportResult }
  | { phase: 'refused'; name: string; message: string; issues: FieldIssue[] }
  | { phase: 'error'; message: string };

const DEFAULT_WORDS: Record<DefaultResolution, string> = {
  newer: 'Take the newer side',
  mine: 'Keep mine',
  theirs: 'Take theirs',
};

/** How many conflicts, and changed records, are drawn at first (the rest on request). */
const PAGE = 50;

function discard(source: PackSource) {
  if ('upload' in source) void api['pack.discard']({ upload: source.upload }).catch(() => {});
}

export function ImportPanel() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [def, setDef] = useState<DefaultResolution>('newer');
  // The upload this panel holds, discarded when the panel goes (leaving the Packs screen).
  const held = useRef<{ source: PackSource; letGo(): void } | null>(null);
  useEffect(
    () => () => {
      if (!held.current) return;
      discard(held.current.source);
      held.current.letGo();
    },
    [],
  );

  const release = () => {
    if (held.current) {
      discard(held.current.source);
      held.current.letGo();
    }
    held.current = null;
  };

  const refuse = (name: string, e: unknown) => {
    release();
    const issues = e instanceof ApiError ? (e.issues ?? []) : [];
    setState({ phase: 'refused', name, message: (e as Error).message, issues });
  };

  const cancel = () => {
    release();
    setState({ phase: 'idle' });
  };

  const read = async (pack: PickedPack) => {
    release();
    held.current = { source: pack.source, letGo: 'upload' in pack.source ? holdOnServer(pack.source) : () => {} };
    setResolutions({});
    setDef('newer');
    setState({ phase: 'reading', pack, status: null });
    try {
      const preview = await runPackJob('preview', () => api['pack.startPreview'](pack.source), (status) => setState({ phase: 'reading', pack, status }));
      setState({ phase: 'preview', pack, preview });
    } catch (e) {
      if (e instanceof JobCancelled) cancel();
      else refuse(pack.name, e);
    }
  };

  const apply = async () => {
    if (state.phase !== 'preview') return;
    const { pack, preview } = state;
    setState({ phase: 'applying', pack, preview, status: null });
    try {
      const result = await runPackJob('import', () => api['pack.startImport']({ ...pack.source, resolutions, default: def }), (status) => setState({ phase: 'applying', pack, preview, status }));
      release();
      setState({ phase: 'done', name: pack.name, result });
    } catch (e) {
      // Cancelled: nothing was written; back to the preview, the pack still held.
      if (e instanceof JobCancelled) setState({ phase: 'preview', pack, preview });
      else refuse(pack.name, e);
    }
  };


  const showPicker = state.phase === 'idle' || state.phase === 'error' || state.phase === 'refused' || state.phase === 'reading';

  return (
    <section className="pack-section" aria-labelledby="pack-import-title">
      <header className="pack-section-header">
        <h2 id="pack-import-title">Import a pack</h2>
        <p className="muted">
          Merges a pack from another workbook into this one. The whole pack is checked first, then you see what would change; nothing is
          written until you apply it.
        </p>
      </header>
      {showPicker && (
        <PackPicker purpose="import" onPicked={read} onError={(message) => setState({ phase: 'error', message })} disabled={state.phase === 'reading'} />
      )}

      {state.phase === 'reading' && <JobProgress label="Checking and comparing" name={state.pack.name} status={state.status} />}
      {state.phase === 'error' && (
        <div className="form-alert pack-alert" role="alert">
          {state.message}
        </div>
      )}
      {state.phase === 'refused' && <Refused name={state.name} message={state.message} issues={state.issues} />}
      {(state.phase === 'preview' || state.phase === 'applying') && (
        <Preview
          name={state.pack.name}
          preview={state.preview}
          resolutions={resolutions}
          onResolve={(id, r) => setResolutions((s) => ({ ...s, [id]: r }))}
          def={def}
          onDefault={setDef}
          applying={state.phase === 'applying'}
          onApply={apply}
          onCancel={cancel}
        />
      )}
      {state.phase === 'applying' && <JobProgress label="Importing" name={state.pack.name} status={state.status} />}
      {state.phase === 'done' && <Done name={state.name} result={state.result} onAgain={() => setState({ phase: 'idle' })} />}
    </section>
  );
}

function Refused({ name, message, issues }: { name: string; message: string; issues: FieldIssue[] }) {
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

interface PreviewProps {
  name: string;
  preview: ImportPreview;
  resolutions: Record<string, Resolution>;
  onResolve(id: string, r: Resolution): void;
  def: DefaultResolution;
  onDefault(d: DefaultResolution): void;
  applying: boolean;
  onApply(): void;
  onCancel(): void;
}

function total(rows: MergeSummaryRow[], key: 'add' | 'update' | 'delete' | 'conflict' | 'keep' | 'same'): number {
  return rows.reduce((n, r) => n + r[key], 0);
}

function Preview({ name, preview, resolutions, onResolve, def, onDefault, applying, onApply, onCancel }: PreviewProps) {
  const rows = preview.summary.filter((r) => r.add + r.update + r.delete + r.conflict + r.keep + r.same > 0);
  const t = {
    add: total(rows, 'add'),
    update: total(rows, 'update'),
    delete: total(rows, 'delete'),
    conflict: total(rows, 'conflict'),
    keep: total(rows, 'keep'),
    same: total(rows, 'same'),
  };
  const nothing = t.add + t.update + t.delete + t.conflict === 0;
  return (
    <div className="pack-preview" aria-label={`Preview of ${name}`} role="region">
      <h3 className="pack-preview-title">What importing {name} would do</h3>
      <PackFacts pack={preview.pack} label="The pack" />
      <p className="muted pack-note">
        {preview.knownPeer
          ? 'This workbook has exchanged packs with the pack’s workbook before: only records changed on both sides since then are conflicts.'
          : 'The first pack from that workbook: a record both workbooks hold with different content is a conflict.'}
      </p>

      <ul className="pack-totals" aria-label="Totals">
        <Total label="to add" n={t.add} tone="green" />
        <Total label="to update" n={t.update} tone="blue" />
        <Total label="to delete" n={t.delete} tone="red" />
        <Total label={t.conflict === 1 ? 'conflict' : 'conflicts'} n={t.conflict} tone="amber" />
        <Total label="kept as mine" n={t.keep} tone="grey" hideZero />
        <Total label="unchanged" n={t.same} tone="grey" hideZero />
      </ul>

      {nothing && <p className="pack-note">This workbook already has everything in the pack: importing it changes no record.</p>}

      {rows.length > 0 && (
        <div className="table-wrap pack-summary-table">
          <table className="data-table" aria-label="Changes by kind and vendor">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Vendor</th>
                <th scope="col" className="num">
                  Add
                </th>
                <th scope="col" className="num">
                  Update
                </th>
                <th scope="col" className="num">
                  Delete
                </th>
                <th scope="col" className="num">
                  Conflict
                </th>
                <th scope="col" className="num" title="Changed only here since the last exchange: yours stays">
                  Keep mine
                </th>
                <th scope="col" className="num">
                  Unchanged
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.table}:${r.vendorId ?? ''}`}>
                  <td>{r.kindLabel}</td>
                  <td>{r.vendorName ?? <span className="muted">no vendor</span>}</td>
                  <Num n={r.add} tone="green" />
                  <Num n={r.update} tone="blue" />
                  <Num n={r.delete} tone="red" />
                  <Num n={r.conflict} tone="amber" />
                  <Num n={r.keep} />
                  <Num n={r.same} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(preview.warnings.length > 0 || preview.attachments.newFiles > 0) && (
        <ul className="pack-warnings" aria-label="Notes">
          {preview.attachments.newFiles > 0 && (
            <li>
              {plural(preview.attachments.newFiles, 'new attached file', 'new attached files')} ({formatBytes(preview.attachments.newBytes)}) will be
              copied into the workbook.
            </li>
          )}
          {preview.warnings.map((w, i) => (
            <li key={i} className="pack-warning">
              {w}
            </li>
          ))}
        </ul>
      )}

      {preview.conflicts.length > 0 && (
        <Conflicts preview={preview} resolutions={resolutions} onResolve={onResolve} def={def} onDefault={onDefault} disabled={applying} />
      )}

      {preview.changes.length > 0 && <Changes changes={preview.changes} truncated={preview.changesTruncated} />}

      <div className="pack-actions pack-apply">
        <button type="button" className="button button-primary" onClick={onApply} disabled={applying}>
          {applying ? 'Importing…' : 'Apply import'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={applying}>
          Cancel
        </button>
        <span className="muted">Applied in one step: all of it, or nothing if anything fails.</span>
      </div>
    </div>
  );
}

function Total({ label, n, tone, hideZero }: { label: string; n: number; tone: string; hideZero?: boolean }) {
  if (hideZero && n === 0) return null;
  return (
    <li className={`pack-total${n ? ` tone-${tone}` : ''}`}>
      <span className="pack-total-n">{formatNumber(n)}</span> {label}
    </li>
  );
}

function Num({ n, tone }: { n: number; tone?: string }) {
  return <td className={`num${n && tone ? ` tone-text-${tone}` : ''}${n ? '' : ' cell-none'}`}>{n ? formatNumber(n) : '·'}</td>;
}

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

function Conflicts({ preview, resolutions, onResolve, def, onDefault, disabled }: ConflictsProps) {
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

const ACTION_WORDS: Partial<Record<MergeRecord['action'], string>> = { add: 'Add', update: 'Update', delete: 'Delete' };

function Changes({ changes, truncated }: { changes: MergeRecord[]; truncated: boolean }) {
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

function Done({ name, result, onAgain }: { name: string; result: ImportResult; onAgain(): void }) {
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
