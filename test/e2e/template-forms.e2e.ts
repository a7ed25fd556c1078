// The Templates screen's dialogs use the one form engine: a template item refuses a missing title
// and a bad offset at their fields (named, tied to the input), saves nothing until it is right, and
// closing with unsaved edits asks first.
import { expect, test } from './fixtures';

test('a template item is checked at its fields, then saved with its checkbox; edits are not dropped unasked', async ({ app, page }) => {
  const template = await app.dispatch('template.create', { name: 'Our own exit', items: [] });
  await page.goto(`${app.url}#/templates/${template.id}`);

  await page.getByRole('button', { name: 'Add the first item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add template item' });
  const title = dialog.getByRole('textbox', { name: 'Title' });
  const offset = dialog.getByRole('textbox', { name: 'Due, in days from the exit date (T)' });
  await offset.fill('soon');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(title).toHaveAccessibleDescription('Title is required.');
  await expect(offset).toHaveAccessibleDescription(/Days from T must be a whole number/);
  expect((await app.dispatch('template.get', { id: template.id })).items).toEqual([]);

  // Escape with typed work asks; keeping on editing keeps what was typed.
  await title.fill('Hand over the on-call rota');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(title).toHaveValue('Hand over the on-call rota');

  await offset.fill('-20');
  await expect(offset).toHaveAccessibleDescription('T−20: 20 days before the exit');
  await dialog.getByRole('textbox', { name: 'Owner role' }).fill('Ops lead');
  await dialog.getByRole('checkbox', { name: 'One item per process' }).check();
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog).toBeHidden();
  const saved = (await app.dispatch('template.get', { id: template.id })).items;
  expect(saved.map((i) => [i.title, i.phase, i.offsetDays, i.ownerRole, i.perProcess])).toEqual([['Hand over the on-call rota', 0, -20, 'Ops lead', true]]);

  await page.getByRole('button', { name: 'Edit name and description' }).click();
  const details = page.getByRole('dialog', { name: 'Edit template' });
  const name = details.getByRole('textbox', { name: 'Name' });
  await name.fill('  ');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(name).toHaveAccessibleDescription('Name is required.');
  await name.fill('Our exit, 2027');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toBeHidden();
  expect((await app.dispatch('template.get', { id: template.id })).name).toBe('Our exit, 2027');
});
