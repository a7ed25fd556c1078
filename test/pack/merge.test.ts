// Two laptops exchanging packs: A exports, B imports; both change things (one record on both
// sides: a conflict; one deletion; one change on each side only; a new record); they exchange
// again both ways and end with the same data, nothing doubled.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { dataFiles, exportThroughApi, makePackWorkbook } from './helpers';

let a: TestWorkbook;
let b: TestWorkbook;
let fx: Fixture;

beforeAll(async () => {
  a = makePackWorkbook(1);
  // B's clock runs an hour behind A's: the rule must not depend on the two clocks agreeing.
  b = makePackWorkbook(2, { clockStart: '2026-03-01T08:00:00.000Z' });
  fx = await fill(a);
});

afterAll(() => {
  a.close();
  b.close();
});

describe('merging packs between two workbooks', () => {
  let newDocId = '';

  it('first exchange: everything is new to B', async () => {
    const p1 = await exportThroughApi(a, { all: true, destination: join(a.dir, 'p1.zip') });
    const preview = await b.call('pack.preview', { path: p1 });
    expect(preview.knownPeer).toBe(false);
    expect(preview.conflicts).toEqual([]);
    expect(preview.summary.every((s) => s.update + s.delete + s.conflict + s.keep === 0)).toBe(true);
    const r = await b.call('pack.import', { path: p1 });
    expect(r.updated + r.deleted).toBe(0);
  });

  it('second exchange A → B: updates, a deletion, a kept local change and a conflict', async () => {
    // Only A: the vendor's services, a repository deleted.
    await a.call('vendor.update', { id: fx.vendorA, changes: { services: 'Payroll runs, backups and DNS' } });
    await a.call('repository.delete', { id: fx.repoA });
    // Only B: the licence's notes, and a new document.
    await b.call('licence.update', { id: fx.licenceA, changes: { notes: 'Consent asked on 3 March' } });
    newDocId = (await b.call('document.create', { vendorId: fx.vendorA, title: 'Cutover plan', status: 'draft' })).id;
    // Both: the same process, differently.
    await a.call('process.update', { id: fx.processA, changes: { name: 'Monthly payroll (A)' } });
    await b.call('process.update', { id: fx.processA, changes: { name: 'Monthly payroll (B)', sla: '99.9%' } });

    const p2 = await exportThroughApi(a, { all: true, destination: join(a.dir, 'p2.zip') });
    const preview = await b.call('pack.preview', { path: p2 });
    expect(preview.knownPeer).toBe(true);
    const row = (table: string) => preview.summary.find((s) => s.table === table && s.vendorId === fx.vendorA)!;
    expect(row('vendors')).toMatchObject({ update: 1, conflict: 0 });
    expect(row('repositories')).toMatchObject({ delete: 1, conflict: 0 });
    expect(row('licences')).toMatchObject({ keep: 1, update: 0, conflict: 0 });
    expect(row('processes')).toMatchObject({ conflict: 1 });
    expect(preview.conflicts).toHaveLength(1);
    const c = preview.conflicts[0]!;
    expect(c).toMatchObject({ id: fx.processA, title: 'Monthly payroll (A)', action: 'conflict' });
    expect(c.differences.map((d) => d.field).sort()).toEqual(['name', 'sla']);
    expect(c.differences.find((d) => d.field === 'name')).toMatchObject({ label: 'Name', mine: 'Monthly payroll (B)', theirs: 'Monthly payroll (A)' });
    expect(preview.changes.map((x) => `${x.action} ${x.table}`).sort()).toEqual(['delete repositories', 'update vendors']);

    // The user takes theirs for the conflict.
    const r = await b.call('pack.import', { path: p2, resolutions: { [fx.processA]: 'theirs' } });
    expect(r).toMatchObject({ updated: 2, deleted: 1, kept: 1, conflicts: { theirs: 1, mine: 0 } });
    expect((await b.call('process.get', { id: fx.processA })).name).toBe('Monthly payroll (A)');
    expect((await b.call('vendor.get', { id: fx.vendorA })).services).toBe('Payroll runs, backups and DNS');
    expect((await b.call('repository.get', { id: fx.repoA })).deletedAt).not.toBeNull();
    expect((await b.call('licence.get', { id: fx.licenceA })).notes).toBe('Consent asked on 3 March');
    expect((await b.call('repository.list', { vendorId: fx.vendorA })).rows.map((x) => x.id)).not.toContain(fx.repoA);
  });

  it('exchange B → A: B\'s own changes arrive as clean updates and additions, nothing doubles', async () => {
    const p3 = await exportThroughApi(b, { all: true, destination: join(b.dir, 'p3.zip') });
    const preview = await a.call('pack.preview', { path: p3 });
    // A knows from the pack that B merged A's last pack: only B's own changes remain.
    expect(preview.knownPeer).toBe(true);
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes.map((x) => `${x.action} ${x.table} ${x.title}`).sort()).toEqual([
      'add documents Cutover plan', 'update licences PayCalc Pro',
    ]);
    const before = a.counts();
    await a.call('pack.import', { path: p3 });
    expect(a.counts().documents).toBe(before.documents! + 1);
    expect((await a.call('document.get', { id: newDocId })).title).toBe('Cutover plan');
    expect((await a.call('licence.get', { id: fx.licenceA })).notes).toBe('Consent asked on 3 March');
  });

  it('ends with both workbooks holding the same data', async () => {
    const pa = await exportThroughApi(a, { all: true, destination: join(a.dir, 'final-a.zip') });
    const pb = await exportThroughApi(b, { all: true, destination: join(b.dir, 'final-b.zip') });
    const [da, db] = [await dataFiles(pa), await dataFiles(pb)];
    for (const [name, text] of da) expect(db.get(name), name).toBe(text);
    // And another exchange changes nothing.
    const preview = await b.call('pack.preview', { path: pa });
    expect(preview.summary.every((s) => s.add + s.update + s.delete + s.conflict + s.keep === 0)).toBe(true);
  });

  it('keeps mine for a conflict when told, and defaults to the newer side', async () => {
    await a.call('process.update', { id: fx.processA, changes: { frequency: 'monthly, A' } });
    await b.call('process.update', { id: fx.processA, changes: { frequency: 'monthly, B' } });
    const p = await exportThroughApi(a, { all: true, destination: join(a.dir, 'p5.zip') });
    const preview = await b.call('pack.preview', { path: p });
    expect(preview.conflicts).toHaveLength(1);
    // A's clock is an hour ahead of B's: A's change looks newer.
    expect(preview.conflicts[0]!.suggested).toBe('theirs');
    const r = await b.call('pack.import', { path: p, default: 'mine' });
    expect(r.conflicts).toEqual({ theirs: 0, mine: 1 });
    expect((await b.call('process.get', { id: fx.processA })).frequency).toBe('monthly, B');
    // The same pack again: the choice stands (B's version is still B's own change, A's is not new).
    const again = await b.call('pack.preview', { path: p });
    expect(again.conflicts).toEqual([]);
    expect(again.summary.find((x) => x.table === 'processes' && x.vendorId === fx.vendorA)).toMatchObject({ keep: 1, update: 0 });
    await b.call('pack.import', { path: p });
    expect((await b.call('process.get', { id: fx.processA })).frequency).toBe('monthly, B');
    // A changes it again: a conflict once more, and with no choice the newer side wins.
    await a.call('process.update', { id: fx.processA, changes: { frequency: 'monthly, A again' } });
    const p6 = await exportThroughApi(a, { all: true, destination: join(a.dir, 'p6.zip') });
    const r2 = await b.call('pack.import', { path: p6 });
    expect(r2.conflicts).toEqual({ theirs: 1, mine: 0 });
    expect((await b.call('process.get', { id: fx.processA })).frequency).toBe('monthly, A again');
  });

  it('a change made only here survives later packs from the other side that do not have it yet', async () => {
    await b.call('licence.update', { id: fx.licenceA, changes: { seats: 40 } });
    for (const name of ['p7.zip', 'p8.zip']) {
      const p = await exportThroughApi(a, { all: true, destination: join(a.dir, name) });
      const preview = await b.call('pack.preview', { path: p });
      expect(preview.summary.find((x) => x.table === 'licences' && x.vendorId === fx.vendorA)).toMatchObject({ keep: 1, update: 0, conflict: 0 });
      await b.call('pack.import', { path: p });
      expect((await b.call('licence.get', { id: fx.licenceA })).seats).toBe(40);
    }
  });
});

describe('a pack that deletes an attachment', () => {
  it('removes its stored file on the other side too', async () => {
    const a2 = makePackWorkbook(3);
    const b2 = makePackWorkbook(4);
    try {
      const f = await fill(a2);
      await b2.call('pack.import', { path: await exportThroughApi(a2, { all: true, destination: join(a2.dir, 'q1.zip') }) });
      const runbook = (await a2.call('attachment.list', { documentId: f.docA })).find((x) => x.fileName === 'runbook.txt')!;
      const stored = blobPath(attachmentDir(b2.path), runbook.sha256);
      expect(existsSync(stored)).toBe(true);
      await a2.call('attachment.remove', { documentId: f.docA, attachmentId: runbook.id });
      await b2.call('pack.import', { path: await exportThroughApi(a2, { all: true, destination: join(a2.dir, 'q2.zip') }) });
      expect((await b2.call('attachment.list', { documentId: f.docA })).map((x) => x.fileName)).not.toContain('runbook.txt');
      expect(existsSync(stored)).toBe(false);
      // The other files stay.
      for (const other of f.attachments.filter((x) => x.sha256 !== runbook.sha256)) {
        expect(existsSync(blobPath(attachmentDir(b2.path), other.sha256))).toBe(true);
      }
    } finally {
      a2.close();
      b2.close();
    }
  });
});
