// handover verify-log --db FILE [--json]: checks the activity log's hash chain (store/activityChain.ts).
import { parseArgs } from 'node:util';
import { chainSentence } from '../../../shared/activityChain';
import { unchainedSchema, verifyActivityChain } from '../../core/store/activityChain';
import type { Io } from '../usage';
import { readingWorkbook } from '../workbookArg';

export const usage = 'handover verify-log --db FILE [--json]   check the activity log\'s hash chain (exit 1 at the first broken link)';

export function verifyLogCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  return readingWorkbook(values.db, io, (db, path) => {
    const version = unchainedSchema(db);
    if (version !== null) {
      io.err(`The workbook ${path} is at schema ${version}, from before the activity log was chained: open it once with this version of the app (or any command that writes to it) to chain its entries, then check it.`);
      return 1;
    }
    const report = verifyActivityChain(db);
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else (report.intact ? io.out : io.err)(chainSentence(report));
    return report.intact ? 0 : 1;
  });
}
