// Encrypted packs in the browser face: one person's tasks exported as a .zip.age to a passphrase
// (typed twice: a mismatch is refused first), downloaded, and imported into a second, fresh
// workbook on a server of its own, where a wrong passphrase is said plainly and changes nothing,
// and the right one brings exactly that person's checklist items. Nothing of the passphrase is
// kept: not in the first workbook, not in the page's storage, not in the fields after the export.
// A pack encrypted to a recipient is verified with an identity file chosen in the page (uploaded,
// read once by the backend and removed): the wrong one first, then the right one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/core/backend';
import { generateIdentity } from '../../electron/core/pack/age';
import { startWebServer } from '../../electron/web/server';
import { expect, test } from './fixtures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PASSPHRASE = 'copper kettle on the seventh floor';

test('export one person’s tasks encrypted to a passphrase and import them into another workbook with it', async ({ page, app }) => {
  await app.dispatch('demo.load', {});
  // The person who owns the most checklist items, and those items (tombstones too: a pack carries them).
  const db = app.backend.db;
  const owner = db.prepare(`SELECT p.id, p.name FROM people p JOIN checklist_items i ON i.owner_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT 1`).get() as { id: string; name: string };
  const theirs = (db.prepare('SELECT id FROM checklist_items WHERE owner_id = ? ORDER BY id').pluck().all(owner.id) as string[]);
  const everyone = db.prepare('SELECT count(*) FROM checklist_items').pluck().get() as number;
  expect(theirs.length).toBeGreaterThan(0);
  expect(everyone).toBeGreaterThan(theirs.length);

  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Packs' }).click();
  await expect(page.getByRole('heading', { name: 'Export a pack' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'All vendors' }).check();
  await page.getByRole('radio', { name: 'One person’s tasks' }).check();
  const person = page.getByRole('combobox', { name: 'Person' });
  await person.fill(owner.name);
  await page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${owner.name}`) }).click();
  await expect(person).toHaveValue(owner.name);

  await page.getByRole('checkbox', { name: 'Encrypt this pack' }).check();
  await expect(page.getByRole('radio', { name: 'To a passphrase' })).toBeChecked();
  await expect(page.getByText(/no way to recover the passphrase/)).toBeVisible();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  const again = page.getByLabel('Passphrase again');
  await passphrase.fill('short');
  await expect(page.getByText(/^Weak: 5 characters/)).toBeVisible();
  await passphrase.fill(PASSPHRASE);
  await expect(page.getByText('Strong.')).toBeVisible();
  // Typed differently the second time: refused by its field, and no export starts.
  await again.fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Export pack' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Passphrase again: does not match the passphrase.' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toHaveCount(0);

  await again.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Export pack' }).click();
  const download = page.getByRole('link', { name: 'Download pack' });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /^Pack ready: handover-pack-all-vendors-.*\.zip\.age$/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '· encrypted' })).toBeVisible();
  // The passphrase is gone from the fields once the export has it, and was never stored.
  await expect(passphrase).toHaveValue('');
  await expect(again).toHaveValue('');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(PASSPHRASE);
  const workbookText = JSON.stringify(db.prepare('SELECT * FROM settings').all()) + JSON.stringify(db.prepare('SELECT * FROM activity').all());
  expect(workbookText).not.toContain(PASSPHRASE);

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const name = file.suggestedFilename();
  expect(name).toMatch(/^handover-pack-all-vendors-.*\.zip\.age$/);
  const packPath = join(app.dir, name);
  await file.saveAs(packPath);
  expect(readFileSync(packPath).subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');

  // A second, fresh workbook on a server of its own.
  const dir2 = mkdtempSync(join(app.dir, 'second-'));
  const backend2 = createBackend({ workbookPath: join(dir2, 'second.sqlite'), appVersion: 'e2e', allowPackPaths: false });
  const web2 = await startWebServer({ dispatch: backend2.dispatch, token: 'e2e-token-second-0123456789', staticDir: join(ROOT, 'out/renderer'), packs: backend2.packs, attachments: backend2.attachments });
  const db2 = backend2.db;
  const counts2 = () => db2.prepare('SELECT (SELECT count(*) FROM vendors) + (SELECT count(*) FROM checklist_items) + (SELECT count(*) FROM people)').pluck().get();
  try {
    await page.goto(`${web2.url}#/packs/import`);
    await expect(page.getByRole('heading', { name: 'Import a pack' })).toBeVisible();
    await page.getByLabel('Pack file to import').setInputFiles(packPath);
    await expect(page.getByRole('heading', { name: `${name} is encrypted` })).toBeVisible();

    // A wrong passphrase: said so, nothing changed, and the user may try again.
    const unlock = page.getByLabel('Passphrase');
    await unlock.fill('copper kettle on the sixth floor');
    await page.getByRole('button', { name: 'Open pack' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The passphrase does not open this pack. Try again.' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: `What importing ${name} would do` })).toHaveCount(0);
    expect(counts2()).toBe(0);

    await unlock.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open pack' }).click();
    await expect(page.getByRole('heading', { name: `What importing ${name} would do` })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('definition').filter({ hasText: `One person’s tasks: ${owner.name}` })).toBeVisible();
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('heading', { name: `Imported ${name}` })).toBeVisible({ timeout: 30_000 });

    // Exactly that person's items arrived, with the person.
    expect(db2.prepare('SELECT id FROM checklist_items ORDER BY id').pluck().all()).toEqual(theirs);
    expect(db2.prepare('SELECT DISTINCT owner_id FROM checklist_items').pluck().all()).toEqual([owner.id]);
    expect(db2.prepare('SELECT name FROM people WHERE id = ?').pluck().get(owner.id)).toBe(owner.name);
  } finally {
    await web2.close();
    backend2.close();
    rmSync(dir2, { recursive: true, force: true });
  }
});

test('verify a pack encrypted to a recipient with the identity file, after a wrong one', async ({ page, app }) => {
  await app.dispatch('demo.load', {});
  const alice = generateIdentity();
  const bob = generateIdentity();
  const { jobId } = await app.dispatch('pack.export', { all: true, attachments: false, encryption: { recipients: [alice.recipient] } });
  const done = await app.backend.packs.settled(jobId, 'export');
  expect(done.state).toBe('done');
  const pack = done.result!.path;
  const aliceFile = join(app.dir, 'alice-key.txt');
  writeFileSync(aliceFile, `# created: 2026-03-01\n# public key: ${alice.recipient}\n${alice.identity}`);
  const bobFile = join(app.dir, 'bob-key.txt');
  writeFileSync(bobFile, bob.identity);

  await page.goto(`${app.url}#/packs/verify`);
  await page.getByLabel('Pack file to verify').setInputFiles(pack);
  const name = done.result!.fileName;
  await expect(page.getByRole('heading', { name: `${name} is encrypted` })).toBeVisible();
  await expect(page.getByText(/encrypted to public keys: choose the identity file/)).toBeVisible();
  await page.getByRole('button', { name: 'Open pack' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Identity file: choose the identity file' })).toBeVisible();

  await page.getByLabel('Identity file').setInputFiles(bobFile);
  await expect(page.getByText('bob-key.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Open pack' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'None of the identities opens this pack. Try again.' })).toBeVisible();

  await page.getByLabel('Identity file').setInputFiles(aliceFile);
  await page.getByRole('button', { name: 'Open pack' }).click();
  await expect(page.getByRole('heading', { name: `${name} is intact` })).toBeVisible({ timeout: 30_000 });
  // Every identity upload was read and removed; only the pack's own upload was held, and it is let go too.
  const probe = app.backend.packs.beginUpload();
  app.backend.packs.discardUpload(probe.id);
  await expect.poll(() => readdirSync(dirname(probe.path))).toEqual([]);
});
