// Nothing typed is lost: a checklist item's dialog asks before Escape, × or Cancel throw a typed
// evidence note away, and a half-filled dialog survives a reload as a draft that the same dialog
// offers back, until it is saved or discarded.
import type { Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';

async function seedChecklist(app: App) {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const item = (await app.dispatch('checklist.items', { checklistId: checklist.id })).rows[0]!;
  return { vendor, checklist, item };
}

async function openItem(page: Page, title: string) {
  const row = page.getByRole('table', { name: /^Items of / }).getByRole('row', { name: title, exact: true });
  await row.getByText(title, { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a typed evidence note is not thrown away by Escape, × or Cancel without asking', async ({ app, page }) => {
  const { vendor, item } = await seedChecklist(app);
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);
  const dialog = await openItem(page, item.title);
  const note = dialog.getByRole('textbox', { name: 'Evidence note' });
  await note.fill('Board minutes of 3 March');

  const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  for (const close of [() => page.keyboard.press('Escape'), () => dialog.getByRole('button', { name: 'Close', exact: true }).click(), () => dialog.getByRole('button', { name: 'Cancel' }).click()]) {
    await note.focus();
    await close();
    await expect(ask).toBeVisible();
    await expect(ask).toContainText('You changed 1 field');
    // Keep editing: the note is still there.
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    await expect(note).toHaveValue('Board minutes of 3 March');
  }

  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.dispatch('checklist.items', { checklistId: item.checklistId })).rows[0]!.evidence).toBe('');
  // Discarded means gone: opened again, the item shows what is saved and no draft.
  const again = await openItem(page, item.title);
  await expect(again.getByRole('textbox', { name: 'Evidence note' })).toHaveValue('');
  await expect(again.getByText(/Restored your unsaved draft/)).toHaveCount(0);
  // With nothing changed, Escape closes at once.
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  await expect(ask).toBeHidden();
});

test('a half-filled record dialog survives a reload as a draft, until it is saved', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/processes`);
  await page.getByRole('button', { name: 'New process' }).click();
  const dialog = page.getByRole('dialog', { name: 'New process' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nightly payroll export');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('SEPA files over SFTP');

  await page.reload();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'New process' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Restored your unsaved draft from \d{4}-\d{2}-\d{2} \d{2}:\d{2}/ })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Nightly payroll export');
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('SEPA files over SFTP');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.dispatch('process.list', { vendorId: vendor.id })).rows.map((p) => p.name)).toEqual(['Nightly payroll export']);
  // Saved: the next new process starts empty.
  await page.getByRole('button', { name: 'New process' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
  await expect(dialog.getByText(/Restored your unsaved draft/)).toHaveCount(0);
});

test('an edited item survives a reload, and Discard draft goes back to what is saved', async ({ app, page }) => {
  const { vendor, item } = await seedChecklist(app);
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);
  const dialog = await openItem(page, item.title);
  await dialog.getByRole('textbox', { name: 'Evidence note' }).fill('Ticket OPS-4711');

  // The open item is in the address, so the reload opens it again, with the draft.
  await page.reload();
  await expect(dialog.getByRole('textbox', { name: 'Evidence note' })).toHaveValue('Ticket OPS-4711');
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Evidence note' })).toHaveValue('');
  await page.reload();
  await expect(dialog.getByRole('textbox', { name: 'Evidence note' })).toHaveValue('');
  await expect(dialog.getByText(/Restored your unsaved draft/)).toHaveCount(0);
});
