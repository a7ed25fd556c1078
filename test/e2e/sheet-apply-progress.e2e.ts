// A large sheet's import shows its progress while it lands and can be cancelled before it
// commits: nothing is then imported, the dialog says so, and applying again imports it whole.
import { expect, test } from './fixtures';

const ROWS = 60_000;
const csv = () => Buffer.from(`Process,Description,Priority\n${Array.from({ length: ROWS }, (_, i) => `Process ${i + 1},Runs step ${i % 97},${['High', 'Low', 'P1'][i % 3]}`).join('\n')}\n`);

test('a 60,000-row import shows its progress, is cancelled with nothing written, then applied whole', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/processes`);
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import processes from a spreadsheet' });
  await dialog.getByLabel('Spreadsheet file of processes').setInputFiles({ name: 'processes.csv', mimeType: 'text/csv', buffer: csv() });
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();
  await dialog.getByRole('button', { name: 'Next: dry run' }).click();
  await expect(dialog.getByRole('list', { name: 'Dry run totals' })).toContainText('0 refused', { timeout: 30_000 });

  // Cancelled as soon as its progress shows: the job stops at its next step, before the commit.
  // The page clicks Cancel itself: this test's backend shares its event loop with Playwright's
  // driver, which gets one turn per step of the import, too few for a click's round trips.
  const cancelled = page.evaluate(() => new Promise<string>((resolve) => {
    const timer = setInterval(() => {
      const group = document.querySelector('[role="group"][aria-label="Import"]');
      const button = [...(group?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Cancel import');
      if (!button) return;
      clearInterval(timer);
      const step = group!.querySelector('[role="status"]')?.textContent ?? '';
      button.click();
      resolve(step);
    }, 5);
  }));
  await dialog.getByRole('button', { name: /^Apply/ }).click();
  // Cancelled while it ran, not after it had finished.
  expect(await cancelled).not.toBe('Done');
  const progress = dialog.getByRole('group', { name: 'Import', exact: true });
  await expect(dialog.getByRole('alert')).toHaveText('The import was cancelled; nothing was changed.', { timeout: 30_000 });
  await expect(progress).toBeHidden();
  expect((await app.dispatch('process.list', { vendorId: vendor.id })).total).toBe(0);

  // Applied again (the sheet read and checked again, on the import's own connection): all of it.
  await dialog.getByRole('button', { name: /^Apply/ }).click();
  await expect(page.getByText('Imported processes.csv: 60,000 added, 0 updated, 0 unchanged')).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toBeHidden();
  expect((await app.dispatch('process.list', { vendorId: vendor.id })).total).toBe(ROWS);
});
