// The built-in template's T+30 access review shows the vendor's access still open (issue 10): the
// records not yet verified, each a link to its own dialog, and the count follows as one is verified.
import { expect, test } from './fixtures';

test('the T+30 access review lists the access not yet verified, and follows as one is verified', async ({ app, page }) => {
  const vendor = await app.dispatch('vendor.create', { name: 'Acme Hosting', exitDate: '2026-06-30' });
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  const list = await app.dispatch('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const review = (await app.dispatch('checklist.items', { checklistId: list.id })).rows.find((i) => i.title === 'Access review at T+30')!;
  const admin = await app.dispatch('access.create', { vendorId: vendor.id, name: 'Domain admin', privileged: 'yes' });
  await app.dispatch('access.create', { vendorId: vendor.id, name: 'VPN account', status: 'done', doneOn: '2026-06-30' });
  await app.dispatch('access.create', { vendorId: vendor.id, name: 'Deploy key', status: 'verified', doneOn: '2026-06-30', verifiedOn: '2026-07-01' });

  await page.goto(`${app.url}#/vendors/${vendor.id}/checklists?open=${review.id}`);
  const dialog = page.getByRole('dialog', { name: 'Access review at T+30' });
  await expect(dialog.getByRole('heading', { name: 'Access register: 2 still open' })).toBeVisible();
  const open = dialog.getByRole('list', { name: 'Access register: still open' });
  await expect(open.getByRole('listitem')).toHaveText([/Domain admin\s*active/, /VPN account\s*done, not verified/]);
  await expect(dialog.getByRole('link', { name: 'Open the access register' })).toHaveAttribute('href', `#/vendors/${vendor.id}/access`);

  // Verified elsewhere (a colleague, the API): the list follows without a reload.
  await app.dispatch('access.update', { id: admin.id, changes: { status: 'verified', doneOn: '2026-06-30', verifiedOn: '2026-07-02' } });
  await expect(dialog.getByRole('heading', { name: 'Access register: 1 still open' })).toBeVisible();
  await expect(open.getByRole('listitem')).toHaveText([/VPN account/]);

  // A record's link opens its own dialog on the access tab.
  await open.getByRole('link', { name: 'VPN account' }).click();
  const record = page.getByRole('dialog', { name: 'Edit access or credential' });
  await expect(record.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('VPN account');
  await expect(page).toHaveURL(/#\/vendors\/[^/]+\/access\?open=/);
});

test('editing a copy of the built-in template keeps the register its items work on', async ({ app, page }) => {
  const exit = (await app.dispatch('template.list', {})).find((t) => t.builtin === 'exit')!;
  const copy = await app.dispatch('template.duplicate', { id: exit.id, name: 'Our exit' });
  await page.goto(`${app.url}#/templates/${copy.id}`);
  // An item of its own and one that works on a register, each edited and saved (the whole list is saved each time).
  for (const title of ['Access review at T+30', 'Serve notice']) {
    await page.getByRole('button', { name: `Edit “${title}”` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit template item' });
    await dialog.getByRole('textbox', { name: 'Owner role' }).fill('Security lead');
    await dialog.getByRole('button', { name: 'Save item' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect.poll(async () => (await app.dispatch('template.get', { id: copy.id })).items.filter((i) => i.ownerRole === 'Security lead').length).toBe(2);
  const items = (await app.dispatch('template.get', { id: copy.id })).items;
  expect(items.map((i) => [i.title, i.register])).toEqual(exit.items.map((i) => [i.title, i.register]));
});
