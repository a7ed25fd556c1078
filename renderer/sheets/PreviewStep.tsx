// Step 3: the dry run's outcome — counts at the top, the values that refused rows hold and that
// still need an answer, every row's outcome below (or only the refused ones) with each refused
// cell named by row and column; nothing is written until Apply.
import { useState } from 'react';
import { MAX_PREVIEW_ROWS, type SheetInspection, type SheetMapping, type SheetPreview } from '../../shared/sheets';
import { formatNumber, plural } from '../format';
import { PreviewRows, type CellFixes } from './PreviewRows';
import { previewLines } from './previewLines';
import { ValueQuestions } from './ValueQuestions';

interface Props {
  inspection: SheetInspection;
  preview: SheetPreview;
  /** The preview was made before the latest changes to the mapping. */
  stale: boolean;
  onRerun(): void;
  mapping: SheetMapping;
  onMapping(mapping: SheetMapping): void;
  /** Takes the mapping and runs the dry run on it at once (a cell fixed by hand). */
  onRecheck(mapping: SheetMapping): void;
}

/** The fixes by hand of mapping.overrides, by the refusals' column names ("B (Tier)"). */
function cellFixes(inspection: SheetInspection, mapping: SheetMapping, onRecheck: (m: SheetMapping) => void): CellFixes {
  const labelOf = new Map(inspection.columns.filter((c) => c.header !== '').map((c) => [`${c.letter} (${c.header})`, c.header]));
  const overrides = mapping.overrides ?? [];
  const columnOf = (header: string) => inspection.columns.find((c) => c.header === header);
  return {
    headerOf: (column) => labelOf.get(column) ?? null,
    edited: (row, header) => overrides.find((o) => o.row === row && o.column === header)?.value,
    editsOf: (row) => overrides.filter((o) => o.row === row).map((o) => ({ column: `${columnOf(o.column)?.letter ?? ''} (${o.column})`, value: o.value })),
    fix: (row, header, value) => {
      const others = overrides.filter((o) => !(o.row === row && o.column === header));
      onRecheck({ ...mapping, overrides: [...others, { row, column: header, value }] });
    },
  };
}

export function PreviewStep({ inspection, preview, stale, onRerun, mapping, onMapping, onRecheck }: Props) {
  const [onlyRefused, setOnlyRefused] = useState(false);
  const showRefused = onlyRefused && preview.refusedRows > 0;
  const lines = previewLines(preview, showRefused);
  const fieldLabel = (f: string) => inspection.fields.find((x) => x.field === f)?.label ?? f;
  const total = preview.added + preview.updated + preview.unchanged + preview.refusedRows;
  return (
    <div className="sheet-preview">
      <ul className="pack-totals" aria-label="Dry run totals">
        <Total label="to add" n={preview.added} tone="green" />
        <Total label="to update" n={preview.updated} tone="blue" />
        <Total label="unchanged" n={preview.unchanged} tone="grey" />
        <Total label="refused" n={preview.refusedRows} tone="red" />
        {preview.peopleToCreate > 0 && <Total label={preview.peopleToCreate === 1 ? 'person to create' : 'people to create'} n={preview.peopleToCreate} tone="green" />}
      </ul>
      <p className="muted sheet-note">
        Rows are matched to existing records by {preview.key === 'id' ? 'their id column' : `“${fieldLabel(preview.key)}”`}: importing the sheet again updates them
        instead of adding them twice.
      </p>
      {stale && (
        <div className="sheet-stale" role="status">
          <span>The preview is from before your latest changes.</span>
          <button type="button" className="button button-small button-primary" onClick={onRerun}>
            Run the dry run again
          </button>
        </div>
      )}
      <ValueQuestions preview={preview} fields={inspection.fields} mapping={mapping} onChange={onMapping} />
      {total === 0 ? (
        <p className="pack-note">The sheet has no rows below its header row: there is nothing to import. Check the header row in step 1.</p>
      ) : (
        <>
          <div className="sheet-preview-bar">
            <label className="checkbox-label">
              <input type="checkbox" checked={onlyRefused} disabled={preview.refusedRows === 0} onChange={(e) => setOnlyRefused(e.target.checked)} />
              Show only refused rows
            </label>
            {preview.refusedRows > 0 && (
              <span className="muted">Settle the values above, type the right value into a refused cell, or correct the file and choose it again; refused rows are never imported.</span>
            )}
          </div>
          <PreviewRows lines={lines} fieldLabel={fieldLabel} fixes={cellFixes(inspection, mapping, onRecheck)} />
          {!showRefused && preview.rowsTruncated && (
            <p className="field-hint">
              The first {formatNumber(MAX_PREVIEW_ROWS)} rows are listed; the counts cover all {formatNumber(total)}, and “Show only refused rows” lists every refused one.
            </p>
          )}
          {showRefused && preview.refusedTruncated && <p className="field-hint">Only the first {plural(preview.refused.length, 'refused cell', 'refused cells')} are listed.</p>}
        </>
      )}
    </div>
  );
}

function Total({ label, n, tone }: { label: string; n: number; tone: string }) {
  return (
    <li className={`pack-total${n ? ` tone-${tone}` : ''}`}>
      <span className="pack-total-n">{formatNumber(n)}</span> {label}
    </li>
  );
}
