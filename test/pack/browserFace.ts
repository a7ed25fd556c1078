// The browser face over a test workbook that may not name files (allowPackPaths: false), reached
// as a page reaches it: /api calls with the bearer token, and bytes sent to /upload (the pack and
// the sheet pickers' route). The pack and the sheet tests of that face share it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../electron/web/server';
import type { TestWorkbook } from '../backend/helpers';
import { makePackWorkbook } from './helpers';

export interface ApiAnswer<V> {
  status: number;
  body: { ok: boolean; value?: V; error?: { code: string; message: string } };
}

export interface BrowserFace {
  w: TestWorkbook;
  web: WebServer;
  base: string;
  api<V = never>(method: string, input: unknown): Promise<ApiAnswer<V>>;
  /** Sends bytes to the upload route with the token, as the page's pickers do. */
  upload(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Response>;
  close(): Promise<void>;
}

/** Workbook `n` (makePackWorkbook) served on a free port behind `token`. */
export async function serveBrowserFace(n: number, token: string): Promise<BrowserFace> {
  const w = makePackWorkbook(n, { allowPackPaths: false });
  const staticDir = join(w.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const web = await startWebServer({ dispatch: w.backend.dispatch, token, staticDir, packs: w.backend.packs });
  const base = `http://127.0.0.1:${web.port}`;
  return {
    w,
    web,
    base,
    async api<V>(method: string, input: unknown): Promise<ApiAnswer<V>> {
      const r = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return { status: r.status, body: (await r.json()) as ApiAnswer<V>['body'] };
    },
    upload: (bytes, contentType) => fetch(`${base}/upload?token=${token}`, { method: 'POST', headers: { 'Content-Type': contentType }, body: bytes }),
    async close() {
      await web.close();
      w.close();
    },
  };
}
