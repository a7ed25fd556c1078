// The browser face's attachment routes: an upload is the raw request body streamed into the store
// while it is hashed (no bytes in JSON), a download streams the stored file back; both behind the
// token, Host and Origin checks, with the size limit checked on Content-Length first and on the
// running count of a chunked body.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachmentDir, blobPath } from '../../electron/core/store/blobs';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { makeWorkbook, type TestWorkbook } from './helpers';

const TOKEN = 'attach-token-0123456789abcdef';
const LIMIT = 64 * 1024;
let wb: TestWorkbook;
let web: WebServer;
let staticDir: string;
let docId: string;

beforeAll(async () => {
  wb = makeWorkbook();
  staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  web = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, attachments: wb.backend.attachments, maxAttachmentBytes: LIMIT });
  const v = await wb.call('vendor.create', { name: 'Acme' });
  docId = (await wb.call('document.create', { vendorId: v.id, title: 'Runbook' })).id;
});
afterAll(async () => {
  await web.close();
  wb.close();
  rmSync(staticDir, { recursive: true, force: true });
});

interface Answer { status: number; body: Buffer; headers: Record<string, unknown> }

/** A raw request, body given as chunks (sent chunked unless a content-length header is given). */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${web.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    // The server may answer and close before the whole body is sent: that answer is what counts.
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    for (const c of opts.chunks ?? []) req.write(c);
    req.end();
  });
}

const upload = (query: string, chunks: Buffer[], headers: Record<string, string> = {}) =>
  raw({ method: 'POST', path: `/attachments?${query}`, chunks, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream', ...headers } });
const json = (a: Answer) => JSON.parse(a.body.toString()) as { ok: boolean; value?: { id: string; sha256: string; size: number; fileName: string; mediaType: string }; error?: { code: string; message: string; issues?: { field: string }[] } };
const storeFiles = () => (existsSync(attachmentDir(wb.path)) ? readdirSync(attachmentDir(wb.path), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

let before: Record<string, number>;
let filesBefore: string[];
beforeEach(() => {
  before = wb.counts();
  filesBefore = storeFiles();
});
const unchanged = () => {
  expect(wb.counts()).toEqual(before);
  expect(storeFiles()).toEqual(filesBefore);
};

describe('POST /attachments', () => {
  it('streams the body into the store under its SHA-256 and answers the attachment', async () => {
    const bytes = Buffer.alloc(40_000, 7);
    bytes.write('end', bytes.length - 3);
    const r = await upload(`documentId=${docId}&name=${encodeURIComponent('disk image (1).img')}`, [bytes.subarray(0, 10_000), bytes.subarray(10_000)]);
    expect(r.status).toBe(200);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(json(r)).toMatchObject({ ok: true, value: { sha256: sha, size: bytes.length, fileName: 'disk image (1).img', mediaType: 'application/octet-stream' } });
    expect(readFileSync(blobPath(attachmentDir(wb.path), sha))).toEqual(bytes);
    expect((await wb.call('attachment.list', { documentId: docId })).map((a) => a.fileName)).toContain('disk image (1).img');
    // Only the stored file: no temporary name left in the store.
    expect(storeFiles().filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('attaches evidence to a checklist item the same way', async () => {
    const v = await wb.call('vendor.create', { name: 'Beta' });
    const templates = await wb.call('template.list', {});
    const checklist = await wb.call('checklist.start', { vendorId: v.id, templateId: templates[0]!.id });
    const item = (await wb.call('checklist.items', { checklistId: checklist.id, limit: 1 })).rows[0]!;
    const r = await upload(`itemId=${item.id}&name=minutes.txt`, [Buffer.from('signed off')]);
    expect(json(r)).toMatchObject({ ok: true, value: { fileName: 'minutes.txt', mediaType: 'text/plain' } });
  });

  it('refuses a missing or wrong token, a foreign Host or Origin, and changes nothing', async () => {
    const body = [Buffer.from('x')];
    expect((await upload(`documentId=${docId}&name=a.txt`, body, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await raw({ method: 'POST', path: `/attachments?documentId=${docId}&name=a.txt`, chunks: body, headers: { 'content-type': 'application/octet-stream' } })).status).toBe(401);
    expect((await upload(`documentId=${docId}&name=a.txt`, body, { host: 'evil.example:80' })).status).toBe(403);
    expect((await upload(`documentId=${docId}&name=a.txt`, body, { origin: 'http://evil.example' })).status).toBe(403);
    unchanged();
  });

  it('names the field of a bad query, refuses other content types, and changes nothing', async () => {
    const body = [Buffer.from('x')];
    expect((await upload(`documentId=${docId}&name=a.txt`, body, { 'content-type': 'application/json' })).status).toBe(415);
    const noName = await upload(`documentId=${docId}`, body);
    expect(noName.status).toBe(400);
    expect(json(noName).error?.issues?.[0]?.field).toBe('name');
    expect(json(await upload(`documentId=${docId}&name=..%2F..%2Fetc%2Fpasswd`, body)).error?.issues?.[0]?.field).toBe('name');
    expect(json(await upload('name=a.txt', body)).error?.issues?.[0]?.field).toBe('documentId');
    const gone = await upload('documentId=11111111-1111-4111-8111-111111111111&name=a.txt', body);
    expect(gone.status).toBe(400);
    expect(json(gone).error?.issues?.[0]?.field).toBe('documentId');
    unchanged();
  });

  it('answers 413 from Content-Length before reading the body, and from the running count of a chunked one', async () => {
    const declared = await upload(`documentId=${docId}&name=big.bin`, [Buffer.alloc(10)], { 'content-length': String(LIMIT + 1) });
    expect(declared.status).toBe(413);
    expect(json(declared).error?.message).toContain('larger than');
    const chunked = await upload(`documentId=${docId}&name=big.bin`, [Buffer.alloc(LIMIT / 2), Buffer.alloc(LIMIT / 2), Buffer.alloc(10)]);
    expect(chunked.status).toBe(413);
    expect(json(chunked)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Exactly the limit is taken.
    expect((await upload(`documentId=${docId}&name=limit.bin`, [Buffer.alloc(LIMIT, 1)])).status).toBe(200);
  });

  it('stores nothing for a refused chunked body', async () => {
    await upload(`documentId=${docId}&name=big.bin`, [Buffer.alloc(LIMIT + 1, 2)]);
    unchanged();
  });
});

describe('GET /attachments/<id>', () => {
  it('streams the stored file back as a download under its name, with the token in the query', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10]);
    const a = json(await upload(`documentId=${docId}&name=${encodeURIComponent('résumé.bin')}`, [bytes])).value!;
    const r = await raw({ path: `/attachments/${a.id}?token=${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(bytes);
    expect(r.headers['content-length']).toBe(String(bytes.length));
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(String(r.headers['content-disposition'])).toBe(`attachment; filename="r_sum_.bin"; filename*=UTF-8''${encodeURIComponent('résumé.bin')}`);
  });

  it('refuses without the token, and answers 404 for an unknown id and 405 for another method', async () => {
    const a = json(await upload(`documentId=${docId}&name=x.txt`, [Buffer.from('x')])).value!;
    expect((await raw({ path: `/attachments/${a.id}` })).status).toBe(401);
    expect((await raw({ path: `/attachments/${a.id}?token=wrong` })).status).toBe(401);
    expect((await raw({ path: `/attachments/11111111-1111-4111-8111-111111111111?token=${TOKEN}` })).status).toBe(404);
    expect((await raw({ method: 'DELETE', path: `/attachments/${a.id}?token=${TOKEN}` })).status).toBe(405);
  });

  it('refuses attachment.addFile over the API: the page may not name files', async () => {
    const r = await raw({
      method: 'POST', path: '/api/attachment.addFile', chunks: [Buffer.from(JSON.stringify({ documentId: docId, path: '/etc/passwd' }))],
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });
    expect(r.status).toBe(403);
    unchanged();
  });
});
