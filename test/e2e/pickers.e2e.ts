// Person pickers as a new user types into them: the list narrows on the very keystroke (no stale
// names while the search runs), ↓ Enter takes the first match (None is last), None and an emptied
// box clear the choice and close the list, and the side the field asks for comes first.
import type { Locator, Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';

async function seed(app: App) {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind' });
  // Names sorted so that an unfiltered list starts with someone who does not match "Dmi".
  for (const [name, side] of [['Anna Adler', 'in_house'], ['Dmitri Volkov', 'in_house'], ['Zed Zimmer', 'in_house'], ['Ben Berger', 'vendor'], ['Dmitri Vendorov', 'vendor'], ['Nina New', 'new_provider']] as const) {
    await app.dispatch('person.create', { name, side });
  }
  return vendor;
}

async function newProcess(page: Page, app: App, vendorId: string) {
  await page.goto(`${app.url}#/vendors/${vendorId}/processes`);
  await page.getByRole('button', { name: 'New process' }).click();
  return page.getByRole('dialog', { name: 'New process' });
}

const listbox = (page: Page) => page.getByRole('listbox');
const groupNames = async (page: Page) => {
  const groups = listbox(page).getByRole('group');
  await expect(groups.first()).toBeVisible();
  return groups.evaluateAll((els) => els.map((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''));
};

test('typing "Dmi", ↓, Enter picks the first Dmitri, straight away', async ({ app, page }) => {
  const vendor = await seed(app);
  const dialog = await newProcess(page, app, vendor.id);
  const successor = dialog.getByRole('combobox', { name: 'In-house successor' });
  await successor.focus();
  await expect(listbox(page).getByRole('option', { name: /Anna Adler/ })).toBeVisible();
  // Typed and chosen at a person's speed: the search for "Dmi" has not answered yet.
  await successor.pressSequentially('Dmi');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(successor).toHaveValue('Dmitri Volkov');
  await expect(listbox(page)).toBeHidden();

  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Payroll');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const [process] = (await app.dispatch('process.list', { vendorId: vendor.id })).rows;
  const people = (await app.dispatch('person.list', {})).rows;
  expect(process!.successorId).toBe(people.find((p) => p.name === 'Dmitri Volkov')!.id);
});

test('the list shows only what matches the typed words at every keystroke', async ({ app, page }) => {
  const vendor = await seed(app);
  const dialog = await newProcess(page, app, vendor.id);
  const successor = dialog.getByRole('combobox', { name: 'In-house successor' });
  await successor.focus();
  await expect(listbox(page).getByRole('option', { name: /Anna Adler/ })).toBeVisible();
  await successor.pressSequentially('Dmi');
  // Read in the same task as the keystroke's render, before any answer from the backend can land.
  const shown = await listbox(page).evaluate((el) => [...el.querySelectorAll('[role="option"]')].map((o) => o.textContent ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  for (const name of shown) expect(name).toMatch(/^Dmitri/);
});

test('None, and an emptied box, clear the choice and close the list', async ({ app, page }) => {
  const vendor = await seed(app);
  const dialog = await newProcess(page, app, vendor.id);
  const owner = dialog.getByRole('combobox', { name: 'Current owner (vendor)' });
  await pick(page, owner, 'Ben', 'Ben Berger');

  await owner.locator('..').getByRole('button', { name: 'Show options' }).click();
  const none = listbox(page).getByRole('option', { name: 'None' });
  // None is the last option, after every person.
  await expect(listbox(page).getByRole('option').last()).toHaveText('None');
  await none.click();
  await expect(listbox(page)).toBeHidden();
  await expect(owner).toHaveValue('');
  await expect(owner).toHaveAttribute('aria-expanded', 'false');

  // By keyboard: empty the box, Enter.
  await pick(page, owner, 'Ben', 'Ben Berger');
  await owner.fill('');
  await page.keyboard.press('Enter');
  await expect(owner).toHaveAttribute('aria-expanded', 'false');
  await expect(owner).toHaveValue('');
  await expect(listbox(page)).toBeHidden();
  // Escape, though, takes the typing back and keeps the choice.
  await pick(page, owner, 'Ben', 'Ben Berger');
  await owner.fill('');
  await page.keyboard.press('Escape');
  await expect(owner).toHaveValue('Ben Berger');

  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Payroll');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const people = (await app.dispatch('person.list', {})).rows;
  expect((await app.dispatch('process.list', { vendorId: vendor.id })).rows[0]!.ownerId).toBe(people.find((p) => p.name === 'Ben Berger')!.id);
});

test('a successor picker lists the in-house people first, a current owner picker the vendor\'s', async ({ app, page }) => {
  const vendor = await seed(app);
  const dialog = await newProcess(page, app, vendor.id);

  await dialog.getByRole('combobox', { name: 'In-house successor' }).focus();
  expect(await groupNames(page)).toEqual(['In-house', 'Vendor', 'New provider']);
  const inHouse = listbox(page).getByRole('group', { name: 'In-house' }).getByRole('option');
  await expect(inHouse).toHaveText([/^Anna Adler/, /^Dmitri Volkov/, /^Zed Zimmer/]);
  await page.keyboard.press('Escape');

  await dialog.getByRole('combobox', { name: 'Current owner (vendor)' }).focus();
  expect(await groupNames(page)).toEqual(['Vendor', 'In-house', 'New provider']);
  await expect(listbox(page).getByRole('group', { name: 'Vendor' }).getByRole('option')).toHaveText([/^Ben Berger/, /^Dmitri Vendorov/]);
  // Typing keeps the order: the vendor's Dmitri first, so ↓ Enter takes him.
  await page.keyboard.type('Dmi');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Current owner (vendor)' })).toHaveValue('Dmitri Vendorov');
});

/** Picks a person by typing part of the name and choosing the option. */
async function pick(page: Page, combo: Locator, typed: string, name: string) {
  await combo.fill(typed);
  await listbox(page).getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await expect(combo).toHaveValue(name);
  await expect(listbox(page)).toBeHidden();
}
