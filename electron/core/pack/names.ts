// Entry names of a pack: decoded from the raw bytes of the central directory (never trusting a
// library's cleaned-up form), checked for every trick that turns a name into a path elsewhere, and
// then matched against the format's own short list. Names are only ever compared, never used as paths.
import type { PackProblem } from '../../../shared/packs';
import { isFormatName } from './format';

const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const RESERVED_JS = new Set(['__proto__', 'constructor', 'prototype', '__definegetter__', '__definesetter__', '__lookupgetter__', '__lookupsetter__']);
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A readable form of a name for messages: control characters shown as \uXXXX, length capped. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- see above
  const s = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/**
 * Decodes a raw entry name: UTF-8 when general purpose bit 11 says so, otherwise it must be plain
 * ASCII (CP437 names are not something our writer makes). Returns the name or why it is refused.
 */
export function decodeName(raw: Uint8Array, flags: number): { name: string } | { error: string; shown: string } {
  const shown = printable(Buffer.from(raw).toString('latin1'));
  if ((flags & 0x800) === 0 && raw.some((b) => b >= 0x80)) return { error: 'is neither marked UTF-8 nor plain ASCII', shown };
  try {
    return { name: utf8.decode(raw) };
  } catch {
    return { error: 'is not valid UTF-8', shown };
  }
}

/** Why a decoded name is unsafe or not part of the format; null when it is a format name. */
export function nameProblem(name: string, isKnownName: (name: string) => boolean = isFormatName): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.length > 255) return 'has a name longer than 255 characters';
  if (name.includes('\u0000')) return 'contains a NUL character';
  if (name.startsWith('\\\\') || name.startsWith('//')) return 'is a UNC path (\\\\server\\share)';
  if (name.includes('\\')) return 'contains a backslash (a path separator on Windows)';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.startsWith('/')) return 'is an absolute path';
  if (CONTROL.test(name)) return 'contains control characters';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'has a ".." segment (path traversal)';
  if (segments.some((s) => s === '.')) return 'has a "." segment';
  if (name.endsWith('/')) return 'is a directory entry';
  if (segments.some((s) => s === '')) return 'has an empty path segment';
  for (const s of segments) {
    const base = s.split('.')[0] ?? s;
    if (RESERVED_DEVICE.test(base)) return `uses the reserved device name "${base}"`;
    if (/[. ]$/.test(s)) return 'has a segment ending in a dot or a space';
    if (RESERVED_JS.has(s.toLowerCase()) || RESERVED_JS.has(base.toLowerCase())) return `uses the reserved name "${s}"`;
  }
  if (name !== name.normalize('NFC')) return 'is not in Unicode normal form C';
  if (!isKnownName(name)) {
    return isKnownName === isFormatName
      ? 'is not a file of the pack format (only manifest.json, README.html, report.md, data/<table>.json|csv and attachments/<sha256>[.ext])'
      : 'is not a file this kind of zip holds';
  }
  return null;
}

/** The key two names collide under on a case-insensitive or normalising file system. */
export function foldKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** Duplicate names and names that collide after case folding or Unicode normalisation. */
export function collisionProblems(names: readonly string[]): PackProblem[] {
  const problems: PackProblem[] = [];
  const exact = new Map<string, number>();
  const folded = new Map<string, string>();
  for (const name of names) {
    const n = (exact.get(name) ?? 0) + 1;
    exact.set(name, n);
    if (n === 2) problems.push({ file: printable(name), message: 'appears more than once in the zip' });
    if (n > 1) continue;
    const key = foldKey(name);
    const other = folded.get(key);
    if (other !== undefined) {
      problems.push({ file: printable(name), message: `collides with "${printable(other)}" once case and Unicode normalisation are folded` });
    } else {
      folded.set(key, name);
    }
  }
  return problems;
}
