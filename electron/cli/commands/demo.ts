// handover demo --db FILE [--records N]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localToday } from '../../../shared/dates';
import { createBackend } from '../../core/backend';
import { generateDemo } from '../../core/demo/generate';
import { actor } from '../../core/services/context';
import { appVersion } from '../../core/project';
import { anyVendorRow } from '../../core/store/vendors';
import { UsageError, type Io } from '../usage';

export const usage = 'handover demo --db FILE [--records N] [--items M]   make a demo workbook (N inventory records over N/1000 vendors, M checklist items; each vendor with its access, data sets and infrastructure)';

export function demo(argv: string[], io: Io, now: () => Date = () => new Date()): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, records: { type: 'string' }, items: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.db) throw new UsageError('--db FILE is required');
  let records: number | undefined;
  if (values.records !== undefined) {
    records = Number(values.records);
    if (!Number.isInteger(records) || records < 1 || records > 5_000_000) throw new UsageError(`--records must be a whole number from 1 to 5,000,000, not "${values.records}"`);
  }
  let items: number | undefined;
  if (values.items !== undefined) {
    items = Number(values.items);
    if (!Number.isInteger(items) || items < 0 || items > 5_000_000) throw new UsageError(`--items must be a whole number from 0 to 5,000,000, not "${values.items}"`);
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const backend = createBackend({ workbookPath: resolve(values.db), appVersion });
  try {
    if (anyVendorRow(backend.db)) {
      io.err(`${backend.workbookPath} already has vendors; the demo is only made in a new or empty workbook.`);
      return 1;
    }
    const started = performance.now();
    const at = now();
    const result = generateDemo(backend.db, {
      ...(records !== undefined ? { records } : {}), ...(items !== undefined ? { items } : {}), ...(seed !== undefined ? { seed } : {}),
      today: localToday(at), now: at.toISOString(), actor: actor({ db: backend.db, workbookPath: backend.workbookPath, clock: { now }, newId: () => '' }),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Demo workbook ${backend.workbookPath}: ${result.vendors} vendors, ${result.records} inventory records, ${result.registers} access, data and infrastructure entries, ${result.items} checklist items (${seconds} s).`);
    return 0;
  } finally {
    backend.close();
  }
}
