// handover export --db FILE (--vendor NAME_OR_ID ... | --all) --out PACK.zip [--no-attachments] [--redact]
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPack, type ExportProgress } from '../../pack/export';
import { formatBytes } from '../../pack/report';
import { openWorkbook } from '../../store/open';
import { appVersion } from '../project';
import { processIo, UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';

export const usage = 'handover export --db FILE (--vendor NAME_OR_ID ... | --all) --out PACK.zip [--no-attachments] [--redact]   write a transition pack';

/** Vendor ids for names or ids as typed: an exact id, or a name (any case); ambiguous or unknown names fail. */
function resolveVendors(path: string, wanted: string[]): { ids: string[] } | { error: string } {
  const db = openWorkbook(path, { readonly: true });
  try {
    const vendors = db.prepare('SELECT id, name FROM vendors WHERE deleted_at IS NULL').all() as { id: string; name: string }[];
    const ids: string[] = [];
    for (const w of wanted) {
      const byId = vendors.find((v) => v.id === w.toLowerCase());
      const byName = vendors.filter((v) => v.name.toLocaleLowerCase() === w.trim().toLocaleLowerCase());
      if (byId) ids.push(byId.id);
      else if (byName.length === 1) ids.push(byName[0]!.id);
      else if (byName.length > 1) return { error: `More than one vendor is named "${w}"; use an id: ${byName.map((v) => v.id).join(', ')}` };
      else return { error: `No vendor "${w}" in ${path}. Vendors: ${vendors.map((v) => v.name).sort().join(', ') || 'none'}` };
    }
    return { ids };
  } finally {
    db.close();
  }
}

export async function exportCommand(argv: string[], io: Io, now: () => Date = () => new Date()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' }, vendor: { type: 'string', multiple: true }, all: { type: 'boolean' }, out: { type: 'string' },
      'no-attachments': { type: 'boolean' }, redact: { type: 'boolean' },
    },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  if (!values.out) throw new UsageError('--out PACK.zip is required');
  if ((values.all === true) === (values.vendor !== undefined)) throw new UsageError('give --all or one or more --vendor NAME_OR_ID');
  const db = existingWorkbook(values.db, io);
  if (!db) return 1;
  const out = resolve(values.out);
  if (out === db) throw new UsageError('--out must not be the workbook itself');
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) {
    io.err(`The folder ${dirname(out)} does not exist`);
    return 1;
  }
  let vendorIds: string[] | 'all' = 'all';
  if (values.vendor) {
    const r = resolveVendors(db, values.vendor);
    if ('error' in r) {
      io.err(r.error);
      return 1;
    }
    vendorIds = r.ids;
  }
  // Progress on stderr only when a person watches it; Ctrl-C cancels cleanly (no partial pack).
  const tty = io === processIo && process.stderr.isTTY === true;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (io === processIo) process.once('SIGINT', onSigint);
  let last = 0;
  const progress = (p: ExportProgress) => {
    const t = Date.now();
    if (!tty || t - last < 100) return;
    last = t;
    const pct = p.bytesTotal ? Math.min(100, Math.floor((100 * p.bytesDone) / p.bytesTotal)) : 0;
    process.stderr.write(`\r${p.step.padEnd(12)} ${String(pct).padStart(3)}%  ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}   `);
  };
  const started = performance.now();
  try {
    const r = await exportPack({
      workbookPath: db, vendorIds, attachments: !values['no-attachments'], redact: values.redact === true, destination: out, appVersion, now: now(),
      signal: controller.signal, onProgress: progress,
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Pack written: ${r.path} (${formatBytes(r.size)}, ${r.files} files, ${r.attachments} attachments, ${r.vendors.length} vendor${r.vendors.length === 1 ? '' : 's'}${r.redacted ? ', redacted' : ''}; ${seconds} s)`);
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[K');
    if ((e as Error).name === 'AbortError') {
      io.err('Export cancelled; no pack was written.');
      return 130;
    }
    throw e;
  } finally {
    if (io === processIo) process.off('SIGINT', onSigint);
  }
}
