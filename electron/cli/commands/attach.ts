// handover attach --db FILE (--document ID | --item ID) FILE...
// Files are streamed into the workbook's attachment store (never read whole into memory). All of
// them are checked first: if one is missing or is not a regular file, none is attached.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/errors';
import { isWellFormedText } from '../../../shared/text';
import { formatBytes } from '../../core/pack/report';
import { createBackend } from '../../core/backend';
import { addAttachmentFromPath } from '../../core/services/attachments';
import { randomId, systemClock } from '../../core/services/context';
import { BUSY_IMPORT_MESSAGE, importBeingApplied } from '../../core/store/importLock';
import { appVersion } from '../../core/project';
import { UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';

export const usage = 'handover attach --db FILE (--document ID | --item ID) FILE...   copy files into the workbook, attached to a document or a checklist item';

export async function attachCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { db: { type: 'string' }, document: { type: 'string' }, item: { type: 'string' } },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  if ((values.document === undefined) === (values.item === undefined)) throw new UsageError('give --document ID or --item ID');
  if (positionals.length === 0) throw new UsageError('name one or more files to attach');
  const db = existingWorkbook(values.db, io);
  if (!db) return 1;
  const files = positionals.map((p) => resolve(p));
  const problems: string[] = [];
  for (const f of files) {
    const s = await stat(f).catch(() => null);
    if (!s) problems.push(`${f} does not exist`);
    else if (!s.isFile()) problems.push(`${f} is ${s.isDirectory() ? 'a folder' : s.isFIFO() ? 'a named pipe' : s.isSocket() ? 'a socket' : 'a device'}, not a regular file`);
    // The name is stored as the attachment's: one that is not well-formed Unicode (Windows file
    // names may hold a lone surrogate) would be stored as bytes that read back as something else.
    else if (!isWellFormedText(basename(f))) problems.push(`${f}: its name is not well-formed Unicode (a lone surrogate); rename the file and attach it again`);
  }
  if (problems.length) {
    io.err(`Nothing was attached:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  // As every face's writers: while an import's records are applied, answer at once rather than
  // wait on SQLite's lock for as long as the import takes.
  if (importBeingApplied(db)) {
    io.err(BUSY_IMPORT_MESSAGE);
    return 1;
  }
  const backend = createBackend({ workbookPath: db, appVersion });
  const ctx = { db: backend.db, workbookPath: backend.workbookPath, clock: systemClock, newId: randomId };
  const owner = values.document !== undefined ? { documentId: values.document } : { itemId: values.item };
  try {
    for (const f of files) {
      const a = await addAttachmentFromPath(ctx, { ...owner, path: f });
      io.out(`Attached ${a.fileName} (${formatBytes(a.size)}, sha256 ${a.sha256.slice(0, 12)}…)`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ApiError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await backend.closeAndWait();
  }
}
