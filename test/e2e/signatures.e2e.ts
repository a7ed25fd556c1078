// Signed packs in the browser face: Settings › Signing keys starts empty and says what it is for;
// importing a pack from another workbook shows its signer's key as first seen and keeps it; a later
// pack from that workbook signed with another key shows CHANGED, is refused, and imports once its
// new key is accepted in the preview; Settings can forget a kept key.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/core/backend';
import { keyFilePath } from '../../electron/core/pack/keyFileStore';
import { expect, test } from './fixtures';

test('a signer\'s key is kept on import, shown CHANGED later, accepted in the preview and forgotten in Settings', async ({ page, app }) => {
  // Another workbook, "London", that makes the packs (its key file beside it, as the CLI keeps it).
  const londonPath = join(app.dir, 'London.sqlite');
  const london = createBackend({ workbookPath: londonPath, appVersion: 'e2e' });
  const exportPack = async (name: string) => {
    const started = await london.dispatch('pack.export', { all: true, destination: join(app.dir, name) });
    if (!started.ok) throw new Error(started.error.message);
    const done = await london.packs.settled((started.value as { jobId: string }).jobId, 'export');
    if (done.state !== 'done') throw new Error(JSON.stringify(done.error));
    return join(app.dir, name);
  };
  try {
    const loaded = await london.dispatch('demo.load', {});
    expect(loaded.ok).toBe(true);
    const first = await exportPack('london-1.zip');

    await page.goto(app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const keys = settings.getByRole('region', { name: 'Signing keys of other workbooks' });
    await expect(keys.getByText(/^None yet\. Every pack is signed by the workbook that made it/)).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Packs' }).click();
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByLabel('Pack file to import').setInputFiles(first);
    const facts = page.getByRole('definition').filter({ hasText: 'signed by workbook “London”' });
    await expect(facts).toContainText('Key first seen');
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('heading', { name: 'Imported london-1.zip' })).toBeVisible();

    // London loses its key: its next pack is signed with a new one.
    rmSync(keyFilePath(londonPath));
    const second = await exportPack('london-2.zip');
    await page.getByRole('button', { name: 'Import another pack' }).click();
    await page.getByLabel('Pack file to import').setInputFiles(second);
    await expect(page.getByRole('definition').filter({ hasText: 'Key CHANGED' })).toContainText('Packs from this workbook were signed with another key before');
    await page.getByRole('button', { name: 'Apply import' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'london-2.zip was refused' });
    await expect(refused).toContainText('is made with a key that CHANGED since the last pack from workbook “London”');

    await page.getByLabel('Pack file to import').setInputFiles(second);
    await page.getByRole('button', { name: 'Accept the new key of “London”' }).click();
    await expect(page.getByRole('definition').filter({ hasText: 'Trusted key' })).toBeVisible();
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('heading', { name: 'Imported london-2.zip' })).toBeVisible();

    await page.getByRole('button', { name: 'Settings' }).click();
    const row = keys.getByRole('listitem').filter({ hasText: 'London' });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Forget the key of London' }).click();
    await page.getByRole('alertdialog', { name: 'Forget this key?' }).getByRole('button', { name: 'Forget key' }).click();
    await expect(keys.getByText(/^None yet\./)).toBeVisible();
  } finally {
    london.close();
  }
});
