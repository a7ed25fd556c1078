// What importing a pack would do: the pack's facts, the totals, the changes by kind and vendor, the
// conflicts to settle and the records that would change; then apply or cancel.
import type { DefaultResolution, ImportPreview, MergeSummaryRow, Resolution } from '../../shared/packs';
import { formatBytes, plural } from '../format';
import { PackFacts } from './PackFacts';
import { Total, Num } from './ImportTotals';
import { Conflicts } from './ImportConflicts';
import { Changes } from './ImportChanges';

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

export function Preview({ name, preview, resolutions, onResolve, def, onDefault, applying, onApply, onCancel }: PreviewProps) {
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
