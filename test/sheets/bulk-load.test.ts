// What the fast path of a large import (issue 9) must keep: rows written in id order, the
// full-text index's buffer and the page cache set back afterwards, one entry per created record
// in the activity entry (undo reads it), choice cells read once per distinct text yet refused
// and counted on every row that holds them, and the readiness counts (kept by triggers, set
// aside for a bulk insert) exactly what counting the records gives.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { expectCountsMatchRecords } from '../backend/readinessInput';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const ROWS = 6000;
const CRIT = ['High', 'low', ' MEDIUM ', 'P1'];
const big = () => `Name,Criticality\n${Array.from({ length: ROWS }, (_, i) => `Process ${i},${CRIT[i % 4]}`).join('\n')}\n`;
const apply = (path: string, columns: Record<string, string>) =>
  wb.call('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns } as never });

describe('a bulk import', () => {
  it('writes the new rows in id order and reads every repeated choice the same way', async () => {
    // Random ids, as the app makes them (the test workbook's ids come in order already).
    const backend = createBackend({ workbookPath: join(wb.dir, 'random-ids.sqlite'), appVersion: '0.0.0-test', newId: () => randomUUID() });
    try {
      const call = async (method: string, input: unknown) => {
        const r = await backend.dispatch(method, input);
        if (!r.ok) throw new Error(`${method} refused: ${r.error.message}`);
        return r.value as Record<string, unknown>;
      };
      await call('vendor.create', { name: 'Acme Outsourcing' });
      const r = await call('sheets.apply', { source: { path: wb.file('big.csv', big()) }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name', Criticality: 'criticality' } } });
      expect(r).toMatchObject({ applied: true, added: ROWS });
    } finally {
      backend.close();
    }
    const db = new Database(join(wb.dir, 'random-ids.sqlite'), { readonly: true });
    const ids = db.prepare('SELECT id FROM processes ORDER BY rowid').pluck().all() as string[];
    const byCrit = db.prepare('SELECT criticality, count(*) AS n FROM processes GROUP BY criticality ORDER BY criticality').all();
    db.close();
    expect(ids).toHaveLength(ROWS);
    expect(ids).toEqual([...ids].sort());
    expect(byCrit).toEqual([
      { criticality: 'critical', n: ROWS / 4 }, { criticality: 'high', n: ROWS / 4 }, { criticality: 'low', n: ROWS / 4 }, { criticality: 'medium', n: ROWS / 4 },
    ]);
  });

  it('sets the index buffer and the page cache back, and records typed in later are found', async () => {
    const cache = wb.backend.db.pragma('cache_size', { simple: true });
    await apply(wb.file('big.csv', big()), { Name: 'name', Criticality: 'criticality' });
    expect(wb.backend.db.prepare("SELECT v FROM search_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(1024 * 1024);
    expect(wb.backend.db.pragma('cache_size', { simple: true })).toBe(cache);
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Quarterly reconciliation' });
    expect((await wb.call('search.query', { q: 'reconcil' })).map((h) => h.title)).toEqual(['Quarterly reconciliation']);
    expect((await wb.call('search.query', { q: 'process 5999' })).map((h) => h.title)).toContain('Process 5999');
  });

  it('logs every created record for undo', async () => {
    const r = await apply(wb.file('big.csv', big()), { Name: 'name', Criticality: 'criticality' });
    const changes = JSON.parse(wb.backend.db.prepare('SELECT changes FROM activity WHERE id = ?').pluck().get(r.activityId) as string) as
      { records: { kind: string; id: string; fields: unknown }[] };
    expect(changes.records).toHaveLength(ROWS);
    expect(new Set(changes.records.map((c) => c.id)).size).toBe(ROWS);
    for (const c of changes.records) expect(c).toMatchObject({ kind: 'process', fields: { deletedAt: { from: 'absent', to: null } } });
  });

  it('refuses and counts an unmatched choice on every row that holds it', async () => {
    const sheet = `Name,Criticality\n${Array.from({ length: ROWS }, (_, i) => `Process ${i},${i % 3 ? 'High' : 'Gold'}`).join('\n')}\n`;
    const p = await wb.call('sheets.preview', { source: { path: wb.file('gold.csv', sheet) }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name', Criticality: 'criticality' } } as never });
    expect(p.refusedRows).toBe(ROWS / 3);
    expect(p.unmatched).toEqual([{ field: 'criticality', column: 'Criticality', values: [{ value: 'Gold', rows: ROWS / 3 }] }]);
    expect(p.refused[1]).toMatchObject({ row: 5, column: 'B (Criticality)', field: 'criticality' });
  });

  it('leaves the readiness counts exactly what a plain recount gives, and their trigger in place', async () => {
    const db = wb.backend.db;
    const triggers = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'processes' ORDER BY name").all();
    const before = triggers();
    // Records already counted: the import's counts add to theirs.
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Typed in', criticality: 'high', ktStage: 'documented' });
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Typed in too', criticality: 'critical' });
    const stages = ['Not started', 'Documented', 'Shadowing', 'Signed off'];
    const rows = Array.from({ length: ROWS }, (_, i) => `Process ${i},${CRIT[i % 4]},${stages[i % 3]},${i % 5 ? '' : 'Sam Backup'}`);
    const r = await wb.call('sheets.apply', {
      source: { path: wb.file('counted.csv', `Name,Criticality,KT stage,Successor\n${rows.join('\n')}\n`) }, kind: 'processes', vendor: 'Acme Outsourcing',
      mapping: { columns: { Name: 'name', Criticality: 'criticality', 'KT stage': 'ktStage', Successor: 'successorId' }, createPeople: true },
    });
    expect(r).toMatchObject({ applied: true, added: ROWS, peopleCreated: 1 });
    expectCountsMatchRecords(db);
    expect(triggers()).toEqual(before);
    // The trigger counts the writes after the import again.
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'After the import', criticality: 'low', ktStage: 'shadowing' });
    expectCountsMatchRecords(db);
  });
});
