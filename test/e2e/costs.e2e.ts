// A user adds a dual-running cost and a termination fee to a vendor, reads the dual running with
// its multiplication shown, and sees the totals per currency on the vendor's overview.
import { expect, test } from './fixtures';

test('a user adds a dual-running cost and a termination fee and sees the totals on the overview', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load demo workbook' }).click();
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Northwind Managed Services').click();
  const vendorId = (await app.dispatch('vendor.list', { filter: 'Northwind' })).rows[0]!.id;
  // The demo's own costs are in other currencies: ours get a total of their own.
  const before = (await app.dispatch('cost.totals', { vendorId })).find((t) => t.currency === 'CHF');
  expect(before).toBeUndefined();

  await page.getByRole('tab', { name: 'Costs' }).click();
  const add = async (fields: { description: string; category: string; amount: string; months?: string }) => {
    await page.getByRole('button', { name: 'New exit cost' }).click();
    const dialog = page.getByRole('dialog', { name: 'New exit cost' });
    await dialog.getByRole('textbox', { name: 'Description' }).fill(fields.description);
    await dialog.getByRole('combobox', { name: 'Category' }).selectOption(fields.category);
    await dialog.getByRole('textbox', { name: 'Amount' }).fill(fields.amount);
    if (fields.months) await dialog.getByRole('textbox', { name: 'Months' }).fill(fields.months);
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('chf');
    await dialog.getByRole('button', { name: 'Save' }).click();
    return dialog;
  };

  // Dual running without its months is refused at the field.
  const refused = await add({ description: 'Old and new hosting side by side', category: 'dual_running', amount: '12000' });
  await expect(refused.getByText('is required for dual running: how many months both run side by side')).toBeVisible();
  await refused.getByRole('textbox', { name: 'Months' }).fill('6');
  await refused.getByRole('button', { name: 'Save' }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByText('6 months × 12,000.00 CHF = 72,000.00 CHF')).toBeVisible();

  const fee = await add({ description: 'Early termination fee', category: 'termination_fee', amount: '25000.50' });
  await expect(fee).toBeHidden();
  await expect(page.getByRole('row', { name: /Early termination fee/ }).getByText('25,000.50 CHF', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Overview' }).click();
  const totals = page.getByRole('region', { name: 'Exit costs' });
  const chf = totals.getByRole('row', { name: /^CHF/ });
  await expect(chf.getByRole('cell')).toHaveText(['25,000.50 CHF', '72,000.00 CHF', '97,000.50 CHF']);
});
