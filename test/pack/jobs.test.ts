// Verify, preview and import are jobs like export (one model: start, status, cancel), run in the
// pack worker with its own connection; while this backend's import applies, its faces' writes
// queue behind it and succeed, reads answer, and a cancel undoes everything until the commit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { exportThroughApi, makePackWorkbook } from './helpers';

let a: TestWorkbook;
let fx: Fixture;
let pack: string;

beforeAll(async () => {
  a = makePackWorkbook(1);
  fx = await fill(a);
  pack = await exportThroughApi(a, { all: true, destination: join(a.dir, 'jobs.zip') });
});
afterAll(() => a.close());

/** Lets the event loop turn until `ready` holds (bounded in turns, never timed). */
async function turnsUntil(ready: () => boolean, why: () => unknown, turns = 2_000_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (ready()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`the awaited state never came: ${JSON.stringify(why())}`);
}

describe('pack jobs', () => {
  it('verify and preview answer a job id, then progress in bytes and the result', async () => {
    const { jobId } = await a.call('pack.startVerify', { path: pack });
    const running = await a.call('pack.jobStatus', { jobId });
    expect(running).toMatchObject({ jobId, kind: 'verify' });
    expect(running.bytesTotal).toBeGreaterThan(0);
    const done = await a.backend.packs.settled(jobId, 'verify');
    expect(done).toMatchObject({ state: 'done', error: null, result: { ok: true, problems: [] } });
    expect(done.bytesDone).toBeGreaterThan(0);

    const preview = await a.backend.packs.settled((await a.call('pack.startPreview', { path: pack })).jobId, 'preview');
    expect(preview.state).toBe('done');
    // Its own workbook: every record is the same.
    expect(preview.result!.summary.every((s) => s.add === 0 && s.conflict === 0)).toBe(true);
  });

  it('refuses a job of another kind where one is awaited', async () => {
    const { jobId } = await a.call('pack.startVerify', { path: pack });
    await expect(a.backend.packs.settled(jobId, 'import')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await a.backend.packs.settled(jobId);
  });

  it('imports as a job; a write issued while it applies waits for it and succeeds, a read answers', async () => {
    const b = makePackWorkbook(2);
    try {
      const { jobId } = await b.call('pack.startImport', { path: pack });
      expect(b.backend.packs.status(jobId)).toMatchObject({ kind: 'import', state: 'running' });
      await turnsUntil(() => b.backend.packs.writeGate.isHeld, () => b.backend.packs.status(jobId));
      let stateWhenWriteAnswered: string | null = null;
      const write = b.backend.dispatch('vendor.create', { name: 'Written during the import' }).then((r) => {
        stateWhenWriteAnswered = b.backend.packs.status(jobId).state;
        return r;
      });
      const read = await b.backend.dispatch('vendor.list', {});
      expect(read).toMatchObject({ ok: true });
      expect(await write).toMatchObject({ ok: true, value: { name: 'Written during the import' } });
      // Queued behind the import rather than run beside it (which would block in SQLite's busy wait).
      expect(stateWhenWriteAnswered).toBe('done');
      const done = await b.backend.packs.settled(jobId, 'import');
      expect(done.result).toMatchObject({ added: expect.any(Number) });
      expect(done.result!.added).toBeGreaterThan(0);
      expect((await b.call('vendor.get', { id: fx.vendorA })).name).toBe('Acme Managed Services');
    } finally {
      b.close();
    }
  });

  it('cancelled while reading, changes nothing; cancelling a finished job says so', async () => {
    const b = makePackWorkbook(2);
    try {
      const before = b.counts();
      const { jobId } = await b.call('pack.startImport', { path: pack });
      expect(await b.call('pack.cancel', { jobId })).toEqual({ cancelled: true });
      const s = await b.backend.packs.settled(jobId, 'import');
      expect(s.state).toBe('cancelled');
      expect(s.result).toBeNull();
      expect(b.counts()).toEqual(before);
      expect(await b.call('pack.cancel', { jobId })).toEqual({ cancelled: false, reason: 'finished' });
      // The lock went with it: the next import runs.
      expect(await b.call('pack.import', { path: pack })).toMatchObject({ added: expect.any(Number) });
    } finally {
      b.close();
    }
  });

  it('cancelled while applying, either undoes everything or is told it is too late', async () => {
    const b = makePackWorkbook(2);
    try {
      const before = b.counts();
      const { jobId } = await b.call('pack.startImport', { path: pack });
      await turnsUntil(() => b.backend.packs.writeGate.isHeld, () => b.backend.packs.status(jobId));
      const answer = await b.call('pack.cancel', { jobId });
      const s = await b.backend.packs.settled(jobId, 'import');
      if (answer.cancelled) {
        expect(s.state).toBe('cancelled');
        expect(b.counts()).toEqual(before);
      } else {
        expect(answer.reason).toBe('too late');
        expect(s.state).toBe('done');
      }
      // Writes go on after it either way.
      expect(await b.call('vendor.create', { name: 'After the cancel' })).toMatchObject({ name: 'After the cancel' });
    } finally {
      b.close();
    }
  });

  it('an import job refused for its pack writes nothing and names the file', async () => {
    const b = makePackWorkbook(2);
    try {
      const before = b.counts();
      const junk = join(b.dir, 'junk.zip');
      writeFileSync(junk, 'not a zip at all');
      const { jobId } = await b.call('pack.startImport', { path: junk });
      const s = await b.backend.packs.settled(jobId, 'import');
      expect(s.state).toBe('failed');
      expect(s.error?.message).toMatch(/refused|zip/i);
      expect(b.counts()).toEqual(before);
    } finally {
      b.close();
    }
  });
});
