// Export → verify → import into an empty workbook → export again: the data files are equal and
// every attachment matches its hash. Plus what a pack says and hides (README, report, CSV, redaction).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import { verifyPack } from '../../electron/core/pack/verify';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { dataFiles, exportThroughApi, makePackWorkbook, packFiles, sha256 } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
let fx: Fixture;
let packA: string;
let extra: { sha256: string; size: number }[] = [];

beforeAll(async () => {
  a = makePackWorkbook(1);
  b = makePackWorkbook(2);
  // The demo workbook (three vendors, checklists), plus the fixture's records, tombstone and files.
  await a.call('demo.load', {});
  fx = await fill(a);
  const docs = await a.call('document.list', { limit: 5 });
  const random = randomBytes(300_000);
  for (const [i, content, name] of [[0, random, 'dump.bin'], [1, new TextEncoder().encode('minutes\n'.repeat(20000)), 'minutes.txt']] as const) {
    const att = await a.attach({ documentId: docs.rows[i]!.id, fileName: name, content });
    extra.push({ sha256: att.sha256, size: att.size });
  }
  extra = [...extra, ...fx.attachments];
  packA = await exportThroughApi(a, { all: true, destination: join(a.dir, 'a.zip') });
});

afterAll(() => {
  a.close();
  b.close();
});

describe('round trip', () => {
  it('exports a pack that verifies', async () => {
    const report = await verifyPack(packA);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.manifest?.vendors.map((v) => v.name)).toEqual(expect.arrayContaining(['Acme Managed Services', 'Beta Hosting']));
    expect(report.manifest?.redacted).toBe(false);
  });

  it('imports into an empty workbook and exports the same data and files again', async () => {
    const result = await b.call('pack.import', { path: packA });
    expect(result.conflicts).toEqual({ theirs: 0, mine: 0 });
    expect(result.added).toBeGreaterThan(500);
    expect(result.attachmentsWritten).toBe(extra.length);
    // References were checked once at the end of the import, with enforcement switched back on after.
    expect(b.backend.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(b.backend.db.pragma('foreign_key_check')).toEqual([]);
    const packB = await exportThroughApi(b, { all: true, destination: join(b.dir, 'b.zip') });
    const [da, db] = [await dataFiles(packA), await dataFiles(packB)];
    expect([...db.keys()].sort()).toEqual([...da.keys()].sort());
    for (const [name, text] of da) expect(db.get(name), name).toBe(text);
    const attachmentsOf = async (p: string) => (await packFiles(p)).filter((f) => f.name.startsWith('attachments/'));
    const filesA = await attachmentsOf(packA);
    const filesB = await attachmentsOf(packB);
    expect(filesB.map((f) => f.name).sort()).toEqual(filesA.map((f) => f.name).sort());
    for (const f of filesB) expect(f.name).toMatch(new RegExp(`^attachments/${sha256(f.data)}(\\.[a-z0-9]+)?$`));
    for (const x of extra) {
      const stored = readFileSync(blobPath(attachmentDir(b.path), x.sha256));
      expect(sha256(stored)).toBe(x.sha256);
      expect(stored.length).toBe(x.size);
    }
  });

  it('keeps ids, timestamps and tombstones, indexes the records for search and logs one import entry', async () => {
    const gone = await b.call('process.list', { includeDeleted: true, filter: 'fax' });
    expect(gone.rows).toHaveLength(0); // deleted records are not searchable…
    const all = await b.call('process.list', { includeDeleted: true, vendorId: fx.vendorA, limit: 1000 });
    const fax = all.rows.find((p) => p.name === 'Retired fax gateway');
    expect(fax?.deletedAt).not.toBeNull(); // …but their tombstones came across
    const orig = await a.call('process.get', { id: fx.processA });
    expect(await b.call('process.get', { id: fx.processA })).toEqual(orig);
    const hits = await b.call('search.query', { q: 'payroll runbook' });
    expect(hits.map((h) => h.id)).toContain(fx.docA);
    const log = await b.call('activity.list', { limit: 10 });
    expect(log.filter((e) => e.action === 'import')).toHaveLength(1);
  });

  it('imports the same pack again without duplicates or changes', async () => {
    const preview = await b.call('pack.preview', { path: packA });
    expect(preview.summary.every((s) => s.add + s.update + s.delete + s.conflict + s.keep === 0)).toBe(true);
    const before = b.counts();
    const again = await b.call('pack.import', { path: packA });
    expect([again.added, again.updated, again.deleted]).toEqual([0, 0, 0]);
    expect(b.counts()).toEqual({ ...before, activity: before.activity! + 1 });
  });

  it('exports one vendor with the people its records name, and no other vendor', async () => {
    const path = await exportThroughApi(a, { vendorIds: [fx.vendorA], destination: join(a.dir, 'one.zip') });
    const data = await dataFiles(path);
    const vendors = JSON.parse(data.get('data/vendors.json')!) as { id: string }[];
    expect(vendors.map((v) => v.id)).toEqual([fx.vendorA]);
    const people = JSON.parse(data.get('data/people.json')!) as { id: string; name: string }[];
    expect(people.map((p) => p.name).sort()).toEqual(['Ana Costa', 'Bob <script>alert(1)</script>']);
    const processes = JSON.parse(data.get('data/processes.json')!) as { vendorId: string }[];
    expect(new Set(processes.map((p) => p.vendorId))).toEqual(new Set([fx.vendorA]));
    expect((await verifyPack(path)).ok).toBe(true);
  });

  it('leaves the attached files out when asked, and says so', async () => {
    const path = await exportThroughApi(a, { vendorIds: [fx.vendorA], attachments: false, destination: join(a.dir, 'nofiles.zip') });
    const files = await packFiles(path);
    expect(files.some((f) => f.name.startsWith('attachments/'))).toBe(false);
    const manifest = JSON.parse(files.find((f) => f.name === 'manifest.json')!.data.toString('utf8')) as { attachmentsIncluded: boolean };
    expect(manifest.attachmentsIncluded).toBe(false);
    expect((await verifyPack(path)).ok).toBe(true);
    // Imported elsewhere, the described-but-missing files are left out with a warning.
    const c = makePackWorkbook(3);
    try {
      const preview = await c.call('pack.preview', { path });
      expect(preview.warnings.join(' ')).toMatch(/not included in the pack/);
      await c.call('pack.import', { path });
      expect((await c.call('attachment.list', { documentId: fx.docA }))).toEqual([]);
    } finally {
      c.close();
    }
  });
});

describe('what a pack says', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = new Map((await packFiles(packA)).filter((f) => !f.name.startsWith('attachments/')).map((f) => [f.name, f.data.toString('utf8')]));
  });

  it('README.html is one self-contained page: no scripts, nothing fetched, escaped, printable', () => {
    const html = files.get('README.html')!;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Bob &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    // Nothing is loaded: no src at all; links only within the page, to the pack's files or to http(s).
    expect(html).not.toMatch(/\ssrc=/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#v-|attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$|https?:\/\/)/);
    expect(html).toMatch(/@media print/);
    // Readiness and its parts, red flags, checklists with status and owners, inventory tables.
    expect(html).toMatch(/Readiness/);
    expect(html).toMatch(/Checklist items done/);
    expect(html).toContain('Critical process without an in-house successor: Monthly payroll');
    expect(html).toMatch(/Blocked: Waiting for -the vendor/);
    expect(html).toMatch(/<td>Ana Costa<\/td>/);
    for (const h of ['Processes', 'Repositories', 'Licences', 'Documents', 'People', 'Attachments']) expect(html).toContain(`>${h}`);
  });

  it('report.md has the same content in Markdown, with markup in the data escaped', () => {
    const md = files.get('report.md')!;
    expect(md).toMatch(/^# Transition pack/);
    expect(md).toContain('Critical process without an in-house successor: Monthly payroll');
    expect(md).toContain('Bob \\<script\\>alert\\(1\\)\\</script\\>'.replace(/\\\(/g, '(').replace(/\\\)/g, ')'));
    expect(md).toContain('Nightly backup \\| verify');
    expect(md).toMatch(/### Red flags/);
    expect(md).toMatch(/\| Item \| Owner \| Due \| Status \| Evidence \| Signed off \|/);
  });

  it('the CSV files quote, double quotes and defuse formulas', () => {
    const vendors = files.get('data/vendors.csv')!;
    expect(vendors.startsWith('\uFEFFid,name,')).toBe(true);
    expect(vendors).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(vendors).toContain('"Hosting, ""managed"" DNS"');
    expect(vendors.split('\r\n').length).toBeGreaterThan(3);
    const licences = files.get('data/licences.csv')!;
    expect(licences).toContain(`'+Backup Suite`);
    expect(licences).toContain(`'@vendor`);
    const processes = files.get('data/processes.csv')!;
    expect(processes).toContain('"line one\nline two, with ""quotes"""');
    expect(processes).not.toContain('Retired fax gateway'); // spreadsheets show what is live
  });
});

describe('redacted packs', () => {
  it('blank the sensitive fields everywhere, say so, and do not blank them on import', async () => {
    const path = await exportThroughApi(a, { vendorIds: [fx.vendorA], redact: true, destination: join(a.dir, 'redacted.zip') });
    const files = await packFiles(path);
    const all = files.filter((f) => !f.name.startsWith('attachments/')).map((f) => `${f.name}\n${f.data.toString('utf8')}`).join('\n');
    for (const secret of ['vault://ops/payroll', 'vault://licences/paycalc', 'git.internal.example/ops/payroll', 'wiki.internal.example/payroll']) {
      expect(all).not.toContain(secret);
    }
    expect(files.find((f) => f.name === 'README.html')!.data.toString()).toContain('[redacted]');
    const manifest = JSON.parse(files.find((f) => f.name === 'manifest.json')!.data.toString()) as { redacted: boolean; redactedFields: string[] };
    expect(manifest.redacted).toBe(true);
    expect(manifest.redactedFields).toEqual(expect.arrayContaining(['repositories.url', 'repositories.secretsLocation', 'licences.keyLocation', 'documents.location']));
    expect((await verifyPack(path)).ok).toBe(true);
    // b already has everything: a redacted pack changes nothing there, and blanks nothing.
    const preview = await b.call('pack.preview', { path });
    expect(preview.conflicts).toEqual([]);
    expect(preview.warnings.join(' ')).toMatch(/redacted/);
    await b.call('pack.import', { path });
    expect((await b.call('repository.get', { id: fx.repoA })).secretsLocation).toBe('vault://ops/payroll');
  });
});

describe('pack files on disk', () => {
  it('leave nothing but the pack in the destination folder', () => {
    expect(existsSync(packA)).toBe(true);
  });
});
