// The Activity tab says whether the workbook's log is still the hash chain it wrote, and names the
// entry changed behind the app's back (the sqlite3 command, triggers dropped).
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test('the activity tab shows the history intact, then the entry edited outside the app', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Acme Managed Services' });
  await app.dispatch('process.create', { vendorId: vendor.id, name: 'Monthly payroll' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/activity`);
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByRole('status').filter({ hasText: 'History intact' })).toHaveText(`History intact: 2 entries since ${today} in this workbook's log, each chained to the one before.`);

  // A write refreshes the line (every write appends an entry).
  await app.dispatch('vendor.update', { id: vendor.id, changes: { services: 'Payroll runs' } });
  await expect(page.getByRole('status').filter({ hasText: 'History intact' })).toContainText('3 entries');

  const db = new Database(app.workbookPath);
  db.exec(`DROP TRIGGER activity_no_update; UPDATE activity SET summary = 'Created process “Nothing to see”' WHERE seq = 2;`);
  db.close();
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('History broken: entry #2');
  await expect(page.getByRole('alert')).toContainText('“Created process “Nothing to see””) was edited');
});

test('verifying a pack shows the history it carries', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Acme Managed Services' });
  await app.dispatch('process.create', { vendorId: vendor.id, name: 'Monthly payroll' });
  const { jobId } = await app.dispatch('pack.export', { all: true, attachments: false });
  const done = await app.backend.packs.settled(jobId, 'export');
  expect(done.state).toBe('done');
  await page.goto(`${app.url}#/packs/verify`);
  await page.getByLabel('Pack file to verify').setInputFiles(done.result!.path);
  const result = page.getByRole('status').filter({ hasText: 'is intact' });
  const today = new Date().toISOString().slice(0, 10);
  await expect(result).toContainText(`History intact: 2 entries since ${today}, each chained to the one before.`);
});
