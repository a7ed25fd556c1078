// The pack's report (README.html) on its own, for printing from the app: the browser face opens
// it for the browser's print, the desktop face prints it to PDF through the shell. A profile other
// than Full cuts it as the export cuts a pack: temporary views on a read-only connection of its
// own (profiles.ts), never on the app's connection, so the printout shows what that pack would.
import type { PackProfileInput } from '../../../shared/pack-profiles';
import type { Readiness } from '../../../shared/readiness';
import { localToday } from '../../../shared/dates';
import { getSetting } from '../store/settings';
import { closeSnapshot, openSnapshot } from '../store/snapshot';
import { liveVendorNamesByName } from '../store/vendors';
import { actor, type ServiceContext } from '../services/context';
import { resolveVendors } from './export';
import { applyProfile, leftOutTables, resolveProfile } from './profiles';
import { readinessFor, reportBlocks, type ReportInput } from './report';
import { renderHtml, type HtmlOptions } from './report-html';

export interface ReportRequest {
  vendorIds?: string[] | undefined;
  all?: boolean | undefined;
  redact?: boolean | undefined;
  profile?: PackProfileInput | undefined;
}

/** The report page, and what a printer should put on each page of it (the desktop's header and footer). */
export interface PrintedReport {
  title: string;
  html: string;
  running: { title: string; date: string };
}

export function reportHtml(ctx: ServiceContext, appVersion: string, req: ReportRequest, options: HtmlOptions = {}, nativeBinding?: string): PrintedReport {
  const cutting = req.profile !== undefined && req.profile !== 'full';
  const db = cutting ? openSnapshot(ctx.workbookPath, nativeBinding) : ctx.db;
  try {
    const chosen = resolveVendors(db, req.all ? 'all' : (req.vendorIds ?? []));
    const cut = resolveProfile(db, req.profile, req.all ? null : JSON.stringify(chosen.map((v) => v.id)));
    const now = ctx.clock.now();
    const today = localToday(now);
    // Readiness reads the whole vendor (and indexes a view lacks), so it is scored before the cut;
    // a report of part of a vendor shows none (as in export.ts).
    const readiness = cutting && !cut.partial ? readinessFor(db, chosen.map((v) => v.id), today, new Set(cut.withheld)) : new Map<string, Readiness | null>();
    applyProfile(db, cut);
    // One person's report holds the vendors their rows need, whatever was chosen (as their pack does).
    const vendors = cut.summary.name === 'person' ? liveVendorNamesByName(db) : chosen;
    const input: ReportInput = {
      db, vendorIds: vendors.map((v) => v.id), today, redact: req.redact ?? false, attachmentsIncluded: false, printed: true,
      createdAt: now.toISOString(), createdBy: actor(ctx), workbookId: getSetting(db, 'workbook_id') ?? '', appVersion,
      readiness,
      profile: cut.summary, withheld: new Set(cut.withheld), leftOut: leftOutTables(cut), partial: cut.partial, reviewOnly: cut.reviewOnly,
    };
    const title = vendors.length === 1 ? `Exit report — ${vendors[0]!.name}` : `Exit report — ${vendors.length} vendors`;
    return { title, html: [...renderHtml(reportBlocks(input), options)].join(''), running: { title, date: input.today } };
  } finally {
    if (cutting) closeSnapshot(db);
  }
}
