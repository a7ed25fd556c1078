// handover stats --db FILE [--json]
import { parseArgs } from 'node:util';
import { KIND_LABEL, type RecordKind } from '../../../shared/records';
import { openWorkbook } from '../../core/store/open';
import { stats } from '../../core/services/overview';
import { UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';

export const usage = 'handover stats --db FILE [--json]        record counts per kind and per vendor';

export function statsCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.db) throw new UsageError('--db FILE is required');
  const path = existingWorkbook(values.db, io);
  if (!path) return 1;
  // Read-only: looking at a workbook never migrates or changes it.
  const db = openWorkbook(path, { readonly: true });
  try {
    const s = stats(db);
    if (values.json) {
      io.out(JSON.stringify(s, null, 2));
      return 0;
    }
    io.out(`Workbook ${path}`);
    for (const [kind, n] of Object.entries(s.totals)) {
      const label = kind === 'attachment' ? 'Attachments' : KIND_LABEL[kind as RecordKind].many;
      io.out(`  ${label.padEnd(14)} ${String(n).padStart(8)}`);
    }
    if (s.perVendor.length) {
      io.out('');
      io.out(`  ${'Vendor'.padEnd(40)} ${'Proc.'.padStart(7)} ${'Repos'.padStart(7)} ${'Lic.'.padStart(7)} ${'Docs'.padStart(7)}`);
      for (const v of s.perVendor) {
        const c = v.counts;
        io.out(`  ${v.vendorName.slice(0, 40).padEnd(40)} ${String(c.process).padStart(7)} ${String(c.repository).padStart(7)} ${String(c.licence).padStart(7)} ${String(c.document).padStart(7)}`);
      }
    }
    return 0;
  } finally {
    db.close();
  }
}
