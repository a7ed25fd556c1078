// Test tools for packs: a zip crafter that can write every field wrong on purpose (hostile packs),
// the entries of a real pack, and snapshots proving a workbook did not change at all.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { createBackend } from '../../electron/core/backend';
import { openPack } from '../../electron/core/pack/zip-read';
import { DEFAULT_LIMITS } from '../../electron/core/pack/format';
import { attachThroughFile, type TestWorkbook } from '../backend/helpers';

export interface CraftEntry {
  name: string | Buffer;
  data: Buffer;
  /** 0 store (default for small), 8 deflate, anything else as given (the data is stored as is). */
  method?: number;
  /** The bytes written as the entry's data instead of `data` stored or deflated (a hand-made deflate stream). */
  body?: Buffer;
  flags?: number;
  /** Override what the headers declare. */
  crc?: number;
  size?: number;
  compressedSize?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  /** A different name in the local header (name smuggling). */
  localName?: Buffer;
  extra?: Buffer;
  /** Point this central entry at another entry's local header (overlap). */
  sameLocalAs?: number;
}

/** Builds a zip byte by byte, doing exactly what the entries say, right or wrong. */
export function craftZip(entries: CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const body = e.body ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const csize = e.compressedSize ?? body.length;
    const flags = e.flags ?? 0x800;
    const extra = e.extra ?? Buffer.alloc(0);
    let localOffset = offset;
    if (e.sameLocalAs !== undefined) {
      localOffset = offsets[e.sameLocalAs]!;
    } else {
      const localName = e.localName ?? name;
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(flags, 6);
      h.writeUInt16LE(method, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(0x5821, 12);
      h.writeUInt32LE(crc >>> 0, 14);
      h.writeUInt32LE(csize, 18);
      h.writeUInt32LE(size, 22);
      h.writeUInt16LE(localName.length, 26);
      h.writeUInt16LE(extra.length, 28);
      parts.push(h, localName, extra, body);
      offset += h.length + localName.length + extra.length + body.length;
    }
    offsets[i] = localOffset;
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.versionMadeBy ?? ((3 << 8) | 20), 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x5821, 14);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(csize, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE((e.externalAttributes ?? (0o100644 << 16)) >>> 0, 38);
    c.writeUInt32LE(localOffset, 42);
    central.push(c, name, extra);
  });
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/**
 * A deflate stream of `blocks` × 16 MiB of zeros in about 16 KiB each: one sync-flushed block
 * repeated (its back-references only ever reach zeros), then an empty final block.
 */
export function zeroBomb(blocks: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: blocks }, () => block), Buffer.from([0x03, 0x00])]);
}

export interface PackFile {
  name: string;
  data: Buffer;
}

/** The files of a pack as they are, read with our own reader. */
export async function packFiles(path: string): Promise<PackFile[]> {
  const pack = await openPack(path, DEFAULT_LIMITS);
  if (pack.problems.length) throw new Error(JSON.stringify(pack.problems));
  const out: PackFile[] = [];
  for (const e of pack.entries) {
    const chunks: Buffer[] = [];
    await pack.read(e, (c) => { chunks.push(c); });
    out.push({ name: e.name, data: Buffer.concat(chunks) });
  }
  await pack.close();
  return out;
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Recomputes manifest.json's file list from the other files (so only the intended damage remains).
 * The rewritten manifest no longer matches its signature, so the pack is made unsigned, as earlier
 * versions wrote them; `keepSignature` keeps the old signature (a pack altered after signing).
 */
export function withManifest(files: PackFile[], edit: (m: Record<string, unknown>) => void = () => {}, opts: { keepSignature?: boolean } = {}): PackFile[] {
  const manifestFile = files.find((f) => f.name === 'manifest.json')!;
  const m = JSON.parse(manifestFile.data.toString('utf8')) as Record<string, unknown>;
  const kept = opts.keepSignature ? files : files.filter((f) => f.name !== 'manifest.json.minisig');
  if (!opts.keepSignature) delete m.signer;
  // The signature is never listed: it signs the manifest.
  m.files = kept.filter((f) => f.name !== 'manifest.json' && f.name !== 'manifest.json.minisig').map((f) => ({ path: f.name, size: f.data.length, sha256: sha256(f.data) }));
  edit(m);
  return kept.map((f) => (f.name === 'manifest.json' ? { name: f.name, data: Buffer.from(JSON.stringify(m, null, 2)) } : f));
}

export function toCraft(files: PackFile[]): CraftEntry[] {
  return files.map((f) => ({ name: f.name, data: f.data }));
}

/** Everything in the workbook's tables, hashed: proves a refused import changed nothing. */
export function dbSnapshot(wb: TestWorkbook): Record<string, string> {
  const tables = wb.backend.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, sha256((wb.backend.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r)).sort().join('\n'))]));
}

/** Every file under a folder with its size and hash, except SQLite's own journal files. */
export function treeSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) {
        out[`${relative(dir, p)}/`] = 'dir';
        walk(p);
      } else if (!/\.sqlite(-wal|-shm)?$/.test(name)) {
        out[relative(dir, p)] = `${s.size}:${sha256(readFileSync(p))}`;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * A fresh workbook like makeWorkbook(), but with its own id space (the shared helper gives every
 * workbook the same sequential ids, which would make two workbooks' records collide by accident)
 * and its own clock, as two laptops would have.
 */
export function makePackWorkbook(n: number, options: { allowPackPaths?: boolean; clockStart?: string } = {}): TestWorkbook {
  const dir = mkdtempSync(join(tmpdir(), `hw-pack-${n}-`));
  const path = join(dir, `wb${n}.sqlite`);
  let seq = 0;
  const newId = () => `${String(n).padStart(8, '0')}-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
  let t = Date.parse(options.clockStart ?? '2026-03-01T09:00:00.000Z');
  const backend = createBackend({
    workbookPath: path, appVersion: '0.0.0-test', clock: { now: () => new Date((t += 1000)) }, newId,
    ...(options.allowPackPaths === undefined ? {} : { allowPackPaths: options.allowPackPaths }),
  });
  return {
    backend, dir, path,
    async call(method, input) {
      const r = await backend.dispatch(method, input);
      if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async refuse(method, input) {
      const r = await backend.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was accepted but should have been refused`);
      return r.error;
    },
    attach(input) {
      return attachThroughFile(this, input);
    },
    counts() {
      const tables = ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'attachments', 'attachment_links', 'activity', 'search_docs',
        'checklists', 'checklist_items', 'checklist_item_links', 'templates'];
      return Object.fromEntries(tables.map((x) => [x, (backend.db.prepare(`SELECT count(*) AS n FROM ${x}`).get() as { n: number }).n]));
    },
    close() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs an export through the API and waits for it; fails the test if the job did not finish. */
export async function exportThroughApi(wb: TestWorkbook, input: Record<string, unknown>): Promise<string> {
  const { jobId } = await wb.call('pack.export', input as never);
  const status = await wb.backend.packs.settled(jobId, 'export');
  if (status.state !== 'done' || !status.result) throw new Error(`export ${status.state}: ${JSON.stringify(status.error)}`);
  return status.result.path;
}

/** The data files of a pack by name (JSON and CSV), for comparing two packs. */
export async function dataFiles(path: string): Promise<Map<string, string>> {
  return new Map((await packFiles(path)).filter((f) => f.name.startsWith('data/')).map((f) => [f.name, f.data.toString('utf8')]));
}

/** Exports one vendor's pack through the API and reads its two reports (README.html, report.md). */
export async function exportedReports(wb: TestWorkbook, vendorId: string, name: string, input: Record<string, unknown>): Promise<{ html: string; md: string }> {
  const files = await packFiles(await exportThroughApi(wb, { vendorIds: [vendorId], ...input, destination: join(wb.dir, `${name}.zip`) }));
  const get = (n: string) => files.find((f) => f.name === n)!.data.toString('utf8');
  return { html: get('README.html'), md: get('report.md') };
}

/** Writes crafted pack files as a zip into `dir`; returns its path. */
export function writeCraftedPack(dir: string, name: string, files: PackFile[]): string {
  const path = join(dir, name);
  writeFileSync(path, craftZip(toCraft(files)));
  return path;
}
