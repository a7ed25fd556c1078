// An edit box for a refused cell in the dry run: the value typed in goes into mapping.overrides
// (read in place of the sheet's cell) and the dry run runs again. Enter or "Use" takes it; the
// sheet itself is never changed. A cell already fixed by hand says so.
import { useState } from 'react';
import { MAX_OVERRIDE_CHARS } from '../../shared/sheets';

interface Props {
  row: number;
  /** The column as the refusal names it, e.g. "B (Tier)". */
  column: string;
  /** The value typed in before, when the cell was fixed by hand already. */
  edited: string | undefined;
  onFix(value: string): void;
}

export function CellFix({ row, column, edited, onFix }: Props) {
  const [value, setValue] = useState(edited ?? '');
  const where = `row ${row}, column ${column}`;
  return (
    // Not a <form>: the dialog's own controls surround it, and forms cannot nest.
    <span className="sheet-fix">
      <input
        className="input sheet-fix-input"
        aria-label={`New value for ${where}`}
        placeholder="Type the right value"
        value={value}
        maxLength={MAX_OVERRIDE_CHARS}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onFix(value);
        }}
      />
      <button type="button" className="button button-small" aria-label={`Use this value for ${where}`} onClick={() => onFix(value)}>
        Use
      </button>
      {edited !== undefined && <span className="sheet-edited">edited</span>}
    </span>
  );
}
