// Previewing and importing a pack. Everything is verified before anything is written: the whole
// pack is read and checked (inspect.ts), the verified attachments staged in the import's own
// temporary folder beside the workbook (named by sequence, never by an entry name), and the merge
// planned. Then the new files move into the attachment store by their verified hash (rename,
// same file system), and the records land in one transaction, their references checked at its end. If the
// transaction fails, the files it brought are removed again; a kill in between leaves at most
// unreferenced files in the store, never a row without its file.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { DefaultResolution, ImportPreview, ImportResult, PackProblem, Resolution } from '../../../shared/packs';
import type { RecordKind } from '../../../shared/records';
import { activitySeqOf, logActivity } from '../store/activity';
import { unusedAttachmentShas } from '../store/attachments';
import { attachmentDir, blobPath, touchBlob } from '../store/blobs';
import { indexItems, indexRecord, rebuildSearch } from '../store/search';
import { getSetting, setSetting } from '../store/settings';
import { danglingReferences, insertRow, overwriteRow, withoutForeignKeys } from '../store/packRows';
import { takeImportLock } from '../store/importLock';
import { actor, nowIso, type ServiceContext } from '../services/context';
import type { PackLimits } from './format';
import { inspectPack, type Inspection } from './inspect';
import type { PackKeys } from './encrypted';
import { decide, latestStamp, peerKey, planMerge, type MergePlan, type PeerState } from './merge';
import { TABLES, toSqlValue, type Row } from './tables';
import { keepSigner, refuseChangedKey, summaryWithTrust } from './signers';

export interface ReadOptions {
  limits?: PackLimits;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** The free space of the disk a folder is on (default: statfs; tests give their own). */
  freeBytes?: (dir: string) => Promise<number>;
  /** What opens an encrypted pack (never stored). */
  keys?: PackKeys | undefined;
}

/** A pack refused: its problems as the error's issues (field = the file). */
export function rejected(problems: PackProblem[]): ApiError {
  const shown = problems.slice(0, 100);
  return new ApiError(
    'INVALID_INPUT',
    `The pack was refused and nothing was changed: ${shown.slice(0, 5).map((p) => (p.file ? `${p.file} ${p.message}` : p.message)).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    shown.map((p) => ({ field: p.file ?? '(pack)', message: p.message })),
  );
}

/** Reads and checks the whole pack, then plans the merge. Writes nothing. */
export async function previewPack(ctx: ServiceContext, path: string, opts: ReadOptions = {}): Promise<ImportPreview> {
  const inspection = await inspectPack(path, { ...opts, collectRows: true });
  if (inspection.problems.length) throw rejected(inspection.problems);
  const plan = planMerge(ctx.db, inspection);
  if (plan.problems.length) throw rejected(plan.problems);
  return { ...plan.preview, pack: summaryWithTrust(ctx.db, plan.preview.pack) };
}

export interface ImportOptions extends ReadOptions {
  resolutions?: Record<string, Resolution>;
  default?: DefaultResolution;
  /**
   * Called when the pack is verified and its files staged, right before the records are applied;
   * the import waits for it (the backend first lets the writes of its own faces finish).
   */
  beforeApply?: () => Promise<void>;
  /**
   * Cancel across threads while the transaction runs (the event loop is held then, so no abort
   * message arrives): CANCEL_REQUESTED aborts it before commit; the import sets COMMITTING when
   * past the last check, after which a cancel is too late.
   */
  cancelFlag?: Int32Array;
  /**
   * The import's job took the workbook's import lock when it started and marks it 'applying'
   * before it lets the import go on (jobs.ts); without this, the import takes the lock itself.
   */
  lockHeld?: boolean;
}

export const APPLY_RUNNING = 0;
export const CANCEL_REQUESTED = 1;
export const COMMITTING = 2;
/** How many rows the transaction applies between two looks at the cancel flag. */
const CANCEL_CHECK_ROWS = 500;

export const cancelledImport = () => new ApiError('CONFLICT', 'The import was cancelled; nothing was changed.');

const INDEX_ROW_BY_ROW_UP_TO = 2000;

/**
 * Removes staging folders an import left when its process was killed midway. Their files were
 * never referenced by the workbook (the transaction is what refers to them), so nothing is lost.
 */
export function removeStaleStaging(workbookPath: string, olderThanMs = 60 * 60 * 1000, now = Date.now()): number {
  const dir = dirname(workbookPath);
  const prefix = `.${basename(workbookPath, extname(workbookPath))}.import-`;
  let removed = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}$/.test(name.slice(prefix.length))) continue;
    const path = join(dir, name);
    // An hour's margin: another process (the CLI) may be importing into this workbook right now.
    if (now - statSync(path).mtimeMs < olderThanMs) continue;
    rmSync(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Deletes the stored files of attachments that are tombstoned and linked to no live record. */
function removeUnusedFiles(ctx: ServiceContext, store: string): void {
  for (const sha of unusedAttachmentShas(ctx.db)) rmSync(blobPath(store, sha), { force: true });
}

function stagingDir(workbookPath: string): string {
  const base = basename(workbookPath, extname(workbookPath));
  return join(dirname(workbookPath), `.${base}.import-${randomBytes(6).toString('hex')}`);
}

/** Verifies, plans and applies a pack in one transaction. Throws (changing nothing) when the pack is refused. */
export async function importPack(ctx: ServiceContext, path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  if (opts.lockHeld) return importLocked(ctx, path, opts, () => {});
  // One import at a time per workbook, whichever process runs it; a second one is refused (BUSY).
  const lock = takeImportLock(ctx.workbookPath, nowIso(ctx));
  try {
    // Other processes' writers are answered BUSY while the records land, rather than waiting.
    return await importLocked(ctx, path, opts, () => lock.setPhase('applying'));
  } finally {
    lock.release();
  }
}

/** `applying`: marks the import lock as applying the records, right before they land. */
async function importLocked(ctx: ServiceContext, path: string, opts: ImportOptions, applying: () => void): Promise<ImportResult> {
  const store = attachmentDir(ctx.workbookPath);
  const stage = stagingDir(ctx.workbookPath);
  await mkdir(stage);
  const moved: string[] = [];
  /** Folders this import made in the attachment store, deepest last. */
  const made: string[] = [];
  const undo = async () => {
    for (const p of moved) await rm(p, { force: true });
    for (const d of made.reverse()) await rmdir(d).catch(() => undefined); // only if empty: someone else may use it now
    moved.length = 0;
    made.length = 0;
  };
  try {
    const have = (sha: string, size: number) => {
      const p = blobPath(store, sha);
      if (!existsSync(p) || statSync(p).size !== size) return false;
      touchBlob(p); // about to be referenced again: not a leftover for a sweep elsewhere (leftovers.ts)
      return true;
    };
    const inspection = await inspectPack(path, { ...opts, collectRows: true, stage: { dir: stage, have, freeBytes: opts.freeBytes } });
    if (inspection.problems.length) throw rejected(inspection.problems);
    const plan = planMerge(ctx.db, inspection);
    if (plan.problems.length) throw rejected(plan.problems);
    refuseChangedKey(summaryWithTrust(ctx.db, plan.preview.pack).signature, inspection.manifest!.workbookId);
    await opts.beforeApply?.();
    if (opts.signal?.aborted || (opts.cancelFlag && Atomics.load(opts.cancelFlag, 0) === CANCEL_REQUESTED)) throw cancelledImport();

    // Files first: every verified, new file of an attachment the pack keeps live.
    const live = new Set((inspection.rows.get('attachments') ?? []).filter((r) => r.deletedAt === null).map((r) => r.sha256 as string));
    for (const [sha, file] of inspection.attachments) {
      if (!file.path || !live.has(sha)) continue;
      const target = blobPath(store, sha);
      if (existsSync(target)) continue;
      if (!existsSync(store)) made.push(store);
      if (!existsSync(dirname(target))) made.push(dirname(target));
      await mkdir(dirname(target), { recursive: true });
      await rename(file.path, target);
      moved.push(target);
    }
    try {
      applying();
      const result = apply(ctx, inspection, opts, moved.length);
      moved.length = 0;
      made.length = 0;
      // Files of attachments the pack deleted (and no record still uses) go, as when removed by hand.
      removeUnusedFiles(ctx, store);
      return result;
    } catch (e) {
      await undo();
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        throw new ApiError('INVALID_INPUT', `The pack was refused and nothing was changed: the workbook rejected its records (${(e as Error).message}).`);
      }
      throw e;
    }
  } catch (e) {
    await undo();
    throw e;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

function apply(ctx: ServiceContext, inspection: Inspection, opts: ImportOptions, filesWritten: number): ImportResult {
  const { db } = ctx;
  const manifest = inspection.manifest!;
  const fallback = opts.default ?? 'newer';
  // References are checked once, at the end, with foreign_key_check (one pass with key lookups).
  // Enforcing them row by row would, with deferred keys and rows arriving in any order, make
  // SQLite scan the child tables for every parent inserted: minutes for a large workbook.
  // The pragma is a no-op inside a transaction, so it is switched around it.
  return withoutForeignKeys(db, () => applyInTransaction(ctx, inspection, opts, filesWritten, fallback, manifest));
}

function applyInTransaction(
  ctx: ServiceContext, inspection: Inspection, opts: ImportOptions, filesWritten: number, fallback: DefaultResolution, manifest: NonNullable<Inspection['manifest']>,
): ImportResult {
  const { db } = ctx;
  return db.transaction(() => {
    // Planned again inside the transaction: the workbook may have changed while the files moved.
    const plan: MergePlan = planMerge(db, inspection);
    if (plan.problems.length) throw rejected(plan.problems);
    const result: ImportResult = { added: 0, updated: 0, deleted: 0, kept: 0, conflicts: { theirs: 0, mine: 0 }, attachmentsWritten: filesWritten, warnings: plan.preview.warnings };
    const touched: { kind: RecordKind; row: Row }[] = [];
    const touchedItems: string[] = [];
    // Kept against this pack's workbook: the earlier list for records this pack does not hold, plus this import's.
    const kept = [...plan.kept].filter((id) => !plan.packIds.has(id));
    const flag = opts.cancelFlag;
    let sinceCheck = 0;
    for (const row of plan.rows) {
      if (flag && ++sinceCheck >= CANCEL_CHECK_ROWS) {
        sinceCheck = 0;
        if (Atomics.load(flag, 0) === CANCEL_REQUESTED) throw cancelledImport();
      }
      const side = decide(row, opts.resolutions, fallback);
      if (row.action === 'conflict') result.conflicts[side]++;
      if (side === 'mine') {
        if (row.action === 'keep') result.kept++;
        kept.push(row.theirs.id as string);
        continue;
      }
      const t = TABLES[row.table];
      if (row.mine) {
        overwriteRow(db, t, row.theirs.id as string, t.columns.filter((c) => c.field !== 'id').map((c) => toSqlValue(c, row.theirs[c.field])));
        if (row.theirs.deletedAt && !row.mine.deletedAt) result.deleted++;
        else result.updated++;
      } else {
        insertRow(db, t, t.columns.map((c) => toSqlValue(c, row.theirs[c.field])));
        result.added++;
      }
      if (t.kind) touched.push({ kind: t.kind, row: row.theirs });
      else if (row.table === 'checklist_items') touchedItems.push(row.theirs.id as string);
    }
    const dangling = danglingReferences(db);
    if (dangling.length) {
      throw rejected(dangling.slice(0, 20).map((d) => ({
        file: `data/${d.table}.json`,
        message: `a record refers to a ${d.parent} row that is neither in the pack nor in this workbook`,
      })));
    }
    if (touched.length + touchedItems.length > INDEX_ROW_BY_ROW_UP_TO) rebuildSearch(db);
    else {
      for (const { kind, row } of touched) indexRecord(db, kind, row);
      indexItems(db, { ids: touchedItems });
    }

    const at = nowIso(ctx);
    const entryId = ctx.newId();
    const c = result.conflicts;
    logActivity(db, {
      id: entryId, at, actor: actor(ctx), action: 'import', kind: 'pack', recordId: null, vendorId: manifest.vendors.length === 1 ? manifest.vendors[0]!.id : null,
      summary: `Imported a pack made by ${manifest.createdBy || 'someone'} on ${manifest.createdAt.slice(0, 10)} (${manifest.vendors.map((v) => v.name).join(', ')}): `
        + `${result.added} added, ${result.updated} updated, ${result.deleted} deleted${c.theirs + c.mine ? `, ${c.theirs + c.mine} conflicts (${c.theirs} theirs, ${c.mine} mine)` : ''}`,
      changes: { workbookId: manifest.workbookId, packCreatedAt: manifest.createdAt, added: result.added, updated: result.updated, deleted: result.deleted, conflicts: c },
    });
    if (manifest.workbookId !== getSetting(db, 'workbook_id')) {
      const seq = activitySeqOf(db, entryId)!;
      const peer: PeerState = {
        packCreatedAt: manifest.createdAt, activitySeq: manifest.sync.activitySeq, importedAt: at, localSeq: seq, maxUpdatedAt: latestStamp(inspection), kept,
      };
      setSetting(db, peerKey(manifest.workbookId), JSON.stringify(peer));
      // Trust on first use: the first signed pack from a workbook keeps its key; later ones are checked against it.
      if (manifest.signer) keepSigner(db, { workbookId: manifest.workbookId, workbookName: manifest.signer.workbookName, publicKey: manifest.signer.publicKey }, at);
    }
    // The last moment a cancel can still undo everything: from here on it is too late.
    if (flag && Atomics.compareExchange(flag, 0, APPLY_RUNNING, COMMITTING) === CANCEL_REQUESTED) throw cancelledImport();
    return result;
  }).immediate();
}
