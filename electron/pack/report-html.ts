// README.html: one self-contained page (inline CSS, no scripts, nothing fetched: its own CSP says
// so) that opens offline in any browser and prints well. Every text is escaped.
import type { Block, Cell } from './report';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const cell = (c: Cell) => (typeof c === 'string' ? escapeHtml(c) : `<a href="${escapeHtml(c.href)}" rel="noopener noreferrer">${escapeHtml(c.text)}</a>`);
/** Short values (dates, numbers, states) stay on one line; long text may wrap anywhere. */
const td = (c: Cell) => (typeof c === 'string' && c.length <= 16 ? `<td class="n">${cell(c)}</td>` : `<td>${cell(c)}</td>`);

const CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; --high: #a61b1b; --medium: #8a5a00; --good: #1f6f3f; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-top: 12px; border-top: 3px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p.meta { color: var(--muted); margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--bg); font-weight: 600; }
td.n { white-space: nowrap; overflow-wrap: normal; }
table.facts th { width: 220px; }
.score { font-size: 40px; font-weight: 700; }
.flag-high { color: var(--high); font-weight: 600; }
.flag-medium { color: var(--medium); }
.none { color: var(--muted); font-style: italic; }
.bar { display: inline-block; height: 10px; background: var(--good); vertical-align: middle; }
.bar-bg { display: inline-block; width: 120px; height: 10px; background: var(--line); vertical-align: middle; }
a { color: #1a4fa3; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: page; border-top: none; }
  h2#people, h2#attachments { break-before: auto; }
  h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .facts { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .bar, .bar-bg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { margin: 15mm; }
`;

const ROWS_PER_CHUNK = 200;

function* table(columns: string[], rows: Iterable<Cell[]>, empty: string): Generator<string> {
  let head = `<table><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>\n`;
  let n = 0;
  let buf: string[] = [];
  for (const r of rows) {
    buf.push(`<tr>${r.map(td).join('')}</tr>\n`);
    n++;
    if (buf.length >= ROWS_PER_CHUNK) {
      yield head + buf.join('');
      head = '';
      buf = [];
    }
  }
  if (n === 0) {
    yield `<p class="none">${escapeHtml(empty)}</p>\n`;
    return;
  }
  yield `${head}${buf.join('')}</tbody></table>\n`;
}

export function* renderHtml(blocks: Iterable<Block>): Generator<string> {
  let title = 'Transition pack';
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        title = b.text;
        yield `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n`
          + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n`
          + `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n`
          + `<h1>${escapeHtml(b.text)}</h1>\n${b.lines.map((l) => `<p class="meta">${escapeHtml(l)}</p>`).join('\n')}\n`;
        break;
      case 'toc':
        yield* table(['Vendor', 'Readiness', 'Red flags', 'Planned exit'],
          b.rows.map((r) => [{ text: r.name, href: `#${r.anchor}` }, `${r.score} / 100`, String(r.flags), r.exitDate]), 'No vendors in this pack.');
        break;
      case 'h2':
        yield `<h2 id="${escapeHtml(b.anchor)}">${escapeHtml(b.text)}</h2>\n`;
        break;
      case 'h3':
        yield `<h3>${escapeHtml(b.text)}</h3>\n`;
        break;
      case 'p':
        yield `<p>${escapeHtml(b.text)}</p>\n`;
        break;
      case 'facts':
        yield `<table class="facts"><tbody>${b.rows.filter(([, v]) => v !== '').map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${cell(v)}</td></tr>`).join('')}</tbody></table>\n`;
        break;
      case 'readiness': {
        const r = b.readiness;
        yield `<p><span class="score">${r.score}</span> / 100</p>\n`;
        yield* table(['Part', 'Weight', 'Score', 'Progress'], r.parts.map((p) => [
          p.label, String(p.weight), p.score === null ? 'nothing to measure' : `${p.score}%`,
          p.total > 0 ? `${Number(p.done.toFixed(1))} of ${Number(p.total.toFixed(1))}` : '',
        ]), '');
        break;
      }
      case 'flags':
        if (b.flags.length === 0) {
          yield '<p class="none">No red flags.</p>\n';
        } else {
          yield `<ul>\n${b.flags.map((f) => `<li class="flag-${f.severity}">${f.severity === 'high' ? 'High' : 'Medium'}: ${escapeHtml(f.message)}</li>`).join('\n')}\n</ul>\n`;
        }
        break;
      case 'table':
        yield* table(b.columns, b.rows(), b.empty);
        break;
    }
  }
  yield '</body>\n</html>\n';
}
