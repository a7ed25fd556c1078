// handover calendar --db FILE [--vendor NAME_OR_ID] [--person NAME_OR_ID] [--days N] --out FILE.ics [--force]
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localToday } from '../../../shared/dates';
import { workbookCalendar } from '../../core/services/calendar';
import { checkDestination, writeDestination } from '../../core/services/destination';
import type { Db } from '../../core/store/open';
import { openWorkbook } from '../../core/store/open';
import { livePeopleNames } from '../../core/store/people';
import { UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';
import { findVendor } from './readiness';

export const usage = 'handover calendar --db FILE [--vendor NAME_OR_ID] [--person NAME_OR_ID] [--days N] --out FILE.ics [--force]   deadlines as an iCalendar file';

/** A person by id, by exact name (any case), or by a name prefix only one person has: the rules of --vendor. */
function findPerson(db: Db, key: string): { id: string; name: string } {
  const people = livePeopleNames(db);
  const k = key.trim().toLowerCase();
  const exact = people.filter((p) => p.id === key || p.name.toLowerCase() === k);
  if (exact.length === 1) return exact[0]!;
  const prefix = people.filter((p) => p.name.toLowerCase().startsWith(k));
  if (prefix.length === 1) return prefix[0]!;
  const names = (exact.length ? exact : prefix).map((p) => `  ${p.name} (${p.id})`).join('\n');
  throw new Error(prefix.length || exact.length ? `"${key}" matches several people; give the id or the full name:\n${names}` : `No person named or with id "${key}"`);
}

export function calendarCommand(argv: string[], io: Io, now: () => Date = () => new Date()): number {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, vendor: { type: 'string' }, person: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  if (!values.out) throw new UsageError('--out FILE.ics is required');
  if (extname(values.out).toLowerCase() !== '.ics') throw new UsageError(`--out must end in .ics (an iCalendar file), not "${values.out}"`);
  const days = values.days === undefined ? 365 : Number(values.days);
  if (!/^\d+$/.test(values.days ?? '365') || days < 1 || days > 3650) throw new UsageError(`--days must be a whole number from 1 to 3650, not "${values.days}"`);
  const out = resolve(values.out);
  if (existsSync(out) && values.force !== true) throw new UsageError(`--out ${out} already exists: choose another name, or pass --force to replace it`);
  const path = existingWorkbook(values.db, io);
  if (!path) return 1;
  // A workbook, its side files or its attachments are never replaced, --force or not.
  const rules = { field: '--out', extension: '.ics', workbookPath: path, replace: values.force === true };
  const target = checkDestination(out, rules);
  const db = openWorkbook(path, { readonly: true });
  try {
    const vendor = values.vendor ? findVendor(db, values.vendor) : undefined;
    const person = values.person ? findPerson(db, values.person) : undefined;
    const at = now();
    const cal = workbookCalendar(db, localToday(at), at, { days, vendorId: vendor?.id, personId: person?.id });
    writeDestination(target, cal.ics, rules);
    io.out(`${cal.events} deadline${cal.events === 1 ? '' : 's'} in the next ${days} days written to ${target}`);
    return 0;
  } finally {
    db.close();
  }
}
