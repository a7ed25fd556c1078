// Redaction profiles in the export: pick one with the keyboard in the Profile radio group (each
// says what it leaves out), export a New-provider pack, and Verify shows whom it was cut for and
// what it leaves out. One person's tasks asks for the person before it exports.
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('export a New-provider pack and verify that it says so', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Acme Managed Services', contractEnd: '2027-06-30', noticeDays: 90, notes: 'Internal: renegotiate?' });
  await app.dispatch('licence.create', { vendorId: vendor.id, product: 'PayCalc Pro', annualCost: 12000, currency: 'EUR' });
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Packs' }).click();
  await expect(page.getByRole('heading', { name: 'Export a pack' })).toBeVisible();
  await page.getByRole('checkbox', { name: vendor.name, exact: true }).check();

  const profiles = page.getByRole('radiogroup', { name: 'Profile' });
  const full = profiles.getByRole('radio', { name: 'Full' });
  await expect(full).toBeChecked();
  // Arrow keys move through the group, as in any radio group.
  await full.focus();
  await page.keyboard.press('ArrowDown');
  const newProvider = profiles.getByRole('radio', { name: 'New provider' });
  await expect(newProvider).toBeChecked();
  await expect(newProvider).toHaveAccessibleDescription(/Leaves out costs, the vendor’s contract terms .* and every note/);

  // One person's tasks: the export asks for the person first.
  await profiles.getByRole('radio', { name: 'One person’s tasks' }).check();
  await expect(page.getByRole('combobox', { name: 'Person' })).toBeVisible();
  await page.getByRole('button', { name: 'Export pack' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose the person whose tasks the pack holds.' })).toBeVisible();

  await newProvider.check();
  await expect(page.getByRole('combobox', { name: 'Person' })).toBeHidden();
  await page.getByRole('button', { name: 'Export pack' }).click();
  const download = page.getByRole('link', { name: 'Download pack' });
  await expect(download).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'New provider' })).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const packPath = join(app.dir, file.suggestedFilename());
  await file.saveAs(packPath);

  await page.getByRole('tab', { name: 'Verify' }).click();
  await page.getByLabel('Pack file to verify').setInputFiles(packPath);
  await expect(page.getByRole('heading', { name: `${file.suggestedFilename()} is intact` })).toBeVisible();
  const profile = page.getByRole('definition').filter({ hasText: /^New provider · leaves out / });
  await expect(profile).toBeVisible();
  await expect(profile).toContainText('Licences: annual cost, currency, notes');
});
