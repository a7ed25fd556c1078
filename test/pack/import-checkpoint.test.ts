// An import job folds its write-ahead log into the database on the worker's connection before it
// reports done, so the backend's next commit finds nothing to checkpoint (issue 8 §1: that
// automatic checkpoint on the backend's event loop was the longest stall after a large import).
// A reader that keeps it from finishing leaves the import done all the same.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { fill } from './fixture';
import { exportThroughApi, makePackWorkbook } from './helpers';

let a: TestWorkbook;
let pack: string;

beforeAll(async () => {
  a = makePackWorkbook(1);
  await fill(a);
  pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'checkpoint.zip') });
});
afterAll(() => a.close());

const importThrough = async (wb: TestWorkbook) => wb.backend.packs.settled((await wb.call('pack.startImport', { path: pack })).jobId, 'import');

describe('import job and the write-ahead log', () => {
  it('leaves an empty WAL: the backend connection has no frame left to copy', async () => {
    const b = makePackWorkbook(2);
    try {
      const job = await importThrough(b);
      expect(job.state).toBe('done');
      expect(statSync(`${b.path}-wal`).size).toBe(0);
      const [result] = b.backend.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(result).toMatchObject({ log: 0, checkpointed: 0 });
      expect((await b.call('vendor.list', {})).rows.length).toBeGreaterThan(0);
    } finally {
      b.close();
    }
  });

  it('still reports the import done when a reader keeps the checkpoint from finishing', async () => {
    const b = makePackWorkbook(3);
    // Another process's long read: its snapshot predates the import, so the WAL cannot be reset.
    const reader = new Database(b.path, { readonly: true });
    try {
      reader.exec('BEGIN');
      const before = reader.prepare('SELECT count(*) AS n FROM vendors').get() as { n: number };
      const job = await importThrough(b);
      expect(job).toMatchObject({ state: 'done', error: null });
      expect(statSync(`${b.path}-wal`).size).toBeGreaterThan(0);
      expect((reader.prepare('SELECT count(*) AS n FROM vendors').get() as { n: number }).n).toBe(before.n);
      expect((await b.call('vendor.list', {})).rows.length).toBeGreaterThan(0);
    } finally {
      reader.exec('COMMIT');
      reader.close();
      b.close();
    }
  });
});
