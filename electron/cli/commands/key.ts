// handover key --db FILE [--file]: the workbook's public signing key in minisign's format, made if
// the workbook has none yet. The bare line is what `minisign -P` takes; --file prints the two lines
// of a minisign.pub file (for `minisign -p FILE`).
import { parseArgs } from 'node:util';
import { parsePublicKeyLine, publicKeyFile } from '../../core/pack/minisign';
import { workbookPublicKey } from '../../core/pack/signingKey';
import { openWorkbook } from '../../core/store/open';
import { UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';
import { cliSigner } from '../signing';

export const usage = 'handover key --db FILE [--file]   print the workbook\'s public signing key (the line minisign -P takes; --file: a minisign.pub file), making the key if missing';

export async function keyCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, file: { type: 'boolean' } } });
  if (!values.db) throw new UsageError('--db FILE is required');
  const path = existingWorkbook(values.db, io);
  if (!path) return 1;
  // The key the workbook records needs no secret (it may be kept by the desktop app); else it is made now.
  const db = openWorkbook(path, { readonly: true });
  let line: string | null;
  try {
    line = workbookPublicKey(db);
  } finally {
    db.close();
  }
  const pk = line !== null ? parsePublicKeyLine(line) : await cliSigner(path).then((s) => ({ keyId: s.keyId, key: s.publicKey }));
  const text = publicKeyFile(pk);
  io.out(values.file ? text.trimEnd() : text.split('\n')[1]!);
  return 0;
}
