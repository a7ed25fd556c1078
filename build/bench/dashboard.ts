// The whole dashboard of a big portfolio: 1,000 vendors and 1,000,000 inventory records (the demo
// generator's, with 200 checklist items per vendor), `dashboard.get` called as the screen calls it.
// Building that workbook takes a minute or two, so it is kept under the system's temporary folder,
// named by the schema version and size (a new schema builds a new one), and reused by later runs.
// BENCH_DASHBOARD_RECORDS sets the size (default 1000000).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/core/backend';
import { generateDemo } from '../../electron/core/demo/generate';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { localToday } from '../../shared/dates';
import { report, time } from './stats';

export async function benchDashboard(): Promise<void> {
  const records = Number(process.env.BENCH_DASHBOARD_RECORDS ?? 1_000_000);
  const path = join(tmpdir(), `hw-bench-dashboard-s${SCHEMA_VERSION}-${records}.sqlite`);
  if (!existsSync(path)) {
    // Built under another name and renamed when complete: an interrupted build is never reused.
    const building = `${path}.building`;
    for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
    const backend = createBackend({ workbookPath: building, appVersion: 'bench' });
    const now = new Date();
    const ms = await time(() => generateDemo(backend.db, { records, today: localToday(now), now: now.toISOString(), actor: 'bench' }));
    await backend.closeAndWait();
    renameSync(building, path);
    console.log(`Built the dashboard workbook (${records.toLocaleString('en')} records) in ${(ms / 1000).toFixed(1)} s: ${path}`);
  }
  const backend = createBackend({ workbookPath: path, appVersion: 'bench' });
  try {
    const vendors = backend.db.prepare('SELECT count(*) FROM vendors WHERE deleted_at IS NULL').pluck().get() as number;
    const inventory = backend.db.prepare(`SELECT (SELECT count(*) FROM processes) + (SELECT count(*) FROM repositories)
      + (SELECT count(*) FROM licences) + (SELECT count(*) FROM documents)`).pluck().get() as number;
    const registers = backend.db.prepare(`SELECT (SELECT count(*) FROM access_credentials) + (SELECT count(*) FROM data_sets)
      + (SELECT count(*) FROM infrastructure_items)`).pluck().get() as number;
    const items = backend.db.prepare('SELECT count(*) FROM checklist_items').pluck().get() as number;
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = await time(async () => {
        const r = await backend.dispatch('dashboard.get', {});
        if (!r.ok) throw new Error(`dashboard.get: ${r.error.message}`);
      });
      if (i >= 5) times.push(t);
    }
    console.log(`Dashboard of ${vendors.toLocaleString('en')} vendors, ${inventory.toLocaleString('en')} records, ${registers.toLocaleString('en')} register records`
      + ` and ${items.toLocaleString('en')} checklist items`);
    console.log(report('  dashboard.get (whole call, records history)', times, '≤ 200 ms'));
  } finally {
    await backend.closeAndWait();
  }
}
