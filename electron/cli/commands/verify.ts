// handover verify PACK.zip[.age] [--identity FILE]... [--passphrase-file FILE] [--json]: exit 0 for an intact pack, 1 otherwise, 2 for wrong usage.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PackJobs } from '../../core/pack/jobs';
import { formatBytes } from '../../core/pack/report';
import { UsageError, type Io } from '../usage';
import { packKeysFrom } from '../keyFiles';

export const usage = 'handover verify PACK.zip [--json] [--identity FILE]... [--passphrase-file FILE]   check that a pack is intact and exactly what its manifest lists'
  + ' (an encrypted PACK.zip.age opens with its identity file or passphrase)';

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, identity: { type: 'string', multiple: true }, 'passphrase-file': { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('name one pack to verify');
  const path = resolve(positionals[0]!);
  const keys = packKeysFrom(values);
  // The verify job the other faces run (in the pack worker); the command waits for it.
  const packs = new PackJobs();
  let report;
  try {
    report = await packs.result(packs.startVerify(path, keys).jobId, 'verify');
  } finally {
    await packs.dispose();
  }
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else if (report.ok) {
    const m = report.manifest!;
    io.out(`${path}: intact. ${m.files} files (${formatBytes(m.bytes)}), made by ${m.createdBy || 'someone'} on ${m.createdAt.slice(0, 10)}`
      + ` with Handover Workbook ${m.appVersion}; vendors: ${m.vendors.map((v) => v.name).join(', ')}${m.redacted ? '; redacted' : ''}.`);
  } else {
    io.err(`${path}: NOT intact, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
    for (const p of report.problems) io.err(`  ${p.file ?? '(pack)'}: ${p.message}`);
  }
  return report.ok ? 0 : 1;
}
