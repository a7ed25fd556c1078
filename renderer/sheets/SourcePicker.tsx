// Where a sheet comes from: a file chosen or dropped (CSV, TSV or Excel), or cells copied in Excel
// and pasted into the box (Excel copies them tab-separated, header row first).
import { useId, useState } from 'react';
import { api } from '../api';
import { useInfo } from '../app/store';
import { FileDrop } from '../documents/FileDrop';
import { holdFile, holdPath, holdText, SHEET_ACCEPT, type HeldSource } from './sheetSource';

interface Props {
  /** "processes", "people": what the sheet lists, in the controls' names. */
  what: string;
  onHeld(source: HeldSource): void;
  onError(message: string): void;
}

export function SourcePicker({ what, onHeld, onError }: Props) {
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const info = useInfo();

  // The desktop's own open dialog (filtered to sheets); the browser's file input elsewhere.
  const pick = async () => {
    try {
      const { path } = await api['app.pickFile']({ purpose: 'open-sheet' });
      if (path) onHeld(holdPath(path));
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const usePasted = () => {
    try {
      onHeld(holdText(pasted));
    } catch (e) {
      onError((e as Error).message);
    }
  };

  return (
    <FileDrop
      className="sheet-source"
      chooseText="Choose a spreadsheet…"
      chooseName={`Choose a spreadsheet of ${what}`}
      hint="or drop a CSV, TSV or Excel (.xlsx) file here"
      accept={SHEET_ACCEPT}
      inputName={`Spreadsheet file of ${what}`}
      pick={info?.canPickFiles ? pick : undefined}
      send={async (file, onProgress, signal) => onHeld(await holdFile(file, onProgress, signal))}
      onError={onError}
      oneAtATime="Drop one sheet at a time."
      sendingWord="Sending"
    >
      <div className="sheet-paste">
        <label htmlFor={pasteId} className="field-label">
          Or paste cells copied from Excel
        </label>
        <textarea
          id={pasteId}
          className="input sheet-paste-box"
          rows={5}
          spellCheck={false}
          placeholder={'Select the cells in Excel with their header row, copy (Ctrl+C) and paste them here (Ctrl+V).'}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
        />
        <div>
          <button type="button" className="button" onClick={usePasted} disabled={!pasted.trim()}>
            Use the pasted cells
          </button>
        </div>
      </div>
    </FileDrop>
  );
}
