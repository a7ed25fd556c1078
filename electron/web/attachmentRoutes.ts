// The browser face's attachment routes. No file travels as JSON: an upload is the raw request body
// (application/octet-stream), streamed into the attachment store while it is hashed, and a download
// streams the stored file back. The caller (server.ts) has checked Host, Origin and the token.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ATTACHMENT_OWNER_FIELDS, MAX_ATTACHMENT_BYTES, attachmentUploadInput } from '../../shared/contract';
import { issuesOf } from '../core/api/dispatch';
import type { AttachmentRoutes } from '../core/backend';
import { knownErrorBody } from '../core/services/errors';
import { BlobTooLarge } from '../core/store/blobFile';
import { encodeWire } from '../../shared/wire';

/** What the routes borrow from the server, so every answer carries the same headers. */
export interface Responder {
  send(res: ServerResponse, status: number, body: string): void;
  errorBody(code: string, message: string): string;
  download(fileName: string, size: number, type: string): Record<string, string>;
}

const STATUS: Record<string, number> = { INVALID_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, BUSY: 503, CONFLICT: 409, DISK_FULL: 507 };

const sizeText = (n: number) => (n >= 1024 ** 3 ? `${Math.round(n / 1024 ** 3)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`);

/** `maxBytes`: the largest upload (MAX_ATTACHMENT_BYTES unless a test makes it small). */
export async function attachmentRoute(req: IncomingMessage, res: ServerResponse, url: URL, routes: AttachmentRoutes, r: Responder, maxBytes = MAX_ATTACHMENT_BYTES): Promise<void> {
  const tooLarge = `The file is larger than the ${sizeText(maxBytes)} an attachment may be. Nothing was attached.`;
  const one = /^\/attachments\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (one) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return r.send(res, 405, r.errorBody('UNSUPPORTED', 'Use GET to download an attachment'));
    let file: ReturnType<AttachmentRoutes['file']>;
    try {
      file = routes.file(one[1]!);
    } catch (e) {
      const body = knownErrorBody(e);
      if (!body) throw e;
      return r.send(res, body.code === 'NOT_FOUND' ? 404 : 500, r.errorBody(body.code, body.message));
    }
    // Always saved, never shown: a stored HTML or SVG file must not run as a page of this origin.
    res.writeHead(200, r.download(file.fileName, file.size, 'application/octet-stream'));
    if (req.method === 'HEAD') return void res.end();
    return pipeline(createReadStream(file.path), res).catch(() => void res.destroy());
  }
  if (url.pathname !== '/attachments') return r.send(res, 404, r.errorBody('NOT_FOUND', 'No such attachment route'));
  if (req.method !== 'POST') return r.send(res, 405, r.errorBody('UNSUPPORTED', 'Use POST to upload an attachment'));
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') return r.send(res, 415, r.errorBody('INVALID_INPUT', 'Send the file as application/octet-stream'));
  const query = attachmentUploadInput.safeParse({
    ...Object.fromEntries(Object.keys(ATTACHMENT_OWNER_FIELDS).map((f) => [f, url.searchParams.get(f) ?? undefined])),
    name: url.searchParams.get('name') ?? undefined,
  });
  // The rest of a refused body is never read: the connection closes after the answer, or its
  // remaining bytes would be taken for the next request on it.
  const refuse = (status: number, code: string, message: string, issues?: unknown) => {
    res.setHeader('Connection', 'close');
    r.send(res, status, issues ? JSON.stringify({ ok: false, error: { code, message, issues } }) : r.errorBody(code, message));
  };
  if (!query.success) {
    const issues = issuesOf(query.error);
    return refuse(400, 'INVALID_INPUT', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) return refuse(413, 'INVALID_INPUT', tooLarge);
  // The body reaches the store through a pass-through, so a refusal mid-way (too large, disk full)
  // ends the copy without destroying the request's socket before the answer is sent.
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  req.pipe(body);
  req.on('error', (e) => body.destroy(e));
  req.on('close', () => { if (!req.complete) body.destroy(new Error('The upload did not complete')); });
  const { name, ...owner } = query.data;
  try {
    const attachment = await routes.upload({ ...owner, fileName: name }, body, maxBytes);
    return r.send(res, 200, encodeWire({ ok: true, value: attachment }));
  } catch (e) {
    req.unpipe(body);
    if (res.destroyed) return;
    if (e instanceof BlobTooLarge) return refuse(413, 'INVALID_INPUT', tooLarge);
    const known = knownErrorBody(e, { writingTo: 'the attachment folder' });
    if (known) return refuse(STATUS[known.code] ?? 400, known.code, known.message, known.issues);
    if (!req.complete) return refuse(400, 'INVALID_INPUT', 'The upload did not complete. Nothing was attached.');
    throw e;
  }
}
