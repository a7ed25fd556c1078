// Attachments in the browser face: a file chosen in a document's dialog travels as the body of the
// upload route (never as bytes inside a call), and Download is a link that streams it back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('attach a file to a document, then download the same bytes through its link', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind' });
  await app.dispatch('document.create', { vendorId: vendor.id, title: 'Backup runbook' });
  // Bytes that are not text, so nothing on the way may decode and re-encode them.
  const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256));
  const apiCalls: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) apiCalls.push(r.postData() ?? ''); });

  await page.goto(`${app.url}#/vendors/${vendor.id}`);
  await page.getByRole('tab', { name: /Documents/ }).click();
  await page.getByText('Backup runbook', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit document' });
  await dialog.getByLabel('Choose files to attach').setInputFiles({ name: 'restore drill.bin', mimeType: 'application/octet-stream', buffer: bytes });
  const files = dialog.getByRole('table', { name: 'Attached files' });
  await expect(files.getByRole('link', { name: 'Download restore drill.bin' })).toBeVisible();
  // No API call carried the file.
  expect(apiCalls.every((body) => body.length < 10_000)).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'Download restore drill.bin' }).click()]);
  expect(download.suggestedFilename()).toBe('restore drill.bin');
  const saved = join(app.dir, 'downloaded.bin');
  await download.saveAs(saved);
  expect(readFileSync(saved).equals(bytes)).toBe(true);
  const [stored] = await app.dispatch('attachment.list', { documentId: (await app.dispatch('document.list', { vendorId: vendor.id })).rows[0]!.id });
  expect(stored).toMatchObject({ fileName: 'restore drill.bin', size: bytes.length });
});
