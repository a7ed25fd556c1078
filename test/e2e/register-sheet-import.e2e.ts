// An IT lead imports the vendor's access list from a CSV into the access register: the headers of
// their own sheet map themselves ("Account", "Admin", "Vault path"), the row whose vault path is a
// pasted cloud key is refused at that cell with the reason, the right reference is typed in, and
// the import lands in the Access tab; the same file again changes nothing.
import { expect, test } from './fixtures';

const SHEET = [
  'Account,Type,System,Admin,Vault path,Action,Status',
  'svc-backup,Service account,Veeam console,Y,vault://ops/veeam,Rotate,Scheduled',
  'deploy key,SSH,gitlab.vendor.example,no,1Password: Ops vault,revoke,active',
  'aws deploy,API token,AWS,admin,AKIAIOSFODNN7EXAMPLE,Revoke,Active',
].join('\n');

test('an access list is mapped by its own headers, a pasted secret is refused at its cell, and the rest is imported', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/access`);
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import access and credentials from a spreadsheet' });
  const file = { name: 'access.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) };
  await dialog.getByLabel('Spreadsheet file of access and credentials').setInputFiles(file);
  await expect(dialog.getByText('3 below the header')).toBeVisible();
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();

  await expect(dialog.getByRole('combobox', { name: 'Field for column A “Account”' })).toHaveValue('name');
  await expect(dialog.getByRole('combobox', { name: 'Field for column D “Admin”' })).toHaveValue('privileged');
  await expect(dialog.getByRole('combobox', { name: 'Field for column E “Vault path”' })).toHaveValue('secretLocation');
  await dialog.getByRole('button', { name: 'Next: dry run' }).click();

  const totals = dialog.getByRole('list', { name: 'Dry run totals' });
  await expect(totals).toContainText('2 to add');
  await expect(totals).toContainText('1 refused');
  const rows = dialog.getByRole('table', { name: 'Dry run rows' });
  const refused = rows.getByRole('row').filter({ hasText: 'aws deploy' });
  await expect(refused).toContainText('E (Vault path)');
  await expect(refused).toContainText('looks like an AWS access key id, not a reference to one');
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toBeDisabled();
  const cell = rows.getByRole('textbox', { name: 'New value for row 4, column E (Vault path)' });
  await cell.fill('vault://cloud/aws-deploy');
  await cell.press('Enter');
  await expect(totals).toContainText('3 to add');
  await expect(totals).toContainText('0 refused');
  await dialog.getByRole('button', { name: 'Apply: import 3 rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported access.csv: 3 added, 0 updated, 0 unchanged' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'svc-backup' })).toContainText('Service account');
  await expect(page.getByRole('row').filter({ hasText: 'aws deploy' })).toContainText('API key or token');

  const stored = await app.dispatch('access.list', { vendorId: vendor.id });
  expect(stored.rows.map((r) => [r.name, r.privileged, r.secretLocation]).sort()).toEqual([
    ['aws deploy', 'yes', 'vault://cloud/aws-deploy'], ['deploy key', 'no', '1Password: Ops vault'], ['svc-backup', 'yes', 'vault://ops/veeam'],
  ]);

  // The same file again: its columns map as last time, and nothing changes but the cell typed in by hand, asked again.
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  await dialog.getByLabel('Spreadsheet file of access and credentials').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();
  await dialog.getByRole('button', { name: 'Next: dry run' }).click();
  await expect(totals).toContainText('0 to add');
  await expect(totals).toContainText('2 unchanged');
  await expect(totals).toContainText('1 refused');
});

test('a sheet whose name column is not recognised waits at the mapping until one is chosen', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/infrastructure`);
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import infrastructure from a spreadsheet' });
  const sheet = ['Hostname;Type;Fate', 'web01.northwind.local;VM;migrate', 'northwind.com;domain name;transfer'].join('\n');
  await dialog.getByLabel('Spreadsheet file of infrastructure').setInputFiles({ name: 'infra.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();

  // "Hostname" reads as the identifier, so no column gives the name: the dry run could only fail.
  const column = dialog.getByRole('combobox', { name: 'Field for column A “Hostname”' });
  await expect(column).toHaveValue('identifier');
  await expect(dialog.getByRole('alert')).toHaveText('Map a column to Name: it is required for every row.');
  const next = dialog.getByRole('button', { name: 'Next: dry run' });
  await expect(next).toBeDisabled();
  // Nor does the mapping step try it in the background (a failing check used to start again and again).
  const started: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/sheets.startPreview')) started.push(r.url()); });
  await page.waitForTimeout(1500);
  expect(started).toEqual([]);

  await column.selectOption('name');
  await expect(next).toBeEnabled();
  await next.click();
  await expect(dialog.getByRole('list', { name: 'Dry run totals' })).toContainText('2 to add');
});
