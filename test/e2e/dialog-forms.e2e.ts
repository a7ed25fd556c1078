// The dialogs that were hand-made now use the one form engine and field component: New template,
// Start a checklist (its template choice), an item's due date, Block item and the user's name say
// what is wrong at the field (named, tied to the input), send nothing until it is right, and the
// dialogs ask before typed or chosen work is thrown away.
import type { Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';

async function seedChecklist(app: App) {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const item = (await app.dispatch('checklist.items', { checklistId: checklist.id })).rows[0]!;
  return { vendor, checklist, item };
}

async function itemNow(app: App, checklistId: string, id: string) {
  return (await app.dispatch('checklist.items', { checklistId })).rows.find((r) => r.id === id)!;
}

const ask = (page: Page) => page.getByRole('alertdialog', { name: 'Discard your changes?' });

test('New template names a missing name at its field and asks before a typed name is dropped', async ({ app, page }) => {
  await page.goto(`${app.url}#/templates`);
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('   ');
  await dialog.getByRole('button', { name: 'Create template' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Name is required.');
  expect((await app.dispatch('template.list', {})).filter((t) => !t.builtin)).toEqual([]);

  await name.fill('Our exit');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(ask(page)).toContainText('You changed 1 field');
  await ask(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(name).toHaveValue('Our exit');
  await dialog.getByRole('button', { name: 'Create template' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Our exit' })).toBeVisible();
  expect((await app.dispatch('template.list', {})).filter((t) => !t.builtin).map((t) => t.name)).toEqual(['Our exit']);
});

test('Start a checklist keeps its template choice in the form: a changed choice is asked about before it is dropped', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);
  await page.getByRole('button', { name: 'Start a checklist' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  const choices = dialog.getByRole('group', { name: 'Template' });
  // The vendor's exit is ordinary: its template is preselected, and closing untouched asks nothing.
  await expect(choices.getByRole('radio', { name: /Vendor exit \(ordinary\)/ })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Start a checklist' }).first().click();
  await choices.getByRole('radio', { name: /Vendor exit \(emergency\)/ }).check();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('placeholder', 'Vendor exit (emergency)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask(page)).toContainText('You changed 1 field');
  await ask(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.dispatch('checklist.list', { vendorId: vendor.id })).toEqual([]);

  await page.getByRole('button', { name: 'Start a checklist' }).first().click();
  await choices.getByRole('radio', { name: /Vendor exit \(emergency\)/ }).check();
  await dialog.getByRole('button', { name: 'Start checklist' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.dispatch('checklist.list', { vendorId: vendor.id })).map((c) => c.name)).toEqual(['Vendor exit (emergency)']);
});

test('an item’s due date set by hand is checked at its field, and follows the exit date again on request', async ({ app, page }) => {
  const { vendor, checklist, item } = await seedChecklist(app);
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);
  await page.getByRole('table', { name: /^Items of / }).getByRole('row', { name: item.title, exact: true }).getByText(item.title, { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: item.title });
  const due = dialog.getByRole('textbox', { name: 'Due date' });
  await expect(due).toHaveValue(item.dueDate!);
  await expect(due).toHaveAccessibleDescription('Type a date to set it by hand; otherwise it moves with the exit date.');

  await due.fill('2027-02-30');
  await expect(dialog.getByText('Set by hand', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(due).toHaveAccessibleDescription(/^A date set by hand stays put when the exit date moves\. Due date is not a calendar date\.$/);
  expect((await itemNow(app, checklist.id, item.id)).dueManual).toBe(false);

  await dialog.getByRole('button', { name: 'Follow the exit date' }).click();
  await expect(due).toHaveValue(item.dueDate!);
  await expect(dialog.getByText('Set by hand', { exact: true })).toBeHidden();
  await due.fill('2027-03-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const saved = await itemNow(app, checklist.id, item.id);
  expect([saved.dueDate, saved.dueManual]).toEqual(['2027-03-01', true]);
});

test('Block item asks before a typed reason is dropped, and the user’s name is checked at its box', async ({ app, page }) => {
  const { vendor, checklist, item } = await seedChecklist(app);
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);
  await page.getByRole('table', { name: /^Items of / }).getByRole('combobox', { name: `Status of ${item.title}` }).selectOption({ label: 'Blocked' });
  const block = page.getByRole('dialog', { name: 'Block item' });
  const reason = block.getByRole('textbox', { name: 'What is it waiting for?' });
  await block.getByRole('button', { name: 'Mark blocked' }).click();
  await expect(reason).toHaveAccessibleDescription(/Say what the item is waiting for\./);
  await reason.fill('The storage admin');
  await page.keyboard.press('Escape');
  await expect(ask(page)).toContainText('You changed 1 field');
  await ask(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(block).toBeHidden();
  expect((await itemNow(app, checklist.id, item.id)).status).toBe('todo');

  await page.getByRole('button', { name: /^(Change|Set) your name$/ }).click();
  const name = page.getByRole('textbox', { name: 'Your name' });
  await name.fill(' ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(name).toHaveAccessibleDescription(/Your name is required\./);
  await name.fill('Robin Ops');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: 'Change your name' })).toBeVisible();
  expect((await app.dispatch('app.info', {})).userName).toBe('Robin Ops');
});
