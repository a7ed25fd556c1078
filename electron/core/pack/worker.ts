// The pack worker thread: verifies, previews or imports one pack with its own connection to the
// workbook, so the backend's event loop (and the faces it answers) never waits for the reading,
// the planning or the transaction. WAL lets the backend's own connection keep reading meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { ServiceContext } from '../services/context';
import { knownErrorBody } from '../services/errors';
import { openWorkbook, type Db } from '../store/open';
import { emptyWal } from '../store/wal';
import { CANCEL_REQUESTED, importPack, previewPack } from './import';
import { verifyPack } from './verify';
import { summaryWithTrust } from './signers';
import type { FromWorker, ToWorker, WorkerTask } from './worker-task';

/** Progress messages at most this often: each one is a copy across threads. */
const PROGRESS_EVERY_MS = 100;
/** How long the checkpoint after an import waits for the backend's reads (each a few ms) to end. */
const CHECKPOINT_WAIT_MS = 2000;

const task = workerData as WorkerTask;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const controller = new AbortController();
let go: (() => void) | null = null;

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') {
    Atomics.compareExchange(task.cancelFlag, 0, 0, CANCEL_REQUESTED);
    controller.abort();
    go?.();
  } else if (m.type === 'go') go?.();
});

let lastProgress = 0;
let bytesDone = 0;
const onProgress = (bytes: number) => {
  bytesDone += bytes;
  const now = Date.now();
  if (now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  post({ type: 'progress', step: 'Reading the pack', bytesDone });
};

/**
 * The import's commit left a WAL as large as what it wrote. Folding it into the database here, on
 * this thread, spares the backend's next commit that automatic checkpoint on its event loop (over
 * 100 ms after a 250,000-record import). The import has committed by now: a reader that keeps the
 * checkpoint from finishing, or a checkpoint that fails, leaves the rest to the backend's own
 * idle checkpoints and never fails the import.
 */
function afterImport(db: Db): void {
  try {
    emptyWal(db, CHECKPOINT_WAIT_MS);
  } catch (e) {
    console.error('Handover Workbook: the checkpoint after an import failed', e);
  }
}

async function run(): Promise<FromWorker> {
  let db: Db | null = null;
  try {
    if (task.kind === 'verify') {
      const report = await verifyPack(task.path, { signal: controller.signal, onProgress, keys: task.keys });
      // With a workbook (not the CLI's bare verify), the signer's key is compared with the one it keeps.
      if (!task.workbookPath || !report.manifest) return { type: 'done', value: report };
      db = openWorkbook(task.workbookPath, { readonly: true, ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}) });
      return { type: 'done', value: { ...report, manifest: summaryWithTrust(db, report.manifest) } };
    }
    db = openWorkbook(task.workbookPath, task.nativeBinding ? { nativeBinding: task.nativeBinding } : {});
    const ctx: ServiceContext = { db, workbookPath: task.workbookPath, clock: { now: () => new Date(task.now) }, newId: () => task.entryId };
    if (task.kind === 'preview') return { type: 'done', value: await previewPack(ctx, task.path, { signal: controller.signal, onProgress, keys: task.keys }) };
    const value = await importPack(ctx, task.path, {
      signal: controller.signal, onProgress, keys: task.keys, resolutions: task.resolutions, default: task.default, cancelFlag: task.cancelFlag,
      // The job took the import lock as it started, and sets its phase before its 'go'.
      lockHeld: true,
      beforeApply: () => new Promise<void>((resolve) => {
        go = resolve;
        post({ type: 'ready' });
      }).then(() => post({ type: 'progress', step: 'Applying the records', bytesDone: -1 })),
    });
    afterImport(db);
    return { type: 'done', value };
  } catch (e) {
    const cancelled = controller.signal.aborted || Atomics.load(task.cancelFlag, 0) === CANCEL_REQUESTED;
    const error = knownErrorBody(e, { workbookPath: task.workbookPath }) ?? { code: 'INTERNAL', message: (e as Error).message ?? String(e) };
    return { type: 'failed', error, cancelled };
  } finally {
    db?.close();
  }
}

post(await run());
