// A new user builds an exit inventory in the browser face: a vendor, a process, a repository,
// a licence and a document with an attached file; finds one by search; reloads, and all is there.
import { expect, test } from './fixtures';

test('a new user builds an inventory that survives a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Handover Workbook' })).toBeVisible();

  // The vendor.
  await page.getByRole('button', { name: 'Add your first vendor' }).click();
  const vendorDialog = page.getByRole('dialog', { name: 'New vendor' });
  await vendorDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Northwind Managed Services');
  await vendorDialog.getByRole('button', { name: 'Save' }).click();
  await expect(vendorDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Northwind Managed Services' })).toBeVisible();

  // A process.
  await page.getByRole('tab', { name: /Processes/ }).click();
  await page.getByRole('button', { name: 'New process' }).click();
  const processDialog = page.getByRole('dialog', { name: 'New process' });
  await processDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nightly payroll export');
  await processDialog.getByRole('combobox', { name: 'Criticality' }).selectOption('critical');
  await processDialog.getByRole('button', { name: 'Save' }).click();
  await expect(processDialog).toBeHidden();
  await expect(page.getByRole('table', { name: /Processes/ }).getByText('Nightly payroll export')).toBeVisible();

  // A repository.
  await page.getByRole('tab', { name: /Repositories/ }).click();
  await page.getByRole('button', { name: 'New repository' }).click();
  const repoDialog = page.getByRole('dialog', { name: 'New repository' });
  await repoDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('payroll-bank-export');
  await repoDialog.getByRole('textbox', { name: 'URL' }).fill('https://git.example.com/ops/payroll-bank-export');
  await repoDialog.getByRole('button', { name: 'Save' }).click();
  await expect(repoDialog).toBeHidden();
  await expect(page.getByText('payroll-bank-export', { exact: true })).toBeVisible();

  // A licence.
  await page.getByRole('tab', { name: /Licences/ }).click();
  await page.getByRole('button', { name: 'New licence' }).click();
  const licenceDialog = page.getByRole('dialog', { name: 'New licence' });
  await licenceDialog.getByRole('textbox', { name: 'Product' }).fill('Veeam Backup & Replication');
  await licenceDialog.getByRole('combobox', { name: 'Licensee of record' }).selectOption('vendor');
  await licenceDialog.getByRole('button', { name: 'Save' }).click();
  await expect(licenceDialog).toBeHidden();
  await expect(page.getByText('Veeam Backup & Replication', { exact: true })).toBeVisible();

  // A document with an attached file.
  await page.getByRole('tab', { name: /Documents/ }).click();
  await page.getByRole('button', { name: 'New document' }).click();
  const docDialog = page.getByRole('dialog', { name: 'New document' });
  await docDialog.getByRole('textbox', { name: 'Title' }).fill('Payroll export runbook');
  await docDialog.getByLabel('Choose files to attach').setInputFiles({ name: 'runbook.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Check the batch\n2. Upload\n') });
  await expect(docDialog.getByText('runbook.txt')).toBeVisible();
  await docDialog.getByRole('button', { name: 'Save' }).click();
  await expect(docDialog).toBeHidden();
  await page.getByText('Payroll export runbook', { exact: true }).click();
  const editDoc = page.getByRole('dialog', { name: 'Edit document' });
  await expect(editDoc.getByRole('table', { name: 'Attached files' }).getByText('runbook.txt')).toBeVisible();
  await editDoc.getByRole('button', { name: 'Cancel' }).click();

  // Find the process by search (Ctrl+K), and jump to it.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).fill('payr');
  const results = search.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option', { name: /Nightly payroll export/ })).toBeVisible();
  await results.getByRole('option', { name: /Nightly payroll export/ }).click();
  await expect(page.getByRole('dialog', { name: 'Edit process' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Edit process' }).getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Nightly payroll export');
  // Closed, a dialog opened from search leaves the keyboard on the table, not on the page's body.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Edit process' })).toBeHidden();
  await expect(page.locator(':focus')).toHaveAttribute('role', 'row');

  // Reload: everything is still there, read back from the workbook.
  await page.reload();
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  const vendors = page.getByRole('table', { name: 'Vendors' });
  await expect(vendors.getByText('Northwind Managed Services')).toBeVisible();
  await vendors.getByText('Northwind Managed Services').click();
  for (const [tab, text] of [['Processes', 'Nightly payroll export'], ['Repositories', 'payroll-bank-export'], ['Licences', 'Veeam Backup & Replication'], ['Documents', 'Payroll export runbook']]) {
    await page.getByRole('tab', { name: new RegExp(tab!) }).click();
    await expect(page.getByText(text!, { exact: true }).first()).toBeVisible();
  }
  const stats = await app.dispatch('stats.get', {});
  expect(stats.totals).toMatchObject({ vendor: 1, process: 1, repository: 1, licence: 1, document: 1, attachment: 1 });
});

test('an invalid form shows the field\'s error and saves nothing', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Contoso' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Contoso').click();
  await page.getByRole('tab', { name: /Processes/ }).click();
  await page.getByRole('button', { name: 'New process' }).click();
  const dialog = page.getByRole('dialog', { name: 'New process' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  const name = dialog.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await expect(dialog).toBeVisible();

  // Closing with typed but unsaved work asks first; keeping on editing loses nothing.
  await name.fill('Half-typed process');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(name).toHaveValue('Half-typed process');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();

  // A server-side refusal lands at its field too: a URL that is not one.
  await page.getByRole('tab', { name: /Repositories/ }).click();
  await page.getByRole('button', { name: 'New repository' }).click();
  const repo = page.getByRole('dialog', { name: 'New repository' });
  await repo.getByRole('textbox', { name: 'Name', exact: true }).fill('infra');
  await repo.getByRole('textbox', { name: 'URL' }).fill('not a url');
  await repo.getByRole('button', { name: 'Save' }).click();
  await expect(repo.getByRole('textbox', { name: 'URL' })).toHaveAttribute('aria-invalid', 'true');
  await expect(repo).toBeVisible();

  const stats = await app.dispatch('stats.get', {});
  expect(stats.totals).toMatchObject({ vendor: 1, process: 0, repository: 0 });
  expect((await app.dispatch('activity.list', { vendorId: vendor.id })).map((a) => a.action)).toEqual(['create']);
});

test('leaving the vendor overview with unsaved edits asks first', async ({ page, app }) => {
  await app.dispatch('vendor.create', { name: 'Globex', services: 'Network operations' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Globex').click();
  const reference = page.getByRole('textbox', { name: 'Services provided' });
  await reference.fill('Network operations and DNS (typed, not saved)');

  // Declined: the overview stays, with what was typed.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('tab', { name: /Processes/ }).click();
  await expect(reference).toHaveValue('Network operations and DNS (typed, not saved)');
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');

  // Accepted: the other tab opens and the edit is gone, as the user chose.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
  await page.getByRole('tab', { name: /Processes/ }).click();
  await expect(page.getByRole('button', { name: 'New process' })).toBeVisible();
  expect(asked).toMatch(/1 unsaved change/);
  expect((await app.dispatch('vendor.list', {})).rows[0]!.services).toBe('Network operations');
});
