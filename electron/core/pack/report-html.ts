// README.html and the printed report: one self-contained page (inline CSS, no scripts, nothing
// fetched: its own CSP says so) that opens offline in any browser and prints as a document to hand
// to a board. On paper: the summary fills the first page, each major section starts a page of its
// own, tables are laid out to the page's width (never clipped at the margin), and every page
// names the report, its date and its page number. Every text is escaped.
import { READINESS_RULE } from '../../../shared/readiness-explain';
import type { Block, Cell, Column, KeyDate, Row, Span } from './report';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal holding any text: everything but letters, digits and spaces escaped, so nothing ends the string or the style element. */
export function cssString(s: string): string {
  return `"${Array.from(s, (c) => (/[a-zA-Z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

const span = (s: Span) => (typeof s === 'string' ? escapeHtml(s) : `<a href="${escapeHtml(s.href)}" rel="noopener noreferrer">${escapeHtml(s.text)}</a>`);
const line = (l: Span[], cls: string) => `<span class="${cls}">${l.map(span).join('')}</span>`;
function cell(c: Cell): string {
  if (typeof c === 'string') return span(c);
  if ('none' in c) return `<span class="none">${escapeHtml(c.none)}</span>`;
  if (!('lines' in c)) return span(c);
  return [...c.lines.map((l) => line(l, 'line')), ...(c.detail ?? []).map((l) => line(l, 'detail'))].join('');
}

const CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f3f5f8; --group: #e6eaf1; --high: #a61b1b; --medium: #8a5a00; --good: #1f6f3f; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; overflow-wrap: break-word; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 24px 0 10px; }
h2.newpage { margin-top: 48px; padding-top: 12px; border-top: 3px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p.meta { color: var(--muted); margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--bg); font-weight: 600; overflow-wrap: break-word; }
tbody th { font-weight: 600; }
tr.group th { background: var(--group); }
.line, .detail { display: block; }
.detail { color: var(--muted); font-size: 0.88em; }
.none { color: var(--muted); font-style: italic; }
td.n { white-space: nowrap; overflow-wrap: normal; }
.keydates { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 8px 0 10px; }
.keydates > div { border: 1px solid var(--line); border-left: 4px solid var(--line); padding: 6px 10px; }
.keydates dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.keydates dd { margin: 0; }
.keydates dd.v { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
.keydates dd.note { font-size: 12px; color: var(--muted); }
.keydates .bad { border-left-color: var(--high); }
.keydates .bad dd.v, .keydates .bad dd.note { color: var(--high); }
.keydates .warn { border-left-color: var(--medium); }
.keydates .warn dd.v, .keydates .warn dd.note { color: var(--medium); }
.score-line { margin: 4px 0 8px; }
.score { font-size: 40px; font-weight: 700; vertical-align: middle; }
.parts td.num { text-align: right; font-variant-numeric: tabular-nums; }
.parts .explain { display: block; font-weight: 400; color: var(--muted); font-size: 0.9em; }
.flags { padding-left: 0; list-style: none; margin: 6px 0 10px; }
.flags li { padding: 1px 0 1px 64px; text-indent: -64px; }
.sev { display: inline-block; width: 58px; margin-right: 6px; text-indent: 0; font-size: 0.8em; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
.flag-high .sev { color: var(--high); }
.flag-medium .sev { color: var(--medium); }
.bar-bg { display: inline-block; width: 120px; height: 10px; background: var(--line); vertical-align: middle; margin-left: 8px; }
.bar { display: block; height: 10px; background: var(--good); }
.parts .bar-bg { width: 56px; margin-left: 6px; }
a { color: #1a4fa3; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; }
  h1 { font-size: 19pt; margin-bottom: 4pt; }
  p.meta { font-size: 8.5pt; }
  h2, h2.newpage { font-size: 14pt; margin: 14pt 0 5pt; padding: 0 0 2pt; border-top: none; border-bottom: 1.5pt solid var(--ink); }
  h3 { font-size: 11.5pt; margin: 10pt 0 4pt; }
  .newpage, h2.newpage { break-before: page; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  table { font-size: 8pt; margin: 4pt 0 8pt; }
  th, td { padding: 2pt 4pt; }
  thead { display: table-header-group; }
  tr, .keydates, .score-line { break-inside: avoid; }
  .score { font-size: 26pt; }
  .keydates { gap: 6pt; margin: 4pt 0 6pt; }
  .keydates dt { font-size: 7pt; }
  .keydates dd.v { font-size: 14pt; }
  .keydates dd.note { font-size: 7.5pt; }
  .flags { margin: 4pt 0 6pt; }
  .flags li { padding: 0 0 0 52pt; text-indent: -52pt; line-height: 1.25; }
  .sev { width: 46pt; margin-right: 6pt; }
  a { text-decoration: none; }
  .bar, .bar-bg, thead th, tr.group th, .keydates > div { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { margin: 19mm 14mm 16mm; }
`;

/**
 * What a browser prints on every page: the report's name and date at the top (not on the first
 * page, which carries the title), the page number at the bottom. Chromium draws these margin boxes;
 * a browser that does not prints its own header and footer with the page's title instead.
 */
export function runningHeader(running: string, asOf: string): string {
  const box = 'font: 8pt system-ui, sans-serif; color: #5b6475;';
  const top = `${box} vertical-align: bottom; padding-bottom: 5mm;`;
  const bottom = `${box} vertical-align: top; padding-top: 5mm;`;
  return `@page { @top-left { content: ${cssString(running)}; ${top} } @top-right { content: ${cssString(`As of ${asOf}`)}; ${top} }`
    + ` @bottom-left { content: "Handover Workbook"; ${bottom} } @bottom-right { content: "Page " counter(page) " of " counter(pages); ${bottom} } }\n`
    + '@page :first { @top-left { content: none; } @top-right { content: none; } }\n';
}

/** The head of a self-contained page (the report, the deletion letter): its own CSP (no scripts, nothing fetched), its title, its inline style. */
export function selfContainedHead(title: string, css: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n`
    + `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n`
    + `<style>${css}</style>\n</head>\n<body>\n`;
}

const ROWS_PER_CHUNK = 200;

/** A table laid out by its columns' shares of the width; group rows open a row group of their own. */
function* table(columns: Column[], rows: Iterable<Row>, empty: string, cls?: string): Generator<string> {
  let head = `<table${cls ? ` class="${cls}"` : ''}><colgroup>${columns.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup>`
    + `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>\n`;
  let n = 0;
  let buf: string[] = [];
  for (const r of rows) {
    if ('group' in r) {
      if (n > 0) buf.push('</tbody><tbody>\n');
      buf.push(`<tr class="group"><th colspan="${columns.length}" scope="rowgroup">${escapeHtml(r.group)}</th></tr>\n`);
    } else {
      buf.push(`<tr>${r.map((c, i) => `<td${columns[i]?.nowrap ? ' class="n"' : ''}>${cell(c)}</td>`).join('')}</tr>\n`);
    }
    n++;
    if (buf.length >= ROWS_PER_CHUNK) {
      yield head + buf.join('');
      head = '';
      buf = [];
    }
  }
  if (n === 0) {
    if (empty) yield `<p class="none">${escapeHtml(empty)}</p>\n`;
    return;
  }
  yield `${head}${buf.join('')}</tbody></table>\n`;
}

const keyDate = (d: KeyDate) => `<div${d.tone ? ` class="${d.tone}"` : ''}><dt>${escapeHtml(d.label)}</dt><dd class="v">${escapeHtml(d.value)}</dd>`
  + `${d.note ? `<dd class="note">${escapeHtml(d.note)}</dd>` : ''}</div>`;
const bar = (pct: number) => `<span class="bar-bg" aria-hidden="true"><span class="bar" style="width:${Math.max(0, Math.min(100, pct))}%"></span></span>`;

export interface HtmlOptions {
  /**
   * Whether the page prints its own running header and page numbers (a browser's print). False
   * where the printer draws them instead (the desktop's printToPDF header and footer templates).
   */
  runningHeader?: boolean;
}

export function* renderHtml(blocks: Iterable<Block>, options: HtmlOptions = {}): Generator<string> {
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        yield selfContainedHead(`${b.running} (${b.asOf})`, `${CSS}${options.runningHeader === false ? '' : runningHeader(b.running, b.asOf)}`)
          + `<h1>${escapeHtml(b.text)}</h1>\n${b.lines.map((l) => `<p class="meta">${escapeHtml(l)}</p>`).join('\n')}\n`;
        break;
      case 'heading': {
        const tag = `h${b.level}`;
        yield `<${tag}${b.anchor ? ` id="${escapeHtml(b.anchor)}"` : ''}${b.page ? ' class="newpage"' : ''}>${escapeHtml(b.text)}</${tag}>\n`;
        break;
      }
      case 'p':
        yield `<p>${escapeHtml(b.text)}</p>\n`;
        break;
      case 'facts':
        yield `<table class="facts"><colgroup><col style="width:26%"><col style="width:74%"></colgroup><tbody>`
          + `${b.rows.filter(([, v]) => v !== '').map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${cell(v)}</td></tr>`).join('')}</tbody></table>\n`;
        break;
      case 'dates':
        yield `<dl class="keydates">${b.dates.map(keyDate).join('')}</dl>\n`;
        break;
      case 'readiness': {
        const r = b.readiness;
        yield `<p class="score-line"><span class="score">${r.score}</span> / 100${bar(r.score)}</p>\n`;
        yield `<table class="parts"><colgroup><col style="width:72%"><col style="width:10%"><col style="width:18%"></colgroup>`
          + '<thead><tr><th scope="col">Part and what it counts</th><th scope="col">Weight</th><th scope="col">Score</th></tr></thead><tbody>\n'
          + r.parts.map((p) => `<tr><th scope="row">${escapeHtml(p.label)}<span class="explain">${escapeHtml(p.explanation)}</span></th><td class="num">${p.weight}</td>`
            + `<td class="num">${p.score === null ? '—' : `${p.score}%${bar(p.score)}`}</td></tr>\n`).join('')
          + `</tbody></table>\n<p class="meta">${escapeHtml(READINESS_RULE)}</p>\n`;
        break;
      }
      case 'flags':
        yield b.flags.length === 0
          ? '<p class="none">No red flags.</p>\n'
          : `<ul class="flags">\n${b.flags.map((f) => `<li class="flag-${f.severity}"><span class="sev">${f.severity === 'high' ? 'High' : 'Medium'}</span>${escapeHtml(f.message)}</li>`).join('\n')}\n</ul>\n`;
        break;
      case 'table':
        yield* table(b.columns, b.rows(), b.empty);
        break;
    }
  }
  yield '</body>\n</html>\n';
}
