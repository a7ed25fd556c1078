// A dry run is a backend job, like a pack's preview: this starts one, polls its status (as often as
// the pack jobs do) for the progress bar, and answers its preview, or throws its error (an ApiError
// naming the file, row and column). A cancelled run throws SheetRunCancelled.
import { ApiError, type ErrorCode } from '../../shared/errors';
import type { SheetJobStatus, SheetPreview, SheetRunInput } from '../../shared/sheets';
import { api } from '../api';
import { POLL_MS } from '../packs/exportJob';

export class SheetRunCancelled extends Error {
  constructor() {
    super('The dry run was cancelled; nothing was changed.');
    this.name = 'SheetRunCancelled';
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `stop` ends the polling (the screen went away or a newer run replaced this one) without waiting for the job. */
export async function runDryRun(input: SheetRunInput, onStatus: (status: SheetJobStatus) => void, stop: AbortSignal): Promise<SheetPreview> {
  const { jobId } = await api['sheets.startPreview'](input);
  const cancel = () => void api['sheets.cancel']({ jobId }).catch(() => {});
  stop.addEventListener('abort', cancel, { once: true });
  try {
    // Cancel works from the start, before the first status answer.
    onStatus({ jobId, state: 'running', step: 'Starting', rowsDone: 0, rowsTotal: 0, result: null, error: null });
    for (;;) {
      if (stop.aborted) throw new SheetRunCancelled();
      const status = await api['sheets.jobStatus']({ jobId });
      if (stop.aborted) throw new SheetRunCancelled();
      onStatus(status);
      if (status.state === 'done' && status.result) return status.result;
      if (status.state === 'cancelled') throw new SheetRunCancelled();
      if (status.state === 'failed') throw new ApiError((status.error?.code ?? 'INTERNAL') as ErrorCode, status.error?.message ?? 'The dry run failed', status.error?.issues);
      await delay(POLL_MS);
    }
  } finally {
    stop.removeEventListener('abort', cancel);
  }
}
