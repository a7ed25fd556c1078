// A new user adds a contract to a demo vendor, reads its notice date in words with the arithmetic
// shown, sees the red flag it raises and the date on Upcoming, records the notice as served, and
// the flag and the date clear.
import { termPosition } from '../../shared/contract-terms';
import { addDays, localToday } from '../../shared/dates';
import { expect, test } from './fixtures';

test('a new user adds a contract, reads its notice date in words, records the notice and the flag clears', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load demo workbook' }).click();
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Northwind Managed Services').click();
  await page.getByRole('tab', { name: 'Contracts' }).click();

  // An order form ending in 45 days, renewing tacitly by the year, on one month's notice.
  const today = localToday();
  const end = addDays(today, 45);
  const expected = termPosition({ initialEnd: end, renewal: 'tacit', renewalMonths: 12, notice: { amount: 1, unit: 'months' }, leadDays: null }, today);
  await page.getByRole('button', { name: 'New contract' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contract' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Order form 12 – backup');
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('order_form');
  await dialog.getByRole('textbox', { name: 'Initial term end' }).fill(end);
  await dialog.getByRole('combobox', { name: 'Renewal', exact: true }).selectOption('tacit');
  await dialog.getByRole('textbox', { name: 'Renewal term (months)' }).fill('12');
  await dialog.getByRole('textbox', { name: 'Notice period' }).fill('1');
  await dialog.getByRole('combobox', { name: 'Notice in' }).selectOption('months');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // Its deadline in words, the arithmetic step by step.
  const card = page.getByRole('article', { name: 'Order form 12 – backup' });
  await expect(card.getByText(expected.summary)).toBeVisible();
  await expect(card.getByText(`${end} − 1 month = ${expected.noticeBy}: the last day notice may reach the vendor to end it on ${end}.`)).toBeVisible();
  await expect(card.getByText(`If notice is not served by ${expected.noticeBy}, the contract renews until ${expected.ifMissedRunsUntil}.`)).toBeVisible();

  // A document of the vendor's linked to it with the record picker, and listed in its card.
  const northwind = (await app.dispatch('vendor.list', { filter: 'Northwind' })).rows[0]!.id;
  await app.dispatch('document.create', { vendorId: northwind, title: 'Backup order form (signed)' });
  await expect(card.getByText('No documents or licences linked yet.')).toBeVisible();
  const linking = card.getByRole('group', { name: 'Link a document or licence to Order form 12 – backup' });
  const picker = linking.getByRole('combobox', { name: 'Document to link' });
  await expect(async () => {
    await picker.fill('Backup order');
    await page.getByRole('option', { name: /^Backup order form \(signed\)/ }).click({ timeout: 3000 });
    await expect(picker).toHaveValue('Backup order form (signed)', { timeout: 1000 });
  }).toPass();
  await linking.getByRole('button', { name: 'Link', exact: true }).click();
  const linked = card.getByRole('list', { name: 'Linked to Order form 12 – backup' });
  await expect(linked.getByRole('link', { name: 'Backup order form (signed)' })).toBeVisible();
  await expect(card.getByText('No documents or licences linked yet.')).toHaveCount(0);

  // The overview flags it.
  const flagText = `Order form 12 – backup: serve notice by ${expected.serveBy}`;
  await page.getByRole('tab', { name: 'Overview' }).click();
  const flags = page.getByRole('region', { name: 'Red flags' });
  await expect(flags.getByText(flagText, { exact: false })).toBeVisible();

  // Upcoming lists its notice date; the row leads back to the contract.
  await page.getByRole('link', { name: /^Upcoming/ }).click();
  const upcoming = page.getByRole('link', { name: 'Notice due: Order form 12 – backup' });
  await expect(upcoming).toBeVisible();
  await upcoming.click();
  await expect(page.getByRole('tab', { name: 'Contracts', selected: true })).toBeVisible();
  const opened = page.getByRole('dialog', { name: 'Edit contract' });
  await expect(opened.getByRole('textbox', { name: 'Title' })).toHaveValue('Order form 12 – backup');
  await page.keyboard.press('Escape');
  await expect(opened).toBeHidden();

  // Notice served, by registered post, acknowledged the same day.
  await card.getByRole('button', { name: 'Record notice served on Order form 12 – backup' }).click();
  const notice = page.getByRole('dialog', { name: 'Record notice served: Order form 12 – backup' });
  await expect(notice.getByRole('textbox', { name: 'Served on' })).toHaveValue(today);
  await notice.getByRole('combobox', { name: 'How' }).selectOption('registered_post');
  await notice.getByRole('textbox', { name: 'Acknowledged on' }).fill(today);
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(notice).toBeHidden();
  await expect(card.getByText(`Notice served on ${today}: it ends on ${end}.`)).toBeVisible();
  await expect(card.getByText(`Notice served on ${today}, by registered post; acknowledged on ${today}.`)).toBeVisible();
  await expect(card.getByRole('button', { name: /Record notice served/ })).toHaveCount(0);

  // The flag has cleared.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(flags).toBeVisible();
  await expect(flags.getByText(flagText, { exact: false })).toHaveCount(0);
  const vendorId = (await app.dispatch('vendor.list', { filter: 'Northwind' })).rows[0]!.id;
  const left = (await app.dispatch('readiness.vendor', { vendorId })).readiness.flags.filter((f) => f.message.startsWith('Order form 12'));
  expect(left).toEqual([]);
  // Nothing is left to do by a date: Upcoming no longer lists it.
  await page.getByRole('link', { name: /^Upcoming/ }).click();
  await expect(page.getByRole('heading', { name: 'Upcoming', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notice due: Order form 12 – backup' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Northwind Managed Services').click();

  // A notice recorded by mistake is taken back, and the deadline is open again.
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await card.getByRole('button', { name: 'Remove the notice served on Order form 12 – backup' }).click();
  await page.getByRole('alertdialog', { name: 'Delete notice served?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(card.getByRole('button', { name: 'Record notice served on Order form 12 – backup' })).toBeVisible();
  await expect(card.getByText(expected.summary)).toBeVisible();
});
