// handover verify PACK.zip[.age] [--identity FILE]... [--passphrase-file FILE] [--json]: exit 0 for an intact pack, 1 otherwise, 2 for wrong usage.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PackJobs } from '../../core/pack/jobs';
import { formatBytes } from '../../core/pack/report';
import { UsageError, type Io } from '../usage';
import { packKeysFrom } from '../keyFiles';
import { existingWorkbook } from '../workbookArg';
import { openWorkbook } from '../../core/store/open';
import { randomId, systemClock } from '../../core/services/context';
import { signatureLine } from '../../../shared/signature';
import { chainSentence } from '../../../shared/activityChain';
import { AUDITOR_INTENT, profileLabel, withheldWords } from '../../../shared/pack-profiles';

export const usage = 'handover verify PACK.zip [--db FILE] [--json] [--identity FILE]... [--passphrase-file FILE]   check that a pack is intact and exactly what its manifest lists'
  + ' and who signed it (--db: is the key the one that workbook trusts?); an encrypted PACK.zip.age opens with its identity file or passphrase';

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { json: { type: 'boolean' }, identity: { type: 'string', multiple: true }, 'passphrase-file': { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('name one pack to verify');
  const path = resolve(positionals[0]!);
  const keys = packKeysFrom(values);
  // The verify job the other faces run (in the pack worker); the command waits for it.
  // With --db, the signer's key is compared with the keys that workbook keeps (read only).
  const workbook = values.db !== undefined ? existingWorkbook(values.db, io) : null;
  if (values.db !== undefined && !workbook) return 1;
  const db = workbook ? openWorkbook(workbook, { readonly: true }) : null;
  const packs = new PackJobs();
  let report;
  try {
    const ctx = db && workbook ? { db, workbookPath: workbook, clock: systemClock, newId: randomId } : undefined;
    report = await packs.result(packs.startVerify(path, keys, ctx).jobId, 'verify');
  } finally {
    await packs.dispose();
    db?.close();
  }
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else if (report.ok) {
    const m = report.manifest!;
    io.out(`${path}: intact. ${m.files} files (${formatBytes(m.bytes)}), made by ${m.createdBy || 'someone'} on ${m.createdAt.slice(0, 10)}`
      + ` with Handover Workbook ${m.appVersion}; vendors: ${m.vendors.map((v) => v.name).join(', ')}${m.redacted ? '; redacted' : ''}; profile: ${profileLabel(m.profile)}.`);
    if (m.profile.name === 'auditor') io.out(AUDITOR_INTENT);
    if (m.redactedFields.length) io.out(`Left out: ${withheldWords(m.redactedFields)}.`);
    io.out(`${signatureLine(m.signature)}${m.signature && m.signature.trust === null ? ' (give --db WORKBOOK to compare it with the keys that workbook trusts)' : ''}.`);
    // The activity log it carries: a broken chain was changed in the workbook that made the pack.
    if (report.history) (report.history.intact ? io.out : io.err)(chainSentence(report.history));
  } else {
    io.err(`${path}: NOT intact, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
    for (const p of report.problems) io.err(`  ${p.file ?? '(pack)'}: ${p.message}`);
  }
  return report.ok && report.history?.intact !== false ? 0 : 1;
}
