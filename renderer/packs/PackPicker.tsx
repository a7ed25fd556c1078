// Choosing a pack to read. The desktop face asks its native open dialog for a path; the browser
// face may not name files on the computer, so the user chooses or drops a file and it is uploaded
// (with progress) and named by its upload id from then on.
import { api } from '../api';
import { useInfo } from '../app/store';
import { FileDrop } from '../documents/FileDrop';
import { baseName } from '../format';
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

const ZIP_START = [0x50, 0x4b, 0x03, 0x04];
const AGE_START = [...'age-encryption.org/v1\n'].map((c) => c.charCodeAt(0));

/**
 * Whether a file may be a pack: named .zip or .age (a damaged pack is still verified, to say what
 * is wrong), or starting as a zip or an age file does, whatever its name. The backend reads the
 * header again to tell an encrypted pack.
 */
export async function looksLikePack(file: File): Promise<boolean> {
  if (/\.(zip|age)$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed') return true;
  const head = new Uint8Array(await file.slice(0, AGE_START.length).arrayBuffer());
  const starts = (sig: number[]) => head.length >= sig.length && sig.every((b, i) => head[i] === b);
  return starts(ZIP_START) || starts(AGE_START);
}

export function PackPicker({ purpose, onPicked, onError, disabled }: Props) {
  const info = useInfo();

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
        <span className="muted">A transition pack is a .zip file made by Export (.zip.age when encrypted).</span>
      </div>
    );
  }

  const upload = async (file: File, onProgress: (done: number, total: number) => void, signal: AbortSignal) => {
    if (!(await looksLikePack(file))) throw new Error(`${file.name} is not a pack: a pack is a .zip file, or a .zip.age file when it is encrypted.`);
    const id = await uploadPack(file, onProgress, signal);
    onPicked({ source: { upload: id }, name: file.name });
  };

  return (
    <FileDrop
      chooseText="Choose a pack…"
      chooseName={`Choose a pack to ${purpose}`}
      hint="or drop a pack (.zip, or .zip.age when encrypted) here"
      accept=".zip,.age,application/zip"
      inputName={`Pack file to ${purpose}`}
      send={upload}
      onError={onError}
      oneAtATime="Drop one pack at a time."
      sendingWord="Uploading"
      disabled={disabled}
    />
  );
}
