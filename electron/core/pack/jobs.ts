// Pack jobs of one backend: exports running in the background (progress, cancel, the finished
// file), and the packs the browser face uploaded. No Electron here: the desktop face passes the
// path from its save dialog as `destination`; the browser face lets the export write into a
// temporary folder and downloads it through the web server's /download route. The browser face
// may never name a file on this machine (allowPaths: false): it only uploads.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ApiError, type ApiErrorBody } from '../../../shared/errors';
import type { PackExportInput, PackExportResult, PackJobState, PackJobStatus } from '../../../shared/packs';
import type { ServiceContext } from '../services/context';
import { knownErrorBody } from '../services/errors';
import { checkDestination } from '../services/destination';
import { exportPack, packDestinationRules, type ExportProgress } from './export';

export interface PackJobsOptions {
  /** better-sqlite3 binary for another ABI (the desktop app's Electron build), for the export's own connection. */
  nativeBinding?: string | undefined;
  /** Whether inputs may name files on this machine (desktop, CLI, tests); false for the browser face. */
  allowPaths?: boolean;
  /** Where temporary packs and uploads go (default: a new folder in the system's temp folder). */
  tempRoot?: string;
}

interface Job {
  id: string;
  state: PackJobState;
  progress: ExportProgress;
  result: PackExportResult | null;
  error: ApiErrorBody | null;
  controller: AbortController;
  done: Promise<void>;
  /** The pack is in our temporary folder (and is removed with it). */
  temporary: boolean;
  finishedAt: number | null;
}

interface Upload {
  path: string;
  size: number;
  complete: boolean;
  createdAt: number;
}

/** Finished jobs and uploads older than this are forgotten and their files removed. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const MAX_RUNNING = 2;
/** How long a destination the user confirmed in a save dialog stays confirmed. */
const CONFIRMED_MS = 10 * 60 * 1000;

const safeName = (s: string) => s.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'pack';

function toErrorBody(e: unknown, writingTo: string): ApiErrorBody {
  return knownErrorBody(e, { writingTo }) ?? { code: 'INTERNAL', message: (e as Error).message ?? String(e) };
}

export class PackJobs {
  readonly allowPaths: boolean;
  private readonly jobs = new Map<string, Job>();
  private readonly uploads = new Map<string, Upload>();
  private temp: string | null = null;
  private readonly confirmed = new Map<string, number>();

  constructor(private readonly opts: PackJobsOptions = {}) {
    this.allowPaths = opts.allowPaths ?? true;
  }

  private tempDir(): string {
    if (!this.temp) {
      if (this.opts.tempRoot) mkdirSync(this.opts.tempRoot, { recursive: true });
      this.temp = mkdtempSync(join(this.opts.tempRoot ?? tmpdir(), 'handover-packs-'));
    }
    return this.temp;
  }

  private sweep() {
    const old = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && job.finishedAt < old) {
        if (job.temporary && job.result) rmSync(dirname(job.result.path), { recursive: true, force: true });
        this.jobs.delete(id);
      }
    }
    for (const [id, u] of this.uploads) if (u.createdAt < old) this.discardUpload(id);
  }

  /**
   * The face's own save dialog asked the user before choosing an existing file: that file may be
   * replaced by the export that follows. The renderer cannot grant this itself (it only passes the
   * path on), so a page that names an arbitrary file still gets the no-replace rules.
   */
  userChoseToReplace(path: string): void {
    this.confirmed.set(resolve(path), Date.now());
  }

  private confirmedReplace(path: string): boolean {
    const at = this.confirmed.get(resolve(path));
    return at !== undefined && Date.now() - at < CONFIRMED_MS;
  }

  /** A file path from an input, allowed only where this face may name files. */
  checkedPath(path: string, field: string): string {
    if (!this.allowPaths) throw new ApiError('FORBIDDEN', `${field}: this face cannot name files on the computer; upload the pack instead.`, [{ field, message: 'is not allowed here' }]);
    if (!isAbsolute(path)) throw new ApiError('INVALID_INPUT', `${field}: must be an absolute path`, [{ field, message: 'must be an absolute path' }]);
    return resolve(path);
  }

  startExport(ctx: ServiceContext, appVersion: string, input: PackExportInput): { jobId: string } {
    this.sweep();
    if ([...this.jobs.values()].filter((j) => j.state === 'running').length >= MAX_RUNNING) {
      throw new ApiError('CONFLICT', 'Two exports are running already; wait for one to finish or cancel it.');
    }
    const id = randomUUID();
    let destination: string;
    let replace = false;
    let temporary = false;
    if (input.destination !== undefined) {
      const chosen = this.checkedPath(input.destination, 'destination');
      replace = this.confirmedReplace(chosen);
      destination = checkDestination(chosen, packDestinationRules(ctx.workbookPath, replace));
    } else {
      const dir = join(this.tempDir(), id);
      mkdirSync(dir);
      const day = ctx.clock.now().toISOString().slice(0, 10);
      const ids = input.vendorIds ?? [];
      const one = ids.length === 1 ? (ctx.db.prepare('SELECT name FROM vendors WHERE id = ?').pluck().get(ids[0]) as string | undefined) : undefined;
      const what = input.all ? 'all-vendors' : one !== undefined ? safeName(one) : `${ids.length}-vendors`;
      destination = join(dir, `handover-pack-${what}-${day}.zip`);
      temporary = true;
    }
    const controller = new AbortController();
    const job: Job = {
      id, state: 'running', progress: { step: 'Preparing', bytesDone: 0, bytesTotal: 0 }, result: null, error: null, controller,
      done: Promise.resolve(), temporary, finishedAt: null,
    };
    job.done = (async () => {
      try {
        const outcome = await exportPack({
          workbookPath: ctx.workbookPath, nativeBinding: this.opts.nativeBinding, vendorIds: input.all ? 'all' : (input.vendorIds ?? []),
          attachments: input.attachments ?? true, redact: input.redact ?? false, destination, replace, appVersion, now: ctx.clock.now(),
          signal: controller.signal, onProgress: (p) => { job.progress = p; },
        });
        job.result = { ...outcome, downloadPath: `/download/${id}` };
        job.state = 'done';
      } catch (e) {
        if ((e as Error).name === 'AbortError' || controller.signal.aborted) {
          job.state = 'cancelled';
        } else {
          job.state = 'failed';
          job.error = toErrorBody(e, temporary ? 'the temporary folder' : dirname(destination));
        }
        if (temporary) rmSync(dirname(destination), { recursive: true, force: true });
      } finally {
        job.finishedAt = Date.now();
      }
    })();
    this.jobs.set(id, job);
    return { jobId: id };
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No pack job ${jobId} (finished jobs are forgotten after a day or when the app restarts)`);
    return job;
  }

  status(jobId: string): PackJobStatus {
    const j = this.job(jobId);
    return { jobId, state: j.state, step: j.progress.step, bytesDone: j.progress.bytesDone, bytesTotal: j.progress.bytesTotal, result: j.result, error: j.error };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const j = this.job(jobId);
    if (j.state !== 'running') return { cancelled: false };
    j.controller.abort();
    return { cancelled: true };
  }

  /** Forgets a job (cancelling it if it runs) and removes its temporary pack. */
  async discardJob(jobId: string): Promise<boolean> {
    const j = this.jobs.get(jobId);
    if (!j) return false;
    j.controller.abort();
    await j.done;
    if (j.temporary && j.result) rmSync(dirname(j.result.path), { recursive: true, force: true });
    this.jobs.delete(jobId);
    return true;
  }

  /** Resolves when the job has finished, whichever way (tests and the CLI). */
  async settled(jobId: string): Promise<PackJobStatus> {
    await this.job(jobId).done;
    return this.status(jobId);
  }

  /** Browser face: the finished pack of an export job that wrote into the temporary folder. */
  download(jobId: string): { path: string; fileName: string; size: number } | null {
    const j = this.jobs.get(jobId);
    if (!j || j.state !== 'done' || !j.result || !j.temporary || !existsSync(j.result.path)) return null;
    return { path: j.result.path, fileName: j.result.fileName, size: j.result.size };
  }

  /** Browser face: a new upload's id and the file its bytes go to. */
  beginUpload(): { id: string; path: string } {
    this.sweep();
    const id = randomUUID();
    const dir = join(this.tempDir(), 'uploads');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${id}.zip`);
    this.uploads.set(id, { path, size: 0, complete: false, createdAt: Date.now() });
    return { id, path };
  }

  completeUpload(id: string, size: number): void {
    const u = this.uploads.get(id);
    if (u) {
      u.size = size;
      u.complete = true;
    }
  }

  discardUpload(id: string): boolean {
    const u = this.uploads.get(id);
    if (!u) return false;
    rmSync(u.path, { force: true });
    this.uploads.delete(id);
    return true;
  }

  /** The file a pack input names: an upload of this face, or a path where paths are allowed. */
  sourcePath(input: { path?: string | undefined; upload?: string | undefined }): string {
    if (input.upload !== undefined) {
      const u = this.uploads.get(input.upload);
      if (!u || !u.complete) throw new ApiError('NOT_FOUND', `No finished upload ${input.upload}`, [{ field: 'upload', message: 'is not a finished upload' }]);
      return u.path;
    }
    const path = this.checkedPath(input.path ?? '', 'path');
    if (!existsSync(path) || !statSync(path).isFile()) throw new ApiError('NOT_FOUND', `path: no file at ${path}`, [{ field: 'path', message: 'is not a file' }]);
    return path;
  }

  /** Cancels running exports and removes every temporary file. */
  async dispose(): Promise<void> {
    for (const j of this.jobs.values()) if (j.state === 'running') j.controller.abort();
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    this.jobs.clear();
    this.uploads.clear();
    if (this.temp) rmSync(this.temp, { recursive: true, force: true });
    this.temp = null;
  }
}

