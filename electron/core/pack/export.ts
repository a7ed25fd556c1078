// Exporting a transition pack. It reads the workbook through its own read-only connection inside
// one read transaction, so every file of the pack shows the same moment however long the export
// takes, and the app's own connection stays free. Everything is streamed: data files row by row
// from iterating SELECTs, attachments block by block; the zip goes to a temporary file beside the
// destination and is renamed into place only when complete (a cancelled or failed export leaves
// nothing behind; a killed one leaves that file, recorded in the workbook, for the next open to
// remove: leftovers.ts). An encrypted pack (age) is first written as a plain zip in a private
// temporary folder of its own (the zip's headers are patched after their data, which a cipher
// stream cannot take back), then encrypted, streamed, into that partial file (encrypted.ts).
import { jsonArrayLines } from './json-array';
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { localToday } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import { PACK_FORMAT, PACK_VERSION, type PackExportResult, type PackVendorRef } from '../../../shared/packs';
import type { Readiness } from '../../../shared/readiness';
import { attachmentDir, blobPath } from '../store/blobs';
import { lastActivitySeq } from '../store/activity';
import { activityJson, packHistory } from './history';
import type { Db } from '../store/open';
import { scopedAttachmentFiles, scopedCount, scopedRows, scopedSheetRows, type SheetCell } from '../store/packRows';
import { getSetting, settingsWithPrefix } from '../store/settings';
import { closeSnapshot, openSnapshot } from '../store/snapshot';
import { builtinTemplateRows } from '../store/templates';
import { liveVendorNamesByName, vendorNameAndState } from '../store/vendors';
import { csvLine, CSV_BOM } from './csv';
import { partialPath, rememberExport } from './leftovers';
import { ACTIVITY, attachmentName, CSV_TABLES, DATA_TABLES, dataCsv, dataJson, MANIFEST, MANIFEST_SIG, README, REPORT, type DataTable } from './format';
import { signerField, signManifest } from './manifestSignature';
import type { PackSigner } from './signingKey';
import { receivedSchema, type Manifest, type Received } from './manifest';
import { readinessFor, reportBlocks, type ReportInput } from './report';
import { applyProfile, leftOutTables, resolveProfile, sortKeys } from './profiles';
import type { PackProfileInput } from '../../../shared/pack-profiles';
import { renderHtml } from './report-html';
import { renderMarkdown } from './report-md';
import { toColumn } from '../store/tables';
import { checkDestination, type DestinationRules } from '../services/destination';
import { isPackFile } from './sniff';
import { encryptInto, packEncryptor, privateTempDir } from './encrypted';
import { encryptToProblem, type EncryptTo } from './age';
import { builtinTemplateId, fromSql, REDACTED_FIELDS, TABLES } from './tables';
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
  /** Who the pack is cut for (profiles.ts); default full. */
  profile?: PackProfileInput | undefined;
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
  /** Encrypt the pack (age) to these recipients or this passphrase; the destination then ends in .zip.age. Never stored. */
  encryption?: EncryptTo | undefined;
  /** The workbook's signing key (signingKey.ts workbookSigner); every face passes it. Without it the pack is not signed. */
  signer?: PackSigner | undefined;
  /** Tests: smaller blocks, forced zip64. */
  zip?: Pick<ZipWriteOptions, 'blockSize' | 'forceZip64' | 'maxInFlightBytes'>;
}

export type ExportOutcome = Omit<PackExportResult, 'downloadPath'>;


/** Rough bytes of output per data row, for the progress bar before the data files are written. */
const BYTES_PER_ROW = 900;

/** This workbook's knowledge of the packs it imported, one entry per other workbook (see merge.ts). */
export function receivedPacks(db: Db): Received[] {
  const out: Received[] = [];
  for (const { key, value } of settingsWithPrefix(db, 'pack_peer:')) {
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
    return liveVendorNamesByName(db);
  }
  const out: PackVendorRef[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    const v = vendorNameAndState(db, id);
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
  return new Map(builtinTemplateRows(db).map((r) => [r.id, builtinTemplateId(r.builtin)]));
}

function* jsonRows(db: Db, table: DataTable, scope: string | null, redact: boolean): Generator<string> {
  const t = TABLES[table];
  const blank = redact ? t.redact : [];
  const builtins = table === 'checklists' ? builtinIds(db) : null;
  yield* jsonArrayLines(function* () {
    for (const row of scopedRows(db, table, t, scope)) {
      fromSql(t, row);
      for (const f of blank) if (row[f]) row[f] = '';
      if (builtins && typeof row.templateId === 'string') row.templateId = builtins.get(row.templateId) ?? row.templateId;
      yield row;
    }
  }());
}

function* csvRows(db: Db, table: DataTable, scope: string | null, redact: boolean): Generator<string> {
  const t = TABLES[table];
  const blank = new Set(redact ? t.redact : []);
  const header: string[] = [];
  const cells: SheetCell[] = [];
  for (const c of t.columns) {
    if (c.field === 'deletedAt') continue;
    header.push(c.field);
    cells.push({ column: c.column });
    const ref = t.refs.find((r) => r.field === c.field);
    if (ref) {
      const target = TABLES[ref.table];
      header.push(c.field.replace(/Id$/, 'Name'));
      cells.push({ column: c.column, table: target.sql, titleColumn: toColumn(target.titleField) });
    }
  }
  const bools = new Set(t.columns.filter((c) => c.bool).map((c) => c.field));
  yield CSV_BOM + csvLine(header);
  let buf: string[] = [];
  for (const r of scopedSheetRows(db, table, t, cells, scope)) {
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
export function packDestinationRules(workbookPath: string, replace: boolean, encrypted = false): DestinationRules {
  return {
    // An encrypted file cannot be told to be one of our packs without its key: replaced only when the user says so.
    field: 'destination', extension: encrypted ? '.age' : '.zip', workbookPath, replace, replaceable: encrypted ? () => false : isPackFile,
    replaceHint: `${encrypted ? 'an encrypted file cannot be recognised as a transition pack' : 'it is not a transition pack'}, so it is not replaced: choose another name, or say that it may be replaced`,
  };
}

/** Writes a pack; resolves with what was written, or throws (an AbortError when cancelled) leaving no file. */
export async function exportPack(opts: ExportOptions): Promise<ExportOutcome> {
  const encryption = opts.encryption;
  const rules = { ...packDestinationRules(opts.workbookPath, opts.replace ?? false, encryption !== undefined), ...opts.destinationWording };
  const destination = checkDestination(opts.destination, rules);
  if (encryption) {
    const field = rules.field;
    if (!destination.toLowerCase().endsWith('.zip.age')) throw new ApiError('INVALID_INPUT', `${field}: an encrypted pack's name must end in .zip.age`, [{ field, message: 'must end in .zip.age' }]);
    const problem = encryptToProblem(encryption);
    if (problem) throw new ApiError('INVALID_INPUT', `${problem.field}: ${problem.message}`, [problem]);
  }
  // Before the snapshot and the zip: a passphrase's scrypt memory is freed before theirs is taken (packEncryptor).
  const encryptor = encryption ? await packEncryptor(encryption) : null;
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
  /** Encrypted: the plain zip is written in a private folder of its own, never beside the destination. */
  let plainDir: string | null = null;
  try {
    const chosen = resolveVendors(db, opts.vendorIds);
    if (chosen.length === 0) throw new ApiError('INVALID_INPUT', 'There is no vendor to export: this workbook has none.');
    const chosenScope = opts.vendorIds === 'all' ? null : JSON.stringify(chosen.map((v) => v.id));
    const today = localToday(opts.now);
    const cut = resolveProfile(db, opts.profile, chosenScope);
    const withheld = sortKeys([...(opts.redact ? REDACTED_FIELDS : []), ...cut.withheld]);
    // Readiness reads the whole vendor, so it is computed before the cut; a pack of part of a vendor shows none.
    const readiness = cut.partial ? new Map<string, Readiness | null>() : readinessFor(db, chosen.map((v) => v.id), today, new Set(withheld));
    applyProfile(db, cut);
    // One person's pack holds the vendors its rows need, whatever was chosen; its views keep its rows alone.
    const byPerson = cut.summary.name === 'person';
    const vendors = byPerson ? liveVendorNamesByName(db) : chosen;
    const scope = byPerson ? null : chosenScope;
    const counts = Object.fromEntries(DATA_TABLES.map((t) => [t, scopedCount(db, t, TABLES[t], scope)])) as Record<DataTable, number>;

    const dir = attachmentDir(opts.workbookPath);
    const files = opts.attachments ? scopedAttachmentFiles(db, scope) : [];
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
    const createdBy = getSetting(db, 'user_name') ?? '';
    const workbookId = getSetting(db, 'workbook_id') ?? '';
    // The log of the pack's vendors (all of it for a pack of every vendor), checked as it leaves (history.ts).
    // Only in a pack that withholds nothing: the entries' summaries are chained by their hash, so they
    // cannot be blanked, and they can name what a profile withholds (a notice's date, a contract term).
    const logLeftOut = cut.partial || withheld.length > 0;
    const history = logLeftOut ? null : packHistory(db, scope);
    const reportInput: ReportInput = {
      db, vendorIds: vendors.map((v) => v.id), today, redact: opts.redact, attachmentsIncluded: opts.attachments,
      createdAt, createdBy, workbookId, appVersion: opts.appVersion, readiness,
      profile: cut.summary, withheld: new Set(withheld), leftOut: leftOutTables(cut), partial: cut.partial, reviewOnly: cut.reviewOnly,
      history: history?.report, historyLeftOut: logLeftOut,
    };

    const entries: ZipEntryInput[] = [
      generated(README, () => renderHtml(reportBlocks(reportInput))),
      generated(REPORT, () => renderMarkdown(reportBlocks(reportInput))),
      ...DATA_TABLES.map((t) => generated(dataJson(t), () => jsonRows(db, t, scope, opts.redact))),
      ...CSV_TABLES.map((t) => generated(dataCsv(t), () => csvRows(db, t, scope, opts.redact))),
      ...(history ? [generated(ACTIVITY, () => activityJson(db, scope))] : []),
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
    if (encryption) plainDir = await privateTempDir();
    const zipPath = plainDir ? join(plainDir, 'pack.zip') : temp;
    fh = await open(zipPath, 'wx', plainDir ? 0o600 : 0o666);
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
      scope: opts.vendorIds === 'all' && !byPerson ? 'all' : 'vendors', vendors, redacted: opts.redact, redactedFields: withheld, profile: cut.summary,
      attachmentsIncluded: opts.attachments, counts,
      sync: { activitySeq: lastActivitySeq(db), received: receivedPacks(db) },
      ...(history ? { history: history.field } : {}),
      files: written.map((w) => ({ path: w.name, size: w.size, sha256: w.sha256 })),
      ...(opts.signer ? { signer: signerField(opts.signer) } : {}),
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await zip.write([
      generated(MANIFEST, () => [manifestText]),
      ...(opts.signer ? [generated(MANIFEST_SIG, () => [signManifest(Buffer.from(manifestText), manifest, opts.signer!)])] : []),
    ]);
    report({ step: 'Finishing' });
    let size = await zip.finish();
    if (!encryption) await fh.sync(); // the encrypted copy is synced instead; the plain zip is thrown away
    await fh.close();
    fh = null;
    if (encryptor) {
      report({ step: 'Encrypting' });
      await encryptInto(zipPath, temp, encryptor, opts.signal);
      size = (await stat(temp)).size;
    }
    // Checked again: a file that appeared at the destination while the pack was written is not replaced either.
    checkDestination(destination, rules);
    await rename(temp, destination);
    report({ bytesTotal: progress.bytesDone });
    return {
      fileName: basename(destination), path: destination, size, files: written.length + (opts.signer ? 2 : 1), attachments: files.length,
      redacted: opts.redact, vendors, profile: cut.summary,
    };
  } catch (e) {
    if (fh) await fh.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  } finally {
    if (plainDir) await rm(plainDir, { recursive: true, force: true });
    forget?.();
    closeSnapshot(db);
  }
}
