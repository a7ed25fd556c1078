// GET /events on the browser face: the backend's change events over Server-Sent Events, behind
// the same token, Host and Origin checks as every other route, ended when the server closes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { parseChangeEvent, type ChangeEvent } from '../../shared/changes';
import { makeWorkbook, type TestWorkbook } from './helpers';

const TOKEN = 'events-token-0123456789abcdef';
let wb: TestWorkbook;
let web: WebServer;
let staticDir: string;

async function start() {
  wb = makeWorkbook();
  staticDir = mkdtempSync(join(tmpdir(), 'hw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Handover Workbook</title>');
  web = await startWebServer({ dispatch: wb.backend.dispatch, token: TOKEN, staticDir, events: wb.backend.onChange });
}

afterEach(async () => {
  await web?.close();
  wb?.close();
  rmSync(staticDir, { recursive: true, force: true });
});

/** Opens the stream with a real HTTP request; resolves with the response once its headers arrive. */
function open(path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers: { host: `127.0.0.1:${web.port}`, ...headers } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Reads Server-Sent Events off a response: each `change` event, parsed, and when the stream ended. */
function reader(res: IncomingMessage) {
  const events: ChangeEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let ended = false;
  const wake = () => { for (const w of waiters.splice(0)) w(); };
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const lines = block.split('\n');
      if (!lines.includes('event: change')) continue;
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      const event = parseChangeEvent(JSON.parse(data));
      if (event) events.push(event);
    }
    wake();
  });
  res.on('close', () => { ended = true; wake(); });
  return {
    events,
    async until(done: () => boolean) {
      while (!done() && !ended) await new Promise<void>((r) => waiters.push(r));
      return done();
    },
    get ended() { return ended; },
  };
}

describe('GET /events', () => {
  it('streams a change event for each committed write, by whichever caller', async () => {
    await start();
    const res = await open(`/events?token=${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const stream = reader(res);
    const v = await wb.call('vendor.create', { name: 'Acme' });
    await wb.call('process.create', { vendorId: v.id, name: 'Billing' });
    expect(await stream.until(() => stream.events.length === 2)).toBe(true);
    expect(stream.events[0]).toMatchObject({ seq: 1, kinds: ['vendor'], ids: [v.id], vendorIds: [v.id], summary: 'Created vendor “Acme”' });
    expect(stream.events[1]).toMatchObject({ seq: 2, kinds: ['process'], vendorIds: [v.id] });
    res.destroy();
  });

  it('refuses a missing or wrong token, a foreign Host or Origin, and other methods', async () => {
    await start();
    for (const [path, headers, status] of [
      ['/events', {}, 401],
      ['/events?token=wrong-token-0123456789abcdef', {}, 401],
      [`/events?token=${TOKEN}`, { host: 'evil.example:80' }, 403],
      [`/events?token=${TOKEN}`, { origin: 'http://evil.example' }, 403],
    ] as const) {
      const res = await open(path, headers);
      expect(res.statusCode, `${path} ${JSON.stringify(headers)}`).toBe(status);
      res.resume();
    }
    const post = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: web.port, method: 'POST', path: `/events?token=${TOKEN}`, headers: { host: `127.0.0.1:${web.port}` } }, resolve);
      req.on('error', reject);
      req.end();
    });
    expect(post.statusCode).toBe(405);
    post.resume();
  });

  it('ends the stream when the server closes, and stops listening to the backend', async () => {
    await start();
    const res = await open(`/events?token=${TOKEN}`);
    const stream = reader(res);
    await web.close();
    await stream.until(() => false);
    expect(stream.ended).toBe(true);
    // Nothing is written to a closed stream: a write after the close still succeeds and is not sent.
    await wb.call('vendor.create', { name: 'After' });
    expect(stream.events).toEqual([]);
  });
});
