// A sheet's bytes to a Grid, whatever it came as: a file (desktop path, CLI, an upload of the
// browser face) or pasted cells. XLSX is told by its zip signature, never by the name alone.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readTextSheet } from './csv';
import { decodeText, looksBinary } from './decode';
import { sheetError, type Grid } from './grid';
import { readXlsxSheet } from './xlsx';

/** Largest text sheet read (a million rows of a dozen short columns fits). */
export const MAX_TEXT_SHEET_BYTES = 512 * 1024 * 1024;

/** Names of the zip-based Excel workbooks (with and without macros). */
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

export interface ResolvedSource {
  /** A file to read, or pasted text. */
  path?: string;
  text?: string;
  fileName: string;
}

export interface ReadSheet {
  grid: Grid;
  fileName: string;
  sha256: string;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The source's SHA-256 without reading it as a sheet (an apply checks a kept plan against it); a file that cannot be read has none. */
export async function sourceSha256(src: ResolvedSource): Promise<string | null> {
  if (src.text !== undefined) return createHash('sha256').update(src.text, 'utf8').digest('hex');
  try {
    return await sha256File(src.path!);
  } catch {
    return null;
  }
}

export async function readSource(src: ResolvedSource, sheet: string | undefined): Promise<ReadSheet> {
  const { fileName } = src;
  if (src.text !== undefined) {
    const sha256 = (await sourceSha256(src))!;
    if (!src.text.trim()) throw sheetError(fileName, 'is empty');
    return { grid: readTextSheet(src.text, fileName, 'pasted', null), fileName, sha256 };
  }
  const path = src.path!;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch (e) {
    throw sheetError(fileName, `cannot be read (${(e as Error).message})`);
  }
  if (size === 0) throw sheetError(fileName, 'is empty');
  const head = Buffer.alloc(8);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const sha256 = await sha256File(path);
    return { grid: await readXlsxSheet(path, fileName, sheet), fileName, sha256 };
  }
  // The bytes decide what a sheet is, but a name that promises a workbook is never read as text:
  // an .xls saved as HTML or tab text, or a damaged .xlsx, would come in as one odd column.
  const ext = extname(fileName).toLowerCase();
  if (head.readUInt32BE(0) === 0xd0cf11e0 || ext === '.xls') throw sheetError(fileName, 'is an old Excel .xls workbook: save it as .xlsx or CSV');
  if (XLSX_EXTENSIONS.has(ext)) throw sheetError(fileName, `is named ${ext} but is not an Excel workbook (it is not a zip): save it as .xlsx or CSV again`);
  if (size > MAX_TEXT_SHEET_BYTES) throw sheetError(fileName, `is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_TEXT_SHEET_BYTES / 1024 / 1024} MB a text sheet may be`);
  // A text sheet is read whole, so its hash is of the very bytes read (the file is not read twice).
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw sheetError(fileName, 'is not a sheet (CSV, TSV or XLSX)');
  return { grid: readTextSheet(text, fileName, 'csv', encoding), fileName, sha256 };
}

export const defaultFileName = (path: string | undefined, given: string | undefined) => given ?? (path ? basename(path) : 'pasted cells');
