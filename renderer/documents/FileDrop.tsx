// One file in, chosen or dropped: a button that opens the browser's file input (or the desktop's
// own open dialog), a zone that takes one file dropped from the desktop, and while the file is
// sent to the backend its progress with a way to cancel. The pack pickers and the sheet import
// use it; the button is an ordinary one, so the keyboard reaches it (the file input is hidden).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatBytes } from '../format';
import { ProgressBar } from '../packs/ProgressBar';
import { useFileDrop } from './useFileDrop';

interface Props {
  /** The button's text ("Choose a pack…") and its accessible name ("Choose a pack to import"). */
  chooseText: string;
  chooseName: string;
  /** Beside the button: what may be dropped ("or drop a CSV … file here"). */
  hint: string;
  /** The hidden file input's accept list and accessible name. */
  accept: string;
  inputName: string;
  /** The desktop's own open dialog, which the button opens instead of the file input. */
  pick?: (() => Promise<void>) | undefined;
  /** Sends the file (with its progress); a thrown error's message is shown, a cancel is not. */
  send(file: File, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<void>;
  onError(message: string): void;
  /** The message when several files are dropped at once. */
  oneAtATime: string;
  /** How sending reads in the progress line ("Uploading", "Sending"). */
  sendingWord: string;
  disabled?: boolean | undefined;
  /** Other ways in (pasted cells), beside the zone while no file is being sent. */
  children?: ReactNode;
  className?: string;
}

export function FileDrop({ chooseText, chooseName, hint, accept, inputName, pick, send, onError, oneAtATime, sendingWord, disabled, children, className }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<{ name: string; done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const take = async (file: File) => {
    const controller = new AbortController();
    abort.current = controller;
    setSending({ name: file.name, done: 0, total: file.size });
    try {
      await send(file, (done, total) => setSending({ name: file.name, done, total }), controller.signal);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') onError((e as Error).message);
    } finally {
      abort.current = null;
      if (!controller.signal.aborted) setSending(null);
    }
  };

  const { over, dropProps } = useFileDrop((files) => {
    if (disabled || sending) return;
    if (files.length > 1) onError(oneAtATime);
    else void take(files[0]!);
  });

  if (sending) {
    const text = `${formatBytes(sending.done)} of ${formatBytes(sending.total)}`;
    return (
      <div className="pack-drop">
        <div className="pack-upload">
          <div className="pack-progress-line">
            <span>
              {sendingWord} <strong>{sending.name}</strong>
            </span>
            <span className="muted cell-mono">{text}</span>
          </div>
          <ProgressBar label="Upload progress" value={sending.done} max={sending.total} valueText={text} />
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            abort.current?.abort();
            setSending(null);
          }}
        >
          Cancel upload
        </button>
      </div>
    );
  }

  const zone = (
    <div className={`pack-drop pack-drop-zone${over ? ' is-over' : ''}`} {...dropProps}>
      <button type="button" className="button button-primary" onClick={() => (pick ? void pick() : inputRef.current?.click())} disabled={disabled} aria-label={chooseName}>
        {chooseText}
      </button>
      <span className="muted">{hint}</span>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={inputName}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void take(file);
        }}
      />
    </div>
  );
  return children || className ? (
    <div className={className}>
      {zone}
      {children}
    </div>
  ) : (
    zone
  );
}
