// Reminders set in Settings reach the calendar a user downloads from Upcoming, the vendor
// workspace and My tasks: read back with ical.js, on the licence's day, with the reminders chosen.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, localToday } from '../../shared/dates';
import { expect, test } from './fixtures';

function eventsIn(path: string) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  return cal.getAllSubcomponents('vevent').map((v) => ({
    start: new ICAL.Event(v).startDate.toString(),
    summary: new ICAL.Event(v).summary,
    triggers: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
  }));
}

test('reminders set in Settings go into the calendar downloaded from Upcoming, a vendor and My tasks', async ({ app, page }) => {
  const renewal = addDays(localToday(), 20);
  const ana = await app.dispatch('person.create', { name: 'Ana Souza', side: 'in_house' });
  const v = await app.dispatch('vendor.create', { name: 'Northwind', ourContactId: ana.id });
  await app.dispatch('licence.create', { vendorId: v.id, product: 'Backup suite', renewalDate: renewal });
  await page.goto(app.url);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Other deadlines' }).fill('10, soon');
  await dialog.getByRole('button', { name: 'Save reminders' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Other deadlines: “soon” is not a whole number of days');
  await dialog.getByRole('textbox', { name: 'Other deadlines' }).fill('2, 10');
  await dialog.getByRole('button', { name: 'Save reminders' }).click();
  await expect(page.getByText('Calendar reminders saved')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: /^Upcoming/ }).click();
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export calendar' }).click()]);
  expect(all.suggestedFilename()).toBe('handover-deadlines.ics');
  await all.saveAs(join(app.dir, 'all.ics'));
  expect(eventsIn(join(app.dir, 'all.ics'))).toEqual([{ start: renewal, summary: 'Licence renews or expires: Backup suite (Northwind)', triggers: ['-P10D', '-P2D'] }]);

  await page.goto(`${app.url}#/vendors/${v.id}`);
  const [vendor] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'This vendor’s deadlines' }).click()]);
  expect(vendor.suggestedFilename()).toBe('handover-northwind.ics');

  await page.getByRole('link', { name: 'My tasks' }).click();
  await page.getByRole('combobox', { name: 'Tasks of' }).click();
  await page.getByRole('option', { name: /Ana Souza/ }).click();
  const [mine] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'My tasks as calendar' }).click()]);
  expect(mine.suggestedFilename()).toBe('handover-ana-souza.ics');
  await mine.saveAs(join(app.dir, 'mine.ics'));
  expect(eventsIn(join(app.dir, 'mine.ics')).map((e) => e.start)).toEqual([renewal]);
});
