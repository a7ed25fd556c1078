// The portfolio's fast path (kept counts, migration 5, store/readiness.ts) against the plain rules
// on every record, on a generated workbook worked on through the API the way people do: every item
// status, overdue items, deleted and restored records, a deleted checklist, people who left.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/core/demo/generate';
import { loadReadiness, readinessForVendor } from '../../electron/core/services/readiness';
import { insertCounted } from '../../electron/core/store/counts';
import { prepareInsert } from '../../electron/core/store/records';
import { ITEM_STATUS } from '../../shared/checklists';
import { ACCESS_STATUS, INFRA_KIND, INFRA_STATUS, PERSONAL_DATA, RENEWAL_ACCOUNT } from '../../shared/enums';
import { DEFAULTS } from '../../shared/records';
import { computeReadiness } from '../../shared/readiness';
import { exportThroughApi, makePackWorkbook } from '../pack/helpers';
import { makeWorkbook, type TestWorkbook } from './helpers';
import { expectCountsMatchRecords, liveVendors, plainReadinessInput } from './readinessInput';

let wb: TestWorkbook;
beforeEach(() => {
  wb = makeWorkbook();
});
afterEach(() => wb.close());

const ids = (sql: string, ...params: unknown[]) => wb.backend.db.prepare(sql).pluck().all(...params) as string[];

const expectCountsKept = () => expectCountsMatchRecords(wb.backend.db);

function expectFastPathAgrees(today: string) {
  const db = wb.backend.db;
  const fast = loadReadiness(db, today);
  const vendors = liveVendors(db);
  expect([...fast.keys()].sort()).toEqual(vendors.map((v) => v.id));
  const flagKinds = new Set<string>();
  for (const vendor of vendors) {
    const plain = computeReadiness(plainReadinessInput(db, vendor, today));
    const got = fast.get(vendor.id)!;
    expect(got.score, vendor.name).toBe(plain.score);
    expect(got.parts, vendor.name).toEqual(plain.parts);
    expect(got.flagCounts, vendor.name).toEqual({
      high: plain.flags.filter((f) => f.severity === 'high').length,
      medium: plain.flags.filter((f) => f.severity === 'medium').length,
    });
    for (const f of plain.flags) flagKinds.add(f.kind);
    // The vendor overview's path (grouped from the records, members fetched) names the same flags.
    expect(readinessForVendor(db, vendor.id, today)!.flags, vendor.name).toEqual(plain.flags);
  }
  return flagKinds;
}

/**
 * Register records for every vendor in every state the rules read, loaded as a sheet import loads
 * them (insertCounted: the count trigger set aside, the new rows counted in one statement).
 */
function loadRegisters() {
  const db = wb.backend.db;
  const stamp = { createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deletedAt: null };
  const vendors = ids('SELECT id FROM vendors WHERE deleted_at IS NULL ORDER BY name');
  const holders = (v: string) => [null, ...ids(`SELECT id FROM people WHERE deleted_at IS NULL AND (vendor_id = ? OR side = 'in_house') ORDER BY side, name LIMIT 4`, v)];
  const day = (k: number) => `2026-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + ((k * 7) % 28)).padStart(2, '0')}`;
  const rows = { access: prepareInsert(db, 'access'), dataset: prepareInsert(db, 'dataset'), infrastructure: prepareInsert(db, 'infrastructure') };
  insertCounted(db, 'access_credentials', () => vendors.forEach((vendorId, v) => {
    const hs = holders(vendorId);
    for (let k = 0; k < 40; k++) {
      rows.access({ ...DEFAULTS.access, ...stamp, id: randomUUID(), vendorId, name: `Account ${v}-${k}`, privileged: k % 3 ? 'no' : 'yes',
        status: ACCESS_STATUS[(k + v) % ACCESS_STATUS.length], holderId: hs[k % hs.length] ?? null });
    }
  }));
  insertCounted(db, 'data_sets', () => vendors.forEach((vendorId, v) => {
    for (let k = 0; k < 30; k++) {
      const certified = k % 3 === 0;
      rows.dataset({ ...DEFAULTS.dataset, ...stamp, id: randomUUID(), vendorId, name: `Data set ${v}-${k}`, personalData: PERSONAL_DATA[k % PERSONAL_DATA.length],
        receivedOn: k % 4 ? day(k) : null, deletionRequired: k % 5 ? 'yes' : 'no', certificateReceivedOn: certified && k % 4 ? day(k) : null,
        certificateCoversBackups: (['unknown', 'yes', 'no'] as const)[Math.floor(k / 3) % 3] });
    }
  }));
  insertCounted(db, 'infrastructure_items', () => vendors.forEach((vendorId, v) => {
    for (let k = 0; k < 30; k++) {
      rows.infrastructure({ ...DEFAULTS.infrastructure, ...stamp, id: randomUUID(), vendorId, name: `Item ${v}-${k}`, kind: k % 2 ? INFRA_KIND[k % INFRA_KIND.length] : (k % 4 ? 'domain' : 'tls_certificate'),
        status: INFRA_STATUS[(k + v) % INFRA_STATUS.length], renewalAccount: RENEWAL_ACCOUNT[k % RENEWAL_ACCOUNT.length], expiresOn: k % 5 === 4 ? null : day(k * 3 + v) });
    }
  }));
}

/** Works on the register records through the API: every field the kept counts follow. */
async function workOnRegisters() {
  const [v1, v2] = ids('SELECT id FROM vendors WHERE deleted_at IS NULL ORDER BY name');
  const someone = ids(`SELECT id FROM people WHERE deleted_at IS NULL AND side = 'vendor' LIMIT 1`)[0]!;
  for (const [i, id] of ids('SELECT id FROM access_credentials WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 10', v1).entries()) {
    if (i < 6) {
      await wb.call('access.update', { id, changes: [{ status: 'verified', doneOn: '2026-02-01', verifiedOn: '2026-02-02' }, { privileged: 'yes', status: 'active' },
        { holderId: null }, { holderId: someone }, { vendorId: v2! }, { status: 'done', doneOn: '2026-02-01', verifiedOn: null }][i]! });
    } else if (i < 8) await wb.call('access.delete', { id });
    else {
      await wb.call('access.delete', { id });
      await wb.call('access.restore', { id });
    }
  }
  for (const [i, id] of ids('SELECT id FROM data_sets WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 8', v1).entries()) {
    if (i < 5) {
      await wb.call('dataset.update', { id, changes: [{ personalData: 'special', receivedOn: null, certificateReceivedOn: null }, { receivedOn: '2026-01-10', certificateReceivedOn: '2026-02-10' },
        { deletionRequired: 'no' }, { certificateCoversBackups: 'no' }, { personalData: 'no' }][i]! });
    } else await wb.call('dataset.delete', { id });
  }
  for (const [i, id] of ids('SELECT id FROM infrastructure_items WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 8', v1).entries()) {
    if (i < 5) {
      await wb.call('infrastructure.update', { id, changes: [{ status: 'done' }, { kind: 'domain', renewalAccount: 'vendor', expiresOn: '2026-04-01', status: 'not_started' },
        { expiresOn: null }, { renewalAccount: 'us' }, { status: 'in_progress', kind: 'tls_certificate', renewalAccount: 'vendor', expiresOn: '2026-03-15' }][i]! });
    } else await wb.call('infrastructure.delete', { id });
  }
  await wb.call('access.create', { vendorId: v1!, name: 'Added by hand', privileged: 'yes' });
  // Holders who change sides: the kept counts move their records (migration 10's people triggers).
  const held = (side: string) => ids(`SELECT DISTINCT a.holder_id FROM access_credentials a JOIN people p ON p.id = a.holder_id
    WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL AND p.side = ? ORDER BY 1 LIMIT 2`, side);
  const [toUs, toNewProvider] = held('vendor');
  const [toVendor] = held('in_house');
  await wb.call('person.update', { id: toUs!, changes: { side: 'in_house' } });
  await wb.call('person.update', { id: toNewProvider!, changes: { side: 'new_provider' } });
  await wb.call('person.update', { id: toVendor!, changes: { side: 'vendor' } });
  await wb.call('person.update', { id: toVendor!, changes: { name: 'Renamed, same side' } });
  // One who leaves still counts on the side they were on.
  await wb.call('person.delete', { id: toVendor! });
  await wb.call('dataset.create', { vendorId: v1!, name: 'Added by hand', personalData: 'yes' });
  await wb.call('infrastructure.create', { vendorId: v1!, name: 'Added by hand', kind: 'domain', renewalAccount: 'vendor', expiresOn: '2026-04-20' });
}

/** Works on the generated workbook through the API: every kind of write the counts must follow. */
async function workOnIt() {
  const db = wb.backend.db;
  const [v1, v2, v3, v4] = ids('SELECT id FROM vendors WHERE deleted_at IS NULL ORDER BY name');
  const items = ids('SELECT id FROM checklist_items WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY position LIMIT 40', v1);
  for (const [i, id] of items.entries()) {
    const changes = [
      { status: 'not_applicable' as const }, { status: 'blocked' as const, blockedReason: 'Waiting for the vendor' }, { status: 'done' as const },
      { phase: 5 }, { dueDate: '2026-02-25' }, { dueDate: '2025-12-01' }, { dueDate: null }, { status: 'in_progress' as const, dueDate: '2026-02-27' },
    ][i % 8]!;
    await wb.call('checklist.updateItem', { id, changes });
  }
  for (const id of items.slice(0, 6)) await wb.call('checklist.deleteItem', { id });
  await wb.call('checklist.restoreItem', { id: items[0]! });
  // A whole checklist deleted: its items leave readiness but stay in the dashboard's figures.
  const [checklist] = ids('SELECT id FROM checklists WHERE vendor_id = ? AND deleted_at IS NULL', v2);
  await wb.call('checklist.delete', { id: checklist! });

  for (const [i, id] of ids('SELECT id FROM processes WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 12', v1).entries()) {
    if (i < 4) await wb.call('process.update', { id, changes: [{ criticality: 'critical' }, { ktStage: 'signed_off' }, { successorId: null }, { criticality: 'low', ktStage: 'shadowing' }][i]! });
    else if (i < 6) await wb.call('process.delete', { id });
    else if (i === 6) {
      await wb.call('process.delete', { id });
      await wb.call('process.restore', { id });
    }
  }
  for (const [i, id] of ids('SELECT id FROM repositories WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 6', v3).entries()) {
    if (i < 3) await wb.call('repository.update', { id, changes: [{ adminId: null }, { transferStatus: 'verified' }, { transferStatus: 'transferred' }][i]! });
    else await wb.call('repository.delete', { id });
  }
  for (const [i, id] of ids('SELECT id FROM licences WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY product LIMIT 6', v3).entries()) {
    if (i < 3) await wb.call('licence.update', { id, changes: [{ licensee: 'vendor', transferable: 'no', transferStatus: 'not_started' }, { licensee: 'us' }, { transferStatus: 'lapsed' }][i]! });
    else await wb.call('licence.delete', { id });
  }
  for (const [i, id] of ids('SELECT id FROM documents WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY title LIMIT 6', v4).entries()) {
    if (i < 3) await wb.call('document.update', { id, changes: [{ status: 'missing' }, { status: 'published', reviewedOn: '2026-02-01' }, { reviewedOn: null }][i]! });
    else await wb.call('document.delete', { id });
  }
  // Records added one by one, as well as generated in bulk.
  const p = await wb.call('process.create', { vendorId: v4!, name: 'Added by hand', criticality: 'critical' });
  await wb.call('repository.create', { vendorId: v4!, name: 'added-by-hand' });
  await wb.call('licence.create', { vendorId: v4!, product: 'Added by hand', licensee: 'vendor', transferable: 'no' });
  await wb.call('document.create', { vendorId: v4!, title: 'Added by hand', status: 'missing' });
  const [list] = ids('SELECT id FROM checklists WHERE vendor_id = ? AND deleted_at IS NULL', v4);
  await wb.call('checklist.addItem', { checklistId: list!, phase: 3, title: 'Added by hand', description: '', dueDate: '2026-01-10' });
  expect(p.id).toBeTruthy();
  // People who leave: an owner, a successor and an admin.
  const gone = ids(`SELECT owner_id FROM processes WHERE vendor_id = ? AND owner_id IS NOT NULL
    UNION SELECT successor_id FROM processes WHERE vendor_id = ? AND successor_id IS NOT NULL
    UNION SELECT admin_id FROM repositories WHERE vendor_id = ? AND admin_id IS NOT NULL ORDER BY 1 LIMIT 5`, v1, v1, v3);
  for (const id of gone) await wb.call('person.delete', { id });
  // A deleted vendor drops out of the portfolio.
  const last = ids('SELECT id FROM vendors WHERE deleted_at IS NULL ORDER BY name DESC LIMIT 1')[0]!;
  await wb.call('vendor.delete', { id: last });
  expect(db.prepare('SELECT count(*) FROM people WHERE deleted_at IS NOT NULL').pluck().get()).toBeGreaterThan(0);
}

describe('readiness counted from the kept counts', () => {
  it('keeps the counts exact through bulk loads and every kind of write, and scores every vendor as the plain rules do', async () => {
    generateDemo(wb.backend.db, { records: 6000, items: 1500, today: '2026-03-01', now: '2026-03-01T09:00:00.000Z', actor: 'test' });
    loadRegisters();
    expectCountsKept();
    await workOnRegisters();
    await workOnIt();
    expectCountsKept();
    // The statuses, lateness and flags the comparison must cover.
    const statuses = ids('SELECT DISTINCT status FROM checklist_items WHERE deleted_at IS NULL ORDER BY 1');
    expect(statuses).toEqual([...ITEM_STATUS].sort());
    const seen = new Set<string>();
    // Today, and later days on which more items are overdue, and long overdue.
    for (const today of ['2026-03-01', '2026-03-20', '2026-08-15', '2027-06-01']) for (const k of expectFastPathAgrees(today)) seen.add(k);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['critical_process_no_successor', 'critical_process_not_signed_off', 'document_missing', 'item_blocked',
      'item_overdue', 'licence_vendor_held_not_transferable', 'owner_left', 'repository_no_in_house_admin',
      'privileged_access_after_exit', 'vendor_access_open', 'access_not_verified', 'personal_data_not_certified', 'certificate_misses_backups', 'renewal_on_vendor_account']));
  });

  it('keeps them exact in a workbook that packs are read into, as new records and as updates', async () => {
    wb.close();
    wb = makePackWorkbook(1);
    const into = makePackWorkbook(2);
    try {
      generateDemo(wb.backend.db, { records: 4000, items: 800, today: '2026-03-01', now: '2026-03-01T09:00:00.000Z', actor: 'test' });
      loadRegisters();
      await into.call('pack.import', { path: await exportThroughApi(wb, { all: true, attachments: false, destination: join(wb.dir, 'first.zip') }) });
      expectCountsMatchRecords(into.backend.db);
      await workOnRegisters();
      await workOnIt();
      await into.call('pack.import', { path: await exportThroughApi(wb, { all: true, attachments: false, destination: join(wb.dir, 'second.zip') }) });
      expectCountsMatchRecords(into.backend.db);
      expect(into.backend.db.prepare('SELECT count(*) FROM processes WHERE deleted_at IS NOT NULL').pluck().get()).toBeGreaterThan(0);
    } finally {
      into.close();
    }
  });

  it('keeps access held by the vendor exact when a holder\'s person row arrives after the record, or goes', async () => {
    // A pack is read with foreign keys off, so an access record can name a person not yet there.
    generateDemo(wb.backend.db, { records: 600, items: 100, today: '2026-03-01', now: '2026-03-01T09:00:00.000Z', actor: 'test' });
    const db = wb.backend.db;
    const [vendorId] = ids('SELECT id FROM vendors WHERE deleted_at IS NULL ORDER BY name');
    const stamp = { createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deletedAt: null };
    const [early, late] = [randomUUID(), randomUUID()];
    const insertAccess = prepareInsert(db, 'access');
    const insertPerson = prepareInsert(db, 'person');
    db.pragma('foreign_keys = OFF');
    try {
      for (const [k, holderId] of [early, early, late].entries()) {
        insertAccess({ ...DEFAULTS.access, ...stamp, id: randomUUID(), vendorId, name: `Ahead of its holder ${k}`, holderId, privileged: k ? 'no' : 'yes' });
      }
      expectCountsKept();
      const heldByVendor = () => db.prepare('SELECT ifnull(sum(n), 0) FROM readiness_access_counts WHERE vendor_id = ? AND vendor_held = 1').pluck().get(vendorId) as number;
      const before = heldByVendor();
      insertPerson({ ...DEFAULTS.person, ...stamp, id: early, name: 'Arrives later', side: 'vendor', vendorId });
      insertPerson({ ...DEFAULTS.person, ...stamp, id: late, name: 'Arrives later, ours', side: 'in_house', vendorId: null });
      expectCountsKept();
      expect(heldByVendor()).toBe(before + 2);
      db.prepare('DELETE FROM people WHERE id = ?').run(early);
      expectCountsKept();
      expect(heldByVendor()).toBe(before);
    } finally {
      db.pragma('foreign_keys = ON');
    }
  });

  it('gives the dashboard the same scores, flag counts and item figures as counting every record', async () => {
    generateDemo(wb.backend.db, { records: 5000, items: 1000, today: '2026-03-01', now: '2026-03-01T09:00:00.000Z', actor: 'test' });
    loadRegisters();
    await workOnRegisters();
    await workOnIt();
    const db = wb.backend.db;
    const today = '2026-03-01';
    const rows = await wb.call('dashboard.get', {});
    const vendors = liveVendors(db);
    expect(rows.map((r) => r.vendorId).sort()).toEqual(vendors.map((v) => v.id));
    for (const row of rows) {
      const plain = computeReadiness(plainReadinessInput(db, vendors.find((v) => v.id === row.vendorId)!, today));
      expect(row.readiness, row.name).toBe(plain.score);
      expect(row.highFlags, row.name).toBe(plain.flags.filter((f) => f.severity === 'high').length);
      expect(row.flags, row.name).toBe(plain.flags.length);
      // Every live item counts here, a deleted checklist's too.
      const items = db.prepare(`SELECT count(*) FILTER (WHERE status <> 'not_applicable') AS total, count(*) FILTER (WHERE status = 'done') AS done,
        count(*) FILTER (WHERE status NOT IN ('done', 'not_applicable') AND due_date < ?) AS overdue, count(*) FILTER (WHERE status = 'blocked') AS blocked
        FROM checklist_items WHERE vendor_id = ? AND deleted_at IS NULL`).get(today, row.vendorId);
      expect(row.items, row.name).toEqual(items);
    }
    expect(rows.some((r) => r.items.overdue > 0)).toBe(true);
  });

  it('records today\'s scores once, and again only for a vendor whose score changed', async () => {
    await wb.call('demo.load', {});
    const db = wb.backend.db;
    const history = () => db.prepare('SELECT vendor_id, day, score FROM readiness_history ORDER BY vendor_id').raw().all();
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
    const first = await wb.call('dashboard.get', {});
    expect(history()).toEqual(first.map((r) => [r.vendorId, '2026-03-01', r.readiness]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    // Shown again with nothing changed: nothing is written.
    const before = changes();
    await wb.call('dashboard.get', {});
    expect(changes()).toBe(before);
    // One vendor's score moves: its row follows, the others stay as they were.
    const vendor = first[0]!;
    const open = ids(`SELECT id FROM checklist_items WHERE vendor_id = ? AND status <> 'done' AND deleted_at IS NULL`, vendor.vendorId);
    for (const id of open) await wb.call('checklist.updateItem', { id, changes: { status: 'done' } });
    const again = await wb.call('dashboard.get', {});
    const now = again.find((r) => r.vendorId === vendor.vendorId)!;
    expect(now.readiness).not.toBe(vendor.readiness);
    expect(history()).toEqual(again.map((r) => [r.vendorId, '2026-03-01', r.readiness]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });
});
