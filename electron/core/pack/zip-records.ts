// The zip format's records, as bytes (APPNOTE 6.3): the local header written before an entry's
// data and the bytes patched into it once its CRC and sizes are known, the central directory's
// entry, and the end records (zip64 where counts, sizes or offsets need it). Pure: the writer
// (zip-write.ts) decides what goes where.

export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;

/** An entry as written: what the central directory and the manifest need of it. */
export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
  crc32: number;
  compressedSize: number;
  method: 0 | 8;
  offset: number;
}

/** A modification time in MS-DOS form (2-second steps, 1980 to 2107). */
export interface DosDateTime {
  date: number;
  time: number;
}

export function dosDateTime(d: Date): DosDateTime {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** A local header with placeholders for the method, CRC and sizes (see fillLocalHeader, localHeaderPatch). */
export function localHeader(nameBytes: Buffer, method: 0 | 8, dos: DosDateTime): Buffer {
  const h = Buffer.alloc(30 + nameBytes.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(method, 8); // patched at the end
  h.writeUInt16LE(dos.time, 10);
  h.writeUInt16LE(dos.date, 12);
  // crc and sizes (14..25) are patched once known
  h.writeUInt16LE(nameBytes.length, 26);
  h.writeUInt16LE(0, 28);
  nameBytes.copy(h, 30);
  return h;
}

interface Sums {
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
}

/** Completes a local header still in memory (not yet written out). */
export function fillLocalHeader(header: Buffer, s: Sums): void {
  header.writeUInt16LE(s.method, 8);
  header.writeUInt32LE(s.crc >>> 0, 14);
  header.writeUInt32LE(s.compressedSize, 18);
  header.writeUInt32LE(s.size, 22);
}

/** Offsets 8..25 of a local header already written: method, time, date, crc, compressed and uncompressed size. */
export function localHeaderPatch(s: Sums, dos: DosDateTime): Buffer {
  const patch = Buffer.alloc(18);
  patch.writeUInt16LE(s.method, 0);
  patch.writeUInt16LE(dos.time, 2);
  patch.writeUInt16LE(dos.date, 4);
  patch.writeUInt32LE(s.crc >>> 0, 6);
  patch.writeUInt32LE(s.compressedSize, 10);
  patch.writeUInt32LE(s.size, 14);
  return patch;
}

/** An entry's record in the central directory; its offset goes into a zip64 extra field when it needs one (or `force`). */
export function centralEntry(e: WrittenEntry, dos: DosDateTime, force: boolean): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const bigOffset = force || e.offset >= MAX32;
  const extra = bigOffset ? Buffer.alloc(12) : Buffer.alloc(0);
  if (bigOffset) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(e.offset), 4);
  }
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
  h.writeUInt16LE(bigOffset ? 45 : 20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(dos.time, 12);
  h.writeUInt16LE(dos.date, 14);
  h.writeUInt32LE(e.crc32, 16);
  h.writeUInt32LE(e.compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32); // comment
  h.writeUInt16LE(0, 34); // disk
  h.writeUInt16LE(0, 36); // internal attributes
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
  h.writeUInt32LE(bigOffset ? MAX32 : e.offset, 42);
  return Buffer.concat([h, name, extra]);
}

/** What follows the central directory: the zip64 end record and locator when needed (or `force`), then the end record. */
export function endRecords(count: number, cdStart: number, cdSize: number, force: boolean): Buffer {
  const cdEnd = cdStart + cdSize;
  const zip64 = force || count >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE((3 << 8) | 45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeUInt32LE(0, 16);
    rec.writeUInt32LE(0, 20);
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdStart), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeUInt32LE(0, 4);
    loc.writeBigUInt64LE(BigInt(cdEnd), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(zip64 ? MAX16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX16 : count, 10);
  end.writeUInt32LE(zip64 ? MAX32 : cdSize, 12);
  end.writeUInt32LE(zip64 ? MAX32 : cdStart, 16);
  end.writeUInt16LE(0, 20);
  parts.push(end);
  return Buffer.concat(parts);
}
