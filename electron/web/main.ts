// `npm run web -- --db FILE [--port N] [--token T]`: the browser face on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../core/backend';
import { appVersion, projectRoot } from '../core/project';
import { startWebServer } from './server';

const USAGE = 'Usage: npm run web -- --db FILE [--port N] [--token T]';

export async function main(argv: string[]): Promise<number> {
  let values: { db?: string; port?: string; token?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { console.log(USAGE); return 0; }
  if (!values.db) { console.error(`--db FILE is required (the workbook to open; it is created if missing).\n${USAGE}`); return 2; }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error(`--port must be a port number, not "${values.port}"`); return 2; }
  if (values.token !== undefined && !/^[\w.~-]{16,200}$/.test(values.token)) {
    console.error('--token must be 16 to 200 letters, digits or -._~'); return 2;
  }
  const staticDir = resolve(projectRoot, 'out/renderer');
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (${staticDir} is missing): run "npm run build" first.`);
    return 1;
  }
  // The page may not name files on this computer: packs go by upload and download.
  const backend = createBackend({ workbookPath: resolve(values.db), appVersion, allowPackPaths: false });
  const token = values.token ?? randomBytes(24).toString('base64url');
  const web = await startWebServer({ dispatch: backend.dispatch, token, staticDir, port, packs: backend.packs, attachments: backend.attachments, events: backend.onChange, calendar: (input) => backend.calendar(input) });
  console.log(`Workbook: ${backend.workbookPath}`);
  console.log(`Handover Workbook is ready: ${web.url}`);
  // Waits for the backend to remove its temporary packs and uploads before the process ends.
  const stop = () => { void web.close().then(() => backend.closeAndWait()).finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1; // keep running
}
