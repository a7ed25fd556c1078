// End-to-end tests, two projects:
// - web: the browser face in a Chromium-family browser found on the machine (build/chromium.mjs:
//   HANDOVER_CHROMIUM, Chromium, Chrome, Edge), as Playwright cannot download one here;
// - electron: the desktop app through Playwright's Electron driver (skipped where no Electron binary exists).
// Both drive the built app: run `npm run build` first.
import { defineConfig } from '@playwright/test';
import { findChromium } from './build/chromium.mjs';

const chromium = findChromium();
// Said once, by the runner: npm test (build/test.mjs) has said so already and then runs only the
// desktop project, and each worker process loads this file again.
if (!process.env.HANDOVER_TEST_PLAN && process.env.TEST_WORKER_INDEX === undefined) {
  if (chromium.warning) console.error(chromium.warning);
  if (chromium.path === null) console.error(`${chromium.hint} The web project cannot run.`);
}

export default defineConfig({
  // Both projects run the real app on a 2-core machine: one worker keeps timings honest.
  workers: 1,
  // On CI a test that fails once is run again and reported as flaky (never hidden as a pass).
  retries: process.env.CI ? 1 : 0,
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e',
      testMatch: ['**/*.e2e.ts', '**/*.spec.ts', '**/*.test.ts'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium.path ?? undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
      testMatch: '**/*.e2e.ts',
    },
  ],
});
