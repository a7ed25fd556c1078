// The temp-then-rename write: a failure at the rename leaves neither a file under the real name
// nor the temporary file, and no rows.
import type * as nodeFsPromises from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWorkbook, type TestWorkbook } from './helpers';

const renames: [string, string][] = [];
let failRename = false;
// Attachments stream into the store (electron/core/store/blobFile.ts), which renames with fs/promises.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof nodeFsPromises>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      renames.push([from, to]);
      if (failRename) throw Object.assign(new Error('EIO: disk went away'), { code: 'EIO' });
      return fs.rename(from, to);
    },
  };
});

let wb: TestWorkbook;
afterEach(() => wb.close());

describe('attachment files are written to a temporary name and renamed', () => {
  it('writes the bytes to a temporary name in the store, then renames it to the hash', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'V' });
    const d = await wb.call('document.create', { vendorId: v.id, title: 'D' });
    failRename = false;
    const a = await wb.attach({ documentId: d.id, fileName: 'x.txt', content: new TextEncoder().encode('hello') });
    const [from, to] = renames.at(-1)!;
    expect(from).toMatch(/\.incoming\.[0-9a-f]{12}\.tmp$/);
    expect(dirname(from)).toBe(dirname(dirname(to)));
    expect(to.endsWith(a.sha256)).toBe(true);
  });

  it('leaves nothing behind when the rename fails', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'V' });
    const d = await wb.call('document.create', { vendorId: v.id, title: 'D' });
    const before = wb.counts();
    failRename = true;
    const error = await wb.attach({ documentId: d.id, fileName: 'x.txt', content: new TextEncoder().encode('never lands') }).then(() => null, (e: Error) => e);
    failRename = false;
    expect(error?.message).toContain('disk went away');
    expect(wb.counts()).toEqual(before);
    const dir = `${wb.dir}/test.attachments`;
    const files = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    expect(files).toEqual([]);
  });
});
