import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { decodeWire, encodeWire } from '../../shared/wire';
import { makeWorkbook, type TestWorkbook } from './helpers';

const TOKEN = 'test-token-0123456789abcdef';
let wb: TestWorkbook;
let web: WebServer;
let staticDir: string;

beforeAll(async () => {
  wb = makeWorkbook();
  staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Handover Workbook</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'hw-secret.txt'), 'secret');
  web = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir });
});
afterAll(async () => {
  await web.close();
  wb.close();
  rmSync(staticDir, { recursive: true, force: true });
});

/** A raw HTTP request, so the test controls Host and Origin exactly as an attacker could. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${web.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  raw({ method: 'POST', path: `/api/${method}`, body: encodeWire(input), headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers } });

describe('the browser face', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${TOKEN}`);
    expect((web.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers API calls that carry the token', async () => {
    const r = await api('vendor.create', { name: 'Over HTTP' });
    expect(r.status).toBe(200);
    expect(decodeWire(r.body)).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
  });

  it('refuses a call without the token or with a wrong one, and writes nothing', async () => {
    const before = wb.counts();
    expect((await api('vendor.create', { name: 'X' }, { authorization: '' })).status).toBe(401);
    expect((await api('vendor.create', { name: 'X' }, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await api('vendor.create', { name: 'X' }, { authorization: TOKEN })).status).toBe(401);
    expect(wb.counts()).toEqual(before);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await api('app.info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${web.port + 1}` })).status).toBe(403);
    expect((await api('app.info', {}, { origin: `http://localhost:${web.port}` })).status).toBe(200);
  });

  it('answers unknown methods with 404 and bad payloads with the field', async () => {
    const unknown = await api('vendor.drop', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');
    const bad = decodeWire((await api('vendor.create', { name: '' })).body) as { ok: false; error: { issues: { field: string }[] } };
    expect(bad.error.issues[0]!.field).toBe('name');
    const notJson = await raw({ method: 'POST', path: '/api/app.info', body: '{nope', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    expect(notJson.status).toBe(400);
    expect((await raw({ method: 'GET', path: '/api/app.info', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const index = await raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Handover Workbook');
    expect(String(index.headers['content-security-policy'])).toContain("default-src 'none'");
    expect((await raw({ path: '/assets/app.js' })).status).toBe(200);
    for (const path of ['/../hw-secret.txt', '/%2e%2e/hw-secret.txt', '/assets/../../hw-secret.txt', '/..%2fhw-secret.txt', '/nope.js']) {
      const r = await raw({ path });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('answers 400 with a JSON error to malformed percent-encoding, for files and API method names alike', async () => {
    const before = wb.counts();
    const answers = [
      ...['/%zz', '/%E0%A4%A', '/assets/%zz.js', '/%'].map((path) => raw({ path })),
      ...['/api/%zz', '/api/vendor.%E0%A4%A'].map((path) =>
        raw({ method: 'POST', path, body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } })),
    ];
    for (const r of await Promise.all(answers)) {
      expect(r.status).toBe(400);
      expect(String(r.headers['content-type'])).toContain('application/json');
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('percent-encoding') } });
    }
    expect(wb.counts()).toEqual(before);
    // Well-formed encoding still decodes: %2E is a dot.
    expect((await raw({ path: '/assets/app%2Ejs' })).status).toBe(200);
  });
});
