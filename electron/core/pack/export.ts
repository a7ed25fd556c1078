// Exporting a transition pack. It reads the workbook through its own read-only connection inside
// one read transaction, so every file of the pack shows the same moment however long the export
// takes, and the app's own connection stays free. Everything is streamed: data files row by row
// from iterating SELECTs, attachments block by block; the zip goes to a temporary file beside the
// destination and is renamed into place only when complete (a cancelled or failed export leaves
// nothing behind; a killed one leaves that file, recorded in the workbook, for the next open to
// remove: leftovers.ts).
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { localToday } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import { PACK_FORMAT, PACK_VERSION, type PackExportResult, type PackVendorRef } from '../../../shared/packs';
import type { Readiness } from '../../../shared/readiness';
import { attachmentDir, blobPath } from '../store/blobs';
import { SCHEMA_VERSION } from '../store/migrations';
import type { Db } from '../store/open';
import { csvLine, CSV_BOM } from './csv';
import { partialPath, rememberExport } from './leftovers';
import { attachmentName, CSV_TABLES, DATA_TABLES, dataCsv, dataJson, MANIFEST, README, REPORT, type DataTable } from './format';
import { receivedSchema, type Manifest, type Received } from './manifest';
import { reportBlocks, type ReportInput } from './report';
import { renderHtml } from './report-html';
import { renderMarkdown } from './report-md';
import { toColumn } from '../store/tables';
import { checkDestination, type DestinationRules } from '../services/destination';
import { isPackFile } from './sniff';
import { builtinTemplateId, fromSql, SCOPE, selectColumns, TABLES, type Row } from './tables';
import { ZipWriter, type ZipEntryInput, type ZipWriteOptions } from './zip-write';

export interface ExportProgress {
  step: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface ExportOptions {
  workbookPath: string;
  nativeBinding?: string | undefined;
  /** The vendors to export, or every vendor. */
  vendorIds: string[] | 'all';
  attachments: boolean;
  redact: boolean;
  /** The pack's final path (checked by checkDestination: never a workbook, its files or an attachment folder). */
  destination: string;
  /** The user agreed to replace an existing file that is not a pack (`--force`, a save dialog that asked). */
  replace?: boolean;
  /** How a refused destination is named and explained to this face (the CLI says --out and --force). */
  destinationWording?: Pick<DestinationRules, 'field' | 'replaceHint'>;
  appVersion: string;
  now: Date;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ExportProgress) => void) | undefined;
  /** Tests: smaller blocks, forced zip64. */
  zip?: Pick<ZipWriteOptions, 'blockSize' | 'forceZip64' | 'maxInFlightBytes'>;
}

export type ExportOutcome = Omit<PackExportResult, 'downloadPath'>;

export const REDACTED_FIELDS = ['repositories.url', 'repositories.secretsLocation', 'licences.keyLocation', 'documents.location'];

/** Rough bytes of output per data row, for the progress bar before the data files are written. */
const BYTES_PER_ROW = 900;

/** Opens the workbook a second time, read-only, and starts the read transaction the export sees. */
export function openSnapshot(path: string, nativeBinding?: string): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    throw new ApiError('FILE_ERROR', `Cannot read the workbook ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new ApiError('UNSUPPORTED', `The workbook ${path} has schema ${version}; this app exports schema ${SCHEMA_VERSION}. Open it in the app first.`);
    }
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM vendors').get();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function setting(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
}

/** This workbook's knowledge of the packs it imported, one entry per other workbook (see merge.ts). */
export function receivedPacks(db: Db): Received[] {
  const out: Received[] = [];
  for (const { key, value } of db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'pack_peer:%' ORDER BY key`).all() as { key: string; value: string }[]) {
    try {
      const v = JSON.parse(value) as Record<string, unknown>;
      const parsed = receivedSchema.safeParse({ workbookId: key.slice('pack_peer:'.length), packCreatedAt: v.packCreatedAt, activitySeq: v.activitySeq, importedAt: v.importedAt });
      if (parsed.success) out.push(parsed.data);
    } catch {
      // A damaged entry only costs the next merge its shortcut; it is not worth failing an export.
    }
  }
  return out;
}

export function resolveVendors(db: Db, ids: string[] | 'all'): PackVendorRef[] {
  if (ids === 'all') {
    return db.prepare('SELECT id, name FROM vendors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as PackVendorRef[];
  }
  const out: PackVendorRef[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    const v = db.prepare('SELECT id, name, deleted_at AS deletedAt FROM vendors WHERE id = ?').get(id) as (PackVendorRef & { deletedAt: string | null }) | undefined;
    if (!v || v.deletedAt) {
      throw new ApiError('INVALID_INPUT', `vendorIds.${i}: ${v ? 'refers to a deleted vendor' : 'refers to no vendor in this workbook'}`, [
        { field: `vendorIds.${i}`, message: v ? 'refers to a deleted vendor' : 'refers to no vendor in this workbook' },
      ]);
    }
    out.push({ id: v.id, name: v.name });
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** This workbook's built-in templates: its id → the id packs use. */
function builtinIds(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, builtin FROM templates WHERE builtin IS NOT NULL').all() as { id: string; builtin: string }[];
  return new Map(rows.map((r) => [r.id, builtinTemplateId(r.builtin)]));
}

function* jsonRows(db: Db, table: DataTable, scope: string | null, redact: boolean): Generator<string> {
  const t = TABLES[table];
  const blank = redact ? t.redact : [];
  const builtins = table === 'checklists' ? builtinIds(db) : null;
  yield '[\n';
  let first = true;
  let buf: string[] = [];
  for (const row of db.prepare(`SELECT ${selectColumns(t)} FROM ${t.sql} t WHERE ${SCOPE[table]} ORDER BY t.id`).iterate({ v: scope }) as IterableIterator<Row>) {
    fromSql(t, row);
    for (const f of blank) if (row[f]) row[f] = '';
    if (builtins && typeof row.templateId === 'string') row.templateId = builtins.get(row.templateId) ?? row.templateId;
    buf.push(`${first ? '' : ',\n'}${JSON.stringify(row)}`);
    first = false;
    if (buf.length >= 500) {
      yield buf.join('');
      buf = [];
    }
  }
  buf.push(first ? ']\n' : '\n]\n');
  yield buf.join('');
}

function* csvRows(db: Db, table: DataTable, scope: string | null, redact: boolean): Generator<string> {
  const t = TABLES[table];
  const blank = new Set(redact ? t.redact : []);
  const header: string[] = [];
  const select: string[] = [];
  for (const c of t.columns) {
    if (c.field === 'deletedAt') continue;
    header.push(c.field);
    select.push(`t.${c.column}`);
    const ref = t.refs.find((r) => r.field === c.field);
    if (ref) {
      const target = TABLES[ref.table];
      header.push(c.field.replace(/Id$/, 'Name'));
      select.push(`(SELECT r.${toColumn(target.titleField)} FROM ${target.sql} r WHERE r.id = t.${c.column})`);
    }
  }
  const bools = new Set(t.columns.filter((c) => c.bool).map((c) => c.field));
  yield CSV_BOM + csvLine(header);
  let buf: string[] = [];
  for (const r of db.prepare(`SELECT ${select.join(', ')} FROM ${t.sql} t WHERE ${SCOPE[table]} AND t.deleted_at IS NULL ORDER BY t.id`).raw().iterate({ v: scope }) as IterableIterator<unknown[]>) {
    buf.push(csvLine(r.map((v, i) => {
      const field = header[i]!;
      if (blank.has(field) && v) return '';
      return bools.has(field) ? v === 1 : v;
    })));
    if (buf.length >= 500) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

const generated = (name: string, make: () => Iterable<string>): ZipEntryInput => ({
  name,
  source: { kind: 'generated', chunks: async function* () { yield* make(); } },
});

/** Where a pack may be written: a .zip that is not the workbook's, replacing only an older pack unless told. */
export function packDestinationRules(workbookPath: string, replace: boolean): DestinationRules {
  return {
    field: 'destination', extension: '.zip', workbookPath, replace, replaceable: isPackFile,
    replaceHint: 'it is not a transition pack, so it is not replaced: choose another name, or say that it may be replaced',
  };
}

/** Writes a pack; resolves with what was written, or throws (an AbortError when cancelled) leaving no file. */
export async function exportPack(opts: ExportOptions): Promise<ExportOutcome> {
  const rules = { ...packDestinationRules(opts.workbookPath, opts.replace ?? false), ...opts.destinationWording };
  const destination = checkDestination(opts.destination, rules);
  const db = openSnapshot(opts.workbookPath, opts.nativeBinding);
  const partialId = randomBytes(6).toString('hex');
  const temp = partialPath(destination, partialId);
  /** Recorded while the partial file exists, so a later open removes it if this process dies (leftovers.ts). */
  let forget: (() => void) | null = null;
  let progress: ExportProgress = { step: 'Preparing', bytesDone: 0, bytesTotal: 0 };
  const report = (p: Partial<ExportProgress>) => {
    progress = { ...progress, ...p };
    opts.onProgress?.(progress);
  };
  let fh: Awaited<ReturnType<typeof open>> | null = null;
  try {
    const vendors = resolveVendors(db, opts.vendorIds);
    if (vendors.length === 0) throw new ApiError('INVALID_INPUT', 'There is no vendor to export: this workbook has none.');
    const scope = opts.vendorIds === 'all' ? null : JSON.stringify(vendors.map((v) => v.id));
    const counts = Object.fromEntries(DATA_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${TABLES[t].sql} t WHERE ${SCOPE[t]}`).pluck().get({ v: scope }) as number])) as Record<DataTable, number>;

    const dir = attachmentDir(opts.workbookPath);
    const files = opts.attachments
      ? db.prepare(`SELECT t.sha256, t.size, t.file_name AS fileName, t.media_type AS mediaType FROM attachments t WHERE ${SCOPE.attachments} AND t.deleted_at IS NULL ORDER BY t.sha256`)
        .all({ v: scope }) as { sha256: string; size: number; fileName: string; mediaType: string }[]
      : [];
    for (const f of files) {
      const s = await stat(blobPath(dir, f.sha256)).catch(() => null);
      if (!s || s.size !== f.size) {
        throw new ApiError('FILE_ERROR', `The file of attachment “${f.fileName}” (${f.sha256}) is ${s ? 'damaged' : 'missing'} in ${dir}; the pack was not written.`);
      }
    }
    const attachmentBytes = files.reduce((s, f) => s + f.size, 0);
    const dataRows = Object.values(counts).reduce((s, n) => s + n, 0);
    report({ bytesTotal: attachmentBytes + dataRows * BYTES_PER_ROW });

    const createdAt = opts.now.toISOString();
    const createdBy = setting(db, 'user_name') ?? '';
    const workbookId = setting(db, 'workbook_id') ?? '';
    const reportInput: ReportInput = {
      db, vendorIds: vendors.map((v) => v.id), today: localToday(opts.now), redact: opts.redact, attachmentsIncluded: opts.attachments,
      createdAt, createdBy, workbookId, appVersion: opts.appVersion, readiness: new Map<string, Readiness | null>(),
    };

    const entries: ZipEntryInput[] = [
      generated(README, () => renderHtml(reportBlocks(reportInput))),
      generated(REPORT, () => renderMarkdown(reportBlocks(reportInput))),
      ...DATA_TABLES.map((t) => generated(dataJson(t), () => jsonRows(db, t, scope, opts.redact))),
      ...CSV_TABLES.map((t) => generated(dataCsv(t), () => csvRows(db, t, scope, opts.redact))),
      ...files.map((f): ZipEntryInput => ({ name: attachmentName(f.sha256, f.fileName), source: { kind: 'file', path: blobPath(dir, f.sha256), size: f.size, fileName: f.fileName, mediaType: f.mediaType } })),
    ];
    const stepOf = (name: string) => (name.startsWith('attachments/') ? 'Attachments' : name.startsWith('data/') ? 'Data' : 'Report');
    async function* tracked() {
      for (const e of entries) {
        if (progress.step !== stepOf(e.name)) report({ step: stepOf(e.name) });
        yield e;
      }
    }

    forget = rememberExport(opts.workbookPath, opts.nativeBinding, partialId, destination, new Date());
    fh = await open(temp, 'wx');
    const zip = new ZipWriter(fh, {
      ...opts.zip, date: opts.now, signal: opts.signal,
      onProgress: (n) => {
        const bytesDone = progress.bytesDone + n;
        report({ bytesDone, bytesTotal: Math.max(progress.bytesTotal, bytesDone) });
      },
    });
    const written = await zip.write(tracked());
    report({ step: 'Manifest' });
    const manifest: Manifest = {
      format: PACK_FORMAT, version: PACK_VERSION, app: { name: 'Handover Workbook', version: opts.appVersion }, createdAt, createdBy, workbookId,
      scope: opts.vendorIds === 'all' ? 'all' : 'vendors', vendors, redacted: opts.redact, redactedFields: opts.redact ? REDACTED_FIELDS : [],
      attachmentsIncluded: opts.attachments, counts,
      sync: { activitySeq: db.prepare('SELECT coalesce(max(seq), 0) FROM activity').pluck().get() as number, received: receivedPacks(db) },
      files: written.map((w) => ({ path: w.name, size: w.size, sha256: w.sha256 })),
    };
    await zip.write([generated(MANIFEST, () => [`${JSON.stringify(manifest, null, 2)}\n`])]);
    report({ step: 'Finishing' });
    const size = await zip.finish();
    await fh.sync();
    await fh.close();
    fh = null;
    // Checked again: a file that appeared at the destination while the pack was written is not replaced either.
    checkDestination(destination, rules);
    await rename(temp, destination);
    report({ bytesTotal: progress.bytesDone });
    return {
      fileName: basename(destination), path: destination, size, files: written.length + 1, attachments: files.length,
      redacted: opts.redact, vendors,
    };
  } catch (e) {
    if (fh) await fh.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  } finally {
    forget?.();
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}
