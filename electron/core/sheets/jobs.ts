// Dry runs and applies as jobs, like the pack jobs (pack/jobs.ts): start answers an id, status
// gives the step and the rows checked (or records written) so far, cancel stops a dry run at its
// next pause (every few thousand rows) and an apply at its next step before the commit.
import { randomUUID } from 'node:crypto';
import { ApiError, type ErrorCode } from '../../../shared/errors';
import type { SheetApplyResult, SheetJobStatus, SheetMapping, SheetPreview } from '../../../shared/sheets';
import { knownErrorBody } from '../services/errors';
import type { ServiceContext } from '../services/context';
import { applySheetJob, type ApplyJobOptions } from './apply-job';
import { previewSheet, type SheetRequest } from './service';
import type { ResolvedSource } from './source';

interface Job {
  status: SheetJobStatus;
  controller: AbortController;
  finishedAt: number | null;
  done: Promise<void>;
}

const KEEP_MS = 60 * 60 * 1000;
const MAX_RUNNING = 2;

export class SheetJobs {
  private readonly jobs = new Map<string, Job>();

  start(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest, mapping: SheetMapping): { jobId: string } {
    return this.run('preview', (signal, progress) => previewSheet(ctx, src, req, mapping, {
      signal, onProgress: (step, p) => progress(step, p.done, p.total),
    }));
  }

  /** An apply; `opts.committed` is told the activity entry once it has landed (the job's writes did not pass the dispatcher). */
  startApply(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest, mapping: SheetMapping, opts: Omit<ApplyJobOptions, 'signal' | 'onStep'>): { jobId: string } {
    return this.run('apply', (signal, progress) => applySheetJob(ctx, src, req, mapping, { ...opts, signal, onStep: (s) => progress(s.step, s.done, s.total) }));
  }

  private run<K extends SheetJobStatus['kind']>(
    kind: K, work: (signal: AbortSignal, progress: (step: string, done: number, total: number) => void) => Promise<K extends 'apply' ? SheetApplyResult : SheetPreview>,
  ): { jobId: string } {
    const old = Date.now() - KEEP_MS;
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && j.finishedAt < old) this.jobs.delete(id);
    if ([...this.jobs.values()].filter((j) => j.status.kind === kind && j.status.state === 'running').length >= MAX_RUNNING) {
      throw new ApiError('CONFLICT', `Two ${kind === 'apply' ? 'imports' : 'dry runs'} are running already; wait for one to finish or cancel it.`);
    }
    const jobId = randomUUID();
    const job: Job = {
      status: { jobId, kind, state: 'running', step: 'Preparing', rowsDone: 0, rowsTotal: 0, result: null, applied: null, error: null },
      controller: new AbortController(), finishedAt: null, done: Promise.resolve(),
    };
    this.jobs.set(jobId, job);
    job.done = work(job.controller.signal, (step, done, total) => { job.status = { ...job.status, step, rowsDone: done, rowsTotal: total }; }).then((value) => {
      job.status = {
        ...job.status, state: 'done', step: 'Done', rowsDone: job.status.rowsTotal,
        ...(kind === 'apply' ? { applied: value as SheetApplyResult } : { result: value as SheetPreview }),
      };
    }, (e: unknown) => {
      if ((e as Error).name === 'AbortError') job.status = { ...job.status, state: 'cancelled', step: 'Cancelled' };
      else job.status = { ...job.status, state: 'failed', step: 'Failed', error: knownErrorBody(e, {}) ?? { code: 'INTERNAL', message: (e as Error).message } };
    }).finally(() => { job.finishedAt = Date.now(); });
    return { jobId };
  }

  status(jobId: string): SheetJobStatus {
    return this.job(jobId).status;
  }

  /** Waits for a job and answers its outcome, or throws its error (the one-call sheets.apply). */
  async applied(jobId: string): Promise<SheetApplyResult> {
    const job = this.job(jobId);
    await job.done;
    const { status } = job;
    if (status.state === 'done' && status.applied) return status.applied;
    if (status.state === 'cancelled') throw new ApiError('CONFLICT', 'The import was cancelled; nothing was changed.');
    const e = status.error ?? { code: 'INTERNAL', message: 'The import failed' };
    throw new ApiError(e.code as ErrorCode, e.message, e.issues);
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.job(jobId);
    if (job.status.state !== 'running') return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No sheet job ${jobId}`, [{ field: 'jobId', message: 'is not a dry run or import of this session' }]);
    return job;
  }
}
