// SQL lives in the store layer: the lint refuses a statement prepared, run or spelled out anywhere
// else in electron/, and lets the store, and only the store, hold it.
// Each case is source text linted as if it stood at that path.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const sqlFindings = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
};

const PREPARED = "import { prepared } from '../store/prepared';\nimport type { Db } from '../store/open';\nexport const n = (db: Db) => prepared(db, 'SELECT count(*) FROM vendors').get();\n";

describe('SQL outside the store', () => {
  it.each([
    ['a cached statement', 'electron/core/services/x.ts', PREPARED],
    ['db.prepare', 'electron/core/pack/x.ts', "import type { Db } from '../store/open';\nexport const n = (db: Db, id: string) => db.prepare(q).get(id);\nconst q = 'x';\n"],
    ['a pragma', 'electron/core/api/x.ts', "import type { Db } from '../store/open';\nexport const v = (db: Db) => db.pragma('user_version', { simple: true });\n"],
    ['db.exec', 'electron/core/pack/y.ts', "import type { Db } from '../store/open';\nexport const begin = (db: Db) => db.exec(q);\nconst q = 'x';\n"],
    ['ctx.db.exec', 'electron/core/services/y.ts', "export const begin = (ctx: { db: { exec(s: string): void } }, q: string) => ctx.db.exec(q);\n"],
    ['an SQL string', 'electron/cli/x.ts', "export const q = 'SELECT id, name FROM vendors WHERE deleted_at IS NULL';\n"],
    ['an SQL template', 'electron/web/x.ts', 'export const q = (t: string) => `UPDATE ${t} SET deleted_at = ? WHERE id = ?`;\n'],
    ['an SQL fragment', 'electron/core/pack/z.ts', "export const scope = '(@v IS NULL OR t.vendor_id IN (SELECT value FROM json_each(@v)))';\n"],
    ['the core entry', 'electron/core/backend2.ts', "import type { Db } from './store/open';\nexport const c = (db: Db) => db.pragma('wal_checkpoint(PASSIVE)');\n"],
    // Files whose SQL moved into the store (store/checklists.ts, store/readinessRecords.ts) late: refused there too.
    ['the readiness service', 'electron/core/services/readiness.ts', PREPARED],
    ['the checklist service', 'electron/core/services/checklists.ts', PREPARED],
    ['the demo checklists', 'electron/core/demo/checklists.ts', PREPARED],
    ['the sheet import', 'electron/core/sheets/x.ts', PREPARED],
  ])('refuses %s in %s', async (_what, path, code) => {
    const found = await sqlFindings(path, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/SQL lives in the store layer/);
  });

  it.each([
    ['the store', 'electron/core/store/x.ts', PREPARED.replace('../store/', './')],
    ['a RegExp exec', 'electron/web/x.ts', "export const id = (path: string) => /^\\/download\\/([0-9a-f-]{36})$/.exec(path)?.[1];\n"],
    ['a named RegExp exec', 'electron/core/pack/x.ts', "const NAME = /^attachments\\/([0-9a-f]{64})$/;\nexport const sha = (name: string) => NAME.exec(name)?.[1];\n"],
    ['prose that says select', 'electron/core/services/x.ts', "export const hint = 'Select a vendor, then update its exit date.';\n"],
  ])('allows %s in %s', async (_what, path, code) => {
    expect(await sqlFindings(path, code)).toEqual([]);
  });
});
