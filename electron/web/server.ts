// The browser face: the built renderer and the API over HTTP, on 127.0.0.1 only. Every API call
// needs the per-run token; Host and Origin are checked so another web page (or a DNS-rebinding
// name) cannot drive the workbook through the user's browser.
import { constants } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_TYPES as TYPES } from '../core/rendererFiles';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { Dispatch } from '../core/api/dispatch';
import type { AttachmentRoutes } from '../core/backend';
import { attachmentRoute } from './attachmentRoutes';
import { knownErrorBody } from '../core/services/errors';
import { eventStream, type ChangeFeed } from './changeStream';
import { TEMPLATE_ROUTE, templateRoute } from './templateRoute';
import { calendarRoute, type CalendarFile } from './calendarRoute';
import { CALENDAR_DOWNLOAD_PATH } from '../../shared/calendar';

export const WEB_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/**
 * Largest JSON request body. It must stay below V8's longest string (about 512 MiB; a body of N
 * bytes decodes to at most N characters), or decoding it would throw. No file travels as JSON
 * (attachments and packs have routes that stream), so calls are small; the limit stays generous
 * for large pasted imports.
 */
export const MAX_BODY_BYTES = Math.min(480 * 1024 * 1024, constants.MAX_STRING_LENGTH - 1);


/** What the pack routes need from the backend's pack jobs (electron/core/pack/jobs.ts). */
export interface PackRoutes {
  download(jobId: string): { path: string; fileName: string; size: number } | null;
  beginUpload(): { id: string; path: string };
  completeUpload(id: string, size: number): void;
  discardUpload(id: string): boolean;
}

/** Largest pack upload (the reader's own limits apply after that). */
export const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

export interface WebServerOptions {
  dispatch: Dispatch;
  /** Pack downloads (GET /download/<jobId>) and uploads (POST /upload); both need the token. */
  packs?: PackRoutes;
  /** Attachment uploads (POST /attachments) and downloads (GET /attachments/<id>); both need the token. */
  attachments?: AttachmentRoutes;
  /** Largest attachment upload (default MAX_ATTACHMENT_BYTES; tests make it small). */
  maxAttachmentBytes?: number;
  /** The deadlines as an iCalendar download (GET /calendar.ics, token in the query). */
  calendar?: CalendarFile;
  /** The backend's change events, streamed at GET /events (Server-Sent Events, token in the query). */
  events?: ChangeFeed;
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Largest JSON body (tests make it small). */
  maxBodyBytes?: number;
  /** Most bytes of JSON bodies held at once, all requests together (default: one largest body). */
  maxBufferedBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** The token of a route a browser opens by URL (a download link), from the query or the header. */
function queryTokenMatches(req: IncomingMessage, url: URL, token: string): boolean {
  const q = url.searchParams.get('token');
  return q !== null ? tokenMatches(`Bearer ${q}`, token) : tokenMatches(req.headers.authorization, token);
}

/** A file name for Content-Disposition: ASCII fallback plus the RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The headers of a file the browser saves (never shows): a pack or an attachment. */
function downloadHeaders(fileName: string, size: number, type: string): Record<string, string> {
  return {
    'Content-Type': type, 'Content-Length': String(size), 'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': WEB_CSP, 'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': WEB_CSP, 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

const errorBody = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

/** The URL path with its percent-escapes decoded, or null when they are malformed (`/%zz`). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

class BodyTooLarge extends Error {}
class TooMuchAtOnce extends Error {}
class NotUtf8 extends Error {}

/** Bytes that are not UTF-8 are refused, not turned into U+FFFD and stored as if typed. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes of request bodies being held, shared by all requests of one server. */
interface BodyPool {
  held: number;
  readonly max: number;
}

/**
 * Reads a JSON request body. The limit is checked against Content-Length before a byte is read and
 * against the running count for chunked bodies, so a huge request costs nothing; decoding errors
 * reject the promise instead of being thrown from an event handler (which would end the process).
 * Bodies being read together share one pool: many large ones at once (each under the limit) would
 * otherwise hold their sum in memory, several times over while they are decoded.
 */
function readBody(req: IncomingMessage, limit: number, pool: BodyPool): Promise<string> {
  return new Promise((resolveBody, reject) => {
    // Small bodies (every ordinary call) are never refused, or one large upload would stall the app.
    const small = Math.min(1024 * 1024, Math.floor(limit / 16));
    let mine = 0;
    /** Makes this body's share of the pool `total` bytes; false when the pool has no room for it. */
    const reserve = (total: number) => {
      if (total <= small) return true;
      if (pool.held + total - mine > pool.max) return false;
      pool.held += total - mine;
      mine = total;
      return true;
    };
    const settle = (e: Error | null, text?: string) => {
      pool.held -= mine;
      mine = 0;
      if (e) reject(e);
      else resolveBody(text!);
    };
    const declared = Number(req.headers['content-length']);
    const counted = Number.isFinite(declared);
    if (counted && declared > limit) return settle(new BodyTooLarge());
    // A declared length is reserved at once, so the answer comes before its bytes do.
    if (counted && !reserve(declared)) return settle(new TooMuchAtOnce());
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      const refused = size > limit ? new BodyTooLarge() : !counted && !reserve(size) ? new TooMuchAtOnce() : null;
      if (refused) {
        failed = true;
        chunks.length = 0;
        settle(refused);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (failed) return;
      let text: string;
      try {
        text = utf8.decode(Buffer.concat(chunks));
      } catch (e) {
        settle(e instanceof TypeError ? new NotUtf8() : (e as Error));
        return;
      }
      chunks.length = 0;
      settle(null, text);
    });
    req.on('error', (e) => { if (!failed) { failed = true; settle(e); } });
    // A client that goes away mid-body gives its share back.
    req.on('close', () => { if (!failed && !req.complete) { failed = true; settle(new Error('The request was aborted')); } });
  });
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const root = resolve(opts.staticDir);
  let allowedHosts: Set<string> = new Set();
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const pool: BodyPool = { held: 0, max: opts.maxBufferedBytes ?? maxBody };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Host check: only the loopback names we listen on (defeats DNS rebinding).
    if (!req.headers.host || !allowedHosts.has(req.headers.host.toLowerCase())) {
      return send(res, 403, errorBody('FORBIDDEN', 'Wrong Host header'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
      return send(res, 403, errorBody('FORBIDDEN', 'Cross-origin requests are not allowed'));
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Decoded once, for file and method names alike: a bad escape is the caller's mistake (400),
    // never a server error.
    const path = decodedPath(url.pathname);
    if (path === null) return send(res, 400, errorBody('INVALID_INPUT', 'The address has malformed percent-encoding'));
    const download = /^\/download\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (download) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, errorBody('UNSUPPORTED', 'Use GET to download a pack'));
      if (!queryTokenMatches(req, url, opts.token)) return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      const file = opts.packs?.download(download[1]!);
      if (!file) return send(res, 404, errorBody('NOT_FOUND', 'No finished pack with that id'));
      // An encrypted pack is not a zip until it is opened: a browser must not offer to unpack it.
      res.writeHead(200, downloadHeaders(file.fileName, file.size, file.fileName.endsWith('.age') ? 'application/octet-stream' : 'application/zip'));
      if (req.method === 'HEAD') return res.end();
      return pipeline(createReadStream(file.path), res).catch(() => res.destroy());
    }
    const template = TEMPLATE_ROUTE.exec(url.pathname);
    if (template) {
      // A download link: the token comes in the query, as for packs.
      if (!queryTokenMatches(req, url, opts.token)) return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      return templateRoute(req, res, template[1]!, { send, errorBody, download: downloadHeaders });
    }
    if (url.pathname === CALENDAR_DOWNLOAD_PATH) {
      // A download link: the token comes in the query, as for packs.
      if (!queryTokenMatches(req, url, opts.token)) return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      if (!opts.calendar) return send(res, 404, errorBody('UNSUPPORTED', 'This server makes no calendars'));
      return calendarRoute(req, res, url, opts.calendar, { send, errorBody, download: downloadHeaders });
    }
    if (url.pathname === '/attachments' || url.pathname.startsWith('/attachments/')) {
      if (!queryTokenMatches(req, url, opts.token)) return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      if (!opts.attachments) return send(res, 404, errorBody('UNSUPPORTED', 'This server takes no attachments'));
      return attachmentRoute(req, res, url, opts.attachments, { send, errorBody, download: downloadHeaders }, opts.maxAttachmentBytes);
    }
    if (url.pathname === '/events') {
      if (req.method !== 'GET') return send(res, 405, errorBody('UNSUPPORTED', 'Use GET to follow the change events'));
      // EventSource cannot send headers: the token comes in the query, as for downloads.
      if (!queryTokenMatches(req, url, opts.token)) return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      if (!opts.events) return send(res, 404, errorBody('UNSUPPORTED', 'This server sends no change events'));
      return eventStream(req, res, opts.events, { 'Content-Security-Policy': WEB_CSP, 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-origin' });
    }
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return send(res, 405, errorBody('UNSUPPORTED', 'Use POST to upload a pack'));
      if (!queryTokenMatches(req, url, opts.token)) return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/zip' && type !== 'application/octet-stream') {
        return send(res, 415, errorBody('INVALID_INPUT', 'Send the pack as application/zip'));
      }
      if (!opts.packs) return send(res, 404, errorBody('UNSUPPORTED', 'This server takes no uploads'));
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > MAX_UPLOAD_BYTES) return send(res, 413, errorBody('INVALID_INPUT', 'The pack is too large'));
      const upload = opts.packs.beginUpload();
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
      });
      try {
        await pipeline(req, createWriteStream(upload.path, { flags: 'wx' }));
      } catch (e) {
        opts.packs.discardUpload(upload.id);
        const tooLarge = (e as Error).message === 'too large';
        if (res.headersSent || res.destroyed) return;
        // Said as such: "did not complete" would send the user looking at the network.
        const full = knownErrorBody(e, { writingTo: 'the temporary folder' });
        if (full?.code === 'DISK_FULL') {
          res.setHeader('Connection', 'close');
          return send(res, 507, errorBody(full.code, full.message));
        }
        return send(res, tooLarge ? 413 : 400, errorBody('INVALID_INPUT', tooLarge ? 'The pack is too large' : 'The upload did not complete'));
      }
      opts.packs.completeUpload(upload.id, size);
      return send(res, 200, encodeWire({ ok: true, value: { upload: upload.id, size } }));
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, errorBody('UNSUPPORTED', 'Use POST for API calls'));
      if (!tokenMatches(req.headers.authorization, opts.token)) {
        return send(res, 401, errorBody('UNAUTHORIZED', 'Missing or wrong access token'));
      }
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('application/json')) return send(res, 415, errorBody('INVALID_INPUT', 'Send the input as application/json'));
      let payload: unknown;
      try {
        const text = await readBody(req, maxBody, pool);
        payload = text.trim() === '' ? {} : decodeWire(text);
      } catch (e) {
        const tooLarge = e instanceof BodyTooLarge;
        const tooMuch = e instanceof TooMuchAtOnce;
        // The rest of an oversized body is never read: the connection closes after the answer,
        // or its remaining bytes would be taken for the next request on it.
        if (tooLarge || tooMuch) res.setHeader('Connection', 'close');
        if (tooMuch) return send(res, 503, errorBody('BUSY', 'Other large requests are being received; try again when they have finished. Nothing was changed.'));
        const limit = `${Math.floor(maxBody / 1024 / 1024)} MiB`;
        const why = tooLarge ? `The request is larger than the ${limit} allowed` : e instanceof NotUtf8 ? 'The request body is not UTF-8 text' : 'The request body is not valid JSON';
        return send(res, tooLarge ? 413 : 400, errorBody('INVALID_INPUT', why));
      }
      const method = path.slice('/api/'.length);
      // The page may not name files on this computer: packs travel by upload and download here.
      const namesFile = (o: unknown) => typeof o === 'object' && o !== null && ('path' in o || 'destination' in o);
      // Sheets name their file in `source` (or a template's `destination`).
      const sheetFile = method.startsWith('sheets.') && (namesFile(payload) || namesFile((payload as { source?: unknown } | null)?.source));
      if (((method.startsWith('pack.') || method === 'attachment.addFile') && namesFile(payload)) || sheetFile) {
        return send(res, 403, errorBody('FORBIDDEN', 'The browser face cannot name files on the computer; upload the file (pack or attachment) or download the export.'));
      }
      const response = await opts.dispatch(method, payload);
      const status = !response.ok && response.error.code === 'UNKNOWN_METHOD' ? 404 : 200;
      return send(res, status, encodeWire(response));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, errorBody('UNSUPPORTED', 'Method not allowed'));
    // Static files of the built renderer; anything outside its folder is refused.
    const rel = url.pathname === '/' ? 'index.html' : path.replace(/^\/+/, '');
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || rel.includes('\0') || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': WEB_CSP, 'Referrer-Policy': 'no-referrer',
      'Cache-Control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    // A file that vanishes or cannot be read ends this response, never the process.
    return pipeline(createReadStream(file), res).catch(() => res.destroy());
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody('INTERNAL', (e as Error).message));
      else res.destroy();
    });
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolveStart({
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
        port,
        server,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
