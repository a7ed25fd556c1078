// Bytes of a text sheet to text: a byte-order mark says UTF-8 or UTF-16 (LE or BE, as Excel's
// "Unicode text" writes it); without one, UTF-16 shows as NUL bytes in every other place, text
// that is valid UTF-8 is UTF-8, and anything else is taken as Windows-1252 (Excel's "CSV" on a
// Western Windows), which decodes every byte.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // No mark: look at the first few KB. ASCII text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (n >= 4 && oddNul > n / 8 && evenNul === 0) return { encoding: 'utf-16le', bom: 0 };
  if (n >= 4 && evenNul > n / 8 && oddNul === 0) return { encoding: 'utf-16be', bom: 0 };
  // Checked without decoding: the text is decoded once, by decodeText.
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', bom: 0 };
}

export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bytes.subarray(bom);
  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding, { stripBOM: false });
  return { text, encoding };
}

/** Whether decoded text looks like a binary file rather than a sheet (NUL or many control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > sample.length / 20;
}
