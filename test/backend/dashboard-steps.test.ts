// The dashboard reads in steps and leaves the event loop free between them (services/readiness.ts
// countStepwise); a write that lands between two steps must not give a dashboard of two states.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/core/demo/generate';
import type { DashboardRow } from '../../shared/checklists';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => {
  wb = makeWorkbook();
  generateDemo(wb.backend.db, { records: 3000, items: 600, today: '2026-03-01', now: '2026-03-01T09:00:00.000Z', actor: 'test' });
});
afterEach(() => wb.close());

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the dashboard read in steps', () => {
  it('lets other tasks run while it reads', async () => {
    let ticks = 0;
    let reading = true;
    const dashboard = wb.call<'dashboard.get'>('dashboard.get', {}).finally(() => {
      reading = false;
    });
    while (reading) {
      ticks++;
      await nextTask();
    }
    await dashboard;
    // One task per step at least (items, deleted checklists, overdue items, processes, people
    // who left, repositories, licences, documents), not one task for the whole read.
    expect(ticks).toBeGreaterThanOrEqual(8);
  });

  it('reads again when a write lands between its steps, and answers with the state after it', async () => {
    const db = wb.backend.db;
    const vendor = db.prepare('SELECT vendor_id FROM checklist_items WHERE deleted_at IS NULL GROUP BY vendor_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    const open = db.prepare(`SELECT id FROM checklist_items WHERE vendor_id = ? AND status <> 'done' AND deleted_at IS NULL`).pluck().all(vendor) as string[];
    const before = (await wb.call<'dashboard.get'>('dashboard.get', {})).find((r) => r.vendorId === vendor)!;
    const reading = wb.call<'dashboard.get'>('dashboard.get', {});
    // The first step (the items) has been read by now; every open item of the vendor is then done.
    await nextTask();
    db.transaction(() => {
      for (const id of open) db.prepare(`UPDATE checklist_items SET status = 'done' WHERE id = ?`).run(id);
    })();
    const during = (await reading).find((r) => r.vendorId === vendor)!;
    const after = (await wb.call<'dashboard.get'>('dashboard.get', {})).find((r) => r.vendorId === vendor)!;
    expect(after.items.done).toBeGreaterThan(before.items.done);
    const figures = (r: DashboardRow) => ({ items: r.items, readiness: r.readiness, flags: r.flags, highFlags: r.highFlags });
    expect(figures(during)).toEqual(figures(after));
  });
});
