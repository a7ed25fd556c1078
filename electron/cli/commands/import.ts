// handover import --db FILE PACK.zip[.age] [--dry-run] [--json] [--theirs|--mine] [--identity FILE]... [--passphrase-file FILE]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/errors';
import type { ImportPreview } from '../../../shared/packs';
import { createBackend, type Backend } from '../../core/backend';
import { randomId, systemClock, type ServiceContext } from '../../core/services/context';
import type { PackKeys } from '../../core/pack/encrypted';
import { signatureLine } from '../../../shared/signature';
import { appVersion } from '../../core/project';
import { UsageError, type Io } from '../usage';
import { packKeysFrom } from '../keyFiles';

export const usage = 'handover import --db FILE PACK.zip [--dry-run] [--json] [--theirs|--mine] [--identity FILE]... [--passphrase-file FILE] [--accept-new-key]'
  + '   merge a pack into a workbook (conflicts: newer side unless told; an encrypted PACK.zip.age opens with its identity file or passphrase;'
  + ' --accept-new-key: trust the signer\'s key even though it changed since its last pack)';

function printPreview(p: ImportPreview, io: Io) {
  io.out(`Pack from workbook ${p.pack.workbookId}, made by ${p.pack.createdBy || 'someone'} on ${p.pack.createdAt.slice(0, 10)}${p.pack.redacted ? ' (redacted)' : ''}.`);
  io.out(`${signatureLine(p.pack.signature)}.`);
  io.out(`  ${'Kind'.padEnd(18)} ${'Vendor'.padEnd(28)} ${'add'.padStart(6)} ${'update'.padStart(6)} ${'delete'.padStart(6)} ${'keep'.padStart(6)} ${'confl.'.padStart(6)} ${'same'.padStart(6)}`);
  for (const s of p.summary) {
    io.out(`  ${s.kindLabel.padEnd(18)} ${(s.vendorName ?? '—').slice(0, 28).padEnd(28)} ${[s.add, s.update, s.delete, s.keep, s.conflict, s.same].map((n) => String(n).padStart(6)).join(' ')}`);
  }
  if (p.conflicts.length) {
    io.out(`Conflicts (${p.conflicts.length}; changed on both sides since the last exchange):`);
    for (const c of p.conflicts.slice(0, 20)) {
      io.out(`  ${c.kindLabel} “${c.title}” ${c.id}: ${c.differences.map((d) => d.label).join(', ')}; newer: ${c.suggested === 'theirs' ? 'the pack' : 'this workbook'}`);
    }
    if (p.conflicts.length > 20) io.out(`  … and ${p.conflicts.length - 20} more`);
  }
  for (const w of p.warnings) io.out(`Note: ${w}`);
}

/** --accept-new-key: a pack whose signer's key CHANGED has that key trusted first (logged, as in Settings). */
async function acceptNewKey(backend: Backend, ctx: ServiceContext, pack: string, keys: PackKeys | undefined, io: Io): Promise<void> {
  const report = await backend.packs.result(backend.packs.startVerify(pack, keys, ctx).jobId, 'verify');
  const sig = report.manifest?.signature;
  if (!report.manifest || sig?.trust !== 'changed') return;
  const r = await backend.dispatch('signers.trust', { workbookId: report.manifest.workbookId, publicKey: sig.publicKey, workbookName: sig.workbookName });
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  io.out(`Accepted the new signing key ${sig.fingerprint} of workbook “${sig.workbookName}” (was ${sig.trustedFingerprint}).`);
}

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, theirs: { type: 'boolean' }, mine: { type: 'boolean' },
      identity: { type: 'string', multiple: true }, 'passphrase-file': { type: 'string' }, 'accept-new-key': { type: 'boolean' },
    },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  if (positionals.length !== 1) throw new UsageError('name one pack to import');
  if (values.theirs && values.mine) throw new UsageError('give --theirs or --mine, not both');
  const keys = packKeysFrom(values);
  const backend = createBackend({ workbookPath: resolve(values.db), appVersion });
  const ctx = { db: backend.db, workbookPath: backend.workbookPath, clock: systemClock, newId: randomId };
  const pack = resolve(positionals[0]!);
  try {
    if (values['dry-run']) {
      // The same jobs the other faces start (in the pack worker); the command waits for them.
      const preview = await backend.packs.result(backend.packs.startPreview(ctx, pack, keys).jobId, 'preview');
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      else {
        printPreview(preview, io);
        io.out('Dry run: nothing was changed.');
      }
      return 0;
    }
    if (values['accept-new-key']) await acceptNewKey(backend, ctx, pack, keys, io);
    const result = await backend.packs.result(backend.packs.startImport(ctx, pack, { default: values.theirs ? 'theirs' : values.mine ? 'mine' : 'newer', keys }).jobId, 'import');
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      const c = result.conflicts;
      io.out(`Imported into ${backend.workbookPath}: ${result.added} added, ${result.updated} updated, ${result.deleted} deleted, ${result.kept} kept`
        + `${c.theirs + c.mine ? `, ${c.theirs + c.mine} conflicts (${c.theirs} took the pack's, ${c.mine} kept this workbook's)` : ''}; ${result.attachmentsWritten} new files.`);
      for (const w of result.warnings) io.out(`Note: ${w}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ApiError && e.issues?.length) {
      io.err(e.message.split(':')[0] ?? e.message);
      for (const i of e.issues) io.err(`  ${i.field}: ${i.message}`);
      return 1;
    }
    throw e;
  } finally {
    await backend.packs.dispose();
    backend.close();
  }
}
