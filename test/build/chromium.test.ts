// The browser search (build/chromium.mjs) and what `npm test` decides from it (build/test-plan.mjs),
// on fake file systems: which browser wins on each platform, and a machine with none.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, installHint, isExecutableFile } from '../../build/chromium.mjs';
import { countListedTests, planBrowserTests, summaryLines } from '../../build/test-plan.mjs';

/** An `exists` that sees only the given files. */
const only = (...files: string[]) => (file: string) => files.includes(file);
const none = () => false;

describe('findChromium', () => {
  const linux = (env: Record<string, string>, ...files: string[]) => findChromium({ platform: 'linux', env, home: '/home/ana', exists: only(...files) });

  it('takes HANDOVER_CHROMIUM first, when it names an executable', () => {
    expect(linux({ HANDOVER_CHROMIUM: '/opt/my/chrome' }, '/opt/my/chrome', '/usr/bin/chromium'))
      .toEqual({ path: '/opt/my/chrome', name: 'HANDOVER_CHROMIUM', warning: null });
  });

  it('says a HANDOVER_CHROMIUM that names nothing is not used, and looks on', () => {
    const found = linux({ HANDOVER_CHROMIUM: '/nonexistent' }, '/usr/bin/chromium');
    expect(found).toMatchObject({ path: '/usr/bin/chromium', name: 'Chromium' });
    expect(found.warning).toContain('HANDOVER_CHROMIUM is set to /nonexistent');
  });

  it('prefers Debian and Ubuntu Chromium, then the snap, then Chrome, then Edge', () => {
    const all = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/opt/microsoft/msedge/msedge'];
    for (let i = 0; i < all.length; i++) expect(linux({}, ...all.slice(i)).path).toBe(all[i]);
    expect(linux({}, '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge')).toMatchObject({ name: 'Google Chrome' });
    expect(linux({}, '/usr/bin/microsoft-edge')).toMatchObject({ name: 'Microsoft Edge' });
  });

  it('finds a browser by name on PATH where it is installed elsewhere', () => {
    expect(linux({ PATH: '/usr/local/bin:/home/ana/.nix-profile/bin' }, '/home/ana/.nix-profile/bin/chromium'))
      .toMatchObject({ path: '/home/ana/.nix-profile/bin/chromium', name: 'Chromium' });
    // Relative PATH entries depend on the working directory: never used.
    expect(linux({ PATH: 'bin:.' }, 'bin/chromium').path).toBeNull();
  });

  it('looks in /Applications and ~/Applications on macOS', () => {
    const mac = (...files: string[]) => findChromium({ platform: 'darwin', env: {}, home: '/Users/ana', exists: only(...files) });
    expect(mac('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toMatchObject({ name: 'Google Chrome' });
    expect(mac('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'))
      .toMatchObject({ path: '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium' });
    expect(mac('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge')).toMatchObject({ name: 'Microsoft Edge' });
  });

  it('looks in LOCALAPPDATA and both Program Files folders on Windows', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const win = (...files: string[]) => findChromium({ platform: 'win32', env, home: 'C:\\Users\\ana', exists: only(...files) });
    expect(win('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toMatchObject({ name: 'Google Chrome' });
    expect(win('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe').path).toBe('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(win('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')).toMatchObject({ name: 'Microsoft Edge' });
    // Without the variables, the usual folders.
    const bare = chromiumCandidates('win32', {}, 'C:\\Users\\bo').map((c) => c.path);
    expect(bare).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(bare).toContain('C:\\Users\\bo\\AppData\\Local\\Chromium\\Application\\chrome.exe');
  });

  it('finds none on a machine without one, and says how to get one', () => {
    const found = findChromium({ platform: 'linux', env: { HANDOVER_CHROMIUM: '/nonexistent', PATH: '/usr/local/bin:/usr/bin:/bin' }, exists: none });
    expect(found.path).toBeNull();
    expect(found).toMatchObject({ hint: expect.stringContaining('apt-get install chromium') });
    expect(found.warning).toContain('/nonexistent');
    expect(installHint('linux')).toContain('HANDOVER_CHROMIUM');
    expect(installHint('win32')).toContain('Microsoft Edge');
    expect(installHint('darwin')).toContain('/Applications');
  });
});

describe('isExecutableFile (the real check)', () => {
  it('wants a regular file that may be run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-chromium-'));
    try {
      const exe = join(dir, 'chromium');
      writeFileSync(exe, '#!/bin/sh\n');
      chmodSync(exe, 0o644);
      expect(isExecutableFile(exe, 'linux')).toBe(false);
      chmodSync(exe, 0o755);
      expect(isExecutableFile(exe, 'linux')).toBe(true);
      expect(isExecutableFile(dir, 'linux')).toBe(false);
      expect(isExecutableFile(join(dir, 'missing'), 'linux')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what npm test runs (build/test-plan.mjs)', () => {
  it('runs every Playwright project in the browser found', () => {
    const plan = planBrowserTests(findChromium({ platform: 'linux', env: {}, exists: only('/usr/bin/chromium') }));
    expect(plan).toMatchObject({ browser: '/usr/bin/chromium', list: null, skipReason: null, env: { HANDOVER_CHROMIUM: '/usr/bin/chromium' } });
    expect(plan.run).toEqual(['test', '--reporter=list,json']);
  });

  it('with HANDOVER_CHROMIUM=/nonexistent and no browser on PATH: only the desktop project, the browser tests listed and skipped', () => {
    const search = findChromium({ platform: 'linux', env: { HANDOVER_CHROMIUM: '/nonexistent', PATH: '/tmp/empty-bin' }, exists: none });
    const plan = planBrowserTests(search);
    expect(plan.browser).toBeNull();
    expect(plan.run).toEqual(['test', '--project', 'electron', '--reporter=list,json']);
    expect(plan.list).toEqual(['test', '--list', '--project', 'web', '--reporter=json']);
    expect(plan.skipReason).toContain('apt-get install chromium');
    expect(plan.warning).toContain('/nonexistent');
  });

  it('counts the tests a --list report names', () => {
    const report = { suites: [
      { specs: [{ tests: [{}] }], suites: [{ specs: [{ tests: [{}] }, { tests: [{}, {}] }] }] },
      { specs: [] },
    ] };
    expect(countListedTests(report)).toBe(4);
    expect(countListedTests({})).toBe(0);
  });

  it('counts the browser tests not run as skipped, with the reason next to them', () => {
    const vitest = { numPassedTests: 800, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0 };
    const playwright = { stats: { expected: 0, unexpected: 0, skipped: 2, flaky: 0 } };
    const { lines, failed } = summaryLines({ vitest, playwright, notRun: 5, skipReason: installHint('linux') });
    expect(failed).toBe(0);
    expect(lines).toEqual([`Tests: 800 passed, 0 failed, 8 skipped (5 browser test(s) not run. ${installHint('linux')})`]);
  });

  it('keeps the plain line and the retry note when everything ran', () => {
    const { lines, failed } = summaryLines({
      vitest: { numPassedTests: 10, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0 },
      playwright: { stats: { expected: 4, unexpected: 0, skipped: 2, flaky: 1 } },
    });
    expect(failed).toBe(1);
    expect(lines).toEqual(['1 browser test(s) passed only on their retry: see the list above.', 'Tests: 15 passed, 1 failed, 2 skipped']);
  });
});
