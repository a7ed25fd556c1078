// A dry run and an apply are backend jobs, like a pack's preview and import: these start one, poll
// its status (as often as the pack jobs do) for the progress bar, and answer its outcome, or throw
// its error (an ApiError naming the file, row and column). A cancelled job throws SheetRunCancelled.
import { ApiError, type ErrorCode } from '../../shared/errors';
import type { SheetApplyResult, SheetJobStatus, SheetPreview, SheetRunInput } from '../../shared/sheets';
import { api } from '../api';
import { POLL_MS } from '../packs/exportJob';

export class SheetRunCancelled extends Error {
  constructor(what: SheetJobStatus['kind']) {
    super(`The ${what === 'apply' ? 'import' : 'dry run'} was cancelled; nothing was changed.`);
    this.name = 'SheetRunCancelled';
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `stop` cancels the job (the user cancelled, the screen went away, a newer run replaced it). A dry
 * run's polling ends there; an apply's goes on until the job has ended, since a cancel that comes
 * after its commit is too late and the import is then done.
 */
async function follow<T>(
  kind: SheetJobStatus['kind'], start: Promise<{ jobId: string }>, outcome: (s: SheetJobStatus) => T | null,
  onStatus: (status: SheetJobStatus) => void, stop: AbortSignal,
): Promise<T> {
  const { jobId } = await start;
  const cancel = () => void api['sheets.cancel']({ jobId }).catch(() => {});
  stop.addEventListener('abort', cancel, { once: true });
  // Stopped while the job was being started: the listener came too late to hear it.
  if (stop.aborted) cancel();
  try {
    // Cancel works from the start, before the first status answer.
    onStatus({ jobId, kind, state: 'running', step: 'Starting', rowsDone: 0, rowsTotal: 0, result: null, applied: null, error: null });
    const waitsForEnd = kind === 'apply';
    for (;;) {
      if (stop.aborted && !waitsForEnd) throw new SheetRunCancelled(kind);
      const status = await api['sheets.jobStatus']({ jobId });
      if (stop.aborted && !waitsForEnd) throw new SheetRunCancelled(kind);
      onStatus(status);
      const value = status.state === 'done' ? outcome(status) : null;
      if (value) return value;
      if (status.state === 'cancelled') throw new SheetRunCancelled(kind);
      if (status.state === 'failed') throw new ApiError((status.error?.code ?? 'INTERNAL') as ErrorCode, status.error?.message ?? `The ${kind === 'apply' ? 'import' : 'dry run'} failed`, status.error?.issues);
      await delay(POLL_MS);
    }
  } finally {
    stop.removeEventListener('abort', cancel);
  }
}

export const runDryRun = (input: SheetRunInput, onStatus: (status: SheetJobStatus) => void, stop: AbortSignal): Promise<SheetPreview> =>
  follow('preview', api['sheets.startPreview'](input), (s) => s.result, onStatus, stop);

export const runApply = (input: SheetRunInput, onStatus: (status: SheetJobStatus) => void, stop: AbortSignal): Promise<SheetApplyResult> =>
  follow('apply', api['sheets.startApply'](input), (s) => s.applied, onStatus, stop);
