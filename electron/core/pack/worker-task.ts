// What the pack worker is asked to do and what it answers (both sides of the thread boundary).
import type { ApiErrorBody } from '../../../shared/errors';
import type { DefaultResolution, PackJobResults, Resolution } from '../../../shared/packs';
import type { PackKeys } from './encrypted';

export type WorkerTaskKind = 'verify' | 'preview' | 'import';

export interface WorkerTask {
  kind: WorkerTaskKind;
  /** The pack to read (already checked by the face: an upload or an allowed path). */
  path: string;
  workbookPath: string;
  nativeBinding?: string | undefined;
  /** The backend's clock and id source, fixed for this job (the activity entry of an import). */
  now: string;
  entryId: string;
  resolutions?: Record<string, Resolution> | undefined;
  default?: DefaultResolution | undefined;
  /** What opens an encrypted pack: passed to this one job, never stored. */
  keys?: PackKeys | undefined;
  /** Shared with the backend: see ImportOptions.cancelFlag. */
  cancelFlag: Int32Array;
}

export type FromWorker =
  | { type: 'progress'; step: string; bytesDone: number }
  | { type: 'ready' }
  | { type: 'done'; value: PackJobResults[WorkerTaskKind] }
  | { type: 'failed'; error: ApiErrorBody; cancelled: boolean };

export type ToWorker = { type: 'go' } | { type: 'cancel' };
