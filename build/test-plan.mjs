// The decisions of `npm test` (build/test.mjs) apart from running anything, so they can be tested:
// which Playwright projects run, and the closing summary line.
import { findChromium } from './chromium.mjs';

const REPORTERS = '--reporter=list,json';
// Tells playwright.config.ts that npm test has reported the browser search already.
const NOTED = { HANDOVER_TEST_PLAN: '1' };

/**
 * What to run of Playwright. With a browser: every project, told which browser to use. Without
 * one: the desktop project only (it needs no browser), and the browser tests are listed, not
 * run, so the summary can count them as skipped and say why.
 */
export function planBrowserTests(search = findChromium()) {
  if (search.path) {
    return { browser: search.path, env: { ...NOTED, HANDOVER_CHROMIUM: search.path }, run: ['test', REPORTERS], list: null, skipReason: null, warning: search.warning };
  }
  return {
    browser: null,
    env: NOTED,
    run: ['test', '--project', 'electron', REPORTERS],
    list: ['test', '--list', '--project', 'web', '--reporter=json'],
    skipReason: search.hint,
    warning: search.warning,
  };
}

/** How many tests a `playwright test --list --reporter=json` report names. */
export function countListedTests(report) {
  const walk = (suite) => (suite.specs ?? []).reduce((n, spec) => n + (spec.tests?.length ?? 0), 0)
    + (suite.suites ?? []).reduce((n, child) => n + walk(child), 0);
  return (report?.suites ?? []).reduce((n, suite) => n + walk(suite), 0);
}

/**
 * The closing lines: a note on tests that passed only on their retry, then
 * `Tests: N passed, F failed, M skipped`, where M includes the browser tests not run, with why.
 */
export function summaryLines({ vitest = null, playwright = null, notRun = 0, skipReason = null }) {
  const stats = playwright?.stats ?? {};
  const flaky = stats.flaky ?? 0;
  const passed = (vitest?.numPassedTests ?? 0) + (stats.expected ?? 0) + flaky;
  const failed = (vitest?.numFailedTests ?? 0) + (stats.unexpected ?? 0);
  const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (stats.skipped ?? 0) + notRun;
  const lines = [];
  if (flaky > 0) lines.push(`${flaky} browser test(s) passed only on their retry: see the list above.`);
  const why = notRun > 0 ? ` (${notRun} browser test(s) not run. ${skipReason})` : '';
  lines.push(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped${why}`);
  return { lines, failed };
}
