// `npm test`: typecheck, lint, unit tests (vitest), browser tests (Playwright), in that order,
// stopping at the first failure; ends with one plain summary line of the tests that ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'hw-test-report-'));
const bin = (name) => join('node_modules', '.bin', name);
const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal}).`);
    rmSync(out, { recursive: true, force: true });
    process.exit(r.status || 1);
  }
};
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('lint', bin('eslint'), ['--max-warnings', '0', '.']);
run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'vitest.json')}`]);
process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = join(out, 'playwright.json');
run('browser tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json']);

const v = readJson(join(out, 'vitest.json'));
const p = readJson(join(out, 'playwright.json'));
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
const failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
rmSync(out, { recursive: true, force: true });
const flaky = p?.stats?.flaky ?? 0;
if (flaky > 0) console.log(`\n${flaky} browser test(s) passed only on their retry: see the list above.`);
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
