// On the demo workbook, Upcoming lists the first vendor's notice date and an item due this week;
// the vendor filter narrows it to one vendor, and a row opens its record. The registers' access to
// close and infrastructure expiries show too, by kind and by holder, and count on the Upcoming link.
import { addDays, localToday } from '../../shared/dates';
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

test('Upcoming shows access to close and certificates expiring, by kind and by holder, and opens them in their tab', async ({ app, page }) => {
  const today = localToday();
  const carol = await app.dispatch('person.create', { name: 'Carol Vendorside', side: 'vendor' });
  const v = await app.dispatch('vendor.create', { name: 'Fabrikam', status: 'exit_planned', exitDate: addDays(today, 3) });
  await app.dispatch('access.create', { vendorId: v.id, name: 'Vendor admin on the web servers', holderId: carol.id, privileged: 'yes', plannedOffsetDays: 1 });
  await app.dispatch('access.create', { vendorId: v.id, name: 'Closed already', plannedOffsetDays: 0, status: 'done', doneOn: today });
  await app.dispatch('infrastructure.create', { vendorId: v.id, name: 'www.fabrikam.example', kind: 'tls_certificate', expiresOn: addDays(today, 20), renewalAccount: 'vendor' });
  await app.dispatch('infrastructure.create', { vendorId: v.id, name: 'moved.fabrikam.example', kind: 'domain', expiresOn: addDays(today, 21), status: 'done' });

  await page.goto(app.url);
  // The browser face's notice: the access (T+1) falls due within a week, the certificate does not.
  await expect(page.getByRole('link', { name: /^Upcoming/ })).toHaveAccessibleName('Upcoming (1 due within 7 days or overdue)');
  await page.getByRole('link', { name: /^Upcoming/ }).click();
  const access = page.getByRole('link', { name: 'Revoke access: Vendor admin on the web servers' });
  const cert = page.getByRole('link', { name: 'TLS certificate expires: www.fabrikam.example' });
  await expect(access).toBeVisible();
  await expect(cert).toBeVisible();
  await expect(page.getByText(/Closed already|moved\.fabrikam\.example/)).toHaveCount(0);

  await page.getByRole('button', { name: 'By kind' }).click();
  await expect(page.getByRole('region', { name: /^Infrastructure/ }).getByRole('link', { name: 'TLS certificate expires: www.fabrikam.example' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Access and credentials' });
  await expect(cert).toBeHidden();
  await expect(page.getByText(/^1 deadline for access and credentials in the next \d+ days/)).toBeVisible();
  await page.getByRole('button', { name: 'By person' }).click();
  await expect(page.getByRole('region', { name: /^Carol Vendorside/ }).getByRole('link', { name: 'Revoke access: Vendor admin on the web servers' })).toBeVisible();

  await access.click();
  await expect(page.getByRole('tab', { name: /^Access/, selected: true })).toBeVisible();
  await expect(page.getByRole('dialog', { name: /^Edit access or credential/i })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Name/ })).toHaveValue('Vendor admin on the web servers');
});
