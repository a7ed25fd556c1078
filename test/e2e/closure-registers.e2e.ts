// Issue 10's flow: a new user records, for one vendor whose exit date has just passed, ten accounts
// and keys, four data sets each with its signed deletion certificate attached, and six
// infrastructure items, all through the screens; and watches the vendor's readiness and red flags
// move as they work through them (privileged access verified, a certificate that covers backups);
// then export the vendor's pack and find the three registers in its README.html.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localToday, addDays } from '../../shared/dates';
import { expect, test } from './fixtures';
import { readFromPack } from './pack-files';
import type { Locator, Page } from '@playwright/test';

const ACCESS: { name: string; kind: string; system: string; privileged: 'Yes' | 'No'; action: string; status: string }[] = [
  { name: 'AWS root account', kind: 'Cloud console role', system: 'AWS', privileged: 'Yes', action: 'Transfer to us', status: 'Active' },
  { name: 'ERP administrator', kind: 'Named account', system: 'SAP ERP', privileged: 'Yes', action: 'Revoke', status: 'Done' },
  { name: 'Backup service account', kind: 'Service account', system: 'Veeam', privileged: 'No', action: 'Rotate', status: 'Verified' },
  { name: 'GitHub deploy key', kind: 'SSH key', system: 'GitHub', privileged: 'No', action: 'Revoke', status: 'Verified' },
  { name: 'Monitoring API token', kind: 'API key or token', system: 'Grafana', privileged: 'No', action: 'Rotate', status: 'Verified' },
  { name: 'Office VPN', kind: 'VPN account', system: 'Fortigate', privileged: 'No', action: 'Revoke', status: 'Verified' },
  { name: 'Helpdesk OAuth app', kind: 'OAuth grant or app', system: 'Microsoft 365', privileged: 'No', action: 'Revoke', status: 'Verified' },
  { name: 'Firewall allow-list', kind: 'IP allow-list entry', system: 'Edge firewall', privileged: 'No', action: 'Revoke', status: 'Verified' },
  { name: 'Registrar login', kind: 'DNS or registrar login', system: 'Gandi', privileged: 'No', action: 'Transfer to us', status: 'Verified' },
  { name: 'Data centre badge', kind: 'Badge or hardware', system: 'DC Paris', privileged: 'No', action: 'Revoke', status: 'Verified' },
];

const DATASETS = [
  { name: 'Customer records', personal: 'Yes', backups: 'No' },
  { name: 'Payroll', personal: 'Special categories', backups: 'Yes' },
  { name: 'Ticket history', personal: 'Yes', backups: 'Yes' },
  { name: 'Monitoring metrics', personal: 'No', backups: 'Yes' },
];

const INFRA = [
  { name: 'app01.example.com', kind: 'Server', disposition: 'Migrate' },
  { name: 'AWS production account', kind: 'Cloud account', disposition: 'Transfer to us' },
  { name: 'example.com', kind: 'Domain', disposition: 'Transfer to us' },
  { name: '*.example.com certificate', kind: 'TLS certificate', disposition: 'Transfer to us' },
  { name: 'MPLS link Paris', kind: 'Network link', disposition: 'Decommission' },
  { name: 'Backup appliance', kind: 'Hardware', disposition: 'Decommission' },
];

/** The smallest PDF a viewer opens: one empty page. */
function certificatePdf(title: string): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `4 0 obj << /Title (${title}) >> endobj`,
    'trailer << /Root 1 0 R /Info 4 0 R >>',
    '%%EOF',
  ];
  return Buffer.from(body.join('\n'));
}

/** The vendor's overview: its readiness figure, and its red flags as listed. */
async function overview(page: Page, tabs: Locator) {
  await tabs.getByRole('tab', { name: /^Overview/ }).click();
  const card = page.getByRole('region', { name: 'Readiness' });
  await expect(card).toBeVisible();
  return { card, flags: page.getByRole('list', { name: 'Red flags' }) };
}

/** The readiness meter of the vendor's overview. */
const meter = (card: Locator) => card.getByRole('meter', { name: 'Readiness', exact: true });

test('a new user fills the three security-closure registers and sees readiness and flags move', async ({ page, app }) => {
  test.setTimeout(180_000);
  // The exit was ten days ago: the security closure is under way.
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services', exitDate: addDays(localToday(), -10) });
  await page.goto(`${app.url}#/vendors/${vendor.id}`);
  const tabs = page.getByRole('tablist');
  const readiness = async () => (await app.dispatch('readiness.vendor', { vendorId: vendor.id })).readiness;

  // ---- ten accounts and keys, the first from the empty state, the rest with "New access or credential"
  await tabs.getByRole('tab', { name: /^Access/ }).click();
  await expect(page.getByText('List every account, key, token and allow-list entry')).toBeVisible();
  for (const [i, a] of ACCESS.entries()) {
    await page.getByRole('button', { name: i === 0 ? 'Add the first access or credential' : 'New access or credential' }).click();
    const dialog = page.getByRole('dialog', { name: 'New access or credential' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(a.name);
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: a.kind });
    await dialog.getByRole('textbox', { name: 'System' }).fill(a.system);
    await dialog.getByRole('combobox', { name: 'Privileged' }).selectOption({ label: a.privileged });
    await dialog.getByRole('textbox', { name: 'Where the secret is kept' }).fill(`vault:/kv/northwind/${i}`);
    await dialog.getByRole('combobox', { name: 'Action' }).selectOption({ label: a.action });
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption({ label: a.status });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  const accessTable = page.getByRole('table', { name: 'Access and credentials' });
  await expect(page.getByRole('status').filter({ hasText: '10 access and credentials' })).toBeVisible();
  // Privileged accounts say so beside their name.
  await expect(accessTable.getByRole('row', { name: /AWS root account/ }).getByText('Privileged')).toBeVisible();

  // A secret typed where its reference belongs is refused at the field, and nothing is saved.
  await page.getByRole('button', { name: 'New access or credential' }).click();
  const refused = page.getByRole('dialog', { name: 'New access or credential' });
  await refused.getByRole('textbox', { name: 'Name', exact: true }).fill('Leaked key');
  await refused.getByRole('textbox', { name: 'Where the secret is kept' }).fill('AKIAIOSFODNN7EXAMPLE');
  await refused.getByRole('button', { name: 'Save' }).click();
  await expect(refused.getByText(/looks like an AWS access key id/)).toBeVisible();
  await expect(refused.getByRole('textbox', { name: 'Where the secret is kept' })).toHaveAttribute('aria-invalid', 'true');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /Discard/ }).click();
  expect((await app.dispatch('access.list', { vendorId: vendor.id })).total).toBe(10);

  // Global search finds an account from anywhere and opens it on the vendor's Access tab.
  await tabs.getByRole('tab', { name: /^Contracts/ }).click();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search' }).fill('registrar');
  await expect(search.getByRole('option', { name: /Registrar login/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const found = page.getByRole('dialog', { name: 'Edit access or credential' });
  await expect(found.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Registrar login');
  await expect(tabs.getByRole('tab', { name: /^Access/ })).toHaveAttribute('aria-selected', 'true');
  await found.getByRole('button', { name: 'Cancel' }).click();
  await expect(found).toBeHidden();

  // The overview: the privileged account still active after T is a red flag.
  let view = await overview(page, tabs);
  const flagText = 'Privileged access still active after the exit: AWS root account';
  await expect(view.flags.getByRole('link', { name: flagText })).toBeVisible();
  const before = await readiness();
  const accessBefore = before.parts.find((p) => p.key === 'access')!;
  expect(accessBefore.score).not.toBeNull();
  await expect(meter(view.card)).toHaveAttribute('aria-valuenow', String(before.score));

  // The flag opens the account; marked verified, the flag goes and readiness rises.
  await view.flags.getByRole('link', { name: flagText }).click();
  const edit = page.getByRole('dialog', { name: 'Edit access or credential' });
  await expect(edit.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('AWS root account');
  await edit.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Verified' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  view = await overview(page, tabs);
  await expect(view.flags.getByRole('link', { name: flagText })).toHaveCount(0);
  const afterAccess = await readiness();
  expect(afterAccess.parts.find((p) => p.key === 'access')!.score!).toBeGreaterThan(accessBefore.score!);
  expect(afterAccess.score).toBeGreaterThan(before.score);
  await expect(meter(view.card)).toHaveAttribute('aria-valuenow', String(afterAccess.score));

  // ---- four data sets, each returned and with its signed deletion certificate attached in the dialog
  await tabs.getByRole('tab', { name: /^Data/ }).click();
  for (const [i, d] of DATASETS.entries()) {
    await page.getByRole('button', { name: i === 0 ? 'Add the first data set' : 'New data set' }).click();
    const dialog = page.getByRole('dialog', { name: 'New data set' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(d.name);
    await dialog.getByRole('textbox', { name: 'Country or region' }).fill('EU (Frankfurt)');
    await dialog.getByRole('combobox', { name: 'Personal data' }).selectOption({ label: d.personal });
    await dialog.getByRole('textbox', { name: 'Received back on' }).fill(addDays(localToday(), -5));
    await dialog.getByRole('combobox', { name: 'Deletion required' }).selectOption({ label: 'Yes' });
    await dialog.getByRole('textbox', { name: 'Deletion certificate received on' }).fill(addDays(localToday(), -2));
    await dialog.getByRole('combobox', { name: 'Certificate covers backups' }).selectOption({ label: d.backups });
    await dialog.getByRole('combobox', { name: 'Certificate covers sub-processors' }).selectOption({ label: 'Yes' });
    const certificate = dialog.getByRole('region', { name: 'Deletion certificate' });
    await certificate.getByLabel('Choose files to attach').setInputFiles({ name: `deletion-certificate-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: certificatePdf(d.name) });
    await expect(certificate.getByText(`deletion-certificate-${i + 1}.pdf`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  const datasets = (await app.dispatch('dataset.list', { vendorId: vendor.id })).rows;
  expect(datasets).toHaveLength(4);
  for (const d of datasets) {
    const files = await app.dispatch('attachment.list', { datasetId: d.id });
    expect(files.map((f) => [f.fileName, f.mediaType])).toEqual([[`deletion-certificate-${DATASETS.findIndex((x) => x.name === d.name) + 1}.pdf`, 'application/pdf']]);
  }
  // The certificate is in the data set's dialog when it is opened again.
  await page.getByRole('table', { name: 'Data sets' }).getByText('Payroll', { exact: true }).click();
  const payroll = page.getByRole('dialog', { name: 'Edit data set' });
  await expect(payroll.getByRole('region', { name: 'Deletion certificate' }).getByRole('link', { name: 'Download deletion-certificate-2.pdf' })).toBeVisible();
  await payroll.getByRole('button', { name: 'Cancel' }).click();

  // A certificate that leaves backups out is a flag; once a new one covers them, it clears and data readiness holds.
  view = await overview(page, tabs);
  const backupsFlag = 'Deletion certificate does not cover backups: Customer records';
  await expect(view.flags.getByRole('link', { name: backupsFlag })).toBeVisible();
  await view.flags.getByRole('link', { name: backupsFlag }).click();
  const customers = page.getByRole('dialog', { name: 'Edit data set' });
  await customers.getByRole('combobox', { name: 'Certificate covers backups' }).selectOption({ label: 'Yes' });
  await customers.getByRole('button', { name: 'Save' }).click();
  await expect(customers).toBeHidden();
  view = await overview(page, tabs);
  await expect(view.flags.getByRole('link', { name: backupsFlag })).toHaveCount(0);
  const afterData = await readiness();
  expect(afterData.parts.find((p) => p.key === 'data')!.score).toBe(100);
  await expect(meter(view.card)).toHaveAttribute('aria-valuenow', String(afterData.score));

  // ---- six infrastructure items; the first two handed over, and the figure rises again
  await tabs.getByRole('tab', { name: /^Infrastructure/ }).click();
  await expect(page.getByText('List the servers, cloud accounts, domains, certificates and network links')).toBeVisible();
  for (const [i, it] of INFRA.entries()) {
    await page.getByRole('button', { name: i === 0 ? 'Add the first infrastructure item' : 'New infrastructure item' }).click();
    const dialog = page.getByRole('dialog', { name: 'New infrastructure item' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(it.name);
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: it.kind });
    await dialog.getByRole('combobox', { name: 'What happens to it' }).selectOption({ label: it.disposition });
    if (i < 2) await dialog.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Done' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  const infraTable = page.getByRole('table', { name: 'Infrastructure' });
  for (const it of INFRA) await expect(infraTable.getByText(it.name, { exact: true })).toBeVisible();
  view = await overview(page, tabs);
  const afterInfra = await readiness();
  const infraPart = afterInfra.parts.find((p) => p.key === 'infrastructure')!;
  expect(infraPart.score).toBeGreaterThan(0);
  expect(infraPart.score).toBeLessThan(100);
  await expect(meter(view.card)).toHaveAttribute('aria-valuenow', String(afterInfra.score));
  // The parts table shows each register's part as the backend works it out.
  const parts = page.getByRole('table', { name: 'Readiness by part' });
  for (const key of ['access', 'data', 'infrastructure'] as const) {
    const part = afterInfra.parts.find((p) => p.key === key)!;
    await expect(parts.getByRole('row', { name: new RegExp(part.label) }).getByRole('cell').last()).toHaveText(`${part.score}%`);
  }
  // The tab keeps the list's name; its count reads as items.
  await tabs.getByRole('tab', { name: /^Infrastructure/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^6 infrastructure items$/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter infrastructure' }).fill('mainframe');
  await expect(page.getByText('No infrastructure items match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Show all infrastructure items' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^6 infrastructure items$/ })).toBeVisible();

  // ---- the pack: exported from the Packs screen, its README.html holds the three registers
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Packs' }).click();
  await expect(page.getByRole('heading', { name: 'Export a pack' })).toBeVisible();
  // The vendor's records counted there include the registers' 20.
  await expect(page.getByRole('list', { name: 'Vendors to export' }).getByRole('listitem').filter({ hasText: vendor.name })).toContainText('20 records');
  await page.getByRole('checkbox', { name: vendor.name, exact: true }).check();
  await page.getByRole('button', { name: 'Export pack' }).click();
  const download = page.getByRole('link', { name: 'Download pack' });
  await expect(download).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const packPath = join(app.dir, file.suggestedFilename());
  await file.saveAs(packPath);
  const html = (await readFromPack(packPath, 'README.html')).toString('utf8');
  expect(html).toContain('Access and credentials (10)');
  expect(html).toContain('Data sets (4)');
  expect(html).toContain('Infrastructure (6)');
  for (const name of ['AWS root account', 'Registrar login', 'Data centre badge', ...DATASETS.map((d) => d.name), ...INFRA.map((i) => i.name)]) {
    expect(html).toContain(name);
  }

  // README.html opens on its own in the browser: each register a heading and a table.
  const readme = test.info().outputPath('README.html');
  writeFileSync(readme, html);
  await page.goto(pathToFileURL(readme).href);
  for (const h of ['Access and credentials (10)', 'Data sets (4)', 'Infrastructure (6)']) await expect(page.getByRole('heading', { name: h })).toBeVisible();
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell').first().filter({ hasText: name }) });
  await expect(row('AWS root account')).toContainText('Verified');
  await expect(row('AWS root account')).toContainText('privileged');
  for (const d of DATASETS) {
    // Back five days ago (no format or method recorded: the day is what it says), certified two days ago.
    await expect(row(d.name).getByRole('cell').nth(3)).toHaveText(`Received ${addDays(localToday(), -5)}`);
    await expect(row(d.name).getByRole('cell').nth(4)).toContainText(`Received ${addDays(localToday(), -2)}`);
    await expect(row(d.name)).toContainText('backups: yes');
  }
  // Each certificate is listed on its data set and among the attached files, linked to the file in the pack.
  for (const [i, d] of DATASETS.entries()) {
    const name = `deletion-certificate-${i + 1}.pdf`;
    await expect(row(d.name).getByRole('link', { name })).toBeVisible();
    await expect(row(name).getByRole('link', { name })).toBeVisible();
    const href = await row(name).getByRole('link', { name }).getAttribute('href');
    expect(href).toMatch(/^attachments\//);
    expect((await readFromPack(packPath, href!)).equals(certificatePdf(d.name))).toBe(true);
  }
  await expect(row('app01.example.com')).toContainText('Done');
  await expect(row('Backup appliance')).toContainText('Not started');
  // Kept with the test's results, to look at the page as a reader sees it.
  const shot = test.info().outputPath('readme-registers.png');
  await page.screenshot({ path: shot, fullPage: true });
  await test.info().attach('README.html registers', { path: shot, contentType: 'image/png' });
});

test('the notice served carries its letter, attached in the dialog, and a later e-mail attached on the contract', async ({ page, app }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Northwind Managed Services' });
  await app.dispatch('contract.create', { vendorId: vendor.id, title: 'Master agreement', initialEnd: addDays(localToday(), 200), noticeAmount: 3, noticeUnit: 'months' });
  await page.goto(`${app.url}#/vendors/${vendor.id}/contracts`);
  const card = page.getByRole('article', { name: 'Master agreement' });
  await card.getByRole('button', { name: 'Record notice served on Master agreement' }).click();
  const notice = page.getByRole('dialog', { name: 'Record notice served: Master agreement' });
  const letter = notice.getByRole('region', { name: 'Letter or e-mail served' });
  await letter.getByLabel('Choose files to attach').setInputFiles({ name: 'termination-letter.pdf', mimeType: 'application/pdf', buffer: certificatePdf('Termination') });
  await expect(letter.getByText('termination-letter.pdf')).toBeVisible();
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(notice).toBeHidden();

  // The letter is on the card of the contract, and the acknowledgement e-mail joins it there.
  const served = card.getByRole('region', { name: 'Letter or e-mail served' });
  await expect(served.getByRole('link', { name: 'Download termination-letter.pdf' })).toBeVisible();
  await served.getByLabel('Choose files to attach').setInputFiles({ name: 'acknowledgement.eml', mimeType: 'message/rfc822', buffer: Buffer.from('Subject: Received\r\n\r\nWe acknowledge your notice.\r\n') });
  await expect(served.getByRole('link', { name: 'Download acknowledgement.eml' })).toBeVisible();
  const [recorded] = (await app.dispatch('notice.list', { vendorId: vendor.id })).rows;
  expect((await app.dispatch('attachment.list', { noticeId: recorded!.id })).map((f) => f.fileName)).toEqual(['termination-letter.pdf', 'acknowledgement.eml']);
});
