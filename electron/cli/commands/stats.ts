// handover stats --db FILE [--json]
import { parseArgs } from 'node:util';
import { INVENTORY_KINDS, KIND_LABEL, type InventoryKind, type RecordKind } from '../../../shared/records';
import { stats } from '../../core/services/overview';
import type { Io } from '../usage';
import { readingWorkbook } from '../workbookArg';

export const usage = 'handover stats --db FILE [--json]        record counts per kind and per vendor';

/** The per-vendor table's heads, short enough for a terminal: one per inventory kind (a new kind fails to compile here until it has one). */
const HEAD: Record<InventoryKind, string> = {
  process: 'Proc.', repository: 'Repos', licence: 'Lic.', document: 'Docs', access: 'Access', dataset: 'Data', infrastructure: 'Infra',
};

export function statsCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  return readingWorkbook(values.db, io, (db, path) => {
    const s = stats(db);
    if (values.json) {
      io.out(JSON.stringify(s, null, 2));
      return 0;
    }
    io.out(`Workbook ${path}`);
    const labels = Object.keys(s.totals).map((kind) => (kind === 'attachment' ? 'Attachments' : KIND_LABEL[kind as RecordKind].many));
    const width = Math.max(...labels.map((l) => l.length));
    Object.values(s.totals).forEach((n, i) => io.out(`  ${labels[i]!.padEnd(width)} ${String(n).padStart(8)}`));
    if (s.perVendor.length) {
      io.out('');
      io.out(`  ${'Vendor'.padEnd(40)}${INVENTORY_KINDS.map((k) => ` ${HEAD[k].padStart(7)}`).join('')}`);
      for (const v of s.perVendor) {
        io.out(`  ${v.vendorName.slice(0, 40).padEnd(40)}${INVENTORY_KINDS.map((k) => ` ${String(v.counts[k]).padStart(7)}`).join('')}`);
      }
    }
    return 0;
  });
}
