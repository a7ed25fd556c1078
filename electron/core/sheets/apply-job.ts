// Applying a large sheet without holding the event loop: its one transaction runs on a connection
// of its own, and pauses between steps of some thousands of records (apply.ts applySteps), so
// every face of this backend keeps answering while 100,000 records land. Reads on the backend's
// connection see the workbook as it was until the commit (WAL); its writes wait at the write
// gate, asynchronously; a cancel before the commit rolls everything back. A small sheet is
// written at once on the backend's connection, as any edit is.
import { stat } from 'node:fs/promises';
import { SHEET_KIND_RECORD, type SheetApplyResult, type SheetMapping } from '../../../shared/sheets';
import type { Db } from '../store/open';
import { beginOwnWrite, commitOwnWrite, endOwnWrite } from '../store/ownWrite';
import { lastSheetImportId } from '../store/sheets';
import { workbookStamp } from '../store/workbookStamp';
import { BUSY_IMPORT_MESSAGE, importBeingApplied, takeImportLock, type ImportLock } from '../store/importLock';
import { ApiError } from '../../../shared/errors';
import { inWrite, nowIso, type ServiceContext } from '../services/context';
import type { WriteGate } from '../pack/writeGate';
import { applySteps, type ApplyStep } from './apply';
import { peekPlan, planKey, takePlan, type KeptPlan } from './kept';
import { planSheetAsync } from './plan';
import { applySheet, resultOf, readTable, rememberMapping, writable, type SheetRequest } from './service';
import { sourceSha256, type ResolvedSource } from './source';

/** Fewer records than this are written at once: a pause and a connection of its own would cost more than they spare. */
export const BACKGROUND_MIN_RECORDS = 2000;
/** A sheet of fewer bytes than this holds fewer rows than that (when there is no dry run's plan to count). */
const BACKGROUND_MIN_BYTES = 128 * 1024;

export interface ApplyJobOptions {
  gate: WriteGate;
  nativeBinding?: string | undefined;
  signal: AbortSignal;
  onStep: (s: ApplyStep) => void;
  /**
   * Told the activity entry as soon as the import has committed, while this backend's writes are
   * still held: a write waiting at the gate lands (and is announced, and undone) after it. Its
   * failure (another workbook opened meanwhile) does not fail the landed import.
   */
  committed?: (activityId: string) => void;
}

/** The source's size in bytes (0 for a file that cannot be read: reading it says why). */
async function sourceBytes(src: ResolvedSource): Promise<number> {
  if (src.text !== undefined) return Buffer.byteLength(src.text, 'utf8');
  try {
    return (await stat(src.path!)).size;
  } catch {
    return 0;
  }
}

/** Tells the job's caller of a landed import (see ApplyJobOptions.committed). */
function announce(opts: ApplyJobOptions, result: SheetApplyResult): void {
  try {
    if (result.activityId) opts.committed?.(result.activityId);
  } catch (e) {
    console.error('Handover Workbook: announcing a sheet import failed', e);
  }
}

const cancelled = () => Object.assign(new Error('The import was cancelled; nothing was changed.'), { name: 'AbortError' });

/** A plan's records to write. */
const writesOf = (k: KeptPlan) => k.plan.adds.length + k.plan.updates.length + k.plan.people.length;

/**
 * Applies the sheet as applySheet does (the dry run's kept plan when still valid, else read and
 * planned again inside the transaction), through the write gate; a large plan in steps on its own
 * connection (a workbook in memory has no other connection, and is written at once).
 */
export async function applySheetJob(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest, mapping: SheetMapping, opts: ApplyJobOptions): Promise<SheetApplyResult> {
  const sha256 = await sourceSha256(src);
  const key = sha256 === null ? null : planKey(req, mapping, { sha256, fileName: src.fileName });
  const peeked = key === null ? null : peekPlan(ctx.db, key);
  // Without a kept plan (none made, let go, or taken by a cancelled apply) the sheet's size decides.
  const large = peeked ? writesOf(peeked) >= BACKGROUND_MIN_RECORDS : (await sourceBytes(src)) >= BACKGROUND_MIN_BYTES;
  if (!large || ctx.db.memory) {
    return opts.gate.write(async () => {
      // Checked after the wait at the gate: a cancel or another process's import may have come meanwhile.
      if (opts.signal.aborted) throw cancelled();
      if (importBeingApplied(ctx.workbookPath)) throw new ApiError('BUSY', BUSY_IMPORT_MESSAGE);
      const result = await applySheet(ctx, src, req, mapping);
      announce(opts, result);
      return result;
    });
  }
  // Without a plan the sheet is read before anything is held (planning it waits for the lock).
  let loaded = peeked ? null : await readTable(src, req);
  const release = await opts.gate.hold();
  let own: Db | null = null;
  let lock: ImportLock | null = null;
  try {
    if (opts.signal.aborted) throw cancelled();
    // One import at a time, as for packs; while the records land, other processes' writers are
    // answered BUSY at once instead of waiting on SQLite's lock (this backend's wait at the gate).
    lock = takeImportLock(ctx.workbookPath, nowIso(ctx));
    lock.setPhase('applying');
    // Taken with this backend's writes held: the plan is for the workbook as it stands, or none.
    let kept = key === null ? null : takePlan(ctx.db, key);
    own = beginOwnWrite(ctx.workbookPath, opts.nativeBinding);
    // Another process may have committed between the check and the lock: the backend's
    // connection sees it as a moved stamp (data_version), and the plan is made again.
    if (kept && workbookStamp(ctx.db) !== kept.stamp) kept = null;
    const octx: ServiceContext = { ...ctx, db: own };
    const pause = async (s: ApplyStep) => {
      opts.onStep(s);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (opts.signal.aborted) throw cancelled();
    };
    let planned: Pick<KeptPlan, 'plan' | 'headers'>;
    if (kept) planned = kept;
    else {
      if (!loaded) {
        opts.onStep({ step: 'Reading the sheet', done: 0, total: 0 });
        loaded = await readTable(src, req);
      }
      const { read, table } = loaded;
      const input = { db: own, kind: SHEET_KIND_RECORD[req.kind], table, mapping, fileName: read.fileName, sha256: read.sha256, vendor: req.vendor, newId: ctx.newId };
      planned = { plan: await planSheetAsync(input, (p) => opts.onStep({ step: 'Checking rows', ...p }), opts.signal), headers: table.headers };
    }
    const { plan, headers } = planned;
    const p = plan.preview;
    if (!writable(p)) return resultOf(p, false);
    inWrite(octx, () => rememberMapping(octx, req, mapping, headers, p.fileName));
    if (p.added + p.updated > 0) {
      const steps = applySteps(octx, req.kind, plan);
      try {
        // Each step in a write scope of the open transaction: the last one logs the entry.
        for (;;) {
          const r = inWrite(octx, () => steps.next());
          if (r.done) break;
          await pause(r.value);
        }
      } catch (e) {
        steps.return({ records: 0 });
        throw e;
      }
    }
    if (opts.signal.aborted) throw cancelled();
    // Its entry, read on this connection before the commit: the backend's may be closed by then (another workbook opened).
    const activityId = p.added + p.updated > 0 ? lastSheetImportId(own) : null;
    commitOwnWrite(own);
    const result = activityId ? { ...resultOf(p, true), peopleCreated: plan.people.length, activityId } : resultOf(p, true);
    announce(opts, result);
    return result;
  } finally {
    try {
      if (own) endOwnWrite(own);
    } finally {
      lock?.release();
      release();
    }
  }
}
