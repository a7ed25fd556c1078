// Reading a pack the tests downloaded: one file of it, with the app's own zip reader.
import { expect } from '@playwright/test';
import { openPack } from '../../electron/core/pack/zip-read';

/** One file of a pack, read (and CRC-checked) with the app's own zip reader. */
export async function readFromPack(path: string, name: string): Promise<Buffer> {
  const pack = await openPack(path);
  try {
    expect(pack.problems).toEqual([]);
    const entry = pack.entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${name} is not in the pack`);
    const chunks: Buffer[] = [];
    await pack.read(entry, (c) => {
      chunks.push(Buffer.from(c));
    });
    return Buffer.concat(chunks);
  } finally {
    await pack.close();
  }
}
