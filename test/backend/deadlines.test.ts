// The deadlines service through the API (deadlines.list): each source, the window, the vendor and
// person filters, overdue items, stable ids. The test clock starts on 2026-03-01.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listDeadlines } from '../../electron/core/services/deadlines';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

const brief = (list: { id: string; kind: string; date: string }[]) => list.map((d) => `${d.date} ${d.kind}`);

/** A vendor with one of each source, and the ids to find them by. */
async function workbook() {
  const alice = await wb.call('person.create', { name: 'Alice' });
  const bob = await wb.call('person.create', { name: 'Bob' });
  const v = await wb.call('vendor.create', { name: 'Northwind', status: 'exit_planned', ourContactId: alice.id });
  // Tacit, 3 months' notice, 10 days' lead: notice by 2026-03-30 (start 2026-03-20), term ends 2026-06-30.
  const msa = await wb.call('contract.create', {
    vendorId: v.id, title: 'Managed services', initialEnd: '2026-06-30', renewal: 'tacit', renewalMonths: 12, noticeAmount: 3, noticeUnit: 'months', leadDays: 10,
  });
  // Express, 30 days: the option closes 2026-03-31, the term ends 2026-04-30.
  const sow = await wb.call('contract.create', {
    vendorId: v.id, title: 'SOW 2', initialEnd: '2026-04-30', renewal: 'express', renewalMonths: 6, noticeAmount: 30, noticeUnit: 'days',
  });
  const lic = await wb.call('licence.create', { vendorId: v.id, product: 'Jira', renewalDate: '2026-04-15' });
  await wb.call('licence.create', { vendorId: v.id, product: 'Lapsed', renewalDate: '2026-02-01' });
  const template = (await wb.call('template.list', {}))[0]!;
  const list = await wb.call('checklist.start', { vendorId: v.id, templateId: template.id, name: 'Exit' });
  const item = (title: string, dueDate: string, ownerId: string | null) =>
    wb.call('checklist.addItem', { checklistId: list.id, phase: 4, title, description: '', dueDate, ownerId });
  const soon = await item('Move the DNS', '2026-03-06', bob.id);
  const late = await item('Collect the runbooks', '2026-02-20', bob.id);
  const done = await item('Already done', '2026-03-05', bob.id);
  await wb.call('checklist.updateItem', { id: done.id, changes: { status: 'done' } });
  await item('Far away', '2026-09-01', null);
  return { alice, bob, v, msa, sow, lic, soon, late };
}

describe('deadlines.list', () => {
  it('gathers each source in the next 90 days, by date, with overdue open items', async () => {
    const w = await workbook();
    const list = await wb.call('deadlines.list', {});
    expect(brief(list)).toEqual([
      '2026-02-20 item_due', // overdue: still open, so kept
      '2026-03-06 item_due',
      '2026-03-20 notice_start',
      '2026-03-30 notice_due',
      '2026-03-31 option_expiry',
      '2026-04-15 licence_expiry',
      '2026-04-30 contract_renewal',
    ]);
    expect(list.find((d) => d.kind === 'notice_due')).toEqual({
      id: `notice_due:${w.msa.id}`, kind: 'notice_due', date: '2026-03-30', title: 'Notice due: Managed services',
      detail: 'Last day for notice to end it on 2026-06-30; otherwise it renews until 2027-06-30.',
      vendorId: w.v.id, vendorName: 'Northwind', personId: w.alice.id, personName: 'Alice', source: { kind: 'contract', id: w.msa.id },
    });
    expect(list.find((d) => d.kind === 'licence_expiry')).toMatchObject({ id: `licence_expiry:${w.lic.id}`, source: { kind: 'licence', id: w.lic.id } });
    expect(list[1]).toMatchObject({ id: `item_due:${w.soon.id}`, title: 'Move the DNS', personId: w.bob.id, personName: 'Bob', source: { kind: 'checklist_item', id: w.soon.id, checklistId: w.soon.checklistId } });
  });

  it('follows the window: a year brings the tacit term end and the far item', async () => {
    await workbook();
    const year = brief(await wb.call('deadlines.list', { days: 365 }));
    expect(year).toContain('2026-06-30 contract_renewal');
    expect(year).toContain('2026-09-01 item_due');
    expect(brief(await wb.call('deadlines.list', { days: 7 }))).toEqual(['2026-02-20 item_due', '2026-03-06 item_due']);
  });

  it('filters by vendor and by person', async () => {
    const w = await workbook();
    const other = await wb.call('vendor.create', { name: 'Contoso' });
    await wb.call('licence.create', { vendorId: other.id, product: 'Office', renewalDate: '2026-03-10' });
    expect((await wb.call('deadlines.list', {})).map((d) => d.vendorName)).toContain('Contoso');
    expect(new Set((await wb.call('deadlines.list', { vendorId: w.v.id })).map((d) => d.vendorName))).toEqual(new Set(['Northwind']));
    expect(brief(await wb.call('deadlines.list', { vendorId: other.id }))).toEqual(['2026-03-10 licence_expiry']);
    expect(brief(await wb.call('deadlines.list', { personId: w.bob.id }))).toEqual(['2026-02-20 item_due', '2026-03-06 item_due']);
    // Alice is our contact for Northwind: its contract and licence dates are hers.
    expect((await wb.call('deadlines.list', { personId: w.alice.id })).map((d) => d.kind)).toEqual(
      ['notice_start', 'notice_due', 'option_expiry', 'licence_expiry', 'contract_renewal'],
    );
  });

  it('leaves out deleted records, exited vendors, and notice once served', async () => {
    const w = await workbook();
    await wb.call('licence.delete', { id: w.lic.id });
    await wb.call('checklist.deleteItem', { id: w.soon.id });
    await wb.call('notice.create', { vendorId: w.v.id, contractId: w.msa.id, servedOn: '2026-03-01' });
    expect(brief(await wb.call('deadlines.list', {}))).toEqual(['2026-02-20 item_due', '2026-03-31 option_expiry', '2026-04-30 contract_renewal']);
    await wb.call('vendor.update', { id: w.v.id, changes: { status: 'exited' } });
    expect(await wb.call('deadlines.list', {})).toEqual([]);
  });

  it('keeps its ids across calls, unrelated edits, and a notice date moved on by a tacit renewal', async () => {
    const w = await workbook();
    const ids = (await wb.call('deadlines.list', { days: 365 })).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await wb.call('deadlines.list', { days: 365 })).map((d) => d.id)).toEqual(ids);
    await wb.call('vendor.update', { id: w.v.id, changes: { name: 'Northwind Ltd' } });
    await wb.call('licence.update', { id: w.lic.id, changes: { seats: 40 } });
    expect((await wb.call('deadlines.list', { days: 365 })).map((d) => d.id)).toEqual(ids);
    // After 2026-03-30 passes unserved the contract renews: its notice moves to the next term, same id.
    const later = listDeadlines(wb.backend.db, '2026-04-05', { days: 365 }).find((d) => d.kind === 'notice_due');
    expect(later).toMatchObject({ id: `notice_due:${w.msa.id}`, date: '2027-03-30' });
  });

  it('refuses a window out of range, naming the field', async () => {
    for (const days of [0, 3651, 1.5]) {
      const error = await wb.refuse('deadlines.list', { days });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain('days');
    }
  });
});

describe('deadlines.list: the security-closure registers', () => {
  /** A vendor leaving on 2026-03-10 (T), and one with no exit date, each with access and infrastructure. */
  async function registers() {
    const carol = await wb.call('person.create', { name: 'Carol', side: 'vendor' });
    const v = await wb.call('vendor.create', { name: 'Northwind', status: 'exit_planned', exitDate: '2026-03-10' });
    const access = (name: string, plannedOffsetDays: number, more: Record<string, unknown> = {}) =>
      wb.call('access.create', { vendorId: v.id, name, plannedOffsetDays, ...more });
    const admin = await access('Domain admin', 0, { kind: 'named_account', system: 'Active Directory', holderId: carol.id, privileged: 'yes' });
    const key = await access('Deploy key', 5, { kind: 'ssh_key', system: 'GitLab', action: 'rotate', status: 'scheduled' });
    const early = await access('Old VPN account', -20, { kind: 'vpn_account' }); // T-20 = 2026-02-18: overdue, still open
    const far = await access('Backup console', 120); // T+120: beyond 90 days
    await access('Revoked already', 1, { status: 'done', doneOn: '2026-03-01' });
    await access('Checked too', 2, { status: 'verified', doneOn: '2026-03-01', verifiedOn: '2026-03-01' });
    const infra = (name: string, kind: string, expiresOn: string | null, more: Record<string, unknown> = {}) =>
      wb.call('infrastructure.create', { vendorId: v.id, name, kind, expiresOn, ...more });
    const cert = await infra('shop.example.com', 'tls_certificate', '2026-04-01', { identifier: 'CN=shop.example.com', renewalAccount: 'vendor' });
    const domain = await infra('example.com', 'domain', '2026-03-15', { renewalAccount: 'us', disposition: 'transfer', status: 'in_progress' });
    const sub = await infra('Azure subscription', 'subscription', '2026-05-01');
    await infra('old.example.com', 'tls_certificate', '2026-02-01'); // already expired: history
    await infra('api.example.com', 'tls_certificate', '2026-12-01'); // beyond 90 days
    await infra('moved.example.com', 'domain', '2026-03-20', { status: 'done' });
    await infra('checked.example.com', 'domain', '2026-03-21', { status: 'verified' });
    await infra('Rack server', 'server', null);
    const none = await wb.call('vendor.create', { name: 'Contoso' });
    await wb.call('access.create', { vendorId: none.id, name: 'No exit date yet', plannedOffsetDays: 0 });
    const noneCert = await wb.call('infrastructure.create', { vendorId: none.id, name: 'contoso.example', kind: 'tls_certificate', expiresOn: '2026-03-25' });
    return { carol, v, admin, key, early, far, cert, domain, sub, none, noneCert };
  }
  const registerRows = (list: { kind: string; date: string; title: string }[]) =>
    list.filter((d) => d.kind === 'access_due' || d.kind === 'infrastructure_expiry').map((d) => `${d.date} ${d.title}`);

  it('lists open access at T + its offset (overdue kept) and open infrastructure expiring in the window', async () => {
    const w = await registers();
    expect(registerRows(await wb.call('deadlines.list', {}))).toEqual([
      '2026-02-18 Revoke access: Old VPN account',
      '2026-03-10 Revoke access: Domain admin',
      '2026-03-15 Domain expires: example.com',
      '2026-03-15 Rotate the secret: Deploy key',
      '2026-03-25 TLS certificate expires: contoso.example',
      '2026-04-01 TLS certificate expires: shop.example.com',
      '2026-05-01 Subscription expires: Azure subscription',
    ]);
    const list = await wb.call('deadlines.list', {});
    expect(list.find((d) => d.source.id === w.admin.id)).toEqual({
      id: `access_due:${w.admin.id}`, kind: 'access_due', date: '2026-03-10', title: 'Revoke access: Domain admin',
      detail: 'Named account on Active Directory (privileged) · held by Carol · planned T · active',
      vendorId: w.v.id, vendorName: 'Northwind', personId: w.carol.id, personName: 'Carol', source: { kind: 'access', id: w.admin.id },
    });
    // Held by the vendor as a company: no person.
    expect(list.find((d) => d.source.id === w.key.id)).toMatchObject({
      detail: 'SSH key on GitLab · held by the vendor · planned T+5 · scheduled', personId: null, personName: null,
    });
    // Days before T read as everywhere else in the app (checklists, the register tables): T−20, with a minus sign.
    expect(list.find((d) => d.source.id === w.early.id)?.detail).toBe('VPN account · held by the vendor · planned T−20 · active');
    expect(list.find((d) => d.source.id === w.cert.id)).toEqual({
      id: `infrastructure_expiry:${w.cert.id}`, kind: 'infrastructure_expiry', date: '2026-04-01', title: 'TLS certificate expires: shop.example.com',
      detail: 'CN=shop.example.com · renews on the vendor\'s account · Transfer to us: not started',
      vendorId: w.v.id, vendorName: 'Northwind', personId: null, personName: null, source: { kind: 'infrastructure', id: w.cert.id },
    });
    expect(list.find((d) => d.source.id === w.domain.id)?.detail).toBe('renews on our account · Transfer to us: in progress');
  });

  it('follows the window both ways: a year brings the far ones, a week only what is near', async () => {
    await registers();
    const year = registerRows(await wb.call('deadlines.list', { days: 365 }));
    expect(year).toContain('2026-07-08 Revoke access: Backup console');
    expect(year).toContain('2026-12-01 TLS certificate expires: api.example.com');
    expect(registerRows(await wb.call('deadlines.list', { days: 7 }))).toEqual(['2026-02-18 Revoke access: Old VPN account']);
  });

  it('leaves out what is done or verified, and access of a vendor with no exit date', async () => {
    const w = await registers();
    const titles = (await wb.call('deadlines.list', { days: 365 })).map((d) => d.title).join('\n');
    for (const left of ['Revoked already', 'Checked too', 'moved.example.com', 'checked.example.com', 'old.example.com', 'Rack server', 'No exit date yet']) {
      expect(titles).not.toContain(left);
    }
    // Contoso has no exit date: its certificate still expires, but no access is planned.
    expect((await wb.call('deadlines.list', { vendorId: w.none.id })).map((d) => d.id)).toEqual([`infrastructure_expiry:${w.noneCert.id}`]);
    // Done now: gone; and with an exit date set the vendor's access gets its day.
    await wb.call('access.update', { id: w.admin.id, changes: { status: 'done', doneOn: '2026-03-01' } });
    await wb.call('infrastructure.update', { id: w.cert.id, changes: { status: 'done' } });
    const ids = (await wb.call('deadlines.list', {})).map((d) => d.id);
    expect(ids).not.toContain(`access_due:${w.admin.id}`);
    expect(ids).not.toContain(`infrastructure_expiry:${w.cert.id}`);
    await wb.call('vendor.update', { id: w.none.id, changes: { exitDate: '2026-04-01' } });
    expect(registerRows(await wb.call('deadlines.list', { vendorId: w.none.id }))).toEqual([
      '2026-03-25 TLS certificate expires: contoso.example', '2026-04-01 Revoke access: No exit date yet',
    ]);
  });

  it('moves access with the exit date under the same id, and filters by vendor and by holder', async () => {
    const w = await registers();
    await wb.call('vendor.update', { id: w.v.id, changes: { exitDate: '2026-03-20' } });
    expect((await wb.call('deadlines.list', {})).find((d) => d.id === `access_due:${w.admin.id}`)?.date).toBe('2026-03-20');
    expect((await wb.call('deadlines.list', { personId: w.carol.id })).map((d) => d.id)).toEqual([`access_due:${w.admin.id}`]);
    expect((await wb.call('deadlines.list', { vendorId: w.none.id })).every((d) => d.vendorName === 'Contoso')).toBe(true);
    await wb.call('access.delete', { id: w.early.id });
    await wb.call('infrastructure.delete', { id: w.sub.id });
    const ids = (await wb.call('deadlines.list', {})).map((d) => d.id);
    expect(ids).not.toContain(`access_due:${w.early.id}`);
    expect(ids).not.toContain(`infrastructure_expiry:${w.sub.id}`);
    await wb.call('vendor.update', { id: w.v.id, changes: { status: 'exited' } });
    expect(registerRows(await wb.call('deadlines.list', {}))).toEqual(['2026-03-25 TLS certificate expires: contoso.example']);
  });

  it('reads infrastructure through the expiry index and access through the vendor index', () => {
    // The statements the service really runs, caught as they are prepared, then explained.
    const db = wb.backend.db;
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => { seen.push(sql); return prepare(sql); }) as typeof db.prepare);
    try {
      listDeadlines(db, '2026-03-01', { days: 90 });
    } finally {
      spy.mockRestore();
    }
    const planOf = (table: string) => {
      const sql = seen.find((q) => q.includes(`FROM ${table}`) || q.includes(`JOIN ${table}`));
      expect(sql, table).toBeDefined();
      const args = Array.from({ length: (sql!.match(/\?/g) ?? []).length }, () => '2026-03-01');
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql!}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');
    };
    expect(planOf('infrastructure_items')).toMatch(/USING INDEX infrastructure_items_expiry/);
    expect(planOf('access_credentials')).toMatch(/USING INDEX access_credentials_vendor/);
  });

  it('reach the CLI: handover deadlines prints them and answers them as JSON, for the holder too', async () => {
    const w = await registers();
    const { deadlinesCommand } = await import('../../electron/cli/commands/deadlines');
    const run = (args: string[]) => {
      const lines: string[] = [];
      const code = deadlinesCommand(['--db', wb.path, ...args], { out: (l) => void lines.push(l), err: (l) => void lines.push(l) }, () => new Date('2026-03-01T12:00:00'));
      return { code, text: lines.join('\n') };
    };
    const text = run([]);
    expect(text.code).toBe(0);
    expect(text.text).toMatch(/^2026-02-18 overdue {2}Northwind +Revoke access: Old VPN account$/m);
    expect(text.text).toMatch(/^2026-03-10 +Northwind +Revoke access: Domain admin {2}\(Carol\)$/m);
    expect(text.text).toMatch(/^2026-04-01 +Northwind +TLS certificate expires: shop\.example\.com$/m);
    const carol = run(['--person', 'Carol', '--json']);
    expect((JSON.parse(carol.text) as { id: string }[]).map((d) => d.id)).toEqual([`access_due:${w.admin.id}`]);
  });
});
