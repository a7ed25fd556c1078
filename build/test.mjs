// `npm test`: typecheck, lint, unit tests (vitest), browser tests (Playwright), in that order,
// stopping at the first failure; ends with one plain summary line of the tests that ran. Where no
// Chromium-family browser exists (build/chromium.mjs), it says how to get one up front, runs all
// the rest, and counts the browser tests as skipped in that line, with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countListedTests, planBrowserTests, summaryLines } from './test-plan.mjs';

const out = mkdtempSync(join(tmpdir(), 'hw-test-report-'));
const bin = (name) => join('node_modules', '.bin', name);
const run = (label, cmd, args, options = {}) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal}).`);
    rmSync(out, { recursive: true, force: true });
    process.exit(r.status || 1);
  }
  return r;
};
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const plan = planBrowserTests();
if (plan.warning) console.log(plan.warning);
if (!plan.browser) console.log(`${plan.skipReason} The browser tests will be skipped; everything else runs.`);

run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('lint', bin('eslint'), ['--max-warnings', '0', '.']);
run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'vitest.json')}`]);

const env = { ...process.env, ...plan.env, PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'playwright.json') };
let notRun = 0;
if (plan.list) {
  // Only lists them (no browser is started): the count the summary reports as skipped.
  const listed = run('browser tests (listed only: no browser)', bin('playwright'), plan.list, {
    env: { ...process.env, ...plan.env }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  notRun = countListedTests(JSON.parse(listed.stdout));
}
run(plan.browser ? `browser tests (Playwright, ${plan.browser})` : 'desktop tests (Playwright)', bin('playwright'), plan.run, { env });

const { lines, failed } = summaryLines({
  vitest: readJson(join(out, 'vitest.json')),
  playwright: readJson(join(out, 'playwright.json')),
  notRun,
  skipReason: plan.skipReason,
});
rmSync(out, { recursive: true, force: true });
console.log(`\n${lines.join('\n')}`);
process.exit(failed > 0 ? 1 : 0);
