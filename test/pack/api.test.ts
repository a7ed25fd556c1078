// The pack methods through the dispatcher and the browser face's routes: export jobs with
// progress, cancel and clean failure; what each face may name; upload, verify, preview, import
// and download over HTTP with the token and Host checks.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import type { WebServer } from '../../electron/web/server';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { serveBrowserFace, type BrowserFace } from './browserFace';
import { exportThroughApi, makePackWorkbook, sha256 } from './helpers';

let a: TestWorkbook;
let fx: Fixture;

beforeAll(async () => {
  a = makePackWorkbook(1);
  fx = await fill(a);
  const docs = await a.call('document.list', { limit: 1 });
  // A big incompressible file, so an export takes long enough to cancel.
  await a.attach({ documentId: docs.rows[0]!.id, fileName: 'disk.img', content: randomBytes(48 * 1024 * 1024) });
});

afterAll(() => a.close());

describe('export jobs', () => {
  it('report progress in bytes and finish with the pack', async () => {
    const { jobId } = await a.call('pack.export', { vendorIds: [fx.vendorA], destination: join(a.dir, 'job.zip') });
    const seen: number[] = [];
    for (;;) {
      const s = await a.call('pack.jobStatus', { jobId });
      seen.push(s.bytesDone);
      if (s.state !== 'running') {
        expect(s.state).toBe('done');
        expect(s.bytesDone).toBe(s.bytesTotal);
        expect(s.bytesDone).toBeGreaterThan(48 * 1024 * 1024);
        expect(s.result).toMatchObject({ fileName: 'job.zip', attachments: 4, redacted: false, vendors: [{ id: fx.vendorA, name: 'Acme Managed Services' }] });
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(existsSync(join(a.dir, 'job.zip'))).toBe(true);
    expect(readdirSync(a.dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('cancel cleanly: no pack, no partial file', async () => {
    const out = join(a.dir, 'cancelled');
    mkdirSync(out);
    const { jobId } = await a.call('pack.export', { all: true, destination: join(out, 'c.zip') });
    await new Promise((r) => setTimeout(r, 30));
    expect(await a.call('pack.cancel', { jobId })).toEqual({ cancelled: true });
    const s = await a.backend.packs.settled(jobId, 'export');
    expect(s.state).toBe('cancelled');
    expect(readdirSync(out)).toEqual([]);
    expect(await a.call('pack.cancel', { jobId })).toEqual({ cancelled: false, reason: 'finished' });
  });

  it('fail cleanly, saying why, when an attached file is missing from the store', async () => {
    const b = makePackWorkbook(2);
    try {
      const f = await fill(b);
      rmSync(blobPath(attachmentDir(b.path), f.attachments[0]!.sha256));
      const { jobId } = await b.call('pack.export', { all: true, destination: join(b.dir, 'broken.zip') });
      const s = await b.backend.packs.settled(jobId, 'export');
      expect(s.state).toBe('failed');
      expect(s.error).toMatchObject({ code: 'FILE_ERROR', message: expect.stringMatching(/runbook\.txt.*missing/) });
      expect(readdirSync(b.dir).filter((n) => n.endsWith('.zip') || n.includes('.partial'))).toEqual([]);
    } finally {
      b.close();
    }
  });

  it('refuse bad inputs with the field named', async () => {
    expect(await a.refuse('pack.export', { destination: join(a.dir, 'x.zip') })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ field: 'vendorIds' }] });
    expect(await a.refuse('pack.export', { all: true, vendorIds: [fx.vendorA] })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await a.refuse('pack.export', { all: true, destination: 'relative.zip' })).toMatchObject({ code: 'INVALID_INPUT', message: /absolute/ });
    expect(await a.refuse('pack.export', { all: true, destination: join(a.dir, 'x.txt') })).toMatchObject({ message: /\.zip/ });
    expect(await a.refuse('pack.export', { all: true, destination: join(a.dir, 'nope', 'x.zip') })).toMatchObject({ message: /existing folder/ });
    const { jobId } = await a.call('pack.export', { vendorIds: ['11111111-2222-4333-8444-555555555555'], destination: join(a.dir, 'none.zip') });
    expect((await a.backend.packs.settled(jobId, 'export')).error).toMatchObject({ code: 'INVALID_INPUT', message: /vendorIds\.0/ });
    expect(await a.refuse('pack.jobStatus', { jobId: '11111111-2222-4333-8444-555555555555' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await a.refuse('pack.verify', { path: join(a.dir, 'missing.zip') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await a.refuse('pack.verify', {})).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('the browser face', () => {
  const TOKEN = 'pack-test-token-0123456789';
  let face: BrowserFace;
  let web: WebServer;
  let w: TestWorkbook;
  let base: string;

  beforeAll(async () => {
    face = await serveBrowserFace(3, TOKEN);
    ({ web, w, base } = face);
  });
  afterAll(() => face.close());

  const api = (method: string, input: unknown) => face.api(method, input);

  it('never lets the page name a file on the computer', async () => {
    expect((await api('pack.verify', { path: '/etc/passwd' })).status).toBe(403);
    expect((await api('pack.export', { all: true, destination: '/tmp/x.zip' })).status).toBe(403);
    // And the backend of this face refuses them too, whatever the transport.
    expect(await w.refuse('pack.verify', { path: '/etc/passwd' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await w.refuse('pack.import', { path: '/etc/passwd' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('uploads a pack, verifies, previews and imports it, then exports and downloads one', async () => {
    const pack = await exportThroughApi(a, { vendorIds: [fx.vendorA], attachments: false, destination: join(a.dir, 'up.zip') });
    const bytes = readFileSync(pack);
    expect((await fetch(`${base}/upload?token=wrong`, { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: bytes })).status).toBe(401);
    expect((await fetch(`${base}/upload?token=${TOKEN}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: bytes })).status).toBe(415);
    const up = await face.upload(bytes, 'application/zip');
    expect(up.status).toBe(200);
    const { value } = await up.json() as { value: { upload: string; size: number } };
    expect(value.size).toBe(bytes.length);
    expect((await api('pack.verify', { upload: value.upload })).body).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
    const preview = (await api('pack.preview', { upload: value.upload })).body.value as unknown as { summary: { add: number }[] };
    expect(preview.summary.reduce((s, r) => s + r.add, 0)).toBeGreaterThan(10);
    expect((await api('pack.import', { upload: value.upload })).body).toMatchObject({ ok: true });
    expect((await w.call('vendor.get', { id: fx.vendorA })).name).toBe('Acme Managed Services');

    const started = (await api('pack.export', { vendorIds: [fx.vendorA] })).body.value as unknown as { jobId: string };
    const status = await w.backend.packs.settled(started.jobId, 'export');
    expect(status.state).toBe('done');
    expect(status.result!.downloadPath).toBe(`/download/${started.jobId}`);
    expect(status.result!.fileName).toMatch(/^handover-pack-Acme-Managed-Services-\d{4}-\d{2}-\d{2}\.zip$/);
    expect((await fetch(`${base}${status.result!.downloadPath}`)).status).toBe(401);
    expect((await fetch(`${base}${status.result!.downloadPath}?token=nope`)).status).toBe(401);
    // fetch() will not send another Host: ask with the bare http client (a DNS-rebinding page would).
    const badHost = await new Promise<number>((resolveStatus, reject) => {
      request({ host: '127.0.0.1', port: web.port, path: `${status.result!.downloadPath}?token=${TOKEN}`, headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolveStatus(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(badHost).toBe(403);
    const dl = await fetch(`${base}${status.result!.downloadPath}?token=${TOKEN}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/zip');
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="handover-pack-Acme-Managed-Services-.*\.zip"/);
    const got = Buffer.from(await dl.arrayBuffer());
    expect(got.length).toBe(status.result!.size);
    expect(sha256(got)).toBe(sha256(readFileSync(status.result!.path)));
    expect((await fetch(`${base}/download/11111111-2222-4333-8444-555555555555?token=${TOKEN}`)).status).toBe(404);
    // Discarding forgets the upload and removes the temporary pack.
    expect((await api('pack.discard', { upload: value.upload })).body).toMatchObject({ ok: true, value: { removed: true } });
    expect((await api('pack.verify', { upload: value.upload })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await api('pack.discard', { jobId: started.jobId })).body).toMatchObject({ ok: true, value: { removed: true } });
    expect(existsSync(status.result!.path)).toBe(false);

    // An encrypted pack downloads as bytes, not as a zip a browser might offer to open.
    const sealed = (await api('pack.export', { vendorIds: [fx.vendorA], encryption: { passphrase: 'correct horse battery staple' } })).body.value as unknown as { jobId: string };
    const sealedStatus = await w.backend.packs.settled(sealed.jobId, 'export');
    expect(sealedStatus.result!.fileName).toMatch(/\.zip\.age$/);
    const sealedDl = await fetch(`${base}${sealedStatus.result!.downloadPath}?token=${TOKEN}`);
    expect(sealedDl.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await sealedDl.arrayBuffer()).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
  });
});
