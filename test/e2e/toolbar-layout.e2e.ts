// At 1280×800, the laptop size the screens are laid out for: the Upcoming toolbar and a vendor's
// Contracts toolbar each keep to one line, and the vendor's twelve tabs stay on one line that
// scrolls, with the tab selected (by keyboard too) kept in view; the overview's readiness parts
// stay inside their card with bars one can read.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** The vertical middle of each control: on one line, they all lie within a few pixels of each other. */
async function middles(controls: Locator[]): Promise<number[]> {
  return Promise.all(controls.map(async (c) => {
    const box = (await c.boundingBox())!;
    return Math.round(box.y + box.height / 2);
  }));
}

async function expectOneLine(controls: Locator[]) {
  const ys = await middles(controls);
  expect(Math.max(...ys) - Math.min(...ys), `middles ${ys.join(', ')}`).toBeLessThanOrEqual(2);
}

async function loadDemo(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Load demo workbook' }).click();
  await expect(page.getByText(/Demo workbook loaded/)).toBeVisible();
}

test('the Upcoming toolbar keeps its filters and grouping on one line, whichever vendor is chosen', async ({ app, page }) => {
  await loadDemo(page, app.url);
  await page.getByRole('link', { name: /^Upcoming/ }).click();
  const controls = [
    page.getByRole('combobox', { name: 'Window' }),
    page.getByRole('combobox', { name: 'Vendor' }),
    page.getByRole('combobox', { name: 'Kind' }),
    ...['By date', 'By vendor', 'By person', 'By kind'].map((name) => page.getByRole('button', { name })),
  ];
  await expect(controls[3]!).toBeVisible();
  await expectOneLine(controls);
  // The longest name of the demo's vendors widens the vendor choice: still one line.
  await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'Northwind Managed Services' });
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ index: 1 });
  await expectOneLine(controls);
  await expect(page.getByRole('button', { name: 'Export calendar' })).toBeVisible();
});

test('a vendor\'s Contracts toolbar keeps New contract on the line of its filters', async ({ page, app }) => {
  await loadDemo(page, app.url);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Northwind Managed Services').click();
  await page.getByRole('tab', { name: 'Contracts' }).click();
  const newContract = page.getByRole('button', { name: 'New contract' });
  await expect(newContract).toBeVisible();
  await expectOneLine([
    page.getByRole('searchbox', { name: 'Filter contracts' }),
    page.getByRole('combobox', { name: 'Filter by kind' }),
    page.getByRole('button', { name: 'Import from spreadsheet', exact: true }),
    newContract,
  ]);
});

test('the vendor\'s tabs stay on one line that scrolls to the tab selected by the arrow keys', async ({ page, app }) => {
  await loadDemo(page, app.url);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByRole('table', { name: 'Vendors' }).getByText('Northwind Managed Services').click();
  const strip = page.getByRole('tablist');
  const tabs = strip.getByRole('tab');
  await expect(tabs).toHaveCount(12);
  await expectOneLine(await tabs.all());

  /** Whether the selected tab lies wholly inside the strip's box (not scrolled out of it). */
  const selectedInView = async (name: string) => {
    const tab = strip.getByRole('tab', { name, selected: true });
    await expect(tab).toBeFocused();
    const s = (await strip.boundingBox())!;
    const t = (await tab.boundingBox())!;
    return t.x >= s.x - 1 && t.x + t.width <= s.x + s.width + 1;
  };
  await strip.getByRole('tab', { name: 'Overview' }).click();
  await page.keyboard.press('End');
  expect(await selectedInView('Activity')).toBe(true);
  await page.keyboard.press('ArrowLeft');
  expect(await selectedInView('Costs')).toBe(true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await selectedInView('Overview')).toBe(true);
  await page.keyboard.press('ArrowLeft');
  expect(await selectedInView('Activity')).toBe(true);
  // The window itself never scrolls sideways: only the strip does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('the readiness parts keep inside their card, each bar readable and "nothing to measure" on one line', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services', exitDate: '2027-03-31' });
  // One part measured (its bar) beside the long name of the infrastructure part.
  await app.dispatch('infrastructure.create', { vendorId: vendor.id, name: 'app01.example.com' });
  await page.goto(`${app.url}#/vendors/${vendor.id}`);
  const card = page.getByRole('region', { name: 'Readiness' });
  const table = card.getByRole('table', { name: 'Readiness by part' });
  await expect(table.getByRole('meter', { name: 'Infrastructure transferred or decommissioned' })).toBeVisible();
  const cardBox = (await card.boundingBox())!;
  const tableBox = (await table.boundingBox())!;
  expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  expect((await table.getByRole('meter', { name: 'Infrastructure transferred or decommissioned' }).boundingBox())!.width).toBeGreaterThanOrEqual(100);
  const unmeasured = table.getByText('nothing to measure', { exact: true });
  await expect(unmeasured).toHaveCount(7);
  const lineHeight = (await card.getByText('Weight', { exact: true }).boundingBox())!.height;
  for (const text of await unmeasured.all()) expect((await text.boundingBox())!.height).toBeLessThan(lineHeight * 2);
});
