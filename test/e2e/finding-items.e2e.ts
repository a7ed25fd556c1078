// Finding checklist items and red flags: the checklist's text filter (title, description,
// evidence note, owner) with the matches marked, global search that opens an item in its
// checklist, and the dashboard's flag count that leads to the vendor's red flags.
import { expect, test, type App } from './fixtures';

async function seed(app: App) {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind', exitDate: '2027-06-30' });
  const dmitri = await app.dispatch('person.create', { name: 'Dmitri Volkov', side: 'in_house' });
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  // Two checklists: the item is in the second, which the tab does not show first.
  await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id, name: 'First plan' });
  const checklist = await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id, name: 'Second plan' });
  const item = await app.dispatch('checklist.addItem', { checklistId: checklist.id, phase: 2, title: 'Walk through the backup runbook', ownerId: dmitri.id });
  await app.dispatch('checklist.updateItem', { id: item.id, changes: { evidence: 'Minutes of the pelican session' } });
  return { vendor, checklist, item };
}

test('the checklist filters its items by words in them or their owner, and marks the match', async ({ app, page }) => {
  const { vendor, checklist, item } = await seed(app);
  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists?checklist=${checklist.id}`);
  const items = page.getByRole('table', { name: 'Items of Second plan' });
  // The template's items come first; this one, in phase 2, is further down the list.
  await expect(items.getByRole('checkbox').first()).toBeVisible();
  const filter = page.getByRole('searchbox', { name: 'Filter items by text' });
  const count = page.getByRole('group', { name: 'Filter items' }).getByRole('status');

  await filter.fill('pelic');
  const row = items.getByRole('row', { name: item.title, exact: true });
  await expect(row.locator('mark')).toHaveText(['pelican']);
  await expect(items.getByRole('checkbox')).toHaveCount(1);
  await expect(count).toHaveText(/^1 of \d+ items$/);

  await filter.fill('dmitri');
  await expect(row.getByRole('cell').nth(2).locator('mark')).toHaveText(['Dmitri']);
  await filter.fill('runbook walk');
  await expect(row.locator('mark')).toHaveText(['Walk', 'runbook']);

  await filter.fill('nothing-like-this');
  await expect(page.getByText('No items match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Show all items' }).click();
  await expect(filter).toHaveValue('');
  await expect(count).toHaveText(/^\d+ items$/);
});

test('global search finds a checklist item and opens it in its checklist', async ({ app, page }) => {
  const { vendor, item } = await seed(app);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).fill('pelican');
  const hit = search.getByRole('option', { name: /Checklist item.*Walk through the backup runbook/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['pelican']);
  await page.keyboard.press('Enter');

  const detail = page.getByRole('dialog', { name: item.title });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('textbox', { name: 'Evidence note' })).toHaveValue('Minutes of the pelican session');
  await expect(page.getByRole('combobox', { name: 'Checklist' })).toHaveValue(item.checklistId);
  expect(new URL(page.url()).hash).toContain(`/vendors/${vendor.id}/checklists`);
});

test('a red flag count on the dashboard leads to that vendor\'s red flags', async ({ app, page }) => {
  const quiet = await app.dispatch('vendor.create', { name: 'Quiet Ltd' });
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind' });
  // A critical process with no in-house successor: a high red flag.
  await app.dispatch('process.create', { vendorId: vendor.id, name: 'Nightly payroll export', criticality: 'critical' });
  await app.dispatch('process.create', { vendorId: quiet.id, name: 'Minor job', criticality: 'low' });
  await page.goto(app.url);
  const dashboard = page.getByRole('table', { name: 'Vendors by risk' });
  const flags = dashboard.getByRole('link', { name: /red flags? of Northwind$/ });
  await expect(flags).toBeVisible();
  await flags.click();

  await expect(page.getByRole('heading', { name: 'Northwind', level: 1 })).toBeVisible();
  const region = page.getByRole('region', { name: 'Red flags' });
  await expect(region).toBeFocused();
  await expect(region).toBeInViewport();
  await expect(region.getByRole('link', { name: /Nightly payroll export/ })).toBeVisible();
  // The wish is spent: the address is the overview's own, so a reload stays where the user is.
  expect(new URL(page.url()).hash).toBe(`#/vendors/${vendor.id}/overview`);
});
