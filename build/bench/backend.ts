// Backend benchmark on a 100,000-record workbook: generation, search as you type, a vendor's
// inventory page, single-record writes. Run through the dispatcher, as the faces do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/core/backend';
import { generateDemo } from '../../electron/core/demo/generate';
import { localToday } from '../../shared/dates';
import { INVENTORY_KINDS } from '../../shared/records';
import { loadReadiness } from '../../electron/core/services/readiness';
import { countReadiness } from '../../electron/core/store/readiness';
import type { Db } from '../../electron/core/store/open';
import { report, time } from './stats';

const vendorsCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM vendors WHERE deleted_at IS NULL').get() as { n: number }).n;

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);

export async function benchBackend(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-'));
  const backend = createBackend({ workbookPath: join(dir, 'bench.sqlite'), appVersion: 'bench' });
  const call = async (m: string, input: unknown) => {
    const r = await backend.dispatch(m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value;
  };
  try {
    const now = new Date();
    const today = localToday(now);
    const genMs = await time(() => generateDemo(backend.db, { records: RECORDS, items: ITEMS, today, now: now.toISOString(), actor: 'bench' }));
    console.log(`Generate ${RECORDS.toLocaleString('en')} inventory records and ${ITEMS.toLocaleString('en')} checklist items (bulk insert, then indexes and FTS): ${(genMs / 1000).toFixed(2)} s`);

    // Search as you type: every prefix of realistic queries, one call per keystroke.
    const phrases = ['payroll export', 'backup verification', 'certificate renewal', 'nightly', 'terraform', 'veeam backup', 'runbook patching',
      'disaster recovery', 'firewall rule', 'anna', 'sap transport', 'datadog', 'incident management', 'zz no match', 'k8s platform'];
    const searchTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const phrase of phrases) {
        for (let i = 1; i <= phrase.length; i++) {
          const t = await time(() => call('search.query', { q: phrase.slice(0, i), limit: 20 }));
          if (round > 0) searchTimes.push(t);
        }
      }
    }
    console.log(report('search.query, per keystroke (FTS5 prefix)', searchTimes, 'p95 ≤ 5 ms'));

    // A vendor's inventory page: 200 rows, various sorts, deep offsets, some filtered.
    const vendors = (await call('vendor.summaries', {}) as { vendor: { id: string } }[]).map((s) => s.vendor.id);
    const sorts: Record<string, string[]> = {
      process: ['name', 'criticality', 'successorId', 'ktStage'], repository: ['name', 'transferStatus', 'adminId', 'host'],
      licence: ['product', 'renewalDate', 'annualCost', 'licensee'], document: ['title', 'status', 'kind', 'reviewedById'],
    };
    const pageTimes: number[] = [];
    for (let i = 0; i < 600; i++) {
      const kind = INVENTORY_KINDS[i % 4]!;
      const input: Record<string, unknown> = {
        vendorId: vendors[(i * 7) % vendors.length], sort: sorts[kind]![i % 4], dir: i % 3 ? 'asc' : 'desc', offset: (i % 5) * 40, limit: 200,
      };
      if (i % 6 === 0) input.filter = ['run', 'back', 'pay', 'cert'][i % 4];
      const t = await time(() => call(`${kind}.list`, input));
      if (i >= 40) pageTimes.push(t);
    }
    console.log(report('<kind>.list, a vendor\'s page of 200 rows', pageTimes, 'p95 ≤ 16 ms'));

    // The dashboard: the kept readiness counts it reads (migration 5, store/readiness.ts), readiness
    // for all vendors, and the whole dashboard call as the screen makes it.
    const countTimes: number[] = [];
    for (let i = 0; i < 120; i++) {
      const t = await time(() => countReadiness(backend.db, today));
      if (i >= 20) countTimes.push(t);
    }
    console.log(report('readiness counts, every vendor (kept counts)', countTimes));
    const readinessTimes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = await time(() => {
        loadReadiness(backend.db, today);
      });
      if (i >= 5) readinessTimes.push(t);
    }
    console.log(report(`readiness for all ${vendorsCount(backend.db)} vendors (score, parts, flag counts)`, readinessTimes, '≤ 50 ms'));
    const dashTimes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = await time(() => call('dashboard.get', {}));
      if (i >= 5) dashTimes.push(t);
    }
    console.log(report('dashboard.get (whole call, records history)', dashTimes));

    // Interactive single-record writes: create and update, each its own transaction (+ FTS + log),
    // durable (synchronous=FULL: one fsync per commit). Measured twice: back to back, where the
    // WAL only grows; and as a person makes them, a few at a time with the app idle in between,
    // when the backend folds the WAL back into the database (done here, outside the timing).
    const vendorId = vendors[0];
    let last = '';
    const write = (i: number) => time(async () => {
      if (i % 2 === 0) last = ((await call('process.create', { vendorId, name: `Bench process ${i}`, criticality: 'high' })) as { id: string }).id;
      else await call('process.update', { id: last, changes: { ktStage: 'shadowing', notes: `note ${i}` } });
    });
    const burst: number[] = [];
    for (let i = 0; i < 600; i++) {
      const t = await write(i);
      if (i >= 50) burst.push(t);
    }
    console.log(report('single-record write, 600 back to back', burst, 'p95 ≤ 1 ms'));
    backend.db.pragma('wal_checkpoint(PASSIVE)');
    const paced: number[] = [];
    for (let i = 0; i < 600; i++) {
      if (i % 10 === 0) backend.db.pragma('wal_checkpoint(PASSIVE)');
      const t = await write(i);
      if (i >= 50) paced.push(t);
    }
    console.log(report('single-record write, 10 at a time between idle checkpoints', paced, 'p95 ≤ 1 ms'));
    // The same writes without waiting for the disk (synchronous=OFF, here only): what the backend
    // itself costs, apart from the fsync that makes each commit durable on this machine's disk.
    backend.db.pragma('synchronous = OFF');
    const cpu: number[] = [];
    for (let i = 0; i < 600; i++) {
      const t = await write(i);
      if (i >= 50) cpu.push(t);
    }
    backend.db.pragma('synchronous = FULL');
    console.log(report('single-record write, backend work without fsync', cpu));
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
