// One file-drop component takes packs (Verify, Import) and spreadsheets (Import from spreadsheet):
// its button opens the file chooser from the keyboard, one file dropped on it is sent, several
// dropped at once are refused with a message saying so.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Drops files (name and text) on an element, as the desktop's file manager would. */
async function drop(page: Page, target: Locator, files: { name: string; text: string; type?: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type ?? '' }));
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}

const CSV = 'Name,Criticality\nPayroll run,high\nBackups,critical\n';

test('a pack: chosen from the keyboard, or dropped one at a time', async ({ app, page }) => {
  await page.goto(`${app.url}#/packs/verify`);
  const choose = page.getByRole('button', { name: 'Choose a pack to verify' });
  await choose.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pack') });
  await expect(page.getByRole('alert')).toContainText('notes.txt is not a pack');

  const zone = page.getByRole('button', { name: 'Choose a pack to verify' }).locator('..');
  await drop(page, zone, [{ name: 'a.zip', text: 'x' }, { name: 'b.zip', text: 'y' }]);
  await expect(page.getByRole('alert')).toHaveText('Drop one pack at a time.');
  await drop(page, zone, [{ name: 'readme.md', text: '# not a pack' }]);
  await expect(page.getByRole('alert')).toContainText('readme.md is not a pack');
});

test('a spreadsheet: dropped on the same component, and read by the backend', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/processes`);
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import processes from a spreadsheet' });
  const choose = dialog.getByRole('button', { name: 'Choose a spreadsheet of processes' });
  await choose.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles([]);

  const zone = choose.locator('..');
  await drop(page, zone, [{ name: 'a.csv', text: CSV }, { name: 'b.csv', text: CSV }]);
  await expect(dialog.getByRole('alert')).toHaveText('Drop one sheet at a time.');
  await drop(page, zone, [{ name: 'processes.csv', text: CSV, type: 'text/csv' }]);
  await expect(dialog.getByText('2 below the header')).toBeVisible();
});
