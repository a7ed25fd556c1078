// Migration 7 on a workbook of the previous schema: each vendor's contract fields become its first
// contract, nothing lost, the same contract on every laptop that upgrades a copy of the workbook.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { createBackend } from '../../electron/core/backend';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { migrate } from '../../electron/core/store/open';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AT = '2025-05-01T08:00:00.000Z';
const FULL = '11111111-1111-4111-8111-111111111111';
const NONE = '22222222-2222-4222-9222-222222222222';
const GONE = '33333333-3333-4333-a333-333333333333';
const TACIT_ONLY = '44444444-4444-4444-b444-444444444444';

/** A workbook at schema 6 with vendors that have all, none and some of the contract fields. */
function workbookAt6(): string {
  dir = mkdtempSync(join(tmpdir(), 'hw-mig7-'));
  const path = join(dir, 'wb.sqlite');
  const db = new Database(path);
  migrate(db, MIGRATIONS.filter((m) => m.version <= 6));
  const vendor = db.prepare(`INSERT INTO vendors (id, name, contract_ref, contract_start, contract_end, renewal, notice_days, lead_days,
    created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  vendor.run(FULL, 'Northwind', 'MSA-2021-0100', '2024-07-01', '2027-06-30', 'tacit', 90, 14, AT, '2025-06-01T08:00:00.000Z', null);
  vendor.run(NONE, 'Contoso', '', null, null, 'none', null, null, AT, AT, null);
  vendor.run(GONE, 'Fabrikam', '', null, null, 'none', 30, null, AT, AT, '2025-07-01T08:00:00.000Z');
  vendor.run(TACIT_ONLY, 'Tailspin', '', null, null, 'tacit', null, null, AT, AT, null);
  db.close();
  return path;
}

it('moves each vendor\'s contract fields into a first contract, keeps the vendor\'s columns, and indexes it', async () => {
  const path = workbookAt6();
  const backend = createBackend({ workbookPath: path, appVersion: 'x' });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const r = await backend.dispatch(method, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as ResultOf<M>;
  };
  const all = (await call('contract.list', { includeDeleted: true })).rows;
  expect(all.map((c) => c.vendorId).sort()).toEqual([FULL, GONE, TACIT_ONLY]);
  const main = (await call('contract.list', { vendorId: FULL })).rows[0]!;
  expect(main).toMatchObject({
    vendorId: FULL, title: 'Main contract', kind: 'master_agreement', reference: 'MSA-2021-0100', start: '2024-07-01', initialEnd: '2027-06-30',
    renewal: 'tacit', renewalMonths: null, noticeAmount: 90, noticeUnit: 'days', leadDays: 14, endedByExit: 'yes', exitAssistance: 'unknown',
    createdAt: AT, updatedAt: '2025-06-01T08:00:00.000Z', deletedAt: null,
  });
  expect(z.uuid().safeParse(main.id).success, `${main.id} is a UUID the API accepts`).toBe(true);
  expect(main.id).not.toBe(FULL);
  // A deleted vendor's contract is a tombstone with it.
  expect(all.find((c) => c.vendorId === GONE)).toMatchObject({ noticeAmount: 30, deletedAt: '2025-07-01T08:00:00.000Z' });
  // The vendor keeps what it had, column for column.
  expect(await call('vendor.get', { id: FULL })).toMatchObject({ contractRef: 'MSA-2021-0100', contractEnd: '2027-06-30', noticeDays: 90, leadDays: 14 });
  // Found by search like a contract written by the app.
  const hits = await call('search.query', { q: 'MSA-2021' });
  expect(hits.map((h) => [h.kind, h.id])).toContainEqual(['contract', main.id]);
  // And edited like one.
  expect(await call('contract.update', { id: main.id, changes: { renewalMonths: 12 } })).toMatchObject({ renewalMonths: 12 });
  backend.close();
});

it('gives a vendor\'s first contract the same id on every copy of the workbook that upgrades', () => {
  const path = workbookAt6();
  const copy = join(dir, 'copy.sqlite');
  copyFileSync(path, copy);
  const ids = [path, copy].map((p) => {
    const db = new Database(p);
    migrate(db);
    const rows = db.prepare('SELECT id, vendor_id FROM contracts ORDER BY vendor_id').all();
    db.close();
    return rows;
  });
  expect(ids[0]).toHaveLength(3);
  expect(ids[1]).toEqual(ids[0]);
});

it('upgrades the v6 fixture (a real workbook of the previous schema): one first contract per vendor with contract fields, same terms', () => {
  dir = mkdtempSync(join(tmpdir(), 'hw-mig7-'));
  const path = join(dir, 'v6.sqlite');
  copyFileSync(join(__dirname, '../fixtures/workbooks/v6.sqlite'), path);
  const db = new Database(path);
  migrate(db);
  const moved = db.prepare(`SELECT v.contract_ref = c.reference AND v.contract_start IS c.start AND v.contract_end IS c.initial_end
      AND v.renewal = c.renewal AND v.notice_days IS c.notice_amount AND v.lead_days IS c.lead_days AND v.deleted_at IS c.deleted_at AS same
    FROM vendors v JOIN contracts c ON c.vendor_id = v.id`).pluck().all();
  const withTerms = db.prepare(`SELECT count(*) FROM vendors WHERE contract_ref <> '' OR contract_end IS NOT NULL OR notice_days IS NOT NULL`).pluck().get();
  db.close();
  expect(moved.length).toBeGreaterThan(0);
  expect(moved.length).toBe(withTerms);
  expect(moved.every((s) => s === 1)).toBe(true);
});
