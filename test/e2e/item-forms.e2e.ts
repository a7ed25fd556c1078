// The checklist's item forms use the record forms' field component: Add item shows what is wrong
// at the field it concerns (named, tied to the input), adds nothing until it is right, and then
// adds the item where the backend's filter by phase finds it.
import { expect, test } from './fixtures';

test('Add item refuses a missing title and a bad offset at their fields, then adds the item', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const before = (await app.dispatch('checklist.items', { checklistId: checklist.id, limit: 1 })).total;
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);

  await page.getByRole('button', { name: 'Add item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add item' });
  const title = dialog.getByRole('textbox', { name: 'Title' });
  const offset = dialog.getByRole('textbox', { name: 'Days from exit date (T)' });
  await dialog.getByRole('combobox', { name: 'Phase' }).selectOption({ label: '4. Cutover' });
  // Choosing the phase moved the offset to where that phase starts, with the date it gives.
  await expect(offset).toHaveValue('-14');
  await expect(dialog.getByText('T−14 = 2027-06-16')).toBeVisible();

  await offset.fill('soon');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Title is required.');
  await expect(offset).toHaveAttribute('aria-invalid', 'true');
  await expect(offset).toHaveAccessibleDescription(/Days from T must be a whole number/);
  expect((await app.dispatch('checklist.items', { checklistId: checklist.id, limit: 1 })).total).toBe(before);

  await title.fill('Switch the backup target');
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  await offset.fill('-10');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Done when the first backup lands in-house.');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('dialog', { name: 'Switch the backup target' })).toBeVisible();
  const cutover = await app.dispatch('checklist.items', { checklistId: checklist.id, phase: 4, text: 'backup target' });
  expect(cutover.rows.map((r) => [r.title, r.offsetDays, r.dueDate])).toEqual([['Switch the backup target', -10, '2027-06-20']]);
});

test('an item’s detail names a wrong offset at its field, saves nothing, and saves once it is right', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  const checklist = await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const item = await app.dispatch('checklist.addItem', { checklistId: checklist.id, phase: 4, title: 'Switch the backup target', offsetDays: -10 });
  // Opened as a link to the item opens it (the item sits far down the checklist).
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists?checklist=${checklist.id}&open=${item.id}`);
  const detail = page.getByRole('dialog', { name: 'Switch the backup target' });
  const offset = detail.getByRole('textbox', { name: 'Days from exit date (T)' });
  await expect(offset).toHaveAccessibleDescription('T−10 = 2027-06-20');

  await offset.fill('-5000');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(offset).toHaveAttribute('aria-invalid', 'true');
  await expect(offset).toHaveAccessibleDescription(/Days from T is more than ten years before T\./);
  expect((await app.dispatch('checklist.items', { checklistId: checklist.id, text: 'backup target' })).rows[0]!.offsetDays).toBe(-10);

  await offset.fill('-12');
  await expect(offset).not.toHaveAttribute('aria-invalid', 'true');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail).toBeHidden();
  const saved = (await app.dispatch('checklist.items', { checklistId: checklist.id, text: 'backup target' })).rows[0]!;
  expect([saved.id, saved.offsetDays, saved.dueDate]).toEqual([item.id, -12, '2027-06-18']);
});
