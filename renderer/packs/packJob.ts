// Verify, preview and import run as backend jobs, like export: this starts one, polls its status
// (about four times a second) for the progress bar, and answers its result, or throws its error
// (an ApiError with the pack's problems as issues). A cancelled job throws JobCancelled.
import { ApiError } from '../../shared/errors';
import type { PackJobKind, PackJobResults, PackJobStatusOf } from '../../shared/packs';
import { api } from '../api';
import { POLL_MS } from './exportJob';

export class JobCancelled extends Error {
  constructor(kind: PackJobKind) {
    super(`The ${kind} was cancelled; nothing was changed.`);
    this.name = 'JobCancelled';
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runPackJob<K extends PackJobKind>(
  kind: K, start: () => Promise<{ jobId: string }>, onStatus: (status: PackJobStatusOf<K>) => void,
): Promise<PackJobResults[K]> {
  const { jobId } = await start();
  // Cancel works from the start, before the first status answer.
  onStatus({ jobId, kind, state: 'running', step: 'Starting', bytesDone: 0, bytesTotal: 0, result: null, error: null });
  for (;;) {
    const status = await api['pack.jobStatus']({ jobId });
    if (status.kind !== kind) throw new Error(`job ${jobId} is not a pack ${kind}`);
    const mine = status as PackJobStatusOf<K>;
    onStatus(mine);
    if (mine.state === 'done' && mine.result) return mine.result;
    if (mine.state === 'cancelled') throw new JobCancelled(kind);
    if (mine.state === 'failed') throw new ApiError(mine.error?.code ?? 'INTERNAL', mine.error?.message ?? `The ${kind} failed`, mine.error?.issues);
    await delay(POLL_MS);
  }
}
