// Honest packs of very compressible files: a blank disk image, a sparse one, a log of one repeated
// line. They deflate far beyond any ratio a bomb check could allow (about 1000:1), yet the pack
// declares every size truthfully, so it must export, verify and import like any other.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/core/pack/verify';
import { openPack } from '../../electron/core/pack/zip-read';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import type { TestWorkbook } from '../backend/helpers';
import { exportThroughApi, makePackWorkbook, packFiles, sha256 } from './helpers';

const MiB = 1024 * 1024;

/** A raw disk image: a boot sector, two filesystem areas with data, zeros everywhere else. */
function sparseImage(): Uint8Array<ArrayBuffer> {
  const img = new Uint8Array(32 * MiB);
  img.set(randomBytes(446), 0);
  img[510] = 0x55;
  img[511] = 0xaa;
  img.set(randomBytes(64 * 1024), MiB);
  img.set(randomBytes(4096), 20 * MiB);
  return img;
}

function repeatedLog(): Uint8Array<ArrayBuffer> {
  const line = '2026-03-02T10:00:00.000Z INFO  [backup-agent] heartbeat: all systems nominal\n';
  return new TextEncoder().encode(line.repeat(Math.ceil((16 * MiB) / line.length)));
}

const FILES = [
  { fileName: 'blank.img', what: '8 MiB of zeros', make: () => new Uint8Array(8 * MiB) },
  { fileName: 'disk.raw', what: '64 MiB of zeros', make: () => new Uint8Array(64 * MiB) },
  { fileName: 'sparse.vhd', what: 'a sparse disk image', make: sparseImage },
  { fileName: 'agent.log', what: 'a repeated log line', make: repeatedLog },
];

let a: TestWorkbook;
let b: TestWorkbook;
let pack: string;
const stored: { fileName: string; what: string; sha256: string; size: number }[] = [];

beforeAll(async () => {
  a = makePackWorkbook(21);
  b = makePackWorkbook(22);
  const vendor = await a.call('vendor.create', { name: 'Disk Images Ltd' });
  const doc = await a.call('document.create', { vendorId: vendor.id, title: 'Images and logs', kind: 'other' });
  for (const f of FILES) {
    const content = f.make();
    const att = await a.attach({ documentId: doc.id, fileName: f.fileName, content });
    stored.push({ fileName: f.fileName, what: f.what, sha256: att.sha256, size: att.size });
  }
  pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'images.zip') });
});

afterAll(() => {
  a.close();
  b.close();
});

describe('very compressible attachments', () => {
  it('are deflated far beyond 250:1 in the pack (so a ratio check would refuse them)', async () => {
    const opened = await openPack(pack);
    try {
      for (const f of stored.filter((s) => s.what !== 'a sparse disk image')) {
        const entry = opened.entries.find((e) => e.name.includes(f.sha256))!;
        expect(entry.method, f.what).toBe(8);
        expect(entry.size / entry.compressedSize, f.what).toBeGreaterThan(250);
      }
    } finally {
      await opened.close();
    }
  });

  it('verify', async () => {
    const report = await verifyPack(pack);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('import byte for byte, and the files in the pack are those of the workbook', async () => {
    const result = await b.call('pack.import', { path: pack });
    expect(result.attachmentsWritten).toBe(FILES.length);
    for (const f of stored) {
      const copy = readFileSync(blobPath(attachmentDir(b.path), f.sha256));
      expect(copy.length, f.what).toBe(f.size);
      expect(sha256(copy), f.what).toBe(f.sha256);
    }
    const files = (await packFiles(pack)).filter((p) => p.name.startsWith('attachments/'));
    expect(files.map((p) => sha256(p.data)).sort()).toEqual(stored.map((s) => s.sha256).sort());
  });
});
