// The layering lint holds the inner order of electron/ (store ← services ← pack ← sheets ← api ← faces):
// each case is source text linted as if it stood at that path.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const restricted = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('layering lint', () => {
  it.each([
    ['electron/core/store/x.ts', "import { nowIso } from '../services/context';\nexport const x = nowIso;\n"],
    ['electron/core/services/x.ts', "import { exportPack } from '../pack/export';\nexport const x = exportPack;\n"],
    ['electron/core/pack/x.ts', "import { HANDLERS } from '../api/handlers';\nexport const x = HANDLERS;\n"],
    ['electron/core/pack/y.ts', "import { inspectSheet } from '../sheets/inspect';\nexport const x = inspectSheet;\n"],
    ['electron/core/sheets/x.ts', "import { HANDLERS } from '../api/handlers';\nexport const x = HANDLERS;\n"],
    ['electron/core/api/x.ts', "import { startWebServer } from '../../web/server';\nexport const x = startWebServer;\n"],
    ['electron/core/backend2.ts', "import { runCli } from '../cli/main';\nexport const x = runCli;\n"],
    ['electron/web/x.ts', "import { installMenu } from '../desktop/menu';\nexport const x = installMenu;\n"],
    ['electron/desktop/x.ts', "import { runCli } from '../cli/main';\nexport const x = runCli;\n"],
    ['electron/core/services/y.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('refuses the import in %s', async (path, code) => {
    expect(await restricted(path, code)).toHaveLength(1);
  });

  it.each([
    ['electron/core/services/x.ts', "import { prepared } from '../store/prepared';\nexport const x = prepared;\n"],
    ['electron/core/pack/x.ts', "import { nowIso } from '../services/context';\nexport const x = nowIso;\n"],
    ['electron/core/sheets/x.ts', "import { openPack } from '../pack/zip-read';\nexport const x = openPack;\n"],
    ['electron/web/x.ts', "import { createBackend } from '../core/backend';\nexport const x = createBackend;\n"],
    ['electron/desktop/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('allows the import in %s', async (path, code) => {
    expect(await restricted(path, code)).toEqual([]);
  });
});
