// Choosing a pack to read. The desktop face asks its native open dialog for a path; the browser
// face may not name files on the computer, so the user chooses or drops a file and it is uploaded
// (with progress) and named by its upload id from then on.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useInfo } from '../app/store';
import { useFileDrop } from '../documents/useFileDrop';
import { baseName, formatBytes } from '../format';
import { ProgressBar } from './ProgressBar';
import { uploadPack, type PackSource } from './transfer';

export interface PickedPack {
  source: PackSource;
  /** The file's name, for the screen. */
  name: string;
}

interface Props {
  /** What the pack is chosen for, in the controls' names: "verify", "import". */
  purpose: string;
  onPicked(pack: PickedPack): void;
  onError(message: string): void;
  disabled?: boolean;
}

export function PackPicker({ purpose, onPicked, onError, disabled }: Props) {
  const info = useInfo();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<{ name: string; done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const upload = async (file: File) => {
    if (!/\.zip$/i.test(file.name) && file.type !== 'application/zip' && file.type !== 'application/x-zip-compressed') {
      onError(`${file.name} is not a pack: a pack is a .zip file.`);
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setUploading({ name: file.name, done: 0, total: file.size });
    try {
      const id = await uploadPack(file, (done, total) => setUploading({ name: file.name, done, total }), controller.signal);
      onPicked({ source: { upload: id }, name: file.name });
    } catch (e) {
      if ((e as Error).name !== 'AbortError') onError((e as Error).message);
    } finally {
      abort.current = null;
      if (!controller.signal.aborted) setUploading(null);
    }
  };

  const { over, dropProps } = useFileDrop((files) => {
    if (disabled || uploading) return;
    if (files.length > 1) onError('Drop one pack at a time.');
    else void upload(files[0]!);
  });

  if (info?.canPickFiles) {
    const pick = async () => {
      try {
        const { path } = await api['app.pickFile']({ purpose: 'open-pack' });
        if (path) onPicked({ source: { path }, name: baseName(path) });
      } catch (e) {
        onError((e as Error).message);
      }
    };
    return (
      <div className="pack-drop">
        <button type="button" className="button button-primary" onClick={pick} disabled={disabled} aria-label={`Choose a pack to ${purpose}`}>
          Choose a pack…
        </button>
        <span className="muted">A transition pack is a .zip file made by Export.</span>
      </div>
    );
  }

  if (uploading) {
    return (
      <div className="pack-drop">
        <div className="pack-upload">
          <div className="pack-progress-line">
            <span>
              Uploading <strong>{uploading.name}</strong>
            </span>
            <span className="muted cell-mono">
              {formatBytes(uploading.done)} of {formatBytes(uploading.total)}
            </span>
          </div>
          <ProgressBar label="Upload progress" value={uploading.done} max={uploading.total} valueText={`${formatBytes(uploading.done)} of ${formatBytes(uploading.total)}`} />
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            abort.current?.abort();
            setUploading(null);
          }}
        >
          Cancel upload
        </button>
      </div>
    );
  }

  return (
    <div className={`pack-drop pack-drop-zone${over ? ' is-over' : ''}`} {...dropProps}>
      <button type="button" className="button button-primary" onClick={() => inputRef.current?.click()} disabled={disabled} aria-label={`Choose a pack to ${purpose}`}>
        Choose a pack…
      </button>
      <span className="muted">or drop a pack (.zip) here</span>
      <input
        ref={inputRef}
        type="file"
        accept=".zip,application/zip"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={`Pack file to ${purpose}`}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
    </div>
  );
}
