// "Request deletion certificate" on a vendor's Data tab: disabled with its reason when nothing is
// in scope; otherwise a dialog for the reply-by day and the data sets certified already, then the
// letter in a window of its own for the browser's print, which prints to an A4 PDF.
import { expect, test } from './fixtures';

test('requests a deletion certificate: the dialog, the letter page and its PDF', async ({ app, page }) => {
  const contact = await app.dispatch('person.create', { name: 'Dana Vendorova', side: 'vendor' });
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Ops', exitDate: '2099-06-01', vendorContactId: contact.id });
  await app.dispatch('contract.create', { vendorId: vendor.id, title: 'Master services agreement', reference: 'MSA-1', deletionCertificateRef: '§ 25.3' });
  await app.dispatch('dataset.create', { vendorId: vendor.id, name: 'Payroll <b>2024</b>', system: 'SAP HR', region: 'Germany', personalData: 'special' });
  await app.dispatch('dataset.create', { vendorId: vendor.id, name: 'CRM contacts', subprocessors: 'Acme Backup GmbH' });
  await app.dispatch('dataset.create', { vendorId: vendor.id, name: 'Old tickets', receivedOn: '2024-01-10', certificateReceivedOn: '2024-02-01' });
  const empty = await app.dispatch('vendor.create', { name: 'Empty Ltd' });

  // Nothing in scope: the button says why it cannot be used.
  await page.goto(`${app.url}#/vendors/${empty.id}/data`);
  const none = page.getByRole('button', { name: 'Request deletion certificate' });
  await expect(none).toBeDisabled();
  await expect(none).toHaveAccessibleDescription('No data set is marked for deletion.');
  // A data set certified already is no reason to ask; one that is not comes into scope at once.
  const certified = await app.dispatch('dataset.create', { vendorId: empty.id, name: 'Done', receivedOn: '2024-01-10', certificateReceivedOn: '2024-02-01' });
  await expect(none).toHaveAccessibleDescription('The data set to be deleted is certified.');
  await app.dispatch('dataset.update', { id: certified.id, changes: { certificateReceivedOn: null } });
  await expect(none).toBeEnabled();

  await page.goto(`${app.url}#/vendors/${vendor.id}/data`);
  await page.getByRole('button', { name: 'Request deletion certificate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request a deletion certificate' });
  // T+30 unless chosen otherwise; a day gone is refused at the field.
  const replyBy = dialog.getByRole('textbox', { name: 'Reply by' });
  await expect(replyBy).toHaveValue('2099-07-01');
  await expect(dialog).toContainText('listing 2 data sets');
  await replyBy.fill('2000-01-01');
  await dialog.getByRole('button', { name: 'Open letter to print' }).click();
  await expect(dialog.getByRole('alert')).toContainText('must not be before today');
  await replyBy.fill('2099-07-15');
  await dialog.getByRole('checkbox', { name: 'Include data sets already certified (1)' }).check();
  await expect(dialog).toContainText('listing 3 data sets');

  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open letter to print' }).click();
  const letter = await popup;
  await expect(letter.getByRole('heading', { name: 'Request for a certificate of deletion of our data' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(letter.getByText('Dear Dana Vendorova,')).toBeVisible();
  await expect(letter.getByText(/Under § 25\.3 of the Master services agreement \(MSA-1\)/)).toBeVisible();
  const rows = letter.getByRole('table').first().getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('CRM contacts');
  await expect(rows.nth(1)).toContainText('Acme Backup GmbH');
  await expect(rows.nth(2)).toContainText('Old tickets');
  await expect(rows.nth(3)).toContainText('Payroll <b>2024</b>');
  await expect(rows.nth(3)).toContainText('Special categories');
  await expect(letter.getByText(/by 15 July 2099\.$/).first()).toBeVisible();
  for (const field of ['Name', 'Title', 'Date', 'Signature']) await expect(letter.getByRole('rowheader', { name: field, exact: true })).toBeVisible();

  // The page the browser prints: an A4 PDF (its window is busy with the print dialog, so the same page prints here).
  const html = await letter.content();
  await letter.close();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.9\d* 842\.\d+\]/);
});
