// Writes that do not come through the dispatcher still reach every face as change events: an
// attachment uploaded through the browser face's route, and an import run as a background job.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/changes';
import { fill } from '../pack/fixture';
import { exportThroughApi, makePackWorkbook } from '../pack/helpers';
import type { TestWorkbook } from './helpers';

const open: TestWorkbook[] = [];
afterEach(() => { for (const wb of open.splice(0)) wb.close(); });

describe('change events from writes outside the dispatcher', () => {
  it('announces an uploaded attachment with its document and vendor', async () => {
    const wb = makePackWorkbook(1);
    open.push(wb);
    const v = await wb.call('vendor.create', { name: 'Acme' });
    const doc = await wb.call('document.create', { vendorId: v.id, title: 'Runbook' });
    const events: ChangeEvent[] = [];
    wb.backend.onChange((e) => events.push(e));
    await wb.backend.attachments.upload({ documentId: doc.id, fileName: 'notes.txt' }, Readable.from([Buffer.from('evidence')]), 1024);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ids: [doc.id], vendorIds: [v.id], summary: expect.stringMatching(/notes\.txt/) });
  });

  it('announces an import job once it has committed, as a change of everything', async () => {
    const a = makePackWorkbook(1);
    const b = makePackWorkbook(2);
    open.push(a, b);
    await fill(a);
    const pack = await exportThroughApi(a, { all: true });
    const events: ChangeEvent[] = [];
    b.backend.onChange((e) => events.push(e));
    const { jobId } = await b.call('pack.startImport', { path: pack });
    const status = await b.backend.packs.settled(jobId);
    expect(status.state).toBe('done');
    expect(events.map((e) => e.kinds)).toEqual(['all']);
    const before = events[0]!.seq;
    await b.call('vendor.create', { name: 'After' });
    expect(events[1]!.seq).toBe(before + 1);
  });
});
