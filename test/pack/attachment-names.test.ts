// Attachments in a pack keep their file's extension (attachments/<sha256>.pdf), so the receiving
// computer knows how to open them, and the report links to those names. Packs of the previous
// version (attachments/<sha256>, no extension) still verify and import.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/core/pack/verify';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import type { TestWorkbook } from '../backend/helpers';
import { craftZip, exportThroughApi, makePackWorkbook, packFiles, sha256, toCraft, withManifest, type PackFile } from './helpers';

const bytes = (s: string) => new TextEncoder().encode(s);

const ATTACHED = [
  { fileName: 'Master agreement.PDF', content: bytes('%PDF-1.7 master agreement\n'), name: (sha: string) => `attachments/${sha}.pdf` },
  { fileName: 'backup.tar.gz', content: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]), name: (sha: string) => `attachments/${sha}.gz` },
  { fileName: 'NOTES', content: bytes('no extension at all\n'), name: (sha: string) => `attachments/${sha}` },
  { fileName: 'install.exe', content: bytes('MZ not really a program\n'), name: (sha: string) => `attachments/${sha}` },
  { fileName: 'odd.ext-ension', content: bytes('an extension that is not letters and digits\n'), name: (sha: string) => `attachments/${sha}` },
];

let a: TestWorkbook;
let pack: string;
let files: PackFile[];
const expected = new Map<string, string>();

beforeAll(async () => {
  a = makePackWorkbook(31);
  const vendor = await a.call('vendor.create', { name: 'Named Files Inc' });
  const doc = await a.call('document.create', { vendorId: vendor.id, title: 'Contracts', kind: 'contract' });
  for (const f of ATTACHED) {
    const att = await a.attach({ documentId: doc.id, fileName: f.fileName, content: f.content });
    expected.set(f.fileName, f.name(att.sha256));
  }
  pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'named.zip') });
  files = await packFiles(pack);
});

afterAll(() => a.close());

async function importedInto(n: number, path: string): Promise<void> {
  const b = makePackWorkbook(n);
  try {
    const result = await b.call('pack.import', { path });
    expect(result.attachmentsWritten).toBe(ATTACHED.length);
    const docs = await b.call('document.list', { limit: 10 });
    const list = await b.call('attachment.list', { documentId: docs.rows[0]!.id });
    expect(list.map((x) => x.fileName).sort()).toEqual(ATTACHED.map((f) => f.fileName).sort());
    for (const x of list) {
      const original = ATTACHED.find((f) => f.fileName === x.fileName)!;
      expect(sha256(readFileSync(blobPath(attachmentDir(b.path), x.sha256))), x.fileName).toBe(sha256(Buffer.from(original.content)));
    }
  } finally {
    b.close();
  }
}

describe('attachment names in a pack', () => {
  it('keep the file\'s extension, lower-cased, and none when it is missing or unsafe', () => {
    const names = files.filter((f) => f.name.startsWith('attachments/')).map((f) => f.name).sort();
    expect(names).toEqual([...expected.values()].sort());
  });

  it('are what README.html and report.md link to', () => {
    const html = files.find((f) => f.name === 'README.html')!.data.toString('utf8');
    const md = files.find((f) => f.name === 'report.md')!.data.toString('utf8');
    for (const [fileName, name] of expected) {
      expect(html, fileName).toContain(`href="${name}"`);
      expect(md, fileName).toContain(`(<${name}>)`);
    }
    const linked = [...new Set([...html.matchAll(/href="(attachments\/[^"]*)"/g)].map((m) => m[1]))].sort();
    expect(linked).toEqual([...expected.values()].sort());
  });

  it('verify and import (round trip)', async () => {
    expect((await verifyPack(pack)).problems).toEqual([]);
    await importedInto(32, pack);
  });

  it('of the previous version (the hash alone) still verify and import', async () => {
    const old = withManifest(files.map((f) => (f.name.startsWith('attachments/') ? { ...f, name: f.name.replace(/\.[a-z0-9]+$/, '') } : f)));
    expect(old.filter((f) => f.name.startsWith('attachments/')).every((f) => /^attachments\/[0-9a-f]{64}$/.test(f.name))).toBe(true);
    const path = join(a.dir, 'old-names.zip');
    writeFileSync(path, craftZip(toCraft(old)));
    expect((await verifyPack(path)).problems).toEqual([]);
    await importedInto(33, path);
  });
});
