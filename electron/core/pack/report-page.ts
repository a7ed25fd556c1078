// The pack's report (README.html) on its own, for printing from the app: the browser face opens
// it for the browser's print, the desktop face prints it to PDF through the shell.
import type { Readiness } from '../../../shared/readiness';
import { localToday } from '../../../shared/dates';
import { getSetting } from '../store/settings';
import { actor, type ServiceContext } from '../services/context';
import { resolveVendors } from './export';
import { reportBlocks, type ReportInput } from './report';
import { renderHtml, type HtmlOptions } from './report-html';

export interface ReportRequest {
  vendorIds?: string[] | undefined;
  all?: boolean | undefined;
  redact?: boolean | undefined;
}

/** The report page, and what a printer should put on each page of it (the desktop's header and footer). */
export interface PrintedReport {
  title: string;
  html: string;
  running: { title: string; date: string };
}

export function reportHtml(ctx: ServiceContext, appVersion: string, req: ReportRequest, options: HtmlOptions = {}): PrintedReport {
  const vendors = resolveVendors(ctx.db, req.all ? 'all' : (req.vendorIds ?? []));
  const now = ctx.clock.now();
  const input: ReportInput = {
    db: ctx.db, vendorIds: vendors.map((v) => v.id), today: localToday(now), redact: req.redact ?? false, attachmentsIncluded: false, printed: true,
    createdAt: now.toISOString(), createdBy: actor(ctx), workbookId: getSetting(ctx.db, 'workbook_id') ?? '', appVersion,
    readiness: new Map<string, Readiness | null>(),
  };
  const title = vendors.length === 1 ? `Exit report — ${vendors[0]!.name}` : `Exit report — ${vendors.length} vendors`;
  return { title, html: [...renderHtml(reportBlocks(input), options)].join(''), running: { title, date: input.today } };
}
