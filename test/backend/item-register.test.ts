// Checklist items that work on a register (issue 10): the built-in template's register, cutover and
// security-closure items name it, their checklist items carry it, and an item shows the vendor's
// records of that register still open (the T+30 access review: the access not yet verified).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_TEMPLATE } from '../../shared/templates';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => {
  wb = makeWorkbook();
});
afterEach(() => wb.close());

async function startExit(name: string) {
  const vendor = await wb.call('vendor.create', { name, exitDate: '2026-06-30' });
  const templates = await wb.call('template.list', {});
  const exit = templates.find((t) => t.builtin === 'exit')!;
  const list = await wb.call('checklist.start', { vendorId: vendor.id, templateId: exit.id });
  const items = (await wb.call('checklist.items', { checklistId: list.id })).rows;
  const item = (title: string) => items.find((i) => i.title === title)!;
  return { vendor, exit, list, items, item };
}

describe('checklist items on a register', () => {
  it('come from the built-in template: its register, cutover and security-closure items name theirs', async () => {
    const { exit, item } = await startExit('Acme');
    const named = exit.items.filter((i) => i.register !== null).map((i) => [i.phase, i.title, i.register]);
    expect(named).toEqual(EXIT_TEMPLATE.items.filter((i) => i.register).map((i) => [i.phase, i.title, i.register]));
    expect(named).toEqual(expect.arrayContaining([[4, 'Domains, DNS and certificates', 'infrastructure'], [5, 'Access review at T+30', 'access'], [5, 'Deletion certificate', 'dataset']]));
    expect(item('Access review at T+30').register).toBe('access');
    expect(item('Deletion certificate').register).toBe('dataset');
    expect(item('Serve notice').register).toBeNull();
  });

  it('keep their register in a duplicated template and in a template saved from the checklist', async () => {
    const { exit, list } = await startExit('Acme');
    const copy = await wb.call('template.duplicate', { id: exit.id, name: 'Our exit' });
    const saved = await wb.call('template.fromChecklist', { checklistId: list.id, name: 'Saved exit' });
    for (const t of [copy, saved]) expect(t.items.find((i) => i.title === 'Access review at T+30')!.register, t.name).toBe('access');
  });

  it('list the vendor\'s access not yet verified at the T+30 review, earliest stage first, and only that vendor\'s', async () => {
    const { vendor, item } = await startExit('Acme');
    const other = await wb.call('vendor.create', { name: 'Other' });
    const review = item('Access review at T+30');
    expect(await wb.call('checklist.registerOpen', { itemId: review.id })).toEqual({ register: 'access', total: 0, openCount: 0, open: [] });

    await wb.call('access.create', { vendorId: vendor.id, name: 'VPN account', status: 'done', doneOn: '2026-06-30' });
    const admin = await wb.call('access.create', { vendorId: vendor.id, name: 'Domain admin', privileged: 'yes' });
    await wb.call('access.create', { vendorId: vendor.id, name: 'Backup token', status: 'scheduled' });
    await wb.call('access.create', { vendorId: vendor.id, name: 'Deploy key', status: 'verified', doneOn: '2026-06-30', verifiedOn: '2026-07-01' });
    await wb.call('access.create', { vendorId: other.id, name: 'Someone else\'s' });
    expect(await wb.call('checklist.registerOpen', { itemId: review.id })).toEqual({
      register: 'access', total: 4, openCount: 3,
      open: [
        { id: admin.id, title: 'Domain admin', state: 'active' },
        { id: expect.any(String), title: 'Backup token', state: 'scheduled' },
        { id: expect.any(String), title: 'VPN account', state: 'done, not verified' },
      ],
    });
    // Verified, or deleted: no longer open.
    await wb.call('access.update', { id: admin.id, changes: { status: 'verified', doneOn: '2026-06-30', verifiedOn: '2026-07-02' } });
    const after = await wb.call('checklist.registerOpen', { itemId: review.id });
    expect(after?.open.map((o) => o.title)).toEqual(['Backup token', 'VPN account']);
  });

  it('list data sets not returned or without their deletion certificate, and infrastructure not done', async () => {
    const { vendor, item } = await startExit('Acme');
    await wb.call('dataset.create', { vendorId: vendor.id, name: 'Payroll', receivedOn: '2026-06-01' });
    await wb.call('dataset.create', { vendorId: vendor.id, name: 'Archive' });
    await wb.call('dataset.create', { vendorId: vendor.id, name: 'Kept copy', receivedOn: '2026-06-01', deletionRequired: 'no' });
    await wb.call('dataset.create', { vendorId: vendor.id, name: 'Certified', receivedOn: '2026-06-01', certificateReceivedOn: '2026-06-20' });
    const data = await wb.call('checklist.registerOpen', { itemId: item('Deletion certificate').id });
    expect(data).toMatchObject({ register: 'dataset', total: 4, openCount: 2 });
    expect(data?.open.map((o) => [o.title, o.state])).toEqual([['Archive', 'not returned'], ['Payroll', 'no deletion certificate']]);

    await wb.call('infrastructure.create', { vendorId: vendor.id, name: 'www.example.com', kind: 'domain', status: 'in_progress' });
    await wb.call('infrastructure.create', { vendorId: vendor.id, name: 'Build server', status: 'done' });
    await wb.call('infrastructure.create', { vendorId: vendor.id, name: 'TLS wildcard', kind: 'tls_certificate' });
    const infra = await wb.call('checklist.registerOpen', { itemId: item('Domains, DNS and certificates').id });
    expect(infra?.open.map((o) => [o.title, o.state])).toEqual([['TLS wildcard', 'not started'], ['www.example.com', 'in progress']]);
  });

  it('answer null for an item on no register, and refuse an item that does not exist', async () => {
    const { item } = await startExit('Acme');
    expect(await wb.call('checklist.registerOpen', { itemId: item('Serve notice').id })).toBeNull();
    await expect(wb.call('checklist.registerOpen', { itemId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/No checklist item/);
  });

  it('are refused a register that is not one', async () => {
    await expect(wb.call('template.create', { name: 'Mine', items: [{ phase: 5, title: 'Check', offsetDays: 0, register: 'servers' as never }] }))
      .rejects.toThrow(/register/);
  });
});
