// The letter that asks a vendor to certify the deletion of our data (issue 10): from us to the
// vendor's point of contact, dated today, citing the contracts' deletion-certificate clauses, listing
// the data sets in scope (shared/deletion-letter.ts), asking for every copy to go, backups and
// sub-processors included, by a day; with a certificate and signature block to sign and return.
// One self-contained page like the report (its head, escaping and running header), laid out for
// A4: the table's header repeats on every page, no row is split, the certificate stays whole.
import { defaultReplyBy, type DeletionScope } from '../../../shared/deletion-letter';
import { localToday } from '../../../shared/dates';
import { enumLabel } from '../../../shared/enums';
import { ApiError } from '../../../shared/errors';
import type { DataSet, Person } from '../../../shared/records';
import { datasetsForDeletion, deletionClauses, deletionScope, type DeletionClause } from '../store/deletionScope';
import type { Db } from '../store/open';
import { getRecord } from '../store/records';
import { actor, type ServiceContext } from '../services/context';
import { escapeHtml, runningHeader, selfContainedHead, type HtmlOptions } from './report-html';

export interface LetterRequest {
  vendorId: string;
  replyBy?: string | undefined;
  includeCertified?: boolean | undefined;
}

export interface DeletionLetter {
  title: string;
  html: string;
  /** What a printer puts on every page (the desktop's header and footer). */
  running: { title: string; date: string };
  vendorName: string;
  /** How many data sets it lists. */
  datasets: number;
  replyBy: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 December 2026": a day no reader on either side of a border misreads. */
export function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

function liveVendor(db: Db, vendorId: string) {
  const vendor = getRecord(db, 'vendor', vendorId);
  if (!vendor || vendor.deletedAt) throw new ApiError('NOT_FOUND', `No vendor with id ${vendorId}`, [{ field: 'vendorId', message: 'is not a vendor' }]);
  return vendor;
}

export function deletionScopeOf(db: Db, vendorId: string, today: string): DeletionScope {
  const vendor = liveVendor(db, vendorId);
  return { ...deletionScope(db, vendorId), defaultReplyBy: defaultReplyBy(vendor.exitDate, today) };
}

const person = (db: Db, id: string | null): Person | undefined => {
  const p = id ? getRecord(db, 'person', id) : undefined;
  return p && !p.deletedAt ? p : undefined;
};

/** Text as HTML with its line breaks kept (sub-processors are listed one a line). */
const lines = (s: string) => s.split(/\r?\n/).map((l) => escapeHtml(l.trim())).filter(Boolean).join('<br>');
const orNone = (html: string, none = 'Not recorded') => html || `<span class="none">${none}</span>`;

const CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #c9ced8; --bg: #f3f5f8; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 210mm; padding: 24px; overflow-wrap: break-word; }
.parties { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-bottom: 18px; }
.parties h2 { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 0 0 2px; }
.parties p { margin: 0; }
p.date { margin: 0 0 14px; }
h1 { font-size: 19px; margin: 0 0 10px; }
p { margin: 0 0 10px; }
p.ref { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; table-layout: fixed; font-size: 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--bg); font-weight: 600; overflow-wrap: break-word; }
td.n { white-space: nowrap; overflow-wrap: normal; }
.detail { display: block; color: var(--muted); font-size: 0.9em; }
.none { color: var(--muted); font-style: italic; }
.closing { margin-top: 18px; }
.certificate { border: 1.5px solid var(--ink); padding: 12px 16px; margin-top: 22px; }
.certificate h2 { font-size: 16px; margin: 0 0 8px; }
.blank { border-bottom: 1px solid var(--ink); height: 26px; }
table.sign { font-size: 14px; margin: 12px 0 0; }
table.sign th { width: 22%; border: none; padding: 14px 8px 2px 0; font-weight: 600; vertical-align: bottom; }
table.sign td { border: none; border-bottom: 1px solid var(--ink); height: 34px; }
table.sign tr.signature td { height: 56px; }
.certificate p.ref { margin: 14px 0 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.4; }
  h1 { font-size: 14pt; }
  table { font-size: 8.5pt; }
  th, td { padding: 2pt 4pt; }
  thead { display: table-header-group; }
  tr, .parties, .closing { break-inside: avoid; }
  .certificate { break-inside: avoid; }
  table.sign { font-size: 10pt; }
  thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { size: A4; margin: 19mm 16mm 16mm; }
`;

/** A party's block: the first line in bold (the company, or the person who writes), then the rest. */
function party(heading: string, first: string, rest: string[]): string {
  return `<div><h2>${escapeHtml(heading)}</h2><p><strong>${escapeHtml(first)}</strong>${rest.filter(Boolean).map((l) => `<br>${escapeHtml(l)}`).join('')}</p></div>`;
}

const contractName = (c: DeletionClause) => `${c.title}${c.reference ? ` (${c.reference})` : ''}`;

/** "§ 12 of the Master agreement (MSA-2021-04) and clause 7.3 of the DPA". */
function citedClauses(clauses: DeletionClause[]): string {
  return clauses.map((c) => `${c.clause} of the ${contractName(c)}`).join(' and ');
}

const COLUMNS: [string, number][] = [
  ['#', 4], ['Data set', 16], ['System', 12], ['Location and region', 15], ['Personal data', 12], ['Approx. volume', 10], ['Sub-processors holding copies', 17], ['Last backup copy expires', 14],
];

function row(d: DataSet, n: number): string {
  const where = [d.location, d.region].filter(Boolean).map(escapeHtml).join('<br>');
  const certified = d.certificateReceivedOn ? `<span class="detail">Deletion certified on ${escapeHtml(d.certificateReceivedOn)}: asked again</span>` : '';
  return `<tr><td class="n">${n}</td><td><strong>${escapeHtml(d.name)}</strong>${certified}</td><td>${orNone(escapeHtml(d.system))}</td>`
    + `<td>${orNone(where)}</td><td>${escapeHtml(enumLabel(d.personalData))}</td><td>${orNone(escapeHtml(d.volume))}</td>`
    + `<td>${orNone(lines(d.subprocessors), 'None recorded')}</td><td class="n">${orNone(escapeHtml(d.lastBackupExpiresOn ?? ''), 'Not known')}</td></tr>\n`;
}

/** `runningHeader: false` where the printer draws the header and page numbers itself (the desktop's PDF), as for the report. */
export function deletionLetter(ctx: ServiceContext, req: LetterRequest, options: HtmlOptions = {}): DeletionLetter {
  const { db } = ctx;
  const today = localToday(ctx.clock.now());
  const vendor = liveVendor(db, req.vendorId);
  if (req.replyBy !== undefined && req.replyBy < today) {
    throw new ApiError('INVALID_INPUT', `replyBy: must not be before today (${today})`, [{ field: 'replyBy', message: `must not be before today (${today})` }]);
  }
  const datasets = datasetsForDeletion(db, vendor.id, req.includeCertified === true);
  if (datasets.length === 0) {
    const { certified } = deletionScope(db, vendor.id);
    throw new ApiError('CONFLICT', certified > 0 && !req.includeCertified
      ? `No data set of ${vendor.name} is waiting for a deletion certificate: ${certified === 1 ? 'the one' : `all ${certified}`} to be deleted ${certified === 1 ? 'is' : 'are'} certified already. Include those certified to ask again.`
      : `No data set of ${vendor.name} is to be deleted: add its data sets, or mark those it must delete as "Deletion required".`);
  }
  const replyBy = req.replyBy ?? defaultReplyBy(vendor.exitDate, today);
  const theirs = person(db, vendor.vendorContactId);
  const ours = person(db, vendor.ourContactId);
  const sender = ours?.name ?? actor(ctx);
  const clauses = deletionClauses(db, vendor.id);
  const title = `Deletion certificate request — ${vendor.name}`;
  const many = datasets.length !== 1;
  const listed = many ? `the ${datasets.length} data sets listed below` : 'the data set listed below';
  const exit = vendor.exitDate ? (vendor.exitDate > today ? `Your services to us end on ${longDay(vendor.exitDate)}. ` : `Your services to us ended on ${longDay(vendor.exitDate)}. `) : '';
  const basis = clauses.length
    ? `Under ${citedClauses(clauses)}, you are to certify to us that our data has been deleted.`
    : 'As our work with you comes to an end, we ask you to certify to us that our data has been deleted.';
  const html = selfContainedHead(`${title} (${today})`, CSS + (options.runningHeader === false ? '' : runningHeader(title, today)))
    + `<div class="parties">${party('From', sender, [ours?.role ?? '', ours?.email ?? ''])}`
    + `${party('To', vendor.name, theirs ? [`For the attention of ${theirs.name}`, theirs.role, theirs.email] : [])}</div>\n`
    + `<p class="date">${escapeHtml(longDay(today))}</p>\n`
    + `<h1>Request for a certificate of deletion of our data</h1>\n`
    + (clauses.length ? `<p class="ref">${escapeHtml(`${clauses.length === 1 ? 'Our agreement' : 'Our agreements'}: ${clauses.map(contractName).join('; ')}`)}</p>\n` : '')
    + `<p>Dear ${escapeHtml(theirs?.name ?? 'Sir or Madam')},</p>\n`
    + `<p>${escapeHtml(`${exit}${basis}`)}</p>\n`
    + `<p>${escapeHtml(`Please delete every copy of ${listed}: the live data, every copy in backups and archives, and every copy held by your sub-processors. Then certify that you have done so by signing the certificate at the end of this letter and returning it to us by ${longDay(replyBy)}.`)}</p>\n`
    + `<table class="datasets"><colgroup>${COLUMNS.map(([, w]) => `<col style="width:${w}%">`).join('')}</colgroup>`
    + `<thead><tr>${COLUMNS.map(([l]) => `<th scope="col">${escapeHtml(l)}</th>`).join('')}</tr></thead><tbody>\n`
    + datasets.map((d, i) => row(d, i + 1)).join('') + '</tbody></table>\n'
    + `<p>${escapeHtml('Where a backup copy cannot be destroyed before that day, name it in the certificate with the day it expires: it must be destroyed then, and never restored in the meantime.')}</p>\n`
    + `<div class="closing"><p>Yours sincerely,</p><p><strong>${escapeHtml(sender)}</strong>${ours?.role ? `<br>${escapeHtml(ours.role)}` : ''}</p></div>\n`
    + `<section class="certificate"><h2>Certificate of deletion</h2>\n`
    + `<p>${escapeHtml(`We, ${vendor.name}, certify that every copy of ${many ? `the ${datasets.length} data sets` : 'the data set'} listed in the letter of ${longDay(today)} has been permanently deleted, including every copy in backups and archives and every copy held by our sub-processors, except as stated here:`)}</p>\n`
    + '<div class="blank"></div><div class="blank"></div><div class="blank"></div>\n'
    + '<table class="sign"><tbody><tr><th scope="row">Name</th><td></td></tr><tr><th scope="row">Title</th><td></td></tr>'
    + '<tr><th scope="row">Date</th><td></td></tr><tr class="signature"><th scope="row">Signature</th><td></td></tr></tbody></table>\n'
    + `<p class="ref">${escapeHtml(`Please return this certificate, signed, to ${sender}${ours?.email ? ` (${ours.email})` : ''} by ${longDay(replyBy)}.`)}</p>\n`
    + '</section>\n</body>\n</html>\n';
  return { title, html, running: { title, date: today }, vendorName: vendor.name, datasets: datasets.length, replyBy };
}
