// A new user's first exit checklist, end to end in the browser face: load the demo, start an
// emergency checklist for a demo vendor, assign, complete and block items, move the exit date and
// watch the due dates follow (all but the one set by hand), see readiness move on the dashboard,
// and find one's own items under My tasks. Elements are found by role and accessible name, and
// every wait is on what the screen shows.
import type { Locator, Page } from '@playwright/test';
import { addDays, localToday } from '../../shared/dates';
import { expect, test } from './fixtures';

const CHECKLIST = 'Emergency drill';
const ME = 'Robin Tester';
// Items of the built-in emergency template (shared/templates.ts): the first two phases, which
// the list shows without scrolling, above the knowledge-transfer item of every process.
const DECLARE = { title: 'Declare the emergency exit', offset: -30 };
const OWNERS = 'Name owners and an interim team';
const CAPTURE = 'Capture data and configuration now';
const REGISTER = 'Register processes, repositories, licences and documents';

/** The screens as a person sees them: named regions, rows and controls. */
function screens(page: Page) {
  const main = page.getByRole('main');
  const items = main.getByRole('table', { name: `Items of ${CHECKLIST}` });
  const itemRow = (title: string) => items.getByRole('row', { name: title, exact: true });
  return {
    main,
    nav: (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }),
    tab: (name: string) => main.getByRole('tab', { name }),
    items,
    itemRow,
    /**
     * Picks a record in a picker by typing part of its name. The options are fetched as one types:
     * a click that lands while the list is being replaced is tried again, as a person would.
     */
    async pick(combo: Locator, typed: string, name: string) {
      await expect(async () => {
        await combo.fill(typed);
        await page.getByRole('option', { name: new RegExp(`^${name}`) }).click({ timeout: 3000 });
        await expect(combo).toHaveValue(name, { timeout: 1000 });
      }).toPass();
    },
    /** Opens an item's detail from its row, as a click on the row does. */
    async openItem(title: string) {
      await itemRow(title).getByText(title, { exact: true }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toBeVisible();
      return dialog;
    },
    dueOf: (title: string) => itemRow(title).getByRole('cell').nth(3),
  };
}

test('a new user runs an exit checklist from the demo to My tasks', async ({ app, page }) => {
  test.setTimeout(120_000);
  const ui = screens(page);
  const today = localToday();

  // A new user: the welcome screen offers the demo.
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load demo workbook' }).click();
  const dashboard = ui.main.getByRole('table', { name: 'Vendors by risk' });
  await expect(dashboard.getByRole('row')).toHaveCount(4);
  // Someone of the in-house team to assign items to (seeded through the API, as a colleague would have).
  await app.dispatch('person.create', { name: ME, role: 'Backup engineer', side: 'in_house' });

  // The riskiest vendor comes first; note its readiness before anything changes.
  const firstRow = dashboard.getByRole('row').nth(1);
  // The vendor's name is the row's first link (its red-flag count is another).
  const vendorName = (await firstRow.getByRole('link').first().textContent())!;
  const readinessMeter = dashboard.getByRole('meter', { name: `Readiness of ${vendorName}` });
  const readinessBefore = Number(await readinessMeter.getAttribute('aria-valuenow'));
  const vendorId = (await app.dispatch('dashboard.get', {})).find((r) => r.name === vendorName)!.vendorId;
  await firstRow.getByRole('link', { name: vendorName, exact: true }).click();
  await expect(ui.main.getByRole('heading', { name: vendorName, level: 1 })).toBeVisible();
  await expect(ui.main.getByRole('heading', { name: 'Readiness' })).toBeVisible();
  const exitField = ui.main.getByRole('textbox', { name: 'Planned exit date' });
  const exitBefore = await exitField.inputValue();
  expect(exitBefore).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Start the emergency checklist from its built-in template.
  await ui.tab('Checklists').click();
  await ui.main.getByRole('button', { name: 'Start a checklist' }).click();
  const start = page.getByRole('dialog', { name: 'Start a checklist' });
  await start.getByRole('radio', { name: /Vendor exit \(emergency\)/ }).check();
  await start.getByRole('textbox', { name: 'Name' }).fill(CHECKLIST);
  await start.getByRole('button', { name: 'Start checklist' }).click();
  await expect(start).toBeHidden();
  await expect(ui.main.getByRole('combobox', { name: 'Checklist' }).locator('option:checked')).toHaveText(new RegExp(`^${CHECKLIST}`));
  await expect(ui.itemRow(DECLARE.title)).toBeVisible();
  await expect(ui.dueOf(DECLARE.title)).toContainText(addDays(exitBefore, DECLARE.offset));
  // One knowledge-transfer item per process: the list keeps only what is in view in the DOM.
  const processes = (await app.dispatch('process.list', { vendorId, limit: 1 })).total;
  const kt = ui.items.getByRole('row', { name: /^2\. Knowledge transfer/ });
  // Its items start where their processes' knowledge transfer stands (signed off = done).
  await expect(kt).toHaveAccessibleName(new RegExp(`^2\\. Knowledge transfer: \\d+ of ${processes} done$`));
  expect(await ui.items.getByRole('row').count()).toBeLessThan(15 + processes);
  // Folding a phase brings the later ones into view.
  await kt.click();
  await expect(kt).toHaveAttribute('aria-expanded', 'false');
  await expect(ui.items.getByRole('row', { name: /^3\. Commercial and legal/ })).toBeVisible();
  await kt.click();

  // Assign three items to me; one gets a due date set by hand, already past.
  const pastDue = addDays(today, -3);
  for (const title of [DECLARE.title, OWNERS, CAPTURE]) {
    const detail = await ui.openItem(title);
    await ui.pick(detail.getByRole('combobox', { name: 'Owner' }), 'Robin', ME);
    if (title === OWNERS) {
      await detail.getByRole('textbox', { name: 'Due date' }).fill(pastDue);
      await expect(detail.getByText('Set by hand', { exact: true })).toBeVisible();
    }
    await detail.getByRole('button', { name: 'Save' }).click();
    await expect(detail).toBeHidden();
    await expect(ui.itemRow(title).getByRole('cell').nth(2)).toHaveText(ME);
  }
  await expect(ui.dueOf(OWNERS)).toContainText(pastDue);
  await expect(ui.dueOf(OWNERS)).toContainText('set by hand');
  await expect(ui.dueOf(OWNERS)).toContainText('3 days late');

  // Complete one from the keyboard: focus its row, Space toggles done.
  await ui.itemRow(DECLARE.title).focus();
  await page.keyboard.press('Space');
  await expect(ui.itemRow(DECLARE.title).getByRole('checkbox', { name: `Done: ${DECLARE.title}` })).toBeChecked();
  await expect(ui.itemRow(DECLARE.title)).toBeFocused();
  // Another through its status list.
  await ui.items.getByRole('combobox', { name: `Status of ${REGISTER}` }).selectOption({ label: 'Done' });
  await expect(ui.itemRow(REGISTER).getByRole('checkbox')).toBeChecked();

  // Knowledge transfer from the keyboard: down the rows, 4 marks each done (its process is then
  // signed off). The list scrolls along; only what is in view stays in the DOM.
  await kt.focus();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('4');
  }
  await expect(ui.items.locator('[role=row]:focus').getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Home');
  await expect(ui.items.getByRole('row', { name: /^0\. Set-up/ })).toBeFocused();
  await expect
    .poll(async () => Number(/: (\d+) of/.exec((await kt.getAttribute('aria-label')) ?? '')?.[1] ?? 0))
    .toBeGreaterThanOrEqual(10);

  // Block one: key 3 asks what it waits for.
  await ui.itemRow(CAPTURE).focus();
  await page.keyboard.press('3');
  const block = page.getByRole('dialog', { name: 'Block item' });
  await block.getByRole('button', { name: 'Mark blocked' }).click();
  await expect(block.getByText('Say what the item is waiting for.')).toBeVisible();
  await block.getByRole('textbox', { name: 'What is it waiting for?' }).fill('Waiting for the storage admin to open the export share');
  await block.getByRole('button', { name: 'Mark blocked' }).click();
  await expect(block).toBeHidden();
  await expect(ui.items.getByRole('combobox', { name: `Status of ${CAPTURE}` })).toHaveValue('blocked');
  await expect(ui.itemRow(CAPTURE)).toContainText('Waiting for the storage admin');
  // The filters find it.
  await ui.main.getByRole('button', { name: 'Blocked', exact: true }).click();
  await expect(ui.items.getByRole('row', { name: CAPTURE })).toBeVisible();
  await expect(ui.itemRow(DECLARE.title)).toBeHidden();
  await ui.main.getByRole('button', { name: 'Clear filters' }).click();

  // Move the exit date two weeks later on the Overview tab: due dates follow, the hand-set one stays.
  const exitAfter = addDays(exitBefore, 14);
  await ui.tab('Overview').click();
  await exitField.fill(exitAfter);
  await ui.main.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vendor saved' })).toBeVisible();
  await ui.tab('Checklists').click();
  await expect(ui.dueOf(DECLARE.title)).toContainText(addDays(exitAfter, DECLARE.offset));
  await expect(ui.dueOf(OWNERS)).toContainText(pastDue);

  // The dashboard shows the readiness the backend works out: up, with those processes signed off.
  await ui.nav('Dashboard').click();
  const expected = (await app.dispatch('dashboard.get', {})).find((r) => r.vendorId === vendorId)!.readiness;
  expect(expected).toBeGreaterThan(readinessBefore);
  await expect(readinessMeter).toHaveAttribute('aria-valuenow', String(expected));
  await expect(dashboard.getByRole('row', { name: new RegExp(vendorName) })).toContainText(`${expected}%`);

  // My tasks: pick myself (remembered), my open items across vendors, overdue first.
  await ui.nav('My tasks').click();
  await expect(ui.main.getByRole('heading', { name: 'Whose tasks?' })).toBeVisible();
  await ui.pick(ui.main.getByRole('combobox', { name: 'Tasks of' }), 'Robin', ME);
  const tasks = ui.main.getByRole('table', { name: `Tasks of ${ME}` });
  const taskRows = tasks.getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(taskRows).toHaveCount(2);
  await expect(taskRows.nth(0)).toHaveAccessibleName(OWNERS);
  await expect(taskRows.nth(1)).toHaveAccessibleName(CAPTURE);
  await expect(tasks.getByRole('row', { name: /^Overdue/ })).toBeVisible();
  await expect(taskRows.nth(0)).toContainText(`${vendorName} · ${CHECKLIST}`);

  // Inline status change: unblock the blocked one.
  await tasks.getByRole('combobox', { name: `Status of ${CAPTURE}` }).selectOption({ label: 'In progress' });
  await expect(tasks.getByRole('combobox', { name: `Status of ${CAPTURE}` })).toHaveValue('in_progress');
  // "Show done" brings back the one completed earlier.
  await ui.main.getByRole('button', { name: 'Show done' }).click();
  await expect(tasks.getByRole('row', { name: DECLARE.title })).toBeVisible();

  // The choice of person is remembered across a reload.
  await page.reload();
  await expect(tasks.getByRole('row', { name: OWNERS })).toBeVisible();

  // A task opens in its vendor's checklist, with its detail.
  await tasks.getByRole('row', { name: CAPTURE }).getByText(CAPTURE, { exact: true }).click();
  const detail = page.getByRole('dialog', { name: CAPTURE });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('combobox', { name: 'Status' })).toHaveValue('in_progress');
  await expect(ui.main.getByRole('heading', { name: vendorName, level: 1 })).toBeVisible();
});
