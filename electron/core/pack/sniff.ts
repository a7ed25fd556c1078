// Telling a transition pack from any other file without reading it whole: an export may replace
// an older pack under the same name without asking, but never a file that is something else.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MANIFEST } from './format';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
/** The central directory's last entries and the end records fit in this (the manifest is written last). */
const TAIL = 256 * 1024;

/** Whether the file is a zip whose central directory names our manifest. */
export function isPackFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size < 22) return false;
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    if (head.readUInt32LE(0) !== LOCAL_HEADER) return false;
    const length = Math.min(TAIL, size);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const name = Buffer.from(MANIFEST, 'latin1');
    for (let i = tail.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0 && i + 46 <= tail.length; i = tail.indexOf('PK\x01\x02', i + 4, 'latin1')) {
      if (tail.readUInt32LE(i) !== CENTRAL_HEADER) continue;
      const nameLength = tail.readUInt16LE(i + 28);
      if (nameLength === name.length && tail.subarray(i + 46, i + 46 + nameLength).equals(name)) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
