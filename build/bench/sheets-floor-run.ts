// The floor of a sheet import, in a process of its own (build/bench/sheets-floor.ts starts it): what
// papaparse and SQLite alone take for the bench's CSV of processes, with none of the app's checks,
// mapping or bookkeeping in between. Prints one line of JSON with the figures.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { dropIndexes } from '../../electron/core/store/bulk';
import { insertCounted } from '../../electron/core/store/counts';
import { openWorkbook, type Db } from '../../electron/core/store/open';
import { indexKindInBulk } from '../../electron/core/store/search';
import { CRIT, STAGE } from './sheets';
import type { Floor, Way } from './sheets-floor';

const [dir, csv] = process.argv.slice(2) as [string, string];

// The generator's labels, in its order, to the values the table stores.
const CRITICALITY = new Map(CRIT.map((label, i) => [label, ['critical', 'high', 'medium', 'low'][i]!]));
const KT_STAGE = new Map(STAGE.map((label, i) => [label, ['not_started', 'documented', 'shadowing', 'reverse_shadowing', 'signed_off'][i]!]));

/**
 * Rows per INSERT statement: running a statement costs more than the row it writes. With the
 * indexes kept 64 was clearly faster than 16; with them dropped 16, 64 and 200 time the same.
 */
const ROWS_PER_STATEMENT = 64;
const COLUMNS = ['id', 'vendor_id', 'name', 'description', 'frequency', 'criticality', 'sla', 'kt_stage', 'notes', 'created_at', 'updated_at'];

/** a. The file read and parsed into arrays of strings, nothing mapped. */
function parse(): { ms: number; rows: string[][] } {
  const t = performance.now();
  const rows = Papa.parse<string[]>(readFileSync(csv, 'utf8'), { delimiter: ',', skipEmptyLines: true }).data.slice(1);
  return { ms: performance.now() - t, rows };
}

/** The rows as the table's values, outside any timing: ids random UUIDs in key order (as the app inserts them), one vendor, stored choice values, one timestamp. */
function toValues(rows: string[][], vendorId: string, at: string): unknown[][] {
  const ids = rows.map(() => randomUUID()).sort();
  return rows.map(([name, description, frequency, priority, sla, stage, notes], i) => {
    const criticality = CRITICALITY.get(priority!);
    const ktStage = KT_STAGE.get(stage!);
    if (!criticality || !ktStage) throw new Error(`row ${i + 2} of ${csv}: no stored value for “${priority}” or “${stage}”`);
    return [ids[i], vendorId, name, description, frequency, criticality, sla, ktStage, notes, at, at];
  });
}

/** A fresh workbook (the app's own schema and pragmas) with the one vendor the rows belong to. */
function freshWorkbook(path: string, vendorId: string, at: string): Db {
  const db = openWorkbook(path);
  db.prepare('INSERT INTO vendors (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(vendorId, 'Bench vendor', at, at);
  return db;
}

/** Every row written and counted for readiness, as the schema's trigger would have counted it. */
function checkRows(db: Db, expected: number): void {
  const rows = db.prepare('SELECT count(*) FROM processes').pluck().get() as number;
  const counted = db.prepare('SELECT sum(n) FROM readiness_process_counts').pluck().get() as number;
  if (rows !== expected || counted !== rows) throw new Error(`the floor wrote ${rows} rows and counted ${counted}, for ${expected} in the sheet`);
}

/** b. The rows inserted in one transaction, committed (synchronous = FULL, as the app runs). */
function insert(db: Db, values: unknown[][], way: Way): number {
  const row = `(${COLUMNS.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO processes (${COLUMNS.join(', ')}) VALUES ${row}`;
  const many = db.prepare(sql + `, ${row}`.repeat(ROWS_PER_STATEMENT - 1));
  const one = db.prepare(sql);
  const t = performance.now();
  db.transaction(() => {
    const rebuild = way.dropIndexes ? dropIndexes(db, ['processes']) : null;
    const write = () => {
      const params: unknown[] = new Array(COLUMNS.length * ROWS_PER_STATEMENT);
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= values.length; i += ROWS_PER_STATEMENT) {
        let k = 0;
        for (let j = i; j < i + ROWS_PER_STATEMENT; j++) for (const v of values[j]!) params[k++] = v;
        many.run(params);
      }
      for (; i < values.length; i++) one.run(values[i]);
    };
    if (way.countAfter) insertCounted(db, 'processes', write);
    else write();
    rebuild?.();
  }).immediate();
  return performance.now() - t;
}

/** c. The new rows' texts into the full-text index, as an import must, in one transaction, committed. */
function searchIndex(db: Db): number {
  const t = performance.now();
  db.transaction(() => indexKindInBulk(db, 'process', 0)).immediate();
  return performance.now() - t;
}

/** Each way is timed this many times, in turns, and its fastest taken: one run on a shared machine varies by a third. */
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 3);

const parses = Array.from({ length: ROUNDS }, parse);
const sheet = parses[0]!.rows;
const at = new Date().toISOString();
const vendorId = randomUUID();
const values = toValues(sheet, vendorId, at);
const ways: Way[] = [false, true].flatMap((dropIndexes) => [false, true].map((countAfter) => ({ dropIndexes, countAfter })));
const insertMs = ways.map(() => [] as number[]);
const searchMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const dbs = ways.map((way, w) => {
    const path = join(dir, `floor-${round}-${w}.sqlite`);
    const db = freshWorkbook(path, vendorId, at);
    insertMs[w]!.push(insert(db, values, way));
    checkRows(db, sheet.length);
    return { db, path };
  });
  // Every way wrote the same rows: the search index is built over the last one's.
  const { db } = dbs.at(-1)!;
  searchMs.push(searchIndex(db));
  const indexed = db.prepare('SELECT count(*) FROM search_fts').pluck().get() as number;
  if (indexed !== sheet.length) throw new Error(`the floor indexed ${indexed} rows for search, for ${sheet.length} in the table`);
  // A round's workbooks go before the next: a dozen of them would hold half a gigabyte.
  for (const d of dbs) {
    d.db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(d.path + suffix, { force: true });
  }
}
const fastest = insertMs.map((ms) => Math.min(...ms));
const best = fastest.indexOf(Math.min(...fastest));
const floor: Floor = {
  rows: sheet.length, parseMs: Math.min(...parses.map((p) => p.ms)), insertMs: fastest[best]!, searchMs: Math.min(...searchMs),
  best: ways[best]!, inserts: ways.map((way, w) => ({ ...way, ms: fastest[w]! })), rounds: ROUNDS,
};
console.log(JSON.stringify(floor));
