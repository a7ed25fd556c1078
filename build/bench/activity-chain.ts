// Activity chain benchmark: a schema-5 workbook with 100k activity entries upgraded to schema 6
// (the migration and the chain filled in JS in its transaction, store/activityChain.ts), then the
// whole chain checked as `handover verify-log` does. Prints figures, asserts nothing.
// BENCH_CHAIN_ENTRIES sets the number of entries (default 100000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyActivityChain } from '../../electron/core/store/activityChain';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { migrate } from '../../electron/core/store/open';

export async function benchActivityChain(): Promise<void> {
  const n = Number(process.env.BENCH_CHAIN_ENTRIES ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-chain-'));
  try {
    const db = new Database(join(dir, 'chain.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 5));
    const insert = db.prepare(`INSERT INTO activity (id, at, actor, action, kind, record_id, vendor_id, summary, changes)
      VALUES (?, ?, 'Ana Costa', 'update', 'process', ?, 'v-1', ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        insert.run(`entry-${i}`, new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), `record-${i % 5000}`,
          `Updated process “Payroll ${i}”: criticality`, JSON.stringify({ criticality: { from: 'high', to: 'critical' } }));
      }
    })();
    let t = performance.now();
    migrate(db);
    const fill = performance.now() - t;
    t = performance.now();
    const report = verifyActivityChain(db);
    const verify = performance.now() - t;
    db.close();
    console.log('Activity chain');
    console.log(`  upgrade to schema 6, ${n.toLocaleString('en')} entries chained: ${fill.toFixed(0)} ms`);
    console.log(`  verify-log over them: ${verify.toFixed(0)} ms (${report.intact ? 'intact' : 'broken'})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
