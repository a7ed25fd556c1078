// Dry runs as jobs, like the pack jobs (pack/jobs.ts): start answers an id, status gives the step
// and the rows checked so far, cancel stops it at the next pause (every few thousand rows).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import type { SheetJobStatus, SheetMapping } from '../../../shared/sheets';
import { knownErrorBody } from '../services/errors';
import type { ServiceContext } from '../services/context';
import { previewSheet, type SheetRequest } from './service';
import type { ResolvedSource } from './source';

interface Job {
  status: SheetJobStatus;
  controller: AbortController;
  finishedAt: number | null;
}

const KEEP_MS = 60 * 60 * 1000;
const MAX_RUNNING = 2;

export class SheetJobs {
  private readonly jobs = new Map<string, Job>();

  start(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest, mapping: SheetMapping): { jobId: string } {
    const old = Date.now() - KEEP_MS;
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && j.finishedAt < old) this.jobs.delete(id);
    if ([...this.jobs.values()].filter((j) => j.status.state === 'running').length >= MAX_RUNNING) {
      throw new ApiError('CONFLICT', 'Two dry runs are running already; wait for one to finish or cancel it.');
    }
    const jobId = randomUUID();
    const job: Job = {
      status: { jobId, state: 'running', step: 'Preparing', rowsDone: 0, rowsTotal: 0, result: null, error: null },
      controller: new AbortController(), finishedAt: null,
    };
    this.jobs.set(jobId, job);
    void previewSheet(ctx, src, req, mapping, {
      signal: job.controller.signal,
      onProgress: (step, p) => { job.status = { ...job.status, step, rowsDone: p.done, rowsTotal: p.total }; },
    }).then((result) => {
      job.status = { ...job.status, state: 'done', step: 'Done', rowsDone: job.status.rowsTotal, result };
    }, (e: unknown) => {
      if ((e as Error).name === 'AbortError') job.status = { ...job.status, state: 'cancelled', step: 'Cancelled' };
      else job.status = { ...job.status, state: 'failed', step: 'Failed', error: knownErrorBody(e, {}) ?? { code: 'INTERNAL', message: (e as Error).message } };
    }).finally(() => { job.finishedAt = Date.now(); });
    return { jobId };
  }

  status(jobId: string): SheetJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No dry run ${jobId}`, [{ field: 'jobId', message: 'is not a dry run of this session' }]);
    return job.status;
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No dry run ${jobId}`, [{ field: 'jobId', message: 'is not a dry run of this session' }]);
    if (job.status.state !== 'running') return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }
}
