// The backend every face shares: one open workbook and the dispatcher over the API table.
// No Electron in here: the desktop shell, the browser face, the CLI and the tests all use it as is.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { API, isMethodName, type Attachment } from '../../shared/contract';
import { ApiError, type ApiResponse } from '../../shared/errors';
import { changeEventOf, type ChangeEvent } from '../../shared/changes';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { HANDLERS, type FaceDialogs, type HandlerEnv } from './api/handlers';
import { UndoHistory } from './api/history';
import { defaultUserName, randomId, systemClock, type Clock, type ServiceContext } from './services/context';
import { removeStaleStaging } from './pack/import';
import { sweepLeftovers } from './pack/leftovers';
import { seedBuiltinTemplates } from './services/templates';
import { PackJobs } from './pack/jobs';
import { keyFileStore } from './pack/keyFileStore';
import type { SigningKeyStore } from './pack/signingKey';
import { openWorkbook, type Db } from './store/open';
import { getSetting, setSetting } from './store/settings';
import { checkpointWal } from './store/wal';
import { addAttachmentFromStream, attachmentFile, type AttachmentOwner } from './services/attachments';
import { BUSY_IMPORT_MESSAGE, importBeingApplied } from './store/importLock';
import { activitySince, lastActivitySeq } from './store/activity';
import { localToday } from '../../shared/dates';
import { workbookCalendar, type WorkbookCalendar, type WorkbookCalendarInput } from './services/calendar';

/** Writes that take the write gate themselves (a pack import's job holds it while it applies; a sheet import's job writes through it or holds it). */
const SELF_GATED: ReadonlySet<string> = new Set(['pack.import', 'sheets.apply']);

export interface BackendOptions {
  /** Absolute path of the .sqlite file; created if missing. */
  workbookPath: string;
  appVersion: string;
  /** better-sqlite3 binary for another ABI (the desktop app's Electron build). */
  nativeBinding?: string;
  /** How this face opens an attachment with the operating system (desktop: shell.openPath). */
  openFile?: (absPath: string) => Promise<void>;
  canSwitchWorkbook?: boolean;
  /** Native dialogs and printing (the desktop shell). */
  dialogs?: FaceDialogs;
  /** Whether pack methods may name files on this machine (false for the browser face: it uploads). */
  allowPackPaths?: boolean;
  clock?: Clock;
  newId?: () => string;
  /** The built pack worker (desktop app); default: its source through tsx. */
  packWorkerEntry?: URL;
  /** Where the workbook's signing key is kept (desktop: safeStorage); default: a key file beside the workbook (keyFileStore.ts). */
  signingKeys?: SigningKeyStore;
}

/** What the browser face's attachment routes need: an upload streamed into the store, a stored file to stream out. */
export interface AttachmentRoutes {
  /** `maxBytes` defaults to MAX_ATTACHMENT_BYTES (tests make it small). */
  upload(input: AttachmentOwner & { fileName: string }, body: Readable, maxBytes?: number): Promise<Attachment>;
  file(id: string): { path: string; fileName: string; mediaType: string; size: number };
}

export interface Backend {
  readonly workbookPath: string;
  readonly db: Db;
  dispatch: Dispatch;
  /** Pack exports in progress, finished packs and uploads (the browser face's download and upload routes use it). */
  readonly packs: PackJobs;
  /** Attachments as streams, for the browser face's upload and download routes (no bytes go through dispatch). */
  readonly attachments: AttachmentRoutes;
  /** The deadlines as an iCalendar text, for the browser face's download route (shared/calendar.ts). */
  calendar(input: WorkbookCalendarInput): WorkbookCalendar;
  /**
   * Calls `listener` after each committed write with what it changed (every face relays these to
   * its screens); returns an unsubscribe function.
   */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Opens (creating if needed) another workbook; on failure throws and keeps the current one. */
  switchWorkbook(path: string): void;
  close(): void;
  /** Like close, and resolves once temporary packs and uploads are removed (before a process exits). */
  closeAndWait(): Promise<void>;
}

/** Gives a new workbook its identity: a stable id (for packs and merges) and a user name. */
function initialise(db: Db, now: string, newId: () => string): void {
  db.transaction(() => {
    if (!getSetting(db, 'workbook_id')) {
      setSetting(db, 'workbook_id', randomUUID());
      setSetting(db, 'created_at', now);
    }
    if (!getSetting(db, 'user_name')) setSetting(db, 'user_name', defaultUserName());
    seedBuiltinTemplates(db, now, newId);
  }).immediate();
}

export function createBackend(opts: BackendOptions): Backend {
  const clock = opts.clock ?? systemClock;
  const open = (path: string) => {
    const db = openWorkbook(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    try {
      initialise(db, clock.now().toISOString(), opts.newId ?? randomId);
      removeStaleStaging(path);
      sweepLeftovers(db, path);
    } catch (e) {
      db.close();
      throw e;
    }
    return db;
  };
  let ctx: ServiceContext = { db: open(opts.workbookPath), workbookPath: opts.workbookPath, clock, newId: opts.newId ?? randomId };
  const listeners = new Set<(event: ChangeEvent) => void>();
  const sequence = { last: 0 };
  /** Announces writes that did not come through the dispatcher (uploads, import jobs) from what they logged. */
  const announceSince = (sinceSeq: number) => {
    const event = changeEventOf(sequence.last + 1, activitySince(ctx.db, sinceSeq));
    if (!event) return;
    sequence.last = event.seq;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('Handover Workbook: a change listener failed', e);
      }
    }
  };
  const packs = new PackJobs({
    // A write through a connection of its own (an import) also leaves a WAL to fold in while idle.
    onImported: (sinceSeq) => {
      announceSince(sinceSeq);
      scheduleCheckpoint();
    },
    nativeBinding: opts.nativeBinding, allowPaths: opts.allowPackPaths ?? true, signingKeys: opts.signingKeys ?? keyFileStore, ...(opts.packWorkerEntry ? { workerEntry: opts.packWorkerEntry } : {}),
  });
  const history = new UndoHistory();
  const env = (): HandlerEnv => ({ ctx, appVersion: opts.appVersion, openFile: opts.openFile, canSwitchWorkbook: opts.canSwitchWorkbook ?? false, packs, dialogs: opts.dialogs, history, nativeBinding: opts.nativeBinding });
  const inner = createDispatcher(HANDLERS, env, {
    sequence,
    onInternalError: (e) => console.error('Handover Workbook: internal error', e),
    onChange: (event, method, first) => {
      history.committed(method, first);
      for (const listener of [...listeners]) listener(event);
    },
  });
  // Move the WAL into the database file once writes have been quiet for a moment.
  let checkpointTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleCheckpoint = () => {
    clearTimeout(checkpointTimer);
    checkpointTimer = setTimeout(() => {
      if (ctx.db.open) checkpointWal(ctx.db, 'PASSIVE');
    }, 1500);
    checkpointTimer.unref?.();
  };
  const dispatch: Dispatch = async (method, payload) => {
    // While this backend's own import applies its records (in the pack worker), writes wait here
    // for it instead of in SQLite's busy wait, which would hold the event loop; reads go at once.
    // The import itself holds the gate, so it does not queue behind itself.
    const queued = isMethodName(method) && API[method].writes && !SELF_GATED.has(method);
    const response = await (queued ? packs.writeGate.write(() => inner(method, payload)) : inner(method, payload));
    if (response.ok && isMethodName(method) && API[method].writes) scheduleCheckpoint();
    return response;
  };
  return {
    get workbookPath() {
      return ctx.workbookPath;
    },
    get db() {
      return ctx.db;
    },
    dispatch: (method: string, payload: unknown): Promise<ApiResponse<unknown>> => dispatch(method, payload),
    packs,
    attachments: {
      // The same guard as every write through dispatch: while an import is applied, answer at once.
      upload: (input, body, maxBytes) => {
        if (importBeingApplied(ctx.workbookPath)) return Promise.reject(new ApiError('BUSY', BUSY_IMPORT_MESSAGE));
        // Queued behind this backend's own import like every write, and announced like one.
        return packs.writeGate.write(async () => {
          const since = lastActivitySeq(ctx.db);
          const attachment = await addAttachmentFromStream(ctx, input, body, maxBytes);
          announceSince(since);
          return attachment;
        });
      },
      file: (id) => attachmentFile(ctx, id),
    },
    calendar(input) {
      const now = ctx.clock.now();
      return workbookCalendar(ctx.db, localToday(now), now, input);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    switchWorkbook(path: string) {
      const db = open(path);
      const old = ctx.db;
      ctx = { ...ctx, db, workbookPath: path };
      history.clear();
      old.close();
    },
    close() {
      void this.closeAndWait();
    },
    async closeAndWait() {
      clearTimeout(checkpointTimer);
      // Running exports are cancelled (their partial files removed); temporary packs and uploads go.
      const disposed = packs.dispose();
      if (ctx.db.open) ctx.db.close();
      await disposed;
    },
  };
}
