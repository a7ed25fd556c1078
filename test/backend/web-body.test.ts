// The browser face never dies of a request: a body over the limit is answered 413 with a JSON
// error before it is buffered (declared length) or as soon as the running count passes it
// (chunked), and the server goes on answering.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../electron/web/server';
import { makeWorkbook, type TestWorkbook } from './helpers';

const TOKEN = 'body-token-0123456789';
const LIMIT = 64 * 1024;
let wb: TestWorkbook;
let web: WebServer;
let staticDir: string;

beforeAll(async () => {
  wb = makeWorkbook();
  staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  web = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, maxBodyBytes: LIMIT });
});
afterAll(async () => {
  await web.close();
  wb.close();
  rmSync(staticDir, { recursive: true, force: true });
});

/** Posts to /api/<method>; `chunks` are written one by one (chunked transfer unless a length is declared). */
function post(method: string, chunks: Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: web.port, method: 'POST', path: `/api/${method}`,
      headers: { host: `127.0.0.1:${web.port}`, 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
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

  it('answers a body that is not JSON with 400', async () => {
    const r = await post('vendor.create', [Buffer.from('{"name": ')]);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
