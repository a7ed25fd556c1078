// The --db argument of the commands that read a workbook: it must name one that exists (reading
// never creates a workbook by accident).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Io } from './usage';

/** The workbook's absolute path, or null (with the reason on stderr) when there is none. */
export function existingWorkbook(db: string, io: Io): string | null {
  const path = resolve(db);
  if (existsSync(path)) return path;
  io.err(`No workbook at ${path}`);
  return null;
}
