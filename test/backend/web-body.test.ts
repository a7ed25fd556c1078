// The browser face never dies of a request: a body over the limit is answered 413 with a JSON
// error before it is buffered (declared length) or as soon as the running count passes it
// (chunked), and the server goes on answering.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackJobs } from '../../electron/core/pack/jobs';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../electron/web/server';
import { makeWorkbook, type TestWorkbook } from './helpers';
import { mountSmallDisk } from './smallDisk';

const TOKEN = 'body-token-0123456789';
const LIMIT = 64 * 1024;
let wb: TestWorkbook;
let web: WebServer;
/** The same, holding at most one largest body at a time. */
let busyWeb: WebServer;
let staticDir: string;
/** A disk too small for an upload (null where none can be mounted). */
const fullDisk = mountSmallDisk(64);

beforeAll(async () => {
  wb = makeWorkbook();
  staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  web = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, maxBodyBytes: LIMIT });
  busyWeb = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, maxBodyBytes: LIMIT, maxBufferedBytes: LIMIT });
});
afterAll(async () => {
  await web.close();
  await busyWeb.close();
  wb.close();
  rmSync(staticDir, { recursive: true, force: true });
  fullDisk?.unmount();
});

/** Posts to /api/<method>; `chunks` are written one by one (chunked transfer unless a length is declared). */
function post(method: string, chunks: Buffer[], headers: Record<string, string> = {}, to: WebServer = web): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: to.port, method: 'POST', path: `/api/${method}`,
      headers: { host: `127.0.0.1:${to.port}`, 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    }, (res) => {
      const got: Buffer[] = [];
      res.on('data', (c: Buffer) => got.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(got).toString() }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on('error', (e) => (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('request bodies', () => {
  it('stays below the longest string V8 can make', () => {
    expect(MAX_BODY_BYTES).toBeLessThan(2 ** 29 - 24);
  });

  it('answers 413 to a declared length over the limit without reading the body', async () => {
    const before = wb.counts();
    const r = await post('vendor.create', [Buffer.from('{"name":"x"}')], { 'content-length': String(MAX_BODY_BYTES * 2) });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than/) } });
    expect(wb.counts()).toEqual(before);
  });

  it('answers 413 to a chunked body that grows past the limit, and keeps serving', async () => {
    const before = wb.counts();
    const big = [Buffer.from('{"name":"'), ...Array.from({ length: 40 }, () => Buffer.alloc(4096, 0x61)), Buffer.from('"}')];
    const r = await post('vendor.create', big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).ok).toBe(false);
    expect(wb.counts()).toEqual(before);
    const ok = await post('vendor.create', [Buffer.from('{"name":"After the big one"}')]);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'After the big one' } });
  });

  it('answers BUSY to a large body while others hold the memory for large bodies, and never to small ones', async () => {
    // A body declared just under the limit, whose bytes have not come yet: its share is held.
    const slow = request({
      host: '127.0.0.1', port: busyWeb.port, method: 'POST', path: '/api/vendor.create',
      headers: { host: `127.0.0.1:${busyWeb.port}`, 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'content-length': String(LIMIT - 10) },
    });
    const slowAnswer = new Promise<number>((resolve, reject) => { slow.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); }); slow.on('error', reject); });
    slow.write('{"name":"');
    const large = () => post('vendor.create', [Buffer.from(`{"name":"${'b'.repeat(LIMIT / 2)}"}`)], {}, busyWeb);
    let answer = await large();
    for (let i = 0; i < 200 && answer.status !== 503; i++) {
      await new Promise((r) => setTimeout(r, 10));
      answer = await large();
    }
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'BUSY', message: 'Other large requests are being received; try again when they have finished. Nothing was changed.' } });
    // Ordinary calls go on meanwhile.
    const small = await post('vendor.list', [Buffer.from('{}')], {}, busyWeb);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toMatchObject({ ok: true });
    // Once the first body is in, its share is given back.
    slow.end(`${'a'.repeat(LIMIT - 10 - '{"name":""}'.length)}"}`);
    expect(await slowAnswer).toBe(200);
    expect((await large()).status).toBe(200);
  });

  it.skipIf(fullDisk === null)('answers an upload that finds the disk full with DISK_FULL, keeping no part of it', async () => {
    const packs = new PackJobs({ allowPaths: false, tempRoot: fullDisk!.dir });
    const web2 = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, packs });
    try {
      const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1', port: web2.port, method: 'POST', path: `/upload?token=${TOKEN}`,
          headers: { host: `127.0.0.1:${web2.port}`, 'content-type': 'application/zip' },
        }, (res) => {
          const got: Buffer[] = [];
          res.on('data', (c: Buffer) => got.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(got).toString() }));
        });
        req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
        req.end(Buffer.alloc(1024 * 1024, 7));
      });
      expect(r.status).toBe(507);
      expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'DISK_FULL', message: 'The disk holding the temporary folder is full; nothing was changed. Free some space and try again.' } });
      expect(readdirSync(fullDisk!.dir, { recursive: true }).filter((n) => String(n).endsWith('.zip'))).toEqual([]);
    } finally {
      await web2.close();
      await packs.dispose();
    }
  });

  it('refuses a body that is not UTF-8 rather than storing U+FFFD in its place', async () => {
    const before = wb.counts();
    // The bytes of a lone surrogate as some encoders write them (CESU-8): not UTF-8.
    const r = await post('vendor.create', [Buffer.concat([Buffer.from('{"name":"Acme '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])]);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not UTF-8 text' } });
    expect(wb.counts()).toEqual(before);
  });

  it('answers a body that is not JSON with 400', async () => {
    const r = await post('vendor.create', [Buffer.from('{"name": ')]);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
