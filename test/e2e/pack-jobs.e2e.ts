// Verify, preview and import run as backend jobs on the Packs screen: each shows its progress bar
// with a Cancel button while it runs (the first status answer is held back until the screen has
// shown it, so a small pack cannot finish first), then its result.
import { join } from 'node:path';
import { createBackend } from '../../electron/core/backend';
import { expect, test } from './fixtures';

test('verify, preview and import show their progress with Cancel, then the result', async ({ page, app }) => {
  // A pack from another workbook (the demo), written to a file the page uploads.
  const source = createBackend({ workbookPath: join(app.dir, 'source.sqlite'), appVersion: 'e2e' });
  await source.dispatch('demo.load', {});
  const packPath = join(app.dir, 'demo-pack.zip');
  const started = await source.dispatch('pack.export', { all: true, destination: packPath });
  if (!started.ok) throw new Error(started.error.message);
  expect((await source.packs.settled((started.value as { jobId: string }).jobId, 'export')).state).toBe('done');
  await source.closeAndWait();

  let release!: () => void;
  const hold = async () => {
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/pack.jobStatus', async (route) => {
      await held;
      await route.continue();
    });
  };

  await page.goto(`${app.url}#/packs/verify`);
  await expect(page.getByRole('heading', { name: 'Verify a pack' })).toBeVisible();
  await hold();
  await page.getByLabel('Pack file to verify').setInputFiles(packPath);
  await expect(page.getByRole('progressbar', { name: 'Checking progress' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Checking' }).getByRole('button', { name: 'Cancel' })).toBeEnabled();
  release();
  await expect(page.getByRole('heading', { name: 'demo-pack.zip is intact' })).toBeVisible();
  await page.unroute('**/api/pack.jobStatus');

  await page.goto(`${app.url}#/packs/import`);
  await expect(page.getByRole('heading', { name: 'Import a pack' })).toBeVisible();
  await hold();
  await page.getByLabel('Pack file to import').setInputFiles(packPath);
  await expect(page.getByRole('progressbar', { name: 'Checking and comparing progress' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'What importing demo-pack.zip would do' })).toBeVisible();
  await page.unroute('**/api/pack.jobStatus');

  await hold();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('progressbar', { name: 'Importing progress' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Importing' }).getByRole('button', { name: 'Cancel' })).toBeEnabled();
  release();
  await expect(page.getByRole('list', { name: 'Import result' })).toBeVisible();
  await page.unroute('**/api/pack.jobStatus');
  expect((await app.dispatch('vendor.summaries', {})).length).toBeGreaterThan(0);
});
