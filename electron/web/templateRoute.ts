// The browser face's blank sheet templates: GET /sheets/template/<kind>.<csv|xlsx> answers the file
// as a download (Content-Disposition), made on the spot (a few KB), so nothing is left on disk.
// The caller (server.ts) has checked Host, Origin and the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SHEET_KINDS, type SheetKind } from '../../shared/sheets';
import { templateBytes } from '../core/sheets/template';
import type { Responder } from './attachmentRoutes';

export const TEMPLATE_ROUTE = /^\/sheets\/template\/([^/]+)$/;

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export async function templateRoute(req: IncomingMessage, res: ServerResponse, name: string, r: Responder): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return r.send(res, 405, r.errorBody('UNSUPPORTED', 'Use GET to download a template'));
  const m = /^([a-z-]+)\.(csv|xlsx)$/.exec(name); // data-sets
  const kind = m?.[1] as SheetKind | undefined;
  if (!m || !SHEET_KINDS.includes(kind!)) {
    return r.send(res, 404, r.errorBody('NOT_FOUND', `No template "${name}": ask for <kind>.csv or <kind>.xlsx, kind one of ${SHEET_KINDS.join(', ')}`));
  }
  const format = m[2] as 'csv' | 'xlsx';
  const bytes = await templateBytes(kind!, format);
  res.writeHead(200, r.download(`handover-${kind}-template.${format}`, bytes.length, TYPES[format]));
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
