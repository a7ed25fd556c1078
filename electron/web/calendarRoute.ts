// The browser face's calendar download: GET /calendar.ics?days=N[&vendorId=…][&personId=…] answers
// the deadlines as an iCalendar file (text/calendar), made on the spot, so nothing is left on disk.
// The caller (server.ts) has checked Host, Origin and the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calendarQueryInput } from '../../shared/calendar';
import type { WorkbookCalendar, WorkbookCalendarInput } from '../core/services/calendar';
import type { Responder } from './attachmentRoutes';

export type CalendarFile = (input: WorkbookCalendarInput) => WorkbookCalendar;

export function calendarRoute(req: IncomingMessage, res: ServerResponse, url: URL, make: CalendarFile, r: Responder): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return r.send(res, 405, r.errorBody('UNSUPPORTED', 'Use GET to download a calendar'));
  const q = url.searchParams;
  const days = q.get('days');
  const parsed = calendarQueryInput.safeParse({
    ...(q.has('vendorId') ? { vendorId: q.get('vendorId') } : {}),
    ...(q.has('personId') ? { personId: q.get('personId') } : {}),
    // A number in the address is text: one that is not a whole number reads as NaN and is refused by name.
    ...(days !== null ? { days: /^\d+$/.test(days) ? Number(days) : Number.NaN } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return r.send(res, 400, r.errorBody('INVALID_INPUT', `${issue.path.join('.')}: ${issue.message}`));
  }
  const cal = make(parsed.data);
  const bytes = Buffer.from(cal.ics, 'utf8');
  res.writeHead(200, r.download(cal.fileName, bytes.length, 'text/calendar; charset=utf-8'));
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
