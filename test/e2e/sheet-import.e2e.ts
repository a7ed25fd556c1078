// A new user imports an Excel file of 200 processes whose headers do not match the workbook's
// fields: maps two columns by hand, puts right the two rows the dry run refuses (their ratings are
// no criticality the workbook knows) by typing the right value into each refused cell in the
// preview, applies; then edits the sheet and imports it again, answers what the two ratings mean
// with the value pickers (a cell typed in by hand is not remembered), and the import updates
// records instead of adding them twice. The XLSX files are made here with write-excel-file.
import writeXlsxFile from 'write-excel-file/node';
import { expect, test } from './fixtures';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TIERS = ['P1', 'High', 'Medium', 'Low'];
/** Ratings no criticality is called, by data row (0-based): sheet rows 38 and 119. */
const UNKNOWN_TIERS: Record<number, string> = { 36: 'Red', 117: 'Amber' };

const nameOf = (i: number) => `Process ${String(i + 1).padStart(3, '0')}`;

interface SheetRow {
  name: string;
  tier: string;
}

async function processesXlsx(rows: SheetRow[]): Promise<Buffer> {
  const header = ['Line of work', 'Tier', 'Frequency', 'SLA'].map((value) => ({ value, fontWeight: 'bold' as const }));
  const data = rows.map((r) => [{ value: r.name }, { value: r.tier }, { value: 'Daily' }, { value: '4h' }]);
  return writeXlsxFile([header, ...data]).toBuffer();
}

test('a spreadsheet of processes is mapped, corrected, applied, and imported again as updates', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  const first: SheetRow[] = Array.from({ length: 200 }, (_, i) => ({ name: nameOf(i), tier: UNKNOWN_TIERS[i] ?? TIERS[i % 4]! }));

  await page.goto(`${app.url}#/vendors/${vendor.id}/processes`);
  await expect(page.getByRole('heading', { name: 'No processes yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import processes from a spreadsheet' });

  // Step 1: the file, read by the backend.
  await dialog.getByLabel('Spreadsheet file of processes').setInputFiles({ name: 'processes.xlsx', mimeType: XLSX_TYPE, buffer: await processesXlsx(first) });
  await expect(dialog.getByText('Excel workbook')).toBeVisible();
  await expect(dialog.getByText('200 below the header')).toBeVisible();
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();

  // Step 2: the two columns no header word names are mapped by hand.
  const nameColumn = dialog.getByRole('combobox', { name: 'Field for column A “Line of work”' });
  const tierColumn = dialog.getByRole('combobox', { name: 'Field for column B “Tier”' });
  await expect(nameColumn).toHaveValue('');
  await expect(tierColumn).toHaveValue('');
  await expect(dialog.getByRole('combobox', { name: 'Field for column C “Frequency”' })).toHaveValue('frequency');
  await nameColumn.selectOption('name');
  await tierColumn.selectOption('criticality');
  await dialog.getByRole('button', { name: 'Next: dry run' }).click();

  // Step 3: two rows are refused, named by row and column; nothing can be applied until they are put right.
  const totals = dialog.getByRole('list', { name: 'Dry run totals' });
  await expect(totals).toContainText('198 to add');
  await expect(totals).toContainText('2 refused');
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Show only refused rows' }).check();
  const rows = dialog.getByRole('table', { name: 'Dry run rows' });
  await expect(rows.getByRole('row')).toHaveCount(3);
  await expect(rows.getByRole('row').nth(1)).toContainText('38');
  await expect(rows.getByRole('row').nth(1)).toContainText('B (Tier)');
  await expect(rows.getByRole('row').nth(1)).toContainText('"Red" is not one of');
  await expect(rows.getByRole('row').nth(2)).toContainText('119');
  // A wrong value typed in is checked like the sheet's own, and the cell shows it was edited.
  const redCell = rows.getByRole('textbox', { name: 'New value for row 38, column B (Tier)' });
  await redCell.fill('Crimson');
  await redCell.press('Enter');
  await expect(rows.getByRole('row').nth(1)).toContainText('"Crimson" is not one of');
  await expect(rows.getByRole('row').nth(1)).toContainText('edited');
  await expect(totals).toContainText('2 refused');
  await redCell.fill('Critical');
  await redCell.press('Enter');
  await expect(totals).toContainText('1 refused');
  await expect(rows.getByRole('row')).toHaveCount(2);
  await rows.getByRole('textbox', { name: 'New value for row 119, column B (Tier)' }).fill('high');
  await rows.getByRole('button', { name: 'Use this value for row 119, column B (Tier)' }).click();
  await expect(totals).toContainText('200 to add');
  await expect(totals).toContainText('0 refused');

  await dialog.getByRole('button', { name: 'Apply: import 200 rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported processes.xlsx: 200 added, 0 updated, 0 unchanged' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '200 processes' })).toBeVisible();

  // The edited sheet: five processes re-rated. Its columns are read as last time; the two ratings
  // typed in by hand were for that file, so they are asked again, with the value pickers.
  const second = first.map((r, i) => ({ name: r.name, tier: i < 5 ? (r.tier === 'Low' ? 'Medium' : 'Low') : r.tier }));
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  await dialog.getByLabel('Spreadsheet file of processes').setInputFiles({ name: 'processes-v2.xlsx', mimeType: XLSX_TYPE, buffer: await processesXlsx(second) });
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();
  await expect(dialog.getByText('Mapped like last time')).toBeVisible();
  await expect(nameColumn).toHaveValue('name');
  await expect(tierColumn).toHaveValue('criticality');
  await dialog.getByRole('button', { name: 'Next: dry run' }).click();
  await expect(totals).toContainText('2 refused');
  await dialog.getByRole('combobox', { name: 'Criticality for “Red”' }).selectOption('critical');
  await dialog.getByRole('combobox', { name: 'Criticality for “Amber”' }).selectOption('high');
  await dialog.getByRole('button', { name: 'Run the dry run again' }).click();
  await expect(totals).toContainText('0 refused');
  await expect(totals).toContainText('0 to add');
  await expect(totals).toContainText('5 to update');
  await expect(totals).toContainText('195 unchanged');
  await dialog.getByRole('button', { name: 'Apply: import 5 rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported processes-v2.xlsx: 0 added, 5 updated, 195 unchanged' })).toBeVisible();

  // Updated, never duplicated.
  await expect(page.getByRole('status').filter({ hasText: '200 processes' })).toBeVisible();
  const stored = await app.dispatch('process.list', { vendorId: vendor.id, filter: 'Process 001' });
  expect(stored.total).toBe(1);
  expect(stored.rows[0]!.criticality).toBe('low');
  expect((await app.dispatch('process.list', { vendorId: vendor.id, limit: 1 })).total).toBe(200);
});

test('cells pasted from Excel are imported, and Undo takes the whole import back', async ({ page, app }) => {
  await app.dispatch('person.create', { name: 'Someone already here' });
  await page.goto(`${app.url}#/people`);
  await page.getByRole('button', { name: 'Import from spreadsheet', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import people from a spreadsheet' });

  // The blank template downloads in the browser face.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download blank person template (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  await dialog.getByRole('textbox', { name: 'Or paste cells copied from Excel' }).fill('Full name\tE-mail\tTeam\nAnn Lee\tann@example.com\tinternal\nRaj Patel\traj@example.com\tsupplier\n');
  await dialog.getByRole('button', { name: 'Use the pasted cells' }).click();
  await expect(dialog.getByText('2 below the header')).toBeVisible();
  await expect(dialog.getByText('tab', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Next: map the columns' }).click();
  await dialog.getByRole('button', { name: 'Next: dry run' }).click();
  await expect(dialog.getByRole('list', { name: 'Dry run totals' })).toContainText('2 to add');
  await dialog.getByRole('button', { name: 'Apply: import 2 rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '3 people' })).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 person' })).toBeVisible();
  expect((await app.dispatch('person.list', { filter: 'Ann' })).total).toBe(0);
});
