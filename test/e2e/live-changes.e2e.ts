// Two tabs on one workbook: what one tab saves appears in the other without a reload, because the
// backend announces each committed write (Server-Sent Events on the browser face).
import { expect, test } from './fixtures';

test('a process added in a second tab appears in the first without a reload', async ({ page, app, context }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await app.dispatch('process.create', { vendorId: vendor.id, name: 'Nightly payroll export' });
  const processesUrl = `${app.url}#/vendors/${vendor.id}/processes`;

  await page.goto(processesUrl);
  const firstTable = page.getByRole('table', { name: /Processes/ });
  await expect(firstTable.getByText('Nightly payroll export')).toBeVisible();
  // Nothing else may reload the first tab: a reload would reset this marker.
  await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });

  const second = await context.newPage();
  await second.goto(processesUrl);
  await second.getByRole('button', { name: 'New process' }).click();
  const dialog = second.getByRole('dialog', { name: 'New process' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Monthly invoice run');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(firstTable.getByText('Monthly invoice run')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // A change made outside any tab, through the backend (as another face would): both tabs show it.
  await app.dispatch('vendor.update', { id: vendor.id, changes: { name: 'Northwind Services' } });
  await expect(page.getByRole('heading', { name: 'Northwind Services' })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Northwind Services' })).toBeVisible();
});

test('Ctrl+Z undoes the last change and Ctrl+Shift+Z redoes it', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/processes`);
  await page.getByRole('button', { name: 'New process' }).click();
  const dialog = page.getByRole('dialog', { name: 'New process' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Monthly invoice run');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: /Processes/ });
  await expect(table.getByText('Monthly invoice run')).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: Created process “Monthly invoice run”')).toBeVisible();
  await expect(table.getByText('Monthly invoice run')).toBeHidden();
  const [stored] = (await app.dispatch('process.list', { vendorId: vendor.id, includeDeleted: true })).rows;
  expect(stored?.deletedAt).not.toBeNull();

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByText('Redone: Created process “Monthly invoice run”')).toBeVisible();
  await expect(table.getByText('Monthly invoice run')).toBeVisible();
});

test('a vendor renamed in one tab is renamed on the other tab’s dashboard without a reload', async ({ page, app, context }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services', exitDate: '2031-06-30' });
  await page.goto(`${app.url}#/`);
  const dashboard = page.getByRole('table', { name: 'Vendors by risk' });
  await expect(dashboard.getByText('Northwind Managed Services')).toBeVisible();
  await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });

  const second = await context.newPage();
  await second.goto(`${app.url}#/vendors/${vendor.id}/overview`);
  const form = second.getByRole('form', { name: 'Vendor overview' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Northwind Services');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Vendor saved' })).toBeVisible();

  await expect(dashboard.getByText('Northwind Services', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
