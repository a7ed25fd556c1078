// Step 1: what the backend read from the sheet — its format, encoding and delimiter, the sheet of
// a workbook and the header row (both can be changed: the sheet is read again), the rows found,
// and the other tool's export it recognised.
import { useId, useState } from 'react';
import type { SheetInspection } from '../../shared/sheets';
import { formatNumber, plural } from '../format';

const DELIMITER_WORDS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };
const FORMAT_WORDS: Record<SheetInspection['format'], string> = { csv: 'Text (CSV)', xlsx: 'Excel workbook', pasted: 'Pasted cells' };

interface Props {
  inspection: SheetInspection;
  /** Reads the sheet again with another sheet or header row. */
  onReread(change: { sheet?: string; headerRow?: number }): void;
  busy: boolean;
}

export function SourceFacts({ inspection: i, onReread, busy }: Props) {
  const sheetId = useId();
  const headerId = useId();
  const [headerRow, setHeaderRow] = useState(String(i.headerRow));
  const wanted = Number(headerRow);
  const validRow = Number.isInteger(wanted) && wanted >= 1 && wanted <= 1000;
  return (
    <div className="sheet-facts-block">
      <dl className="sheet-facts">
        <div>
          <dt>File</dt>
          <dd>{i.fileName}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{FORMAT_WORDS[i.format]}</dd>
        </div>
        {i.encoding && (
          <div>
            <dt>Encoding</dt>
            <dd>{i.encoding.toUpperCase()}</dd>
          </div>
        )}
        {i.delimiter && (
          <div>
            <dt>Delimiter</dt>
            <dd>{DELIMITER_WORDS[i.delimiter] ?? JSON.stringify(i.delimiter)}</dd>
          </div>
        )}
        <div>
          <dt>Rows</dt>
          <dd>{formatNumber(i.rowCount)} below the header</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{formatNumber(i.columns.length)}</dd>
        </div>
      </dl>
      {i.knownFormat && (
        <p className="sheet-known" role="note">
          Recognised as {i.knownFormat.label}: its columns are mapped for you.
        </p>
      )}
      <div className="sheet-source-controls">
        {i.sheets.length > 1 && (
          <label htmlFor={sheetId} className="sheet-inline-field">
            <span>Sheet</span>
            <select id={sheetId} className="input select" value={i.sheet} disabled={busy} onChange={(e) => onReread({ sheet: e.target.value })}>
              {i.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <form
          className="sheet-inline-field"
          onSubmit={(e) => {
            e.preventDefault();
            if (validRow && wanted !== i.headerRow) onReread({ headerRow: wanted });
          }}
        >
          <label htmlFor={headerId}>Header row</label>
          <input
            id={headerId}
            className="input input-number"
            type="number"
            min={1}
            max={1000}
            value={headerRow}
            aria-invalid={!validRow || undefined}
            onChange={(e) => setHeaderRow(e.target.value)}
            disabled={busy}
          />
          <button type="submit" className="button button-small" disabled={busy || !validRow || wanted === i.headerRow}>
            Read again
          </button>
        </form>
      </div>
      <p className="muted sheet-note">
        {i.columns.length
          ? `Row ${i.headerRow} holds the headers: ${i.columns.slice(0, 6).map((c) => c.header || `(column ${c.letter})`).join(', ')}${i.columns.length > 6 ? `, and ${plural(i.columns.length - 6, 'more', 'more')}` : ''}. If that is not the header row, give the right one.`
          : 'No columns were found in this sheet: give the row that holds the headers.'}
      </p>
    </div>
  );
}
