// A blank sheet per kind: the headers a sheet of that kind maps itself from, with the allowed
// values of every choice field (CSV: in the header, in parentheses; XLSX: a second sheet).
import { rename, writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { enumLabel } from '../../../shared/enums';
import { fieldMeta, fieldNames, KIND_LABEL } from '../../../shared/records';
import { SHEET_KIND_RECORD, type SheetKind } from '../../../shared/sheets';

function columns(kind: SheetKind): { label: string; options: readonly string[] | null }[] {
  const rk = SHEET_KIND_RECORD[kind];
  return fieldNames(rk).map((f) => {
    const m = fieldMeta(rk, f);
    return { label: m.label, options: m.control === 'enum' ? m.options ?? [] : null };
  });
}

export function templateCsv(kind: SheetKind): string {
  const header = columns(kind).map((c) => (c.options ? `${c.label} (${c.options.map(enumLabel).join(' | ')})` : c.label));
  return `${Papa.unparse([header], { escapeFormulae: true })}\r\n`;
}

/** The template's bytes (a few KB: made whole, for a file or for the browser face's download). */
export async function templateBytes(kind: SheetKind, format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(templateCsv(kind), 'utf8');
  const cols = columns(kind);
  const choice = cols.filter((c) => c.options);
  const longest = Math.max(0, ...choice.map((c) => c.options!.length));
  const allowed = [
    choice.map((c) => ({ value: c.label, fontWeight: 'bold' as const })),
    ...Array.from({ length: longest }, (_, i) => choice.map((c) => (c.options![i] ? { value: enumLabel(c.options![i]) } : null))),
  ];
  return writeXlsxFile([
    { data: [cols.map((c) => ({ value: c.label, fontWeight: 'bold' as const }))], sheet: KIND_LABEL[SHEET_KIND_RECORD[kind]].many, stickyRowsCount: 1 },
    { data: allowed, sheet: 'Allowed values' },
  ]).toBuffer();
}

export async function writeTemplate(kind: SheetKind, format: 'csv' | 'xlsx', path: string): Promise<void> {
  // Written beside the destination and renamed: a half-written template never stands at the path.
  const temp = `${path}.${process.pid}.partial`;
  await writeFile(temp, await templateBytes(kind, format), { flag: 'wx' });
  await rename(temp, path);
}
