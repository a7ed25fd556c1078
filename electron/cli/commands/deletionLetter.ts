// handover deletion-letter --db FILE --vendor NAME_OR_ID [--by YYYY-MM-DD] [--all] --out FILE.html [--force]
// The letter asking the vendor to certify deletion (pack/deletion-letter.ts) as the page the app
// prints; the PDF is printed from the app (or from any browser that opens this file).
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localToday } from '../../../shared/dates';
import { deletionLetterInput } from '../../../shared/deletion-letter';
import { deletionLetter } from '../../core/pack/deletion-letter';
import { randomId } from '../../core/services/context';
import { checkDestination, writeDestination } from '../../core/services/destination';
import { openWorkbook } from '../../core/store/open';
import { UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';
import { findVendor } from './readiness';

export const usage = 'handover deletion-letter --db FILE --vendor NAME_OR_ID [--by YYYY-MM-DD] [--all] --out FILE.html [--force]'
  + '   the letter asking the vendor to certify deletion of its data sets in scope, to sign and return (--by: reply by, default T+30;'
  + ' --all: also those certified already); HTML: print the PDF from the app, or from a browser';

export function deletionLetterCommand(argv: string[], io: Io, now: () => Date = () => new Date()): number {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, vendor: { type: 'string' }, by: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' } },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  if (!values.vendor) throw new UsageError('--vendor NAME_OR_ID is required');
  if (!values.out) throw new UsageError('--out FILE.html is required');
  if (!['.html', '.htm'].includes(extname(values.out).toLowerCase())) throw new UsageError(`--out must end in .html (the letter is a web page; print the PDF from the app), not "${values.out}"`);
  const at = now();
  const today = localToday(at);
  if (values.by !== undefined) {
    if (!deletionLetterInput.shape.replyBy.safeParse(values.by).success) throw new UsageError(`--by must be a calendar date as YYYY-MM-DD, not "${values.by}"`);
    if (values.by < today) throw new UsageError(`--by must not be before today (${today}), not "${values.by}"`);
  }
  const out = resolve(values.out);
  if (existsSync(out) && values.force !== true) throw new UsageError(`--out ${out} already exists: choose another name, or pass --force to replace it`);
  const path = existingWorkbook(values.db, io);
  if (!path) return 1;
  // A workbook, its side files or its attachments are never replaced, --force or not.
  const rules = { field: '--out', extension: extname(out).toLowerCase(), workbookPath: path, replace: values.force === true };
  const target = checkDestination(out, rules);
  const db = openWorkbook(path, { readonly: true });
  try {
    const vendor = findVendor(db, values.vendor);
    const letter = deletionLetter({ db, workbookPath: path, clock: { now: () => at }, newId: randomId }, { vendorId: vendor.id, replyBy: values.by, includeCertified: values.all === true });
    writeDestination(target, letter.html, rules);
    io.out(`Deletion certificate request to ${letter.vendorName} for ${letter.datasets} data set${letter.datasets === 1 ? '' : 's'}, reply by ${letter.replyBy}, written to ${target}`);
    return 0;
  } finally {
    db.close();
  }
}
