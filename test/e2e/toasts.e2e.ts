// A toast never stands between the user and the vendor overview's Save: saved twice in a row, the
// second click lands at once while the first notice still shows, and the notices' region takes
// no click outside the notices themselves.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** What a click at the middle of an element would hit. */
const hitAtMiddle = async (page: Page, target: Locator) => {
  const box = (await target.boundingBox())!;
  return page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x!, y!);
    return el ? `${el.tagName.toLowerCase()}:${el.textContent?.trim() ?? ''}` : null;
  }, [box.x + box.width / 2, box.y + box.height / 2]);
};

test('saving the overview twice in a row: the second click is not blocked by the first toast', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/overview`);
  const form = page.getByRole('form', { name: 'Vendor overview' });
  const save = form.getByRole('button', { name: 'Save', exact: true });
  const saved = page.getByRole('status').filter({ hasText: 'Vendor saved' });

  await form.getByRole('textbox', { name: 'Services provided' }).fill('Service desk');
  await save.click();
  await expect(saved).toHaveCount(1);
  await form.getByRole('textbox', { name: 'New provider name' }).fill('Contoso');
  // The first notice is up, and Save is still what a click there reaches.
  await expect(saved).toBeVisible();
  expect(await hitAtMiddle(page, save)).toBe('button:Save');
  await save.click();
  // Both notices show: the second save did not wait for the first notice to go.
  await expect(saved).toHaveCount(2);
  const stored = await app.dispatch('vendor.get', { id: vendor.id });
  expect([stored.services, stored.newProviderName]).toEqual(['Service desk', 'Contoso']);

  // Between the two notices, a click goes to the page beneath, not to the notices' region.
  const [first, second] = [(await saved.nth(0).boundingBox())!, (await saved.nth(1).boundingBox())!];
  const gapY = (first.y + first.height + second.y) / 2;
  const inRegion = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[aria-label="Notifications"]'), [first.x + first.width / 2, gapY]);
  expect(inRegion).toBe(false);
});
