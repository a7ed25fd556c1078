// Where a sheet comes from: a file chosen or dropped (CSV, TSV or Excel), or cells copied in Excel
// and pasted into the box (Excel copies them tab-separated, header row first).
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api';
import { useInfo } from '../app/store';
import { useFileDrop } from '../documents/useFileDrop';
import { formatBytes } from '../format';
import { ProgressBar } from '../packs/ProgressBar';
import { holdFile, holdPath, holdText, SHEET_ACCEPT, type HeldSource } from './sheetSource';

interface Props {
  /** "processes", "people": what the sheet lists, in the controls' names. */
  what: string;
  onHeld(source: HeldSource): void;
  onError(message: string): void;
}

export function SourcePicker({ what, onHeld, onError }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const [uploading, setUploading] = useState<{ name: string; done: number; total: number } | null>(null);
  const info = useInfo();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const take = async (file: File) => {
    const controller = new AbortController();
    abort.current = controller;
    setUploading({ name: file.name, done: 0, total: file.size });
    try {
      onHeld(await holdFile(file, (done, total) => setUploading({ name: file.name, done, total }), controller.signal));
    } catch (e) {
      if ((e as Error).name !== 'AbortError') onError((e as Error).message);
    } finally {
      abort.current = null;
      if (!controller.signal.aborted) setUploading(null);
    }
  };

  const { over, dropProps } = useFileDrop((files) => {
    if (uploading) return;
    if (files.length > 1) onError('Drop one sheet at a time.');
    else void take(files[0]!);
  });

  // The desktop's own open dialog (filtered to sheets); the browser's file input elsewhere.
  const choose = async () => {
    if (!info?.canPickFiles) return inputRef.current?.click();
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

  if (uploading) {
    const text = `${formatBytes(uploading.done)} of ${formatBytes(uploading.total)}`;
    return (
      <div className="pack-drop">
        <div className="pack-upload">
          <div className="pack-progress-line">
            <span>
              Sending <strong>{uploading.name}</strong>
            </span>
            <span className="muted cell-mono">{text}</span>
          </div>
          <ProgressBar label="Upload progress" value={uploading.done} max={uploading.total} valueText={text} />
        </div>
        <button type="button" className="button" onClick={() => { abort.current?.abort(); setUploading(null); }}>
          Cancel upload
        </button>
      </div>
    );
  }

  return (
    <div className="sheet-source">
      <div className={`pack-drop pack-drop-zone${over ? ' is-over' : ''}`} {...dropProps}>
        <button type="button" className="button button-primary" onClick={() => void choose()} aria-label={`Choose a spreadsheet of ${what}`}>
          Choose a spreadsheet…
        </button>
        <span className="muted">or drop a CSV, TSV or Excel (.xlsx) file here</span>
        <input
          ref={inputRef}
          type="file"
          accept={SHEET_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-label={`Spreadsheet file of ${what}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void take(file);
          }}
        />
      </div>
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
    </div>
  );
}
