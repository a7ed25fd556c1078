// handover deadlines --db FILE [--days N] [--vendor NAME_OR_ID] [--person NAME_OR_ID] [--json]
import { parseArgs } from 'node:util';
import { localToday } from '../../../shared/dates';
import { listDeadlines } from '../../core/services/deadlines';
import { findPersonIn } from '../profileArg';
import { UsageError, type Io } from '../usage';
import { readingWorkbook } from '../workbookArg';
import { findVendor } from './readiness';

export const usage = 'handover deadlines --db FILE [--days N] [--vendor NAME_OR_ID] [--person NAME_OR_ID] [--json]   what falls due (90 days unless --days)';

function windowDays(value: string | undefined): number {
  if (value === undefined) return 90;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 3650) throw new UsageError(`--days "${value.slice(0, 20)}" must be a whole number of days from 1 to 3650`);
  return n;
}

export function deadlinesCommand(argv: string[], io: Io, now: () => Date = () => new Date()): number {
  const { values } = parseArgs({
    args: argv, options: { db: { type: 'string' }, days: { type: 'string' }, vendor: { type: 'string' }, person: { type: 'string' }, json: { type: 'boolean' } },
  });
  const days = windowDays(values.days);
  return readingWorkbook(values.db, io, (db, path) => {
    const today = localToday(now());
    const vendorId = values.vendor ? findVendor(db, values.vendor).id : undefined;
    const personId = values.person ? findPersonIn(db, values.person.trim(), '--person', path) : undefined;
    const list = listDeadlines(db, today, { days, vendorId, personId });
    if (values.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (!list.length) {
      io.out(`Nothing falls due in the next ${days} days.`);
      return 0;
    }
    for (const d of list) {
      const who = d.personName ? `  (${d.personName})` : '';
      io.out(`${d.date}${d.date < today ? ' overdue' : '        '}  ${(d.vendorName ?? '').slice(0, 30).padEnd(30)}  ${d.title}${who}`);
      io.out(`${' '.repeat(20)}${d.detail}`);
    }
    return 0;
  });
}
