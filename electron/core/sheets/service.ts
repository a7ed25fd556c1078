// Sheet import as the API offers it: inspect a sheet, dry-run a mapping, apply it in one
// transaction, remember the mapping per source. Sources are resolved by the caller (handlers:
// an upload, a path where the face may name files, or pasted text).
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import {
  SHEET_KIND_RECORD, type RememberedMapping, type SheetApplyResult, type SheetInspection, type SheetKind, type SheetMapping, type SheetPreview,
} from '../../../shared/sheets';
import { sheetMapping } from '../../../shared/sheets';
import { deleteSheetMapping, getSheetMapping, lastSheetImportId, listSheetMappings, putSheetMapping } from '../store/sheets';
import { workbookStamp } from '../store/workbookStamp';
import { inWrite, nowIso, type ServiceContext } from '../services/context';
import { applyPlan } from './apply';
import { fieldInfos, guessColumns, norm } from './fields';
import { knownMapping, recognise } from './known';
import { keepPlan, keepSheet, keptSheet, planKey, sheetKey, takePlan, type KeptPlan } from './kept';
import { planSheet, planSheetAsync, type PlanProgress } from './plan';
import { readSource, sourceSha256, type ReadSheet, type ResolvedSource } from './source';
import { columnsOf, tableOf, type Table } from './table';

export interface SheetRequest {
  kind: SheetKind;
  sheet?: string | undefined;
  headerRow?: number | undefined;
  vendor?: string | undefined;
}

/** The key a mapping is remembered under: the kind and the set of headers, whatever their order or case. */
export function sourceKeyOf(kind: SheetKind, headers: readonly string[]): string {
  const set = [...new Set(headers.map(norm))].sort().join('\u0000');
  return `${kind}:${createHash('sha256').update(set).digest('hex').slice(0, 32)}`;
}

function parseRemembered(json: string, sourceKey: string): RememberedMapping | null {
  try {
    const r = JSON.parse(json) as RememberedMapping;
    const m = sheetMapping.safeParse(r.mapping);
    return m.success ? { ...r, sourceKey, mapping: m.data } : null;
  } catch {
    return null;
  }
}

function rekey(columns: Record<string, string | null>, headers: readonly string[]): Record<string, string | null> {
  const byNorm = new Map(Object.entries(columns).map(([h, f]) => [norm(h), f]));
  return Object.fromEntries(headers.map((h) => [h, byNorm.get(norm(h)) ?? null]));
}

export async function readTable(src: ResolvedSource, req: SheetRequest): Promise<{ read: ReadSheet; table: Table }> {
  const read = await readSource(src, req.sheet);
  return { read, table: tableOf(SHEET_KIND_RECORD[req.kind], read.grid, read.fileName, req.headerRow) };
}

/** The table as the inspection read it, when these are still its bytes; else read (and kept for the dry runs that follow). */
async function load(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest): Promise<{ read: ReadSheet; table: Table }> {
  const sha256 = await sourceSha256(src);
  const kept = sha256 === null ? null : keptSheet(ctx.db, sheetKey(req, { sha256, fileName: src.fileName }));
  if (kept) return kept;
  const loaded = await readTable(src, req);
  keepSheet(ctx.db, sheetKey(req, loaded.read), loaded);
  return loaded;
}

export async function inspectSheet(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest): Promise<SheetInspection> {
  const { read, table } = await load(ctx, src, req);
  const kind = SHEET_KIND_RECORD[req.kind];
  const sourceKey = sourceKeyOf(req.kind, table.headers);
  const stored = getSheetMapping(ctx.db, sourceKey);
  const remembered = stored ? parseRemembered(stored, sourceKey) : null;
  const known = recognise(req.kind, table.headers);
  let mapping: SheetMapping;
  // Remembered under the header set: its columns renamed to how this file writes the headers.
  if (remembered) mapping = { ...remembered.mapping, columns: rekey(remembered.mapping.columns, table.headers) };
  else if (known) mapping = knownMapping(known, table.headers);
  else mapping = { columns: guessColumns(kind, table.headers) };
  const { grid } = read;
  return {
    fileName: read.fileName, sha256: read.sha256, format: grid.format, encoding: grid.encoding, delimiter: grid.delimiter,
    sheets: grid.sheets, sheet: grid.sheet, headerRow: table.headerRow, rowCount: table.rows.length, columns: columnsOf(table),
    knownFormat: known ? { tool: known.tool, table: known.table, label: known.label } : null,
    fields: fieldInfos(kind), mapping, rememberedId: remembered?.id ?? null, sourceKey,
  };
}

export interface RunOptions {
  onProgress?: (step: string, p: PlanProgress) => void;
  signal?: AbortSignal;
}

export async function previewSheet(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest, mapping: SheetMapping, opts: RunOptions = {}): Promise<SheetPreview> {
  opts.onProgress?.('Reading the sheet', { done: 0, total: 0 });
  const { read, table } = await load(ctx, src, req);
  const input = { db: ctx.db, kind: SHEET_KIND_RECORD[req.kind], table, mapping, fileName: read.fileName, sha256: read.sha256, vendor: req.vendor, newId: ctx.newId };
  // Taken before the first row: a write during the dry run's pauses moves it, and the plan is then not used.
  const stamp = workbookStamp(ctx.db);
  const plan = await planSheetAsync(input, (p) => opts.onProgress?.('Checking rows', p), opts.signal ?? new AbortController().signal);
  keepPlan(ctx.db, planKey(req, mapping, read), { plan, headers: table.headers, stamp });
  return plan.preview;
}

/** Thrown inside the apply's transaction when the workbook moved since the kept plan was taken: the apply then plans again. */
class StalePlan extends Error {}

/**
 * Writes the dry run's kept plan when it is for this very file and mapping and the workbook has
 * not changed since (checked again inside the transaction, where no other write can come in);
 * else reads the file first (outside any transaction), then plans and writes in one transaction,
 * so the rows are checked against the workbook as it is when they are written. Either way a single
 * refused row means nothing is written.
 */
export async function applySheet(ctx: ServiceContext, src: ResolvedSource, req: SheetRequest, mapping: SheetMapping): Promise<SheetApplyResult> {
  const sha256 = await sourceSha256(src);
  const kept = sha256 === null ? null : takePlan(ctx.db, planKey(req, mapping, { sha256, fileName: src.fileName }));
  if (kept) {
    try {
      return writePlan(ctx, req, mapping, () => {
        if (workbookStamp(ctx.db) !== kept.stamp) throw new StalePlan();
        return kept;
      });
    } catch (e) {
      if (!(e instanceof StalePlan)) throw e;
    }
  }
  const loaded: { read: ReadSheet; table: Table | null } = await readTable(src, req);
  const { read } = loaded;
  const { headers } = loaded.table!;
  return writePlan(ctx, req, mapping, () => {
    const plan = planSheet({ db: ctx.db, kind: SHEET_KIND_RECORD[req.kind], table: loaded.table!, mapping, fileName: read.fileName, sha256: read.sha256, vendor: req.vendor, newId: ctx.newId });
    // The sheet's cells are not needed past the plan: let them go before the writes (a large sheet's peak memory).
    loaded.table = null;
    read.grid.rows = [];
    return { plan, headers };
  });
}

/** What an apply answers whatever it wrote: the dry run's counts and refusals. */
export function resultOf(p: SheetPreview, applied: boolean): SheetApplyResult {
  return { added: p.added, updated: p.updated, unchanged: p.unchanged, refused: p.refused, fileName: p.fileName, sha256: p.sha256, applied, peopleCreated: 0, activityId: null };
}

/** Whether a plan may be written: a single refused row (or a date order still to choose) means nothing is. */
export const writable = (p: SheetPreview) => p.refusedRows === 0 && !p.needsDateOrder;

/** Remembers the mapping under the sheet's header set, for the next file from the same source (inside the apply's write). */
export function rememberMapping(ctx: ServiceContext, req: SheetRequest, mapping: SheetMapping, headers: string[], fileName: string): void {
  const sourceKey = sourceKeyOf(req.kind, headers);
  const stored = getSheetMapping(ctx.db, sourceKey);
  const previous = stored ? parseRemembered(stored, sourceKey) : null;
  // Cells fixed by hand belong to this file's rows, not to the next file with the same headers.
  const { overrides: _fixedCells, ...kept } = mapping;
  const remembered: RememberedMapping = {
    id: previous?.id ?? ctx.newId(), kind: req.kind, sourceKey, fileName, headers, mapping: kept, updatedAt: nowIso(ctx),
  };
  putSheetMapping(ctx.db, sourceKey, JSON.stringify(remembered));
}

/** The write transaction: the plan (made or checked inside it), the remembered mapping, the records. */
function writePlan(ctx: ServiceContext, req: SheetRequest, mapping: SheetMapping, planned: () => Pick<KeptPlan, 'plan' | 'headers'>): SheetApplyResult {
  const result = inWrite(ctx, (): SheetApplyResult => {
    const { plan, headers } = planned();
    const p = plan.preview;
    if (!writable(p)) return resultOf(p, false);
    rememberMapping(ctx, req, mapping, headers, p.fileName);
    if (p.added + p.updated === 0) return resultOf(p, true);
    applyPlan(ctx, req.kind, plan);
    return { ...resultOf(p, true), peopleCreated: plan.people.length };
  });
  // The entry is written as the transaction commits: look it up after.
  return result.applied && result.added + result.updated > 0 ? { ...result, activityId: lastSheetImportId(ctx.db) } : result;
}

export function rememberedMappings(ctx: ServiceContext): RememberedMapping[] {
  return listSheetMappings(ctx.db).map((r) => parseRemembered(r.json, r.sourceKey)).filter((r): r is RememberedMapping => r !== null);
}

export function forgetMapping(ctx: ServiceContext, id: string): { removed: boolean } {
  const found = rememberedMappings(ctx).find((m) => m.id === id);
  if (!found) throw new ApiError('NOT_FOUND', `No remembered mapping ${id}`, [{ field: 'id', message: 'is not a remembered mapping' }]);
  return { removed: deleteSheetMapping(ctx.db, found.sourceKey) };
}
