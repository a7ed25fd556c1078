// Reading a whole pack and checking everything in one pass: the zip's structure (zip-read.ts), the
// manifest (its schema, every listed file there with its size and SHA-256, nothing unlisted), every
// attachment's bytes against its hash name, and every data row against its schema. Verify, preview
// and import all use it; import also stages the verified attachments in its own temporary folder.
// Problems are collected, each naming its file; nothing here writes outside the staging folder.
import { createHash } from 'node:crypto';
import { open, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { PackProblem } from '../../../shared/packs';
import { malformedText } from '../../../shared/text';
import {
  ACTIVITY, ADDED_TABLES, CSV_TABLES, DATA_TABLES, DEFAULT_LIMITS, MANIFEST, MANIFEST_SIG, README, REPORT, V2_TABLES, attachmentExtension, dataCsv, dataJson, isAddedTable, isAttachmentName, isV2Table,
  parseAttachmentName,
  type DataTable, type PackLimits,
} from './format';
import { parseManifest, type Manifest } from './manifest';
import { activityEntrySchema, checkPackHistory } from './history';
import type { ChainEntry } from '../store/activityChain';
import type { ChainReport } from '../../../shared/activityChain';
import { signatureProblem } from './manifestSignature';
import { AgeError, openedPack, type OpenedPack, type PackKeys } from './encrypted';
import { TABLES, type Row } from './tables';
import { EntryError, mb, openPack, type PackEntry } from './zip-read';

export interface InspectOptions {
  limits?: PackLimits;
  /** Keep the parsed rows (preview and import); verify only checks them. */
  collectRows?: boolean;
  /**
   * Import: write verified attachments into `dir` (named by sequence, never by entry name); skip
   * those `have` says are stored already. `freeBytes` tells the free space of the disk `dir` is on
   * (default: statfs; tests give their own).
   */
  stage?: { dir: string; have: (sha: string, size: number) => boolean; freeBytes?: ((dir: string) => Promise<number>) | undefined };
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** What opens an encrypted pack (never stored). */
  keys?: PackKeys | undefined;
}

export interface StagedFile {
  size: number;
  /** The staged copy, or null when the workbook already holds this file. */
  path: string | null;
}

export interface Inspection {
  problems: PackProblem[];
  manifest: Manifest | null;
  rows: Map<DataTable, Row[]>;
  /** Verified attachment files by SHA-256. */
  attachments: Map<string, StagedFile>;
  /** The check of the activity log the pack carries; absent when it carries none. */
  history?: ChainReport;
}

const MAX_PROBLEMS_PER_FILE = 20;
const MAX_LINE = 4 * 1024 * 1024;
/**
 * The files every pack has, and those of the tables a pack has when its manifest counts them
 * (format.ts ADDED_TABLES; V2_TABLES, which the manifest of a version 2 pack always counts).
 */
const optionalTable = (t: DataTable) => isAddedTable(t) || isV2Table(t);
const REQUIRED = [README, REPORT, ...DATA_TABLES.filter((t) => !optionalTable(t)).map(dataJson), ...CSV_TABLES.filter((t) => !optionalTable(t)).map(dataCsv)];
const requiredFor = (counts: Partial<Record<DataTable, number>>) => [
  ...REQUIRED, ...[...ADDED_TABLES, ...V2_TABLES].filter((t) => counts[t] !== undefined).flatMap((t) => [dataJson(t), ...((CSV_TABLES as readonly DataTable[]).includes(t) ? [dataCsv(t)] : [])]),
];

/** Parses data/<table>.json as written by the exporter: a JSON array with one record per line. */
class RowParser {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private rest = '';
  private line = 0;
  private started = false;
  private ended = false;
  private pendingRow: { text: string; line: number } | null = null;
  readonly rows: Row[] = [];
  count = 0;
  problems = 0;

  constructor(private readonly schema: z.ZodType<Row>, private readonly file: string, private readonly report: (p: PackProblem) => void, private readonly keep: boolean) {}

  private problem(message: string) {
    this.problems++;
    if (this.problems <= MAX_PROBLEMS_PER_FILE) this.report({ file: this.file, message });
    if (this.problems === MAX_PROBLEMS_PER_FILE + 1) this.report({ file: this.file, message: 'has more problems than these; the rest are not listed' });
  }

  push(chunk: Buffer) {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new EntryError(this.file, 'is not valid UTF-8');
    }
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop()!;
    if (this.rest.length > MAX_LINE) throw new EntryError(this.file, `has a line longer than ${MAX_LINE / 1024 / 1024} MB`);
    for (const l of lines) this.onLine(l);
  }

  end() {
    try {
      this.rest += this.decoder.decode();
    } catch {
      throw new EntryError(this.file, 'is not valid UTF-8');
    }
    if (this.rest !== '') this.onLine(this.rest);
    if (this.pendingRow) this.problem(`line ${this.pendingRow.line}: the array is not closed with "]"`);
    if (!this.started) this.problem('is empty: expected a JSON array');
    else if (!this.ended) this.problem('does not end with "]"');
  }

  private onLine(raw: string) {
    this.line++;
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (l.trim() === '') return;
    if (!this.started) {
      if (l.trim() !== '[') this.problem(`line ${this.line}: expected "[" (one record per line; see docs/pack-format.md)`);
      this.started = true;
      return;
    }
    if (this.ended) {
      this.problem(`line ${this.line}: text after the closing "]"`);
      return;
    }
    if (l.trim() === ']') {
      if (this.pendingRow) this.row(this.pendingRow.text, this.pendingRow.line, true);
      this.pendingRow = null;
      this.ended = true;
      return;
    }
    if (this.pendingRow) this.row(this.pendingRow.text, this.pendingRow.line, false);
    this.pendingRow = { text: l, line: this.line };
  }

  private row(text: string, line: number, last: boolean) {
    let body = text.trimEnd();
    if (!last) {
      if (!body.endsWith(',')) {
        this.problem(`line ${line}: expected a comma after the record`);
        return;
      }
      body = body.slice(0, -1);
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      this.problem(`line ${line}: not valid JSON (${(e as Error).message})`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(`line ${line}: not a JSON object`);
      return;
    }
    const parsed = this.schema.safeParse(value);
    this.count++;
    if (!parsed.success) {
      const id = typeof (value as { id?: unknown }).id === 'string' ? ` (record ${String((value as { id: string }).id).slice(0, 40)})` : '';
      const issues = parsed.error.issues.slice(0, 3).map((i) => {
        const field = i.path.map(String).join('.') || '(record)';
        return i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : `${field} ${i.message}`;
      });
      this.problem(`line ${line}${id}: ${issues.join('; ')}`);
      return;
    }
    // JSON's "\ud800" escapes can carry text that is not well-formed; it is never stored.
    const malformed = malformedText(parsed.data);
    if (malformed) {
      this.problem(`line ${line}: ${malformed.field} ${malformed.message}`);
      return;
    }
    if (this.keep) this.rows.push(parsed.data);
  }
}

async function diskFree(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

async function readSmall(read: (e: PackEntry, sink: (c: Buffer) => void) => Promise<void>, entry: PackEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await read(entry, (c) => { chunks.push(c); });
  return Buffer.concat(chunks);
}

/**
 * Inspects a pack, plain or encrypted: an encrypted one is first decrypted with `opts.keys` into a
 * private temporary file (removed again whatever happens); a missing or wrong key, or damaged
 * ciphertext, is the one problem reported.
 */
export async function inspectPack(path: string, opts: InspectOptions = {}): Promise<Inspection> {
  let opened: OpenedPack;
  try {
    opened = await openedPack(path, opts.keys, opts.signal);
  } catch (e) {
    if (e instanceof AgeError) return { problems: [{ file: null, message: e.message }], manifest: null, rows: new Map(), attachments: new Map() };
    throw e;
  }
  try {
    return await inspectPlain(opened.path, opts);
  } finally {
    await opened.dispose();
  }
}

async function inspectPlain(path: string, opts: InspectOptions): Promise<Inspection> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const result: Inspection = { problems: [], manifest: null, rows: new Map(), attachments: new Map() };
  const problems = result.problems;
  const pack = await openPack(path, limits);
  problems.push(...pack.problems);
  try {
    const byName = new Map(pack.entries.map((e) => [e.name, e]));
    const mentioned = new Set(problems.map((p) => p.file));
    const manifestEntry = byName.get(MANIFEST);
    if (!manifestEntry) {
      // A zip refused as a whole (unreadable, too many entries) says so; no need to add more.
      const wholeZipRefused = pack.entries.length === 0 && problems.some((p) => p.file === null);
      if (!mentioned.has(MANIFEST) && !wholeZipRefused) {
        problems.push({ file: MANIFEST, message: 'is missing: this is not a transition pack, or it is damaged' });
      }
      return result;
    }
    let manifestBytes: Buffer;
    try {
      manifestBytes = await readSmall(pack.read, manifestEntry);
      const parsed = parseManifest(manifestBytes.toString('utf8'));
      if ('problems' in parsed) {
        problems.push(...parsed.problems);
        return result;
      }
      result.manifest = parsed.manifest;
    } catch (e) {
      problems.push({ file: MANIFEST, message: e instanceof EntryError ? e.message : `cannot be read: ${(e as Error).message}` });
      return result;
    }
    const manifest = result.manifest;
    // The signature first: a pack whose manifest is not what its signer signed is refused whatever else holds.
    const sigEntry = byName.get(MANIFEST_SIG);
    try {
      const problem = signatureProblem(manifestBytes, manifest, sigEntry ? (await readSmall(pack.read, sigEntry)).toString('utf8') : null);
      if (problem) problems.push(problem);
    } catch (e) {
      problems.push({ file: MANIFEST_SIG, message: e instanceof EntryError ? e.message : `cannot be read: ${(e as Error).message}` });
    }

    // The listing against the zip.
    const listed = new Map<string, { size: number; sha256: string }>();
    for (const f of manifest.files) {
      if (listed.has(f.path)) problems.push({ file: MANIFEST, message: `lists ${f.path} more than once` });
      listed.set(f.path, f);
    }
    for (const name of requiredFor(manifest.counts)) if (!listed.has(name)) problems.push({ file: name, message: 'is missing from the pack (the manifest does not list it)' });
    for (const [name, f] of listed) {
      const e = byName.get(name);
      if (!e) {
        if (!mentioned.has(name)) problems.push({ file: name, message: 'is listed in the manifest but is not in the zip' });
        continue;
      }
      if (e.size !== f.size) problems.push({ file: name, message: `is ${e.size} bytes but the manifest says ${f.size}` });
    }
    for (const e of pack.entries) {
      if (e.name !== MANIFEST && e.name !== MANIFEST_SIG && !listed.has(e.name)) problems.push({ file: e.name, message: 'is in the zip but not listed in the manifest' });
    }
    if (!manifest.attachmentsIncluded && manifest.files.some((f) => isAttachmentName(f.path))) {
      problems.push({ file: MANIFEST, message: 'says the attachments are not included, yet lists attachment files' });
    }
    // Attachment files by hash: attachments/<sha256>.<ext>, or attachments/<sha256> in packs of earlier versions.
    const fileOf = new Map<string, string>();
    for (const f of manifest.files) {
      const a = parseAttachmentName(f.path);
      if (!a) continue;
      const other = fileOf.get(a.sha);
      if (other !== undefined) problems.push({ file: f.path, message: `holds the same file as ${other} (one attachment, two names)` });
      else fileOf.set(a.sha, f.path);
    }

    // Every listed file that is there: read, hash, check.
    const work = pack.entries.filter((e) => e.name !== MANIFEST && listed.has(e.name));
    const shaOf = (e: PackEntry) => parseAttachmentName(e.name)?.sha ?? null;
    if (opts.stage) {
      // The sizes are the declared ones (reading never goes beyond them), so this is known before
      // a byte is written: the staged files, and the records that land in the workbook beside them.
      const { have } = opts.stage;
      const needed = work.reduce((n, e) => {
        const sha = shaOf(e);
        return n + (sha !== null ? (have(sha, e.size) ? 0 : e.size) : e.name.endsWith('.json') ? e.size : 0);
      }, 0);
      const free = await (opts.stage.freeBytes ?? diskFree)(opts.stage.dir);
      if (needed > free) {
        problems.push({ file: null, message: `needs ${mb(needed)} of free disk space beside the workbook (in ${dirname(opts.stage.dir)}) to import, and only ${mb(free)} are free` });
        return result;
      }
    }
    let next = 0;
    let stageSeq = 0;
    const parsers = new Map<DataTable, RowParser>();
    let activityParser: RowParser | null = null;
    const worker = async () => {
      while (next < work.length) {
        if (opts.signal?.aborted) throw Object.assign(new Error('The operation was cancelled'), { name: 'AbortError' });
        const entry = work[next++]!;
        const hash = createHash('sha256');
        const table = DATA_TABLES.find((t) => dataJson(t) === entry.name);
        // The attachment rows are always kept: they are checked against the attachment files below.
        const parser = table ? new RowParser(TABLES[table].schema, entry.name, (p) => problems.push(p), opts.collectRows === true || table === 'attachments')
          : entry.name === ACTIVITY ? (activityParser = new RowParser(activityEntrySchema, entry.name, (p) => problems.push(p), true)) : null;
        if (table && parser) parsers.set(table, parser);
        const sha = shaOf(entry);
        const stageTo = sha && opts.stage && !opts.stage.have(sha, entry.size) ? join(opts.stage.dir, `${++stageSeq}.part`) : null;
        const out = stageTo ? await open(stageTo, 'wx') : null;
        let position = 0;
        try {
          await pack.read(entry, async (chunk) => {
            hash.update(chunk);
            parser?.push(chunk);
            if (out) {
              let off = 0;
              while (off < chunk.length) {
                const { bytesWritten } = await out.write(chunk, off, chunk.length - off, position + off);
                off += bytesWritten;
              }
              position += chunk.length;
            }
            opts.onProgress?.(chunk.length);
          }, opts.signal);
          parser?.end();
          if (out) await out.sync();
        } catch (e) {
          if ((e as Error).name === 'AbortError') throw e;
          problems.push({ file: entry.name, message: e instanceof EntryError ? e.message : `cannot be read: ${(e as Error).message}` });
          continue;
        } finally {
          await out?.close();
        }
        const digest = hash.digest('hex');
        const expected = listed.get(entry.name)!.sha256;
        if (digest !== expected) problems.push({ file: entry.name, message: `has SHA-256 ${digest} but the manifest says ${expected}` });
        if (sha !== null && digest !== sha) {
          problems.push({ file: entry.name, message: 'does not hold the file its name promises (its SHA-256 differs from its name)' });
        } else if (sha !== null) {
          result.attachments.set(sha, { size: entry.size, path: stageTo });
        }
      }
    };
    await Promise.all([worker(), worker()]);

    const attachmentRows = parsers.get('attachments')?.rows ?? [];
    const described = new Map(attachmentRows.map((r) => [r.sha256 as string, r.fileName as string]));
    for (const [sha, path] of fileOf) {
      if (!described.has(sha)) {
        problems.push({ file: path, message: 'is not described in data/attachments.json' });
        continue;
      }
      // The extension is the one the writer takes from the file's name, or none (earlier versions).
      const ext = parseAttachmentName(path)!.ext;
      const expected = attachmentExtension(described.get(sha));
      if (ext !== null && ext !== expected) {
        problems.push({ file: path, message: `has the extension .${ext}, but its file is “${described.get(sha)}” (${expected === null ? 'no extension' : `.${expected}`})` });
      }
    }
    if (manifest.attachmentsIncluded) {
      for (const r of attachmentRows) {
        if (r.deletedAt === null && !fileOf.has(String(r.sha256))) {
          problems.push({ file: dataJson('attachments'), message: `describes “${String(r.fileName)}” but the pack has no file attachments/${String(r.sha256)}` });
        }
      }
    }
    for (const table of DATA_TABLES) {
      const p = parsers.get(table);
      if (!p) continue;
      if (opts.collectRows) result.rows.set(table, p.rows);
      const counted = manifest.counts[table] as number | undefined;
      if (counted === undefined) problems.push({ file: dataJson(table), message: `holds ${p.count} records but the manifest counts none of ${table}` });
      else if (p.problems === 0 && p.count !== counted) problems.push({ file: dataJson(table), message: `holds ${p.count} records but the manifest says ${counted}` });
    }
    // The activity log and its chain (history.ts): both there or neither, as in packs made before it.
    if (manifest.history && !listed.has(ACTIVITY)) problems.push({ file: ACTIVITY, message: 'is missing from the pack, yet the manifest describes its history' });
    if (!manifest.history && listed.has(ACTIVITY)) problems.push({ file: ACTIVITY, message: 'is in the pack, but the manifest does not describe its history' });
    const log = activityParser as RowParser | null;
    if (manifest.history && log && log.problems === 0) {
      const checked = checkPackHistory(log.rows as unknown as ChainEntry[], manifest.history);
      problems.push(...checked.problems);
      result.history = checked.report;
    }
    return result;
  } finally {
    await pack.close();
  }
}
