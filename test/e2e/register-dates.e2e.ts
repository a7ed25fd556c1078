// The register dialogs date what the user just did: an access marked verified gets today as its
// done and verified days where they were empty (a day typed before stays); a deletion certificate
// attached to a data set dates its arrival, unless the day was given.
import { addDays, localToday } from '../../shared/dates';
import { expect, test } from './fixtures';

test('marking an access verified fills its empty done and verified days with today', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  const done = await app.dispatch('access.create', { vendorId: vendor.id, name: 'ERP administrator', doneOn: addDays(localToday(), -3) });
  await app.dispatch('access.create', { vendorId: vendor.id, name: 'Office VPN' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/access`);
  const table = page.getByRole('table', { name: 'Access and credentials' });

  await table.getByText('Office VPN').click();
  let dialog = page.getByRole('dialog', { name: 'Edit access or credential' });
  await dialog.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Verified' });
  await expect(dialog.getByRole('textbox', { name: 'Done on' })).toHaveValue(localToday());
  await expect(dialog.getByRole('textbox', { name: 'Verified on' })).toHaveValue(localToday());
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const vpn = (await app.dispatch('access.list', { vendorId: vendor.id })).rows.find((r) => r.name === 'Office VPN')!;
  expect([vpn.status, vpn.doneOn, vpn.verifiedOn]).toEqual(['verified', localToday(), localToday()]);

  // The day it was done, given before, stays.
  await table.getByText('ERP administrator').click();
  dialog = page.getByRole('dialog', { name: 'Edit access or credential' });
  await dialog.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Verified' });
  await expect(dialog.getByRole('textbox', { name: 'Done on' })).toHaveValue(done.doneOn!);
  await expect(dialog.getByRole('textbox', { name: 'Verified on' })).toHaveValue(localToday());
});

test('attaching a deletion certificate dates its arrival when no day was given', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  const given = addDays(localToday(), -2);
  await app.dispatch('dataset.create', { vendorId: vendor.id, name: 'Payroll', certificateReceivedOn: given });
  await page.goto(`${app.url}#/vendors/${vendor.id}/data`);
  const pdf = { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

  await page.getByRole('button', { name: 'New data set' }).click();
  let dialog = page.getByRole('dialog', { name: 'New data set' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Customer records');
  await expect(dialog.getByRole('textbox', { name: 'Deletion certificate received on' })).toHaveValue('');
  await dialog.getByRole('region', { name: 'Deletion certificate' }).getByLabel('Choose files to attach').setInputFiles(pdf);
  await expect(dialog.getByRole('textbox', { name: 'Deletion certificate received on' })).toHaveValue(localToday());
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const rows = (await app.dispatch('dataset.list', { vendorId: vendor.id })).rows;
  expect(rows.find((r) => r.name === 'Customer records')!.certificateReceivedOn).toBe(localToday());

  // A day given before stays.
  await page.getByRole('table', { name: 'Data sets' }).getByText('Payroll', { exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Edit data set' });
  await dialog.getByRole('region', { name: 'Deletion certificate' }).getByLabel('Choose files to attach').setInputFiles(pdf);
  await expect(dialog.getByRole('region', { name: 'Deletion certificate' }).getByText('certificate.pdf')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Deletion certificate received on' })).toHaveValue(given);
});
