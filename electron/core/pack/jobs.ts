// Pack jobs of one backend: the four kinds of long pack work (export, verify, preview, import)
// run in the background with one model: start answers a job id, status gives the step, the bytes
// done of the total and the result or the error, cancel works until an import's transaction
// commits. Exports stream from their own read-only connection; verify, preview and import run in
// a worker thread (worker.ts) with its own connection, so no face's event loop waits for them.
// While this backend's own import applies its records, the writes of its faces queue at the
// write gate (writeGate.ts) instead of freezing in SQLite's busy wait; reads answer at once.
// Also the packs the browser face uploaded. No Electron here: the desktop face passes the
// path from its save dialog as `destination`; the browser face lets the export write into a
// temporary folder and downloads it through the web server's /download route. The browser face
// may never name a file on this machine (allowPaths: false): it only uploads.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorBody } from '../../../shared/errors';
import type {
  DefaultResolution, PackCancelResult, PackExportInput, PackExportResult, PackJobKind, PackJobResults, PackJobState, PackJobStatus, PackJobStatusOf, Resolution,
} from '../../../shared/packs';
import { takeImportLock } from '../store/importLock';
import { nowIso, type ServiceContext } from '../services/context';
import { knownErrorBody } from '../services/errors';
import { lastActivitySeq } from '../store/activity';
import { vendorName } from '../store/vendors';
import { checkDestination } from '../services/destination';
import { encryptToProblem } from './age';
import type { PackKeys } from './encrypted';
import { exportPack, packDestinationRules } from './export';
import { APPLY_RUNNING, CANCEL_REQUESTED, COMMITTING } from './import';
import type { FromWorker, WorkerTask, WorkerTaskKind } from './worker-task';
import { Uploads } from './uploads';
import { WriteGate } from './writeGate';
import { workbookSigner, type SigningKeyStore } from './signingKey';

export interface PackJobsOptions {
  /** better-sqlite3 binary for another ABI (the desktop app's Electron build), for the export's own connection. */
  nativeBinding?: string | undefined;
  /** Whether inputs may name files on this machine (desktop, CLI, tests); false for the browser face. */
  allowPaths?: boolean;
  /** Where temporary packs and uploads go (default: a new folder in the system's temp folder). */
  tempRoot?: string;
  /**
   * An import job committed: its writes went through the worker's own connection, not the
   * dispatcher, so the backend announces them from the activity logged after `sinceSeq`.
   */
  onImported?: (sinceSeq: number) => void;
  /**
   * The pack worker's script. Default: its TypeScript source through tsx (tests, CLI, browser
   * face); the desktop app passes the built worker (electron.vite.config.ts builds it).
   */
  workerEntry?: URL;
  /** Where this face keeps the workbook's signing key (signingKey.ts); without one, packs are not signed. */
  signingKeys?: SigningKeyStore | undefined;
}

interface Progress {
  step: string;
  bytesDone: number;
  bytesTotal: number;
}

interface Job {
  id: string;
  kind: PackJobKind;
  state: PackJobState;
  progress: Progress;
  result: PackJobResults[PackJobKind] | null;
  error: ApiErrorBody | null;
  controller: AbortController;
  /** Worker jobs: the cancel flag shared with the worker (see ImportOptions.cancelFlag). */
  cancelFlag: Int32Array | null;
  worker: Worker | null;
  done: Promise<void>;
  /** The pack is in our temporary folder (and is removed with it). */
  temporary: boolean;
  finishedAt: number | null;
}

/** Finished jobs and uploads older than this are forgotten and their files removed. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Running jobs of one kind at most (each export or worker holds a connection and a core). */
const MAX_RUNNING = 2;
/** How long a destination the user confirmed in a save dialog stays confirmed. */
const CONFIRMED_MS = 10 * 60 * 1000;

const safeName = (s: string) => s.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'pack';

/** The finished export's pack (other kinds have none). */
const packOf = (job: Job): PackExportResult | null => (job.kind === 'export' ? (job.result as PackExportResult | null) : null);

function toErrorBody(e: unknown, writingTo: string): ApiErrorBody {
  return knownErrorBody(e, { writingTo }) ?? { code: 'INTERNAL', message: (e as Error).message ?? String(e) };
}

export class PackJobs {
  readonly allowPaths: boolean;
  private readonly jobs = new Map<string, Job>();
  private readonly uploads = new Uploads();
  private temp: string | null = null;
  private readonly confirmed = new Map<string, number>();
  /** The writes of this backend's faces pass it; its own import holds it while applying. */
  readonly writeGate = new WriteGate();

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
        if (job.temporary && packOf(job)) rmSync(dirname(packOf(job)!.path), { recursive: true, force: true });
        this.jobs.delete(id);
      }
    }
    this.uploads.sweep(old);
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

  private checkRoom(kind: PackJobKind): void {
    this.sweep();
    if ([...this.jobs.values()].filter((j) => j.kind === kind && j.state === 'running').length >= MAX_RUNNING) {
      throw new ApiError('CONFLICT', `Two ${kind === 'verify' ? 'checks' : `${kind}s`} are running already; wait for one to finish or cancel it.`);
    }
  }

  private newJob(id: string, kind: PackJobKind, bytesTotal: number, temporary: boolean, cancelFlag: Int32Array | null): Job {
    return {
      id, kind, state: 'running', progress: { step: 'Preparing', bytesDone: 0, bytesTotal }, result: null, error: null,
      controller: new AbortController(), cancelFlag, worker: null, done: Promise.resolve(), temporary, finishedAt: null,
    };
  }

  startExport(ctx: ServiceContext, appVersion: string, input: PackExportInput): { jobId: string } {
    this.checkRoom('export');
    // Refused now, with the field, rather than as a failed job: a recipient whose checksum is wrong passes the contract's pattern.
    const keyProblem = input.encryption ? encryptToProblem(input.encryption) : null;
    if (keyProblem) throw new ApiError('INVALID_INPUT', `${keyProblem.field}: ${keyProblem.message}`, [keyProblem]);
    const id = randomUUID();
    let destination: string;
    let replace = false;
    let temporary = false;
    if (input.destination !== undefined) {
      const chosen = this.checkedPath(input.destination, 'destination');
      replace = this.confirmedReplace(chosen);
      destination = checkDestination(chosen, packDestinationRules(ctx.workbookPath, replace, input.encryption !== undefined));
    } else {
      const dir = join(this.tempDir(), id);
      mkdirSync(dir);
      const day = ctx.clock.now().toISOString().slice(0, 10);
      const ids = input.vendorIds ?? [];
      const one = ids.length === 1 ? vendorName(ctx.db, ids[0]!) : undefined;
      const what = input.all ? 'all-vendors' : one !== undefined ? safeName(one) : `${ids.length}-vendors`;
      destination = join(dir, `handover-pack-${what}-${day}.zip${input.encryption ? '.age' : ''}`);
      temporary = true;
    }
    const job = this.newJob(id, 'export', 0, temporary, null);
    const { controller } = job;
    job.done = (async () => {
      try {
        // Made on the first export (and recorded in the workbook) if the workbook has none yet.
        const keys = this.opts.signingKeys;
        const signer = keys ? await workbookSigner(ctx.db, ctx.workbookPath, keys) : undefined;
        const outcome = await exportPack({
          workbookPath: ctx.workbookPath, nativeBinding: this.opts.nativeBinding, vendorIds: input.all ? 'all' : (input.vendorIds ?? []),
          attachments: input.attachments ?? true, redact: input.redact ?? false, profile: input.profile, destination, replace, appVersion, now: ctx.clock.now(),
          encryption: input.encryption, signer,
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

  /** Verifying reads the pack only: no workbook is needed (the CLI's `verify` has none). */
  startVerify(path: string, keys?: PackKeys, ctx?: ServiceContext): { jobId: string } {
    // Given the workbook, the signer's key is compared with the one it keeps (read only).
    return this.startWorker(ctx ?? null, 'verify', path, { keys });
  }

  startPreview(ctx: ServiceContext, path: string, keys?: PackKeys): { jobId: string } {
    return this.startWorker(ctx, 'preview', path, { keys });
  }

  startImport(
    ctx: ServiceContext, path: string,
    opts: { resolutions?: Record<string, Resolution> | undefined; default?: DefaultResolution | undefined; keys?: PackKeys | undefined },
  ): { jobId: string } {
    return this.startWorker(ctx, 'import', path, opts);
  }

  /** Verify, preview or import in the pack worker (its own thread and connection). */
  private startWorker(ctx: ServiceContext | null, kind: WorkerTaskKind, path: string, opts: Pick<WorkerTask, 'resolutions' | 'default' | 'keys'>): { jobId: string } {
    this.checkRoom(kind);
    const id = randomUUID();
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    // A missing or unreadable pack is reported by the worker, naming the file.
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      // size stays unknown
    }
    // One import at a time per workbook: its lock is taken here, as the job starts, so of two
    // imports started together the second is refused at once (BUSY), however fast the first one's
    // worker is; every way the job ends (done, failed, cancelled, the worker gone) releases it.
    const lock = ctx && kind === 'import' ? takeImportLock(ctx.workbookPath, nowIso(ctx)) : null;
    const job = this.newJob(id, kind, size, false, cancelFlag);
    const sinceSeq = ctx && kind === 'import' ? lastActivitySeq(ctx.db) : 0;
    const task: WorkerTask = {
      kind, path, workbookPath: ctx?.workbookPath ?? '', nativeBinding: this.opts.nativeBinding,
      now: ctx ? nowIso(ctx) : new Date().toISOString(), entryId: ctx && kind === 'import' ? ctx.newId() : '',
      resolutions: opts.resolutions, default: opts.default, keys: opts.keys, cancelFlag,
    };
    let worker: Worker;
    try {
      worker = new Worker(this.opts.workerEntry ?? new URL('./worker-boot.mjs', import.meta.url), {
        workerData: task,
        // Not the parent's flags (an --eval or --input-type would be refused); the boot script brings its loader.
        execArgv: [],
      });
    } catch (e) {
      lock?.release();
      throw e;
    }
    job.worker = worker;
    let releaseWrites: (() => void) | null = null;
    job.done = new Promise<void>((settle) => {
      const finish = (state: PackJobState, result: PackJobResults[WorkerTaskKind] | null, error: ApiErrorBody | null) => {
        if (job.finishedAt !== null) return;
        // A cancel that came in time wins over a result the worker had nearly finished (verify, preview).
        const cancelled = Atomics.load(cancelFlag, 0) === CANCEL_REQUESTED;
        job.state = cancelled && state !== 'failed' ? 'cancelled' : state;
        job.result = job.state === 'done' ? result : null;
        job.error = job.state === 'failed' ? error : null;
        job.finishedAt = Date.now();
        job.worker = null;
        // Its answer is its last word (its connection is closed); the loader tsx registers in it would keep it alive.
        void worker.terminate();
        // Its transaction has committed or rolled back (or died with its connection): the next import may start.
        lock?.release();
        releaseWrites?.();
        if (kind === 'import' && job.state === 'done') this.opts.onImported?.(sinceSeq);
        settle();
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'progress') {
          job.progress = { step: m.step, bytesDone: m.bytesDone < 0 ? job.progress.bytesTotal : m.bytesDone, bytesTotal: job.progress.bytesTotal };
        } else if (m.type === 'ready') {
          // Let this backend's running writes finish, hold the next ones, then let the import apply.
          job.progress = { ...job.progress, step: 'Waiting for edits to finish', bytesDone: job.progress.bytesTotal };
          void this.writeGate.hold().then((release) => {
            releaseWrites = release;
            if (job.finishedAt !== null) {
              release();
              return;
            }
            try {
              // Other processes' writers are answered BUSY while the records land, rather than waiting.
              lock?.setPhase('applying');
            } catch (e) {
              finish('failed', null, toErrorBody(e, ctx?.workbookPath ?? path));
              return;
            }
            worker.postMessage({ type: 'go' });
          });
        } else if (m.type === 'done') {
          finish('done', m.value, null);
        } else {
          finish(m.cancelled ? 'cancelled' : 'failed', null, m.error);
        }
      });
      worker.on('error', (e) => finish('failed', null, toErrorBody(e, path)));
      worker.on('exit', () => {
        if (job.finishedAt === null) {
          // Ended without an answer (killed): its transaction died with its connection; finish releases its lock.
          finish(job.controller.signal.aborted ? 'cancelled' : 'failed', null, { code: 'INTERNAL', message: 'The pack worker stopped before it finished; nothing was changed.' });
        }
      });
    });
    this.jobs.set(id, job);
    return { jobId: id };
  }

  /** Another write of this backend committed through a connection of its own (a sheet import's job): announced as an import's. */
  announceWrite(sinceSeq: number): void {
    this.opts.onImported?.(sinceSeq);
  }

  /** Waits for a job and answers its result, or throws its error (the CLI and the one-call methods). */
  async result<K extends PackJobKind>(jobId: string, kind: K): Promise<PackJobResults[K]> {
    const status = await this.settled(jobId, kind);
    if (status.state === 'done' && status.result) return status.result;
    if (status.state === 'cancelled') throw new ApiError('CONFLICT', `The pack ${kind} was cancelled; nothing was changed.`);
    const e = status.error ?? { code: 'INTERNAL', message: `The pack ${kind} failed` };
    throw new ApiError(e.code, e.message, e.issues);
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No pack job ${jobId} (finished jobs are forgotten after a day or when the app restarts)`);
    return job;
  }

  status(jobId: string): PackJobStatus {
    const j = this.job(jobId);
    // The result's type follows the job's kind (set together when the job finished).
    return { jobId, kind: j.kind, state: j.state, step: j.progress.step, bytesDone: j.progress.bytesDone, bytesTotal: j.progress.bytesTotal, result: j.result, error: j.error } as PackJobStatus;
  }

  /** The jobs running now (the desktop's taskbar progress follows them). */
  running(): PackJobStatus[] {
    return [...this.jobs.values()].filter((j) => j.state === 'running').map((j) => this.status(j.id));
  }

  cancel(jobId: string): PackCancelResult {
    const j = this.job(jobId);
    if (j.state !== 'running') return { cancelled: false, reason: 'finished' };
    if (j.cancelFlag) {
      // Answered here and now: the worker may be inside its transaction, deaf to messages.
      const before = Atomics.compareExchange(j.cancelFlag, 0, APPLY_RUNNING, CANCEL_REQUESTED);
      if (before === COMMITTING) return { cancelled: false, reason: 'too late' };
      j.worker?.postMessage({ type: 'cancel' });
    }
    j.controller.abort();
    return { cancelled: true };
  }

  /** Forgets a job (cancelling it if it runs) and removes its temporary pack. */
  async discardJob(jobId: string): Promise<boolean> {
    const j = this.jobs.get(jobId);
    if (!j) return false;
    if (j.state === 'running') this.cancel(jobId);
    await j.done;
    if (j.temporary && packOf(j)) rmSync(dirname(packOf(j)!.path), { recursive: true, force: true });
    this.jobs.delete(jobId);
    return true;
  }

  /** Resolves when the job has finished, whichever way (tests and the CLI); with `kind`, refuses a job of another kind. */
  async settled<K extends PackJobKind = PackJobKind>(jobId: string, kind?: K): Promise<PackJobStatusOf<K>> {
    const job = this.job(jobId);
    if (kind !== undefined && job.kind !== kind) {
      throw new ApiError('INVALID_INPUT', `jobId: job ${jobId} is not a pack ${kind}`, [{ field: 'jobId', message: `is not a ${kind} job` }]);
    }
    await job.done;
    return this.status(jobId) as PackJobStatusOf<K>;
  }

  /** Browser face: the finished pack of an export job that wrote into the temporary folder. */
  download(jobId: string): { path: string; fileName: string; size: number } | null {
    const j = this.jobs.get(jobId);
    const pack = j && j.state === 'done' && j.temporary ? packOf(j) : null;
    if (!pack || !existsSync(pack.path)) return null;
    return { path: pack.path, fileName: pack.fileName, size: pack.size };
  }

  /** Browser face: a new upload's id and the file its bytes go to. */
  beginUpload(): { id: string; path: string } {
    this.sweep();
    return this.uploads.begin(join(this.tempDir(), 'uploads'));
  }

  completeUpload(id: string, size: number): void {
    this.uploads.complete(id, size);
  }

  discardUpload(id: string): boolean {
    return this.uploads.discard(id);
  }

  /** The file a pack input names: an upload of this face, or a path where paths are allowed. */
  sourcePath(input: { path?: string | undefined; upload?: string | undefined }): string {
    if (input.upload !== undefined) return this.uploads.path(input.upload);
    const path = this.checkedPath(input.path ?? '', 'path');
    if (!existsSync(path) || !statSync(path).isFile()) throw new ApiError('NOT_FOUND', `path: no file at ${path}`, [{ field: 'path', message: 'is not a file' }]);
    return path;
  }

  /** Cancels running exports and removes every temporary file. */
  async dispose(): Promise<void> {
    for (const j of this.jobs.values()) if (j.state === 'running') this.cancel(j.id);
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    this.jobs.clear();
    this.uploads.clear();
    if (this.temp) rmSync(this.temp, { recursive: true, force: true });
    this.temp = null;
  }
}

