// handover export --db FILE (--vendor NAME_OR_ID ... | --all) --out PACK.zip [--force] [--no-attachments] [--redact]
//   [--profile full|new-provider|auditor|person:NAME_OR_ID]
//   [--recipient age1… ... | --passphrase-file FILE] (encrypted: --out PACK.zip.age)
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPack, packDestinationRules, type ExportProgress } from '../../core/pack/export';
import { checkDestination } from '../../core/services/destination';
import { knownErrorBody } from '../../core/services/errors';
import { formatBytes } from '../../core/pack/report';
import { openWorkbook } from '../../core/store/open';
import { liveVendorNames } from '../../core/store/vendors';
import { appVersion } from '../../core/project';
import { processIo, UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';
import { readPassphraseFile } from '../keyFiles';
import { cliSigner } from '../signing';
import { parseRecipient } from '../../core/pack/age';
import { profileLabel } from '../../../shared/pack-profiles';
import { parseProfile, PROFILE_USAGE } from '../profileArg';

export const usage = `handover export --db FILE (--vendor NAME_OR_ID ... | --all) --out PACK.zip [--force] [--no-attachments] [--redact] ${PROFILE_USAGE}`
  + ' [--recipient age1… ... | --passphrase-file FILE]   write a transition pack (--force: replace an existing file that is not a pack;'
  + ' --recipient or --passphrase-file: encrypt it with age, --out PACK.zip.age; --profile: cut it for a new provider, an auditor or one person\'s tasks)';

/** Vendor ids for names or ids as typed: an exact id, or a name (any case); ambiguous or unknown names fail. */
function resolveVendors(path: string, wanted: string[]): { ids: string[] } | { error: string } {
  const db = openWorkbook(path, { readonly: true });
  try {
    const vendors = liveVendorNames(db);
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
      'no-attachments': { type: 'boolean' }, redact: { type: 'boolean' }, force: { type: 'boolean' },
      recipient: { type: 'string', multiple: true }, 'passphrase-file': { type: 'string' }, profile: { type: 'string' },
    },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  if (!values.out) throw new UsageError('--out PACK.zip is required');
  const encrypted = values.recipient !== undefined || values['passphrase-file'] !== undefined;
  if (values.recipient !== undefined && values['passphrase-file'] !== undefined) {
    throw new UsageError('give --recipient or --passphrase-file, not both (an age file encrypted to a passphrase holds no other key)');
  }
  const badRecipient = values.recipient?.find((r) => !parseRecipient(r));
  if (badRecipient !== undefined) throw new UsageError(`--recipient "${badRecipient.slice(0, 80)}" is not an age public key (age1…, as age-keygen prints it)`);
  if (encrypted && !values.out.toLowerCase().endsWith('.zip.age')) throw new UsageError(`--out must end in .zip.age for an encrypted pack, not "${values.out}"`);
  if (!encrypted && values.out.toLowerCase().endsWith('.zip.age')) throw new UsageError(`--out "${values.out}" names an encrypted pack: give --recipient or --passphrase-file, or end it in .zip`);
  if (!encrypted && extname(values.out).toLowerCase() !== '.zip') throw new UsageError(`--out must end in .zip (a transition pack), not "${values.out}"`);
  if ((values.all === true) === (values.vendor !== undefined)) throw new UsageError('give --all or one or more --vendor NAME_OR_ID');
  const db = existingWorkbook(values.db, io);
  if (!db) return 1;
  const profile = parseProfile(values.profile, db);
  // Checked before any work starts (and again by the export before it renames into place).
  const wording = { field: '--out', replaceHint: `${encrypted ? 'an encrypted file cannot be recognised as a pack' : 'it is not a transition pack'}: choose another name, or pass --force to replace it` };
  const out = checkDestination(resolve(values.out), { ...packDestinationRules(db, values.force === true, encrypted), ...wording });
  const encryption = values['passphrase-file'] !== undefined ? { passphrase: readPassphraseFile(values['passphrase-file']) } : values.recipient ? { recipients: values.recipient } : undefined;
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
    const signer = await cliSigner(db);
    const r = await exportPack({
      workbookPath: db, vendorIds, attachments: !values['no-attachments'], redact: values.redact === true, profile, destination: out, replace: values.force === true, destinationWording: wording, appVersion, now: now(), encryption, signer,
      signal: controller.signal, onProgress: progress,
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Pack written: ${r.path} (${formatBytes(r.size)}, ${r.files} files, ${r.attachments} attachments, ${r.vendors.length} vendor${r.vendors.length === 1 ? '' : 's'}${r.redacted ? ', redacted' : ''}${encryption ? ', encrypted' : ''}; profile: ${profileLabel(r.profile)}; ${seconds} s)`);
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[K');
    if ((e as Error).name === 'AbortError') {
      io.err('Export cancelled; no pack was written.');
      return 130;
    }
    // A full disk is named by the folder the pack was going to (not the workbook's disk).
    const known = knownErrorBody(e, { writingTo: dirname(out) });
    if (known?.code === 'DISK_FULL') {
      io.err(known.message);
      return 1;
    }
    throw e;
  } finally {
    if (io === processIo) process.off('SIGINT', onSigint);
  }
}
