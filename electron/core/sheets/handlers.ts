// The sheet methods of the contract, resolved against a face: where the file is (an upload, a
// path where the face may name files, or pasted text) and this backend's dry-run jobs.
import type { SheetSource, SheetTemplateResult, SheetKind } from '../../../shared/sheets';
import type { PackJobs } from '../pack/jobs';
import { checkDestination } from '../services/destination';
import { SheetJobs } from './jobs';
import { defaultFileName, type ResolvedSource } from './source';
import { writeTemplate } from './template';

const jobsOf = new WeakMap<PackJobs, SheetJobs>();

/** This backend's dry-run jobs (one set per backend, as its pack jobs). */
export function sheetJobs(packs: PackJobs): SheetJobs {
  let j = jobsOf.get(packs);
  if (!j) { j = new SheetJobs(); jobsOf.set(packs, j); }
  return j;
}

export function resolveSource(packs: PackJobs, source: SheetSource): ResolvedSource {
  if (source.text !== undefined) return { text: source.text, fileName: source.fileName ?? 'pasted cells' };
  const path = source.upload !== undefined ? packs.sourcePath({ upload: source.upload }) : packs.checkedPath(source.path!, 'source.path');
  return { path, fileName: defaultFileName(source.upload !== undefined ? undefined : path, source.fileName ?? (source.upload !== undefined ? 'uploaded sheet' : undefined)) };
}

/** The browser face's route for a blank template (server.ts serves it, behind the token). */
export const templateDownloadPath = (kind: SheetKind, format: 'csv' | 'xlsx') => `/sheets/template/${kind}.${format}`;

/**
 * A blank template: written to `destination` when given (refused if it would replace a file);
 * else, where the face has a save dialog (`ask`), to the file picked there (the dialog asked before
 * replacing; path '' when cancelled); else nothing is written and the browser face downloads it.
 */
export async function sheetTemplate(
  packs: PackJobs, workbookPath: string, kind: SheetKind, format: 'csv' | 'xlsx', destination: string | undefined,
  ask: ((suggestedName: string) => Promise<string | null>) | undefined,
): Promise<SheetTemplateResult> {
  const fileName = `handover-${kind}-template.${format}`;
  const check = (path: string, replace: boolean) => checkDestination(path, { field: 'destination', extension: `.${format}`, workbookPath, replace });
  let path: string;
  if (destination !== undefined) path = check(packs.checkedPath(destination, 'destination'), false);
  else if (ask) {
    const picked = await ask(fileName);
    if (picked === null) return { fileName, path: '', downloadPath: '' };
    path = check(packs.checkedPath(picked, 'destination'), true);
  } else return { fileName, path: '', downloadPath: templateDownloadPath(kind, format) };
  await writeTemplate(kind, format, path);
  return { fileName, path, downloadPath: '' };
}

/** The CLI's template: no workbook is open, so any path that is not a workbook and not an existing file (checkDestination's rules). */
export async function sheetTemplateFile(kind: SheetKind, format: 'csv' | 'xlsx', path: string): Promise<void> {
  await writeTemplate(kind, format, checkDestination(path, { field: '--out', extension: `.${format}`, workbookPath: '', replace: false }));
}
