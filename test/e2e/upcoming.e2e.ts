// On the demo workbook, Upcoming lists the first vendor's notice date and an item due this week;
// the vendor filter narrows it to one vendor, and a row opens its record.
import { localToday } from '../../shared/dates';
import { expect, test } from './fixtures';

test('Upcoming lists the demo\'s notice date and this week\'s items, and filters by vendor', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load demo workbook' }).click();
  await expect(page.getByText(/Demo workbook loaded/)).toBeVisible();
  // An item of the second vendor due today, so one falls due this week whatever the day.
  const contoso = (await app.dispatch('vendor.summaries', {})).find((v) => v.vendor.name === 'Contoso Cloud Operations')!.vendor;
  const [checklist] = await app.dispatch('checklist.list', { vendorId: contoso.id });
  await app.dispatch('checklist.addItem', { checklistId: checklist!.id, phase: 4, title: 'Switch the DNS records', description: '', dueDate: localToday() });

  await page.getByRole('link', { name: /^Upcoming/ }).click();
  await expect(page.getByRole('heading', { name: 'Upcoming', level: 1 })).toBeVisible();
  const thisWeek = page.getByRole('region', { name: /^This week/ });
  await expect(thisWeek.getByRole('link', { name: 'Switch the DNS records' })).toBeVisible();
  // The first vendor's statement of work: 60 days' notice before a term end 65 days on.
  const notice = page.getByRole('link', { name: 'Notice due: Statement of work 3 – operations' });
  await expect(notice).toBeVisible();

  await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'Contoso Cloud Operations' });
  await expect(notice).toBeHidden();
  await expect(page.getByRole('link', { name: 'Switch the DNS records' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Northwind Managed Services' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'All vendors' });
  await page.getByRole('button', { name: 'By vendor' }).click();
  await expect(page.getByRole('region', { name: /^Northwind Managed Services/ }).getByRole('link', { name: 'Notice due: Statement of work 3 – operations' })).toBeVisible();
  await page.getByRole('link', { name: 'Notice due: Statement of work 3 – operations' }).click();
  await expect(page.getByRole('tab', { name: 'Contracts', selected: true })).toBeVisible();
});

test('the Upcoming link counts what falls due within a week, until notifications are turned off in Settings', async ({ app, page }) => {
  const v = await app.dispatch('vendor.create', { name: 'Northwind' });
  await app.dispatch('licence.create', { vendorId: v.id, product: 'Backup suite', renewalDate: localToday() });
  await page.goto(app.url);
  const link = page.getByRole('link', { name: /^Upcoming/ });
  await expect(link).toHaveAccessibleName('Upcoming (1 due within 7 days or overdue)');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('checkbox', { name: 'Notify me of deadlines due within seven days' }).uncheck();
  await expect(link).toHaveAccessibleName('Upcoming');
  expect((await app.dispatch('app.info', {})).deadlineNotifications).toBe(false);
});
