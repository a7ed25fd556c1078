// Sheets in: a 100,000-row sheet of processes as CSV and as XLSX, inspected, dry-run and applied
// end to end (each in a child process, for its own peak RSS), against the sqlite3 CLI's `.import`
// of the same CSV into a bare table in the same run, and the floor under both: papaparse and SQLite
// alone on the workbook's schema (sheets-floor.ts). Prints figures; asserts nothing.
// BENCH_SHEET_ROWS sets the size (default 100000).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { benchSheetsFloor } from './sheets-floor';

const HEADERS = ['Process', 'Description', 'Frequency', 'Priority', 'SLA', 'KT stage', 'Notes'];
export const CRIT = ['P1', 'High', 'medium', 'Low'];
export const STAGE = ['Not started', 'Documented', 'Shadowing', 'Reverse shadowing', 'Signed off'];
const FREQ = ['Daily', 'Weekly', 'Monthly', 'On demand'];

function rows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `Process ${i + 1}`, `Runs step ${i % 97} of the ${FREQ[i % 4]!.toLowerCase()} cycle for system ${i % 331}`, FREQ[i % 4]!, CRIT[i % 4]!,
    `${(i % 8) + 1}h`, STAGE[i % 5]!, i % 3 ? '' : `Owner changes in Q${(i % 4) + 1}`,
  ]);
}

interface Run {
  inspectMs: number;
  previewMs: number;
  applyMs: number;
  applyHeldMs: number;
  totalMs: number;
  added: number;
  refused: number;
  maxRssMb: number;
}

function child(dir: string, sheet: string): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('./sheets-run.ts', import.meta.url).pathname, dir, sheet], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`sheet import failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
}

function sqliteImport(dir: string, csv: string): number {
  const db = join(dir, 'bare.sqlite');
  const script = `CREATE TABLE bare (${HEADERS.map((h, i) => `c${i} TEXT`).join(', ')});\n.import --csv --skip 1 ${csv} bare\n`;
  const t = performance.now();
  const r = spawnSync('sqlite3', [db], { input: script, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0 || r.error) throw new Error(`sqlite3 .import failed: ${r.stderr || r.error?.message}`);
  return ms;
}

export async function benchSheets(): Promise<void> {
  const n = Number(process.env.BENCH_SHEET_ROWS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-sheets-'));
  try {
    const data = rows(n);
    const csv = join(dir, 'processes.csv');
    writeFileSync(csv, `${Papa.unparse([HEADERS, ...data])}\r\n`);
    const xlsx = join(dir, 'processes.xlsx');
    await writeXlsxFile([HEADERS, ...data].map((r) => r.map((value) => ({ value })))).toFile(xlsx);
    console.log(`Sheets in: ${n.toLocaleString('en')} processes, CSV ${(statSync(csv).size / 1e6).toFixed(1)} MB, XLSX ${(statSync(xlsx).size / 1e6).toFixed(1)} MB`);
    const base = sqliteImport(dir, csv);
    console.log(`  sqlite3 .import of the CSV into a bare table: ${base.toFixed(0)} ms`);
    let csvTotalMs = 0;
    for (const [label, path] of [['CSV', csv], ['XLSX', xlsx]] as const) {
      const r = child(dir, path);
      if (label === 'CSV') csvTotalMs = r.totalMs;
      const dryRun = r.inspectMs + r.previewMs;
      console.log(`  ${label.padEnd(4)} inspect ${r.inspectMs.toFixed(0)} ms, dry run ${r.previewMs.toFixed(0)} ms, apply ${r.applyMs.toFixed(0)} ms `
        + `(${r.added.toLocaleString('en')} added, ${r.refused} refused); end to end ${r.totalMs.toFixed(0)} ms = ${(r.totalMs / base).toFixed(1)}× the sqlite3 .import `
        + `(dry run alone ${(dryRun / base).toFixed(1)}×, apply alone ${(r.applyMs / base).toFixed(1)}×); the backend's event loop held at most ${r.applyHeldMs.toFixed(0)} ms during the apply; peak RSS ${r.maxRssMb.toFixed(0)} MB (bar: 3×, 400 MB)`);
    }
    benchSheetsFloor(dir, csv, base, csvTotalMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
