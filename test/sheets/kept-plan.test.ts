// The inspection's sheet is kept for the dry runs, and the dry run's plan for the apply that
// follows it (a large sheet is read and checked once), but only for the same bytes, request and
// mapping, and a plan only while the workbook has not changed: anything else makes the next step
// read and plan again, so it never works on a stale sheet or writes a stale plan.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const SHEET = 'Name,Criticality,Frequency\nPayroll,High,Monthly\nBackup,Low,Daily\nPatching,Medium,Weekly\n';
const mapping = { columns: { Name: 'name', Criticality: 'criticality', Frequency: 'frequency' } };
const run = (method: 'sheets.preview' | 'sheets.apply', path: string, m: Record<string, unknown> = mapping) =>
  wb.call(method, { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: m as never });
const processes = async () => (await wb.call('process.list', { vendorId: wb.vendorId, sort: 'name' })).rows.map((p) => [p.name, p.criticality, p.frequency]);

async function call(backend: Backend, method: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} refused: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

describe('the kept dry run', () => {
  it('is what the apply writes: the rows are not planned again (no new record ids drawn)', async () => {
    let drawn = 0;
    const backend = createBackend({ workbookPath: join(wb.dir, 'counted.sqlite'), appVersion: '0.0.0-test', newId: () => { drawn++; return randomUUID(); } });
    try {
      await call(backend, 'vendor.create', { name: 'Acme Outsourcing' });
      const rows = Array.from({ length: 50 }, (_, i) => `Process ${i},High,Daily`).join('\n');
      const input = { source: { path: wb.file('fifty.csv', `Name,Criticality,Frequency\n${rows}\n`) }, kind: 'processes', vendor: 'Acme Outsourcing', mapping };
      expect(await call(backend, 'sheets.preview', input)).toMatchObject({ added: 50 });
      const before = drawn;
      expect(await call(backend, 'sheets.apply', input)).toMatchObject({ applied: true, added: 50 });
      // The remembered mapping's id and the activity entry's: the 50 record ids came from the dry run.
      expect(drawn - before).toBe(2);
      expect((await call(backend, 'stats.get', {}) as { totals: Record<string, number> }).totals).toMatchObject({ process: 50 });
    } finally {
      backend.close();
    }
  });

  it('is planned again when the workbook changed after the dry run (no duplicate of a record typed in meanwhile)', async () => {
    const path = wb.file('register.csv', SHEET);
    expect(await run('sheets.preview', path)).toMatchObject({ added: 3, updated: 0 });
    await wb.call('process.create', { vendorId: wb.vendorId, name: 'Payroll' });
    expect(await run('sheets.apply', path)).toMatchObject({ applied: true, added: 2, updated: 1 });
    expect(await processes()).toEqual([['Backup', 'low', 'Daily'], ['Patching', 'medium', 'Weekly'], ['Payroll', 'high', 'Monthly']]);
  });

  it('is planned again when another connection wrote to the workbook after the dry run', async () => {
    const path = wb.file('register.csv', SHEET);
    expect(await run('sheets.preview', path)).toMatchObject({ added: 3 });
    const other = createBackend({ workbookPath: wb.path, appVersion: '0.0.0-test' });
    try {
      await call(other, 'process.create', { vendorId: wb.vendorId, name: 'Backup', criticality: 'low', frequency: 'Daily' });
    } finally {
      other.close();
    }
    expect(await run('sheets.apply', path)).toMatchObject({ applied: true, added: 2, unchanged: 1 });
    expect(await processes()).toEqual([['Backup', 'low', 'Daily'], ['Patching', 'medium', 'Weekly'], ['Payroll', 'high', 'Monthly']]);
  });

  it('is not used for other bytes under the same name, nor for another mapping', async () => {
    const path = wb.file('register.csv', SHEET);
    await run('sheets.preview', path);
    writeFileSync(path, 'Name,Criticality,Frequency\nDNS,Low,Hourly\n');
    expect(await run('sheets.apply', path)).toMatchObject({ applied: true, added: 1 });
    expect(await processes()).toEqual([['DNS', 'low', 'Hourly']]);

    const second = wb.file('second.csv', 'Name,Criticality,Frequency\nMail,Critical,Daily\n');
    await run('sheets.preview', second, { columns: { Name: 'name' } });
    expect(await run('sheets.apply', second)).toMatchObject({ applied: true, added: 1 });
    expect(await processes()).toEqual([['DNS', 'low', 'Hourly'], ['Mail', 'critical', 'Daily']]);
  });

  it('is used once: applying the same sheet again plans against the records the first apply wrote', async () => {
    const path = wb.file('register.csv', SHEET);
    await run('sheets.preview', path);
    expect(await run('sheets.apply', path)).toMatchObject({ added: 3 });
    expect(await run('sheets.apply', path)).toMatchObject({ applied: true, added: 0, unchanged: 3, activityId: null });
    expect(await processes()).toHaveLength(3);
  });

  it('keeps the inspected sheet only for the same bytes and header row', async () => {
    const path = wb.file('register.csv', SHEET);
    expect(await wb.call('sheets.inspect', { source: { path }, kind: 'processes' })).toMatchObject({ rowCount: 3 });
    writeFileSync(path, 'Name,Criticality,Frequency\nDNS,Low,Hourly\n');
    const preview = await wb.call('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping });
    expect(preview.rows.map((r) => r.title)).toEqual(['DNS']);
    // Another header row is another table of the same bytes.
    const p = await wb.call('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', headerRow: 2, mapping: { columns: { DNS: 'name' } } });
    expect(p).toMatchObject({ added: 0, refusedRows: 0, rows: [] });
  });
});
