// Packs in the browser face: export one vendor from the Packs screen (with its progress) and
// download it; verify the download in the app; read the pack's README.html in the browser; import
// the pack into a second workbook through that workbook's own Packs screen, preview and apply it,
// and find the vendor, its records and its attached file there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBackend } from '../../electron/core/backend';
import { startWebServer } from '../../electron/web/server';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import { expect, test } from './fixtures';
import { readFromPack } from './pack-files';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('export a vendor, verify the pack, read its report and import it into another workbook', async ({ page, app }) => {
  // A demo workbook with a file attached to one of the vendor's documents.
  await app.dispatch('demo.load', {});
  const vendor = (await app.dispatch('vendor.summaries', {}))[0]!.vendor;
  const doc = (await app.dispatch('document.list', { vendorId: vendor.id, limit: 1 })).rows[0]!;
  const fileBytes = Buffer.from('1. Stop the backup job\n2. Restore last night’s set to the test host\n3. Compare checksums\n');
  // Uploaded as the page does: the raw bytes as the body of the attachment route.
  const token = new URL(app.url).searchParams.get('token')!;
  const uploaded = await fetch(new URL(`/attachments?documentId=${doc.id}&name=restore-drill.txt`, app.url), {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: fileBytes,
  });
  expect(uploaded.status).toBe(200);
  const processes = (await app.dispatch('process.list', { vendorId: vendor.id, limit: 1 })).total;

  // Export the vendor from the Packs screen. The first status answer is held back until the
  // progress has been seen, so a small pack cannot finish before the screen shows it.
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Packs' }).click();
  await expect(page.getByRole('heading', { name: 'Export a pack' })).toBeVisible();
  await page.getByRole('checkbox', { name: vendor.name, exact: true }).check();
  await expect(page.getByText('1 vendor chosen')).toBeVisible();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/pack.jobStatus', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Export pack' }).click();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(`Exporting ${vendor.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel export' })).toBeEnabled();
  release();
  const download = page.getByRole('link', { name: 'Download pack' });
  await expect(download).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Pack ready: handover-pack-.*\.zip$/ })).toBeVisible();
  await page.unroute('**/api/pack.jobStatus');

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^handover-pack-.*\.zip$/);
  const packPath = join(app.dir, file.suggestedFilename());
  await file.saveAs(packPath);

  // Verify it in the app: an upload, then the result.
  await page.getByRole('tab', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Verify a pack' })).toBeVisible();
  await page.getByLabel('Pack file to verify').setInputFiles(packPath);
  await expect(page.getByRole('heading', { name: `${file.suggestedFilename()} is intact` })).toBeVisible();
  const facts = page.getByRole('definition').filter({ hasText: vendor.name });
  await expect(facts).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: `${processes} processes` })).toBeVisible();

  // The pack's README.html opens in the browser on its own, from a file.
  const readme = join(app.dir, 'README.html');
  writeFileSync(readme, await readFromPack(packPath, 'README.html'));
  await page.goto(pathToFileURL(readme).href);
  await expect(page.getByRole('heading', { level: 1, name: `Transition pack: ${vendor.name}` })).toBeVisible();
  // One vendor: the report is that vendor's, its summary first (key dates, readiness, red flags).
  await expect(page.getByRole('heading', { level: 2, name: 'Key dates' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Readiness', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Red flags/ })).toBeVisible();

  // A second workbook, served the same way, imports the pack through its own Packs screen.
  const dir2 = mkdtempSync(join(app.dir, 'second-'));
  const backend2 = createBackend({ workbookPath: join(dir2, 'second.sqlite'), appVersion: 'e2e', allowPackPaths: false });
  const web2 = await startWebServer({ dispatch: backend2.dispatch, token: 'e2e-token-second-0123456789', staticDir: join(ROOT, 'out/renderer'), packs: backend2.packs, attachments: backend2.attachments });
  const dispatch2 = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const r = await backend2.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as ResultOf<M>;
  };
  try {
    await page.goto(`${web2.url}#/packs/import`);
    await expect(page.getByRole('heading', { name: 'Import a pack' })).toBeVisible();
    await page.getByLabel('Pack file to import').setInputFiles(packPath);
    await expect(page.getByRole('heading', { name: `What importing ${file.suggestedFilename()} would do` })).toBeVisible();
    // Everything is new here: records to add, nothing to update, delete or settle.
    const totals = page.getByRole('list', { name: 'Totals' });
    await expect(totals.getByText(/^\d+ to add$/)).toBeVisible();
    await expect(totals.getByText('0 to update')).toBeVisible();
    await expect(totals.getByText('0 conflicts')).toBeVisible();
    const byKind = page.getByRole('table', { name: 'Changes by kind and vendor' });
    const processRow = byKind.getByRole('row').filter({ hasText: 'Processes' });
    await expect(processRow.getByRole('cell').nth(1)).toHaveText(vendor.name);
    await expect(processRow.getByRole('cell').nth(2)).toHaveText(String(processes));
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('heading', { name: `Imported ${file.suggestedFilename()}` })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Import result' }).getByText('1 attached file copied')).toBeVisible();

    // Through the second workbook's API: the vendor, its records and the attached file are there.
    const imported = await dispatch2('vendor.get', { id: vendor.id });
    expect(imported.name).toBe(vendor.name);
    expect((await dispatch2('process.list', { vendorId: vendor.id, limit: 1 })).total).toBe(processes);
    expect((await dispatch2('document.get', { id: doc.id })).title).toBe(doc.title);
    const attached = await dispatch2('attachment.list', { documentId: doc.id });
    expect(attached.map((a) => a.fileName)).toContain('restore-drill.txt');
    const id = attached.find((a) => a.fileName === 'restore-drill.txt')!.id;
    const content = await fetch(new URL(`/attachments/${id}?token=e2e-token-second-0123456789`, web2.url));
    expect(Buffer.from(await content.arrayBuffer()).equals(fileBytes)).toBe(true);
  } finally {
    await web2.close();
    backend2.close();
    rmSync(dir2, { recursive: true, force: true });
  }
});
