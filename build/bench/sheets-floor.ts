// The floor under the sheets bench (sheets.ts calls it): what papaparse and SQLite alone take for
// the same CSV, in the workbook's own schema, against the same sqlite3 `.import`. Issue 9's bar is
// the app end to end within 3× the `.import`; this shows what the schema itself allows. Measured
// in a child process (sheets-floor-run.ts), so the bench's own arrays and heap do not weigh on it.
// BENCH_FLOOR_ROUNDS sets how many times each part runs (default 3; the fastest is printed).
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';

/** What sheets-floor-run.ts prints. */
export interface Floor {
  rows: number;
  parseMs: number;
  insertMs: number;
  searchMs: number;
  best: Way;
  inserts: (Way & { ms: number })[];
  rounds: number;
}

/** How the rows were inserted. */
export interface Way {
  /** The table's indexes dropped before the rows and built again after them. */
  dropIndexes: boolean;
  /** The readiness count trigger set aside and the new rows counted in one statement (store/counts.ts). */
  countAfter: boolean;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;

const shortName = (w: Way) => `${w.dropIndexes ? 'indexes dropped+rebuilt' : 'indexes kept'}/${w.countAfter ? 'counted after' : 'count trigger'}`;
const wayName = (w: Way) => `indexes ${w.dropIndexes ? 'dropped and built again after' : 'kept'}, readiness counts ${w.countAfter ? 'in one statement after (trigger set aside)' : 'by the trigger'}`;

/** Times the floor for the CSV and prints it against `importMs` (the `.import`) and `appMs` (the app's CSV end to end). */
export function benchSheetsFloor(dir: string, csv: string, importMs: number, appMs: number): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('./sheets-floor-run.ts', import.meta.url).pathname, dir, csv], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`sheet floor failed: ${r.stderr}`);
  const f = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Floor;
  const x = (n: number) => `${(n / importMs).toFixed(1)}×`;
  const total = f.parseMs + f.insertMs + f.searchMs;
  console.log(`  floor (papaparse and SQLite alone, none of the app's checks; ${f.rows.toLocaleString('en')} rows): parse ${ms(f.parseMs)} (${x(f.parseMs)}), `
    + `insert+index ${ms(f.insertMs)} (${x(f.insertMs)}), search index ${ms(f.searchMs)} (${x(f.searchMs)}) = ${ms(total)} = ${x(total)} the sqlite3 .import; `
    + `the app's CSV end to end is ${(appMs / total).toFixed(1)}× this floor`);
  console.log(`    the app's own openWorkbook (schema, WAL, synchronous=FULL, foreign keys on); parse = file read + papaparse into arrays; `
    + `rows in one transaction, search index in another, each committed; each figure the fastest of ${f.rounds} runs`);
  console.log(`    insert+index ways: ${f.inserts.map((i) => `${shortName(i)} ${ms(i.ms)}`).join(', ')}. Fastest: ${wayName(f.best)}`);
}
