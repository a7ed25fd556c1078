// The desktop conventions on the browser face, which has no native menu: the command palette
// (Ctrl+Shift+P) reaches every action, Settings keeps a theme for this user across reloads and it
// wins over the system's colour scheme, "?" shows the checklist's key legend, and Help's pages
// open from the palette. Found by role and name; every wait is on what the screen shows.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
/** The page's root colour scheme and background, as the browser resolved them. */
const scheme = (page: Page) =>
  page.evaluate(() => ({ scheme: getComputedStyle(document.documentElement).colorScheme, bg: getComputedStyle(document.body).backgroundColor }));

test('Ctrl+Shift+P opens the palette; typing "export" and Enter opens the export', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.keyboard.press('Control+Shift+P');
  await expect(palette(page)).toBeVisible();
  const field = palette(page).getByRole('searchbox', { name: 'Command' });
  await expect(field).toBeFocused();
  // Every action is listed with its shortcut, menu-only ones (Help, Settings) included.
  const list = palette(page).getByRole('listbox', { name: 'Commands' });
  for (const name of ['Export pack…', 'Import pack…', 'Print report…', 'Search…', 'Settings…', 'New vendor…', 'New person…', 'Dashboard', 'Keyboard shortcuts', 'Transition pack format', 'About Handover Workbook', 'Theme: Dark']) {
    await expect(list.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
  }
  await expect(list.getByRole('option', { name: /^Export pack…/ })).toContainText('Ctrl+E');
  // Nothing changed yet: plain Undo.
  await expect(list.getByRole('option', { name: /^Undo\b/ })).toContainText('Ctrl+Z');
  await field.fill('export');
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(/#\/packs$/);
  await expect(page.getByRole('tab', { name: 'Export', selected: true })).toBeVisible();
});

test('the palette undoes the last change, as Ctrl+Z does', async ({ app, page }) => {
  await app.dispatch('vendor.create', { name: 'Undo Me Ltd' });
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.keyboard.press('Control+Shift+P');
  await palette(page).getByRole('searchbox', { name: 'Command' }).fill('undo');
  // Named after what it takes back, as the desktop's Edit menu is.
  await expect(palette(page).getByRole('option', { name: /^Undo Created vendor “Undo Me Ltd”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Undone: /)).toBeVisible();
  await expect.poll(async () => (await app.dispatch('vendor.summaries', {})).length).toBe(0);
  // The undo's own change event renames the items: Redo now puts the vendor back.
  await page.keyboard.press('Control+Shift+P');
  await palette(page).getByRole('searchbox', { name: 'Command' }).fill('redo');
  await expect(palette(page).getByRole('option', { name: /^Redo Created vendor “Undo Me Ltd”/ })).toBeVisible();
});

test('the menu’s shortcuts work on the browser face too: New vendor, Print report, Search', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.keyboard.press('Control+Alt+N');
  const dialog = page.getByRole('dialog', { name: 'New vendor' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Shortcut Systems');
  await dialog.getByRole('button', { name: /^(Save|Add|Create)/ }).click();
  await expect(page.getByRole('heading', { name: 'Shortcut Systems' })).toBeVisible();
  expect((await app.dispatch('vendor.summaries', {})).map((s) => s.vendor.name)).toEqual(['Shortcut Systems']);

  // Ctrl+P prints the report of the vendor in view, in a window of its own (the browser's print).
  await app.dispatch('vendor.create', { name: 'Other Vendor Ltd' });
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Control+P');
  const report = await popup;
  await expect(report.getByRole('heading', { name: /Shortcut Systems/ }).first()).toBeVisible();
  await expect(report.getByText('Other Vendor Ltd')).toHaveCount(0);
  await report.close();

  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
});

test('the theme chosen in Settings overrides the system scheme and survives a reload', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const light = await scheme(page);
  expect(light.scheme).toBe('light dark');

  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(async () => (await scheme(page)).scheme).toBe('dark');
  const dark = await scheme(page);
  expect(dark.bg).not.toBe(light.bg);

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await scheme(page)).toEqual(dark);

  // Light, chosen, beats a dark system; System follows it again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Light' }).check();
  await expect.poll(async () => (await scheme(page)).bg).toBe(light.bg);
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'System' }).check();
  await expect.poll(async () => (await scheme(page)).bg).toBe(dark.bg);
});

test('"?" shows the checklist key legend and hides it again; the palette lists it', async ({ app, page }) => {
  await app.dispatch('demo.load', {});
  const vendor = (await app.dispatch('vendor.summaries', {}))[0]!.vendor;
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists`);
  const legend = page.getByText('Keys on a focused row:');
  await expect(page.getByRole('button', { name: 'Keys' })).toBeVisible();
  await expect(legend).toBeHidden();
  await page.keyboard.press('?');
  await expect(legend).toBeVisible();
  await page.keyboard.press('?');
  await expect(legend).toBeHidden();
  // Typed into a text field, "?" is text.
  const filter = page.getByRole('main').getByRole('searchbox').first();
  await filter.fill('');
  await filter.press('?');
  await expect(legend).toBeHidden();
  await expect(filter).toHaveValue('?');

  await page.keyboard.press('Control+Shift+P');
  await palette(page).getByRole('searchbox', { name: 'Command' }).fill('checklist keys');
  await palette(page).getByRole('option', { name: /Show the checklist keys/ }).click();
  await expect(legend).toBeVisible();
});

test('Help’s pages open from the palette: About with version and workbook, the pack format, the shortcuts', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const open = async (command: string) => {
    await page.keyboard.press('Control+Shift+P');
    await palette(page).getByRole('searchbox', { name: 'Command' }).fill(command);
    await page.keyboard.press('Enter');
  };
  await open('About');
  const about = page.getByRole('dialog', { name: 'About Handover Workbook' });
  await expect(about).toContainText('e2e');
  await expect(about).toContainText(app.workbookPath);
  await page.keyboard.press('Escape');

  await open('pack format');
  const format = page.getByRole('dialog', { name: 'Transition pack format' });
  await expect(format.getByRole('heading', { name: 'Transition pack, format version 2' })).toBeVisible();
  await expect(format.getByRole('table').first()).toContainText('manifest.json');
  await page.keyboard.press('Escape');

  await open('keyboard shortcuts');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: /Command palette/ })).toContainText('Ctrl+Shift+P');
});
