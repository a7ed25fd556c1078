// Someone leaves: deleting a person first shows what they own and offers to hand it all to
// someone else in one step; deleting without a hand-over leaves the records naming them "(left)",
// still editable, with a red flag on the process they were to take over.
import type { Locator, Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';

async function seed(app: App) {
  const dmitri = await app.dispatch('person.create', { name: 'Dmitri Ivanov', side: 'in_house' });
  const anna = await app.dispatch('person.create', { name: 'Anna Adler', side: 'in_house' });
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const payroll = await app.dispatch('process.create', { vendorId: vendor.id, name: 'Payroll export', criticality: 'critical', successorId: dmitri.id });
  const repo = await app.dispatch('repository.create', { vendorId: vendor.id, name: 'infra-terraform', adminId: dmitri.id });
  return { dmitri, anna, vendor, payroll, repo };
}

/** Opens the person from the People table and asks to delete them. */
async function askToDelete(page: Page, name: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('table', { name: 'People' }).getByText(name, { exact: true }).click();
  await page.getByRole('dialog', { name: 'Edit person' }).getByRole('button', { name: 'Delete' }).click();
  return page.getByRole('alertdialog', { name: 'Delete person?' });
}

test('deleting a person who owns records: hand it all over, or leave it naming them "(left)"', async ({ page, app }) => {
  const s = await seed(app);
  await page.goto(app.url);

  // What Dmitri owns, before anything is deleted.
  let dialog = await askToDelete(page, 'Dmitri Ivanov');
  const refs = dialog.getByRole('list', { name: 'What refers to Dmitri Ivanov' });
  await expect(refs.getByRole('listitem')).toHaveText([
    'In-house successor of 1 process: Payroll export (Northwind)',
    'Holds admin rights on 1 repository: infra-terraform (Northwind)',
  ]);
  await expect(dialog.getByRole('radio', { name: /Hand them over to someone else/ })).toBeChecked();

  // Handing over needs someone to hand over to.
  await dialog.getByRole('button', { name: 'Hand over and delete' }).click();
  await expect(dialog.getByText('Pick who takes over, or choose to leave the records as they are.')).toBeVisible();
  const to = dialog.getByRole('combobox', { name: 'Hand over to' });
  await expect(async () => {
    await to.fill('Ann');
    await page.getByRole('option', { name: /^Anna Adler/ }).click({ timeout: 3000 });
    await expect(to).toHaveValue('Anna Adler', { timeout: 1000 });
  }).toPass();
  await dialog.getByRole('button', { name: 'Hand over and delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Handed over 2 references to Anna Adler; “Dmitri Ivanov” deleted')).toBeVisible();
  await expect(page.getByRole('table', { name: 'People' }).getByText('Dmitri Ivanov', { exact: true })).toBeHidden();
  expect(await app.dispatch('process.get', { id: s.payroll.id })).toMatchObject({ successorId: s.anna.id });
  expect(await app.dispatch('repository.get', { id: s.repo.id })).toMatchObject({ adminId: s.anna.id });

  // Anna leaves too, and nobody takes over this time.
  dialog = await askToDelete(page, 'Anna Adler');
  await dialog.getByRole('radio', { name: /Leave them as they are/ }).check();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The process still names her, and can be edited all the same.
  await page.goto(`${app.url}#/vendors/${s.vendor.id}/processes`);
  const processes = page.getByRole('table', { name: /Processes/ });
  await expect(processes.getByText('Anna Adler (left)')).toBeVisible();
  await processes.getByText('Payroll export', { exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit process' });
  await expect(edit.getByRole('combobox', { name: 'In-house successor' })).toHaveValue('Anna Adler (left)');
  await edit.getByRole('textbox', { name: 'SLA' }).fill('Next business day');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  expect((await app.dispatch('process.get', { id: s.payroll.id })).sla).toBe('Next business day');

  // And the overview says what it means for the exit.
  await page.getByRole('tab', { name: 'Overview' }).click();
  const flags = page.getByRole('list', { name: 'Red flags' });
  await expect(flags.getByText('Owner left: Payroll export (successor Anna Adler)')).toBeVisible();
});
