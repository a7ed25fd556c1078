// Hostile and broken packs, each built here byte by byte: every one is refused with its reason,
// the workbook it was imported into is unchanged (tables and files), and nothing is written
// outside the import's own temporary folder (which is gone afterwards).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type PackLimits } from '../../electron/core/pack/format';
import { exportPack } from '../../electron/core/pack/export';
import { importPack } from '../../electron/core/pack/import';
import { verifyPack } from '../../electron/core/pack/verify';
import type { ServiceContext } from '../../electron/core/services/context';
import { ApiError } from '../../shared/errors';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';
import { fill } from './fixture';
import { craftZip, dbSnapshot, packFiles, sha256, toCraft, treeSnapshot, withManifest, zeroBomb, type CraftEntry, type PackFile } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
let dir: string;
let files: PackFile[];
let ctxB: ServiceContext;

beforeAll(async () => {
  a = makeWorkbook();
  await fill(a);
  b = makeWorkbook();
  await b.call('vendor.create', { name: 'Already here' });
  dir = mkdtempSync(join(tmpdir(), 'hw-hostile-'));
  const pack = join(dir, 'good.zip');
  await exportPack({ workbookPath: a.path, vendorIds: 'all', attachments: true, redact: false, destination: pack, appVersion: 'test', now: new Date('2026-03-02T10:00:00Z') });
  files = await packFiles(pack);
  ctxB = { db: b.backend.db, workbookPath: b.path, clock: { now: () => new Date('2026-03-03T10:00:00Z') }, newId: () => crypto.randomUUID() };
});

afterAll(() => {
  a.close();
  b.close();
  rmSync(dir, { recursive: true, force: true });
});

const rebuild = (fs: PackFile[], edit?: (m: Record<string, unknown>) => void) => craftZip(toCraft(withManifest(fs, edit)));
const attachment = () => files.find((f) => f.name.startsWith('attachments/') && f.data.length > 1000)!;
const replace = (name: string, data: Buffer | string) => files.map((f) => (f.name === name ? { name, data: Buffer.from(data) } : f));
const edited = (name: string, edit: (entry: CraftEntry) => void) => {
  const entries = toCraft(withManifest(files));
  edit(entries.find((e) => e.name === name)!);
  return craftZip(entries);
};
const plus = (extra: CraftEntry) => craftZip([...toCraft(withManifest(files)), extra]);
const jsonLines = (name: string, edit: (rows: Record<string, unknown>[]) => void) => {
  const rows = JSON.parse(files.find((f) => f.name === name)!.data.toString('utf8')) as Record<string, unknown>[];
  edit(rows);
  return `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
};

interface Case {
  name: string;
  zip: () => Buffer;
  /** What the refusal must say (one of the problems, or the error). */
  reason: RegExp;
  limits?: Partial<PackLimits>;
  /** The zip is intact; only merging it into a workbook fails. */
  verifies?: boolean;
}

const CASES: Case[] = [
  { name: 'a path traversal ../x', zip: () => plus({ name: '../x', data: Buffer.from('evil') }), reason: /"\.\." segment/ },
  { name: 'a deeper traversal data/../../x', zip: () => plus({ name: 'data/../../x', data: Buffer.from('evil') }), reason: /"\.\." segment/ },
  { name: 'an absolute path /etc/x', zip: () => plus({ name: '/etc/x', data: Buffer.from('evil') }), reason: /absolute path/ },
  { name: 'a drive path C:/x', zip: () => plus({ name: 'C:/x', data: Buffer.from('evil') }), reason: /drive letter/ },
  { name: 'a Windows path C:\\x', zip: () => plus({ name: 'C:\\x', data: Buffer.from('evil') }), reason: /backslash/ },
  { name: 'a UNC path \\\\server\\share', zip: () => plus({ name: '\\\\server\\share', data: Buffer.from('evil') }), reason: /UNC path/ },
  { name: 'a backslash in a name', zip: () => plus({ name: 'data\\vendors.json', data: Buffer.from('[]') }), reason: /backslash/ },
  { name: 'a NUL in a name', zip: () => plus({ name: 'data/vendors.json\u0000.txt', data: Buffer.from('x') }), reason: /NUL/ },
  { name: 'a control character in a name', zip: () => plus({ name: 'attachments/a\u0007b', data: Buffer.from('x') }), reason: /control characters/ },
  {
    name: 'a symbolic link', reason: /symbolic link/,
    zip: () => edited(attachment().name, (e) => { e.externalAttributes = (0o120777 << 16) >>> 0; }),
  },
  { name: 'the encrypted flag', zip: () => edited('data/people.json', (e) => { e.flags = 0x801; }), reason: /encrypted/ },
  { name: 'compression method 12 (bzip2)', zip: () => edited('data/people.json', (e) => { e.method = 12; }), reason: /compression method 12/ },
  {
    // 1 GiB of zeros in 1 MiB of zip, declared (central directory and manifest alike) as 1 MiB.
    name: 'a zip bomb that declares less than it inflates to', reason: /more than the 1048576 bytes its header declares \(reading stopped there\)/,
    zip: () => {
      const declared = { name: `attachments/${sha256(Buffer.alloc(1024 * 1024))}.img`, data: Buffer.alloc(1024 * 1024) };
      return craftZip(toCraft(withManifest([...files, declared])).map((e) => (e.name === declared.name ? { ...e, body: zeroBomb(64) } : e)));
    },
  },
  {
    name: 'an honest zip bomb: more in all than the limit', limits: { maxTotalBytes: 100_000 }, reason: /would expand to .* more than the 97\.7 KB allowed/,
    zip: () => rebuild(files),
  },
  { name: 'too many entries', zip: () => rebuild(files), limits: { maxEntries: 10 }, reason: /entries, more than the 10 allowed/ },
  { name: 'an oversized entry', zip: () => rebuild(files), limits: { maxAttachmentBytes: 1000 }, reason: /more than the .* allowed/ },
  { name: 'more data than the declared size', zip: () => edited('README.html', (e) => { e.size = e.data.length - 10; }), reason: /more than the \d+ bytes its header declares|manifest says/ },
  { name: 'less data than the declared size', zip: () => edited('report.md', (e) => { e.size = e.data.length + 10; }), reason: /holds \d+ bytes but its header declares|manifest says/ },
  { name: 'a stored entry whose sizes disagree', zip: () => edited('data/people.json', (e) => { e.method = 0; e.compressedSize = e.data.length + 5; }), reason: /stored but declares/ },
  { name: 'a CRC-32 mismatch', zip: () => edited('data/vendors.json', (e) => { e.crc = 0x12345678; }), reason: /CRC-32/ },
  { name: 'a duplicate name', zip: () => plus({ name: 'data/vendors.json', data: Buffer.from('[\n]\n') }), reason: /more than once/ },
  { name: 'names colliding once case is folded', zip: () => plus({ name: 'data/Vendors.json', data: Buffer.from('[\n]\n') }), reason: /collides with "data\/vendors.json"/ },
  {
    name: 'names colliding once Unicode is normalised (NFC/NFD)', reason: /collides with/,
    zip: () => craftZip([...toCraft(withManifest(files)), { name: 'attachments/caf\u00e9', data: Buffer.from('1') }, { name: 'attachments/cafe\u0301', data: Buffer.from('2') }]),
  },
  { name: 'a name outside the format', zip: () => plus({ name: 'run-me.exe', data: Buffer.from('MZ') }), reason: /not a file of the pack format/ },
  { name: 'an entry named __proto__', zip: () => plus({ name: '__proto__', data: Buffer.from('{}') }), reason: /reserved name "__proto__"/ },
  { name: 'a data file named __proto__', zip: () => plus({ name: 'data/__proto__.json', data: Buffer.from('{}') }), reason: /reserved name/ },
  { name: 'a reserved device name', zip: () => plus({ name: 'data/CON.json', data: Buffer.from('[]') }), reason: /reserved device name/ },
  { name: 'a directory entry', zip: () => plus({ name: 'data/', data: Buffer.alloc(0), method: 0, externalAttributes: ((0o40755 << 16) | 0x10) >>> 0 }), reason: /directory/ },
  {
    name: 'a second (Unicode path) name in an extra field', reason: /second, Unicode file name/,
    zip: () => edited('data/people.json', (e) => { e.extra = Buffer.from([0x75, 0x70, 5, 0, 1, 0, 0, 0, 0]); }),
  },
  { name: 'a different name in the local header', zip: () => edited('data/people.json', (e) => { e.localName = Buffer.from('data/peoplx.json'); }), reason: /local header/ },
  { name: 'an attachment with an extension that runs (.exe)', zip: () => plus({ name: `attachments/${sha256('MZ')}.exe`, data: Buffer.from('MZ') }), reason: /not a file of the pack format/ },
  {
    name: 'one attachment under two names', reason: /holds the same file as attachments\/[0-9a-f]{64}\.txt \(one attachment, two names\)/,
    zip: () => rebuild([...files, { name: attachment().name.replace(/\.txt$/, ''), data: attachment().data }]),
  },
  {
    name: 'an attachment named with another extension than its file', reason: /has the extension \.pdf, but its file is “runbook\.txt” \(\.txt\)/,
    zip: () => rebuild(files.map((f) => (f.name === attachment().name ? { ...f, name: f.name.replace(/\.txt$/, '.pdf') } : f))),
  },
  { name: 'a file not listed in the manifest', zip: () => plus({ name: `attachments/${sha256('extra')}`, data: Buffer.from('extra') }), reason: /not listed in the manifest/ },
  {
    name: 'a listed file missing from the zip', reason: /listed in the manifest but is not in the zip/,
    zip: () => craftZip(toCraft(withManifest(files)).filter((e) => e.name !== attachment().name)),
  },
  {
    name: 'a wrong SHA-256 in the manifest', reason: /manifest says [0-9a-f]{64}/,
    zip: () => rebuild(files, (m) => { (m.files as { sha256: string }[])[2]!.sha256 = '0'.repeat(64); }),
  },
  { name: 'a wrong size in the manifest', zip: () => rebuild(files, (m) => { (m.files as { size: number }[])[2]!.size += 1; }), reason: /bytes but the manifest says/ },
  { name: 'a manifest that is not JSON', zip: () => craftZip(toCraft(withManifest(files)).map((e) => (e.name === 'manifest.json' ? { ...e, data: Buffer.from('{"format": ') } : e))), reason: /not valid JSON/ },
  { name: 'a manifest of another format', zip: () => rebuild(files, (m) => { m.format = 'something-else'; }), reason: /not a Handover Workbook pack manifest/ },
  { name: 'a manifest of a newer version', zip: () => rebuild(files, (m) => { m.version = 3; }), reason: /format version 3, made by a newer app; this app reads versions 1 and 2/ },
  { name: 'a manifest with an unknown field', zip: () => rebuild(files, (m) => { m.run = 'rm -rf /'; }), reason: /unknown field\(s\) run/ },
  { name: 'a manifest with a malformed workbook id', zip: () => rebuild(files, (m) => { m.workbookId = 'not-an-id'; }), reason: /workbookId/ },
  { name: 'no manifest at all', zip: () => craftZip(toCraft(files).filter((e) => e.name !== 'manifest.json')), reason: /manifest.json is missing|is missing: this is not a transition pack/ },
  {
    name: 'an attachment whose bytes do not match its hash name', reason: /differs from its name/,
    zip: () => rebuild(replace(attachment().name, 'not the original bytes')),
  },
  {
    name: 'a record failing its schema', reason: /status must be one of/,
    zip: () => rebuild(replace('data/vendors.json', jsonLines('data/vendors.json', (rows) => { rows[0]!.status = 'bogus'; }))),
  },
  {
    name: 'a record with a __proto__ key', reason: /unknown field\(s\) __proto__/,
    zip: () => rebuild(replace('data/people.json', jsonLines('data/people.json', () => {}).replace('{"id"', '{"__proto__":{"admin":true},"id"'))),
  },
  {
    name: 'a data file that is not the pack layout', reason: /expected "\["/,
    zip: () => rebuild(replace('data/licences.json', '{"rows": []}\n')),
  },
  {
    name: 'a record count that disagrees with the manifest', reason: /holds \d+ records but the manifest says/,
    zip: () => rebuild(files, (m) => { (m.counts as Record<string, number>).vendors = 7; }),
  },
  {
    name: 'a record referring to a vendor that exists nowhere', reason: /neither in the pack nor in this workbook/, verifies: true,
    zip: () => rebuild(replace('data/processes.json', jsonLines('data/processes.json', (rows) => { rows[0]!.vendorId = '11111111-2222-4333-8444-555555555555'; }))),
  },
  {
    // Intact and valid row by row, but two links join the same file to the same document: the
    // database refuses the second after the files were already moved into the store.
    name: 'a pack the workbook\'s constraints refuse after its files were stored', reason: /workbook rejected its records/, verifies: true,
    zip: () => rebuild(replace('data/attachment_links.json', jsonLines('data/attachment_links.json', (rows) => {
      rows.push({ ...rows[0]!, id: '99999999-2222-4333-8444-555555555555' });
    })), (m) => { const counts = m.counts as Record<string, number>; counts.attachment_links = (counts.attachment_links ?? 0) + 1; }),
  },
  { name: 'a truncated zip', zip: () => { const z = rebuild(files); return z.subarray(0, Math.floor(z.length / 2)); }, reason: /not a readable zip|cut short|damaged/ },
  { name: 'something that is not a zip', zip: () => Buffer.from('<html>surprise</html>\n'.repeat(50)), reason: /not a readable zip/ },
  { name: 'an empty file', zip: () => Buffer.alloc(0), reason: /not a readable zip/ },
  {
    name: 'a record whose text is not well-formed Unicode (a "\\ud800" escape)', reason: /name contains text that is not well-formed Unicode/,
    zip: () => rebuild(replace('data/vendors.json', jsonLines('data/vendors.json', (rows) => { rows[0]!.name = `Acme ${String.fromCharCode(0xd800)}`; }))),
  },
  {
    // Who made the pack and its vendors' names go into this workbook's activity log: checked too.
    name: 'a manifest whose text is not well-formed Unicode (who made it)', reason: /manifest\.json createdBy: contains text that is not well-formed Unicode/,
    zip: () => rebuild(files, (m) => { m.createdBy = `Eve ${String.fromCharCode(0xdc00)}`; }),
  },
  {
    name: 'a manifest whose vendor name is not well-formed Unicode', reason: /manifest\.json vendors\.0\.name: contains text that is not well-formed Unicode/,
    zip: () => rebuild(files, (m) => { (m.vendors as { name: string }[])[0]!.name = `Acme ${String.fromCharCode(0xd800)}`; }),
  },
];

describe('hostile packs', () => {
  it('has at least 25 of them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it('a well-formed pack passes the same checks (the cases below differ from it in one thing)', async () => {
    const path = join(dir, 'control.zip');
    writeFileSync(path, rebuild(files));
    expect((await verifyPack(path)).problems).toEqual([]);
  });

  it('refuses a pack whose declared sizes do not fit on the disk, before writing a byte', async () => {
    const path = join(dir, 'too-big-for-the-disk.zip');
    writeFileSync(path, rebuild(files));
    const beforeDb = dbSnapshot(b);
    const beforeFiles = treeSnapshot(b.dir);
    const asked: string[] = [];
    const freeBytes = async (at: string) => { asked.push(at); return 50_000; };
    const error = await importPack(ctxB, path, { freeBytes }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/refused and nothing was changed: needs \d+\.\d KB of free disk space beside the workbook \(in .+\) to import, and only 48\.8 KB are free/);
    // Asked about the staging folder beside the workbook, where the files would have gone.
    expect(asked).toHaveLength(1);
    expect(asked[0]!.startsWith(join(b.dir, '.'))).toBe(true);
    expect(dbSnapshot(b)).toEqual(beforeDb);
    expect(treeSnapshot(b.dir)).toEqual(beforeFiles);
  });

  for (const c of CASES) {
    it(`refuses ${c.name}, changing nothing`, async () => {
      const path = join(dir, `${c.name.replace(/\W+/g, '-')}.zip`);
      writeFileSync(path, c.zip());
      const limits = { ...DEFAULT_LIMITS, ...c.limits };
      const beforeDb = dbSnapshot(b);
      const beforeFiles = treeSnapshot(b.dir);

      const report = await verifyPack(path, { limits });
      if (c.verifies) {
        expect(report.problems).toEqual([]);
      } else {
        expect(report.ok).toBe(false);
        expect(report.problems.map((p) => `${p.file ?? ''} ${p.message}`).join('\n')).toMatch(c.reason);
      }

      let error: unknown = null;
      try {
        await importPack(ctxB, path, { limits });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      const text = `${(error as ApiError).message}\n${((error as ApiError).issues ?? []).map((i) => `${i.field} ${i.message}`).join('\n')}`;
      expect(text).toMatch(c.reason);
      expect(text).toMatch(/refused and nothing was changed/);

      expect(dbSnapshot(b)).toEqual(beforeDb);
      expect(treeSnapshot(b.dir)).toEqual(beforeFiles);
      // Nothing landed where a hostile name points.
      for (const p of [join(b.dir, '..', 'x'), join(b.dir, 'x'), join(dir, '..', 'x'), join(process.cwd(), '..', 'x')]) expect(existsSync(p)).toBe(false);
    });
  }
});
