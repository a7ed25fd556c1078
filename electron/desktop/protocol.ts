// The built renderer served from our own app://renderer/ origin instead of file:// (Electron's
// security checklist, item 18): a file:// page shares its origin with every file on the disk,
// while this handler serves only the files inside the renderer's folder. A request path is
// decoded, then normalised, then checked, so `..%2f` and `%2e%2e` cannot climb out of it.
import fs from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { RENDERER_TYPES as TYPES } from '../core/rendererFiles';
import { APP_SCHEME, onAppOrigin } from './urls';

/**
 * standard: relative URLs and a real origin (web storage works, `'self'` in the CSP means us);
 * secure: treated like https (no mixed-content warnings); supportFetchAPI and corsEnabled: the
 * bundle is an ES module loaded with `crossorigin`. Not bypassCSP: the CSP applies in full.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

/** Must run before the app is ready (Electron allows it once, then never again). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * The file inside `root` that an app:// URL names, or null when it names none: another origin,
 * malformed percent-encoding, a NUL or a backslash (a separator on Windows), or a path that
 * leaves `root` once decoded and normalised. `/` is index.html.
 */
export function rendererFile(rawUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (!onAppOrigin(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const base = resolve(root);
  // join, not resolve: a decoded absolute path (`/etc/passwd`, `C:/x`) stays under base.
  const file = normalize(join(base, rel));
  return file.startsWith(base + sep) ? file : null;
}

/** fs's callback API, which Electron patches to read inside app.asar. */
function readWhole(file: string): Promise<Buffer | null> {
  return new Promise((done) => {
    fs.stat(file, (statError, info) => {
      if (statError || !info.isFile()) return done(null);
      fs.readFile(file, (readError, data) => done(readError ? null : data));
    });
  });
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/** The app:// handler: the renderer's files with our CSP, 404 for anything else. */
export function createRendererHandler(root: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = rendererFile(request.url, root);
    const data = file ? await readWhole(file) : null;
    if (!file || !data) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), {
      status: 200,
      headers: {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Serves the renderer on app:// in the default session (the main window's). After ready. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string, csp: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(root, csp));
}
