// `npm run web -- --db FILE [--port N] [--token T]`: builds the renderer when its sources are newer
// than the last build, then starts the browser face (TypeScript run through tsx).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { defaultWorkbookPath } from './paths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = resolve(root, 'out/renderer/index.html');
const stale = !existsSync(built) || Math.max(newest(resolve(root, 'renderer')), newest(resolve(root, 'shared'))) > statSync(built).mtimeMs;
if (stale && process.env.HANDOVER_SKIP_BUILD !== '1') {
  console.error('Building the renderer…');
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(1);
}

register();
const { main } = await import('../electron/web/main.ts');
// Without --db the browser face opens the same default workbook as `npm start`.
const args = process.argv.slice(2);
if (!args.some((a) => a === '--db' || a.startsWith('--db=')) && !args.includes('--help')) args.push('--db', defaultWorkbookPath());
const code = await main(args);
if (code >= 0) process.exit(code);
