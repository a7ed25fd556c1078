// One fresh workbook per test: the browser face runs in the test process on a temporary folder,
// over the built renderer (out/renderer, built by the global setup). Tests drive it as a person
// would; `dispatch` is there to seed data through the same API the screens use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { createBackend, type Backend } from '../../electron/core/backend';
import { startWebServer, type WebServer } from '../../electron/web/server';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';

export interface App {
  url: string;
  dir: string;
  workbookPath: string;
  backend: Backend;
  /** Calls the API directly (seeding, or checking what was stored); throws if refused. */
  dispatch<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const test = base.extend<{ app: App }>({
  // Playwright reads the fixture's dependencies from this destructuring: it has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-e2e-'));
    const workbookPath = join(dir, 'e2e.sqlite');
    // As the browser face runs it: packs travel by upload and download, never by a path.
    const backend = createBackend({ workbookPath, appVersion: 'e2e', allowPackPaths: false });
    let web: WebServer | undefined;
    try {
      web = await startWebServer({ dispatch: backend.dispatch, token: 'e2e-token-0123456789', staticDir: join(ROOT, 'out/renderer'), packs: backend.packs, attachments: backend.attachments, events: backend.onChange, calendar: (input) => backend.calendar(input) });
      await use({
        url: web.url,
        dir,
        workbookPath,
        backend,
        async dispatch(method, input) {
          const r = await backend.dispatch(method, input);
          if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
          return r.value as never;
        },
      });
    } finally {
      await web?.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect };
