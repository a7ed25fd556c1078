// Backend benchmark on a 100,000-record workbook: generation, search as you type, a vendor's
// inventory page, single-record writes. Run through the dispatcher, as the faces do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { generateDemo } from '../../electron/demo/generate';
import { localToday } from '../../shared/dates';
import { INVENTORY_KINDS } from '../../shared/records';
import { report, time } from './stats';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);

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
    const genMs = await time(() => generateDemo(backend.db, { records: RECORDS, today: localToday(now), now: now.toISOString(), actor: 'bench' }));
    console.log(`Generate ${RECORDS.toLocaleString('en')} inventory records (bulk insert, then indexes and FTS): ${(genMs / 1000).toFixed(2)} s`);

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

    // Interactive single-record writes: create and update, each its own transaction (+ FTS + log).
    const writeTimes: number[] = [];
    const vendorId = vendors[0];
    let last = '';
    for (let i = 0; i < 600; i++) {
      const t = await time(async () => {
        if (i % 2 === 0) last = ((await call('process.create', { vendorId, name: `Bench process ${i}`, criticality: 'high' })) as { id: string }).id;
        else await call('process.update', { id: last, changes: { ktStage: 'shadowing', notes: `note ${i}` } });
      });
      if (i >= 50) writeTimes.push(t);
    }
    console.log(report('single-record write (create / update)', writeTimes, 'p95 ≤ 1 ms'));
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
