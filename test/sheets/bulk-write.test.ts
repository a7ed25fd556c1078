// What the write path of an import must keep while it is made faster (issue 9's speed bar): every
// cell of every new row lands as the sheet says (rows go several to a statement, with the rest
// one by one), defaults fill the cells a row leaves empty, each new record is indexed for search
// exactly once (the records before it are left as they are) with FTS5's settings set back, and
// undo takes every row back out of the table, the counts and the index.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectCountsMatchRecords } from '../backend/readinessInput';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const CRIT = ['High', 'low', '', 'P1'];
const CRIT_VALUE: Record<string, string> = { High: 'high', low: 'low', '': 'medium', P1: 'critical' };
/** Each row's own words, so a row written into another row's place shows. */
const row = (i: number) => ({
  name: `Process ${i}`, description: `Runs step ${i} as zq${i}x`, frequency: i % 2 ? 'Weekly' : '', criticality: CRIT[i % 4]!, sla: `${i % 9}h`, notes: i % 3 ? '' : `note ${i}`,
});
const sheet = (n: number) => `Process,Description,Frequency,Priority,SLA,Notes\n${Array.from({ length: n }, (_, i) => {
  const r = row(i);
  return [r.name, r.description, r.frequency, r.criticality, r.sla, r.notes].join(',');
}).join('\n')}\n`;
const MAPPING = { columns: { Process: 'name', Description: 'description', Frequency: 'frequency', Priority: 'criticality', SLA: 'sla', Notes: 'notes' } };
const apply = (name: string, n: number) =>
  wb.call('sheets.apply', { source: { path: wb.file(name, sheet(n)) }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: MAPPING as never });

/** The processes as stored, in the sheet's order. */
function stored(): Record<string, unknown>[] {
  return wb.backend.db.prepare(`SELECT name, description, frequency, criticality, sla, notes, kt_stage AS ktStage, owner_id AS ownerId, vendor_id AS vendorId,
    created_at = updated_at AS sameTimes, deleted_at AS deletedAt FROM processes ORDER BY CAST(substr(name, 9) AS INTEGER)`).all() as Record<string, unknown>[];
}

function expected(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const r = row(i);
    return { ...r, criticality: CRIT_VALUE[r.criticality], ktStage: 'not_started', ownerId: null, vendorId: wb.vendorId, sameTimes: 1, deletedAt: null };
  });
}

const ftsConfig = (k: string) => wb.backend.db.prepare('SELECT v FROM search_fts_config WHERE k = ?').pluck().get(k);
const hits = async (q: string) => (await wb.call('search.query', { q })).map((h) => h.title);

describe('the write of an import', () => {
  // 6,007 rows take the bulk path (indexes built after, counts in one statement) and end in a
  // part statement; 37 rows take the ordinary one (indexed row by row).
  it.each([[6007], [37], [3]])('writes every cell of every one of %i new rows, with the defaults where a row leaves a cell empty', async (n) => {
    const r = await apply(`p${n}.csv`, n);
    expect(r).toMatchObject({ applied: true, added: n });
    expect(stored()).toEqual(expected(n));
    expectCountsMatchRecords(wb.backend.db);
    // Every row found by its own words, none twice.
    for (const i of [0, n - 1, Math.floor(n / 2)]) expect(await hits(`zq${i}x`)).toEqual([`Process ${i}`]);
    const indexed = wb.backend.db.prepare("SELECT count(*) AS docs, count(DISTINCT record_id) AS records FROM search_docs WHERE kind = 'process'").get();
    expect(indexed).toEqual({ docs: n, records: n });
  });

  it('indexes only the new records of a bulk import, leaves the earlier ones as they were, and sets FTS5 back to its defaults', async () => {
    const typed = await wb.call('process.create', { vendorId: wb.vendorId, name: 'Typed in first', description: 'reconciliation of ledgers' });
    const before = wb.backend.db.prepare('SELECT rowid FROM search_docs WHERE record_id = ?').pluck().get(typed.id);
    await apply('bulk.csv', 6000);
    expect(wb.backend.db.prepare('SELECT rowid FROM search_docs WHERE record_id = ?').pluck().get(typed.id)).toBe(before);
    expect(wb.backend.db.prepare("SELECT count(*) FROM search_docs WHERE kind = 'process'").pluck().get()).toBe(6001);
    expect(wb.backend.db.prepare('SELECT count(*) FROM search_fts').pluck().get()).toBe(wb.backend.db.prepare('SELECT count(*) FROM search_docs').pluck().get());
    expect(await hits('reconciliation')).toEqual(['Typed in first']);
    expect(await hits('zq5999x')).toEqual(['Process 5999']);
    expect(ftsConfig('automerge')).toBe(4);
    expect(ftsConfig('hashsize')).toBe(1024 * 1024);
    // The index takes ordinary writes after it as before.
    await wb.call('process.update', { id: typed.id, changes: { description: 'month-end close' } });
    expect(await hits('reconciliation')).toEqual([]);
    expect(await hits('month end')).toEqual(['Typed in first']);
  });

  it('is undone as a whole: every row out of the table, the readiness counts and the search', async () => {
    await apply('bulk.csv', 6000);
    await wb.call('history.undo', {});
    expect(wb.backend.db.prepare('SELECT count(*) FROM processes WHERE deleted_at IS NULL').pluck().get()).toBe(0);
    expectCountsMatchRecords(wb.backend.db);
    expect(await hits('zq5999x')).toEqual([]);
    expect(await hits('zq0x')).toEqual([]);
    await wb.call('history.redo', {});
    expect(stored().filter((p) => p.deletedAt === null)).toHaveLength(6000);
    expect(await hits('zq17x')).toEqual(['Process 17']);
  });

  it('matches names within each vendor: the same name under two vendors is two records, twice under one is refused', async () => {
    await wb.call('vendor.create', { name: 'Beta Services' });
    const m = { columns: { Name: 'name', Vendor: 'vendorId' } };
    const ok = await wb.call('sheets.preview', { source: { path: wb.file('two.csv', 'Name,Vendor\nPayroll,Acme Outsourcing\nPayroll,Beta Services\n') }, kind: 'processes', mapping: m as never });
    expect(ok).toMatchObject({ added: 2, refusedRows: 0 });
    const twice = await wb.call('sheets.preview', { source: { path: wb.file('twice.csv', 'Name,Vendor\nPayroll,Acme Outsourcing\nPayroll,Beta Services\npayroll,Beta Services\n') }, kind: 'processes', mapping: m as never });
    expect(twice.refused).toEqual([{ row: 4, column: 'A (Name)', field: 'name', message: 'repeats row 3 (the same name)' }]);
  });
});
