// report.md: the same content as README.html, in Markdown. Cell text is escaped so that nothing in
// the data turns into markup (tables, links or raw HTML).
import { READINESS_RULE } from '../../../shared/readiness-explain';
import type { Block, Cell, Row, Span } from './report';

/** Escapes text for a Markdown paragraph or table cell (one line). */
export function escapeMd(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/^([-=+#]|\d+[.)])/, '\\$1');
}

const span = (s: Span) => (typeof s === 'string' ? escapeMd(s) : `[${escapeMd(s.text)}](<${s.href.replace(/[<>\s]/g, encodeURIComponent)}>)`);
/** A cell of several lines on one line of Markdown: the lines joined by “ · ”, details in parentheses. */
const cell = (c: Cell) => {
  if (typeof c === 'string') return span(c);
  if ('none' in c) return `_${escapeMd(c.none)}_`;
  if (!('lines' in c)) return span(c);
  const main = c.lines.map((l) => l.map(span).join('')).join(' · ');
  const detail = (c.detail ?? []).map((l) => l.map(span).join('')).join(' · ');
  return main && detail ? `${main} (${detail})` : main || detail;
};

const ROWS_PER_CHUNK = 200;

function* table(columns: string[], rows: Iterable<Row>, empty: string): Generator<string> {
  let head = `| ${columns.map(escapeMd).join(' | ')} |\n|${columns.map(() => ' --- |').join('')}\n`;
  let n = 0;
  let buf: string[] = [];
  for (const r of rows) {
    buf.push('group' in r ? `| **${escapeMd(r.group)}** |${' |'.repeat(columns.length - 1)}\n` : `| ${r.map(cell).join(' | ')} |\n`);
    n++;
    if (buf.length >= ROWS_PER_CHUNK) {
      yield head + buf.join('');
      head = '';
      buf = [];
    }
  }
  if (n === 0) {
    if (empty) yield `_${escapeMd(empty)}_\n\n`;
    return;
  }
  yield `${head}${buf.join('')}\n`;
}

export function* renderMarkdown(blocks: Iterable<Block>): Generator<string> {
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        yield `# ${escapeMd(b.text)}\n\n${b.lines.map(escapeMd).join('  \n')}\n\n`;
        break;
      case 'heading':
        yield `${'#'.repeat(b.level)} ${escapeMd(b.text)}\n\n`;
        break;
      case 'p':
        yield `${escapeMd(b.text)}\n\n`;
        break;
      case 'facts':
        yield* table(['Fact', 'Value'], b.rows.filter(([, v]) => v !== ''), '');
        break;
      case 'dates':
        yield* table(b.dates.map((d) => d.label), [b.dates.map((d): Cell => (d.note ? { lines: [[d.value]], detail: [[d.note]] } : d.value))], '');
        break;
      case 'readiness': {
        const r = b.readiness;
        yield `**Readiness: ${r.score} / 100**\n\n`;
        yield* table(['Part', 'Weight', 'Score', 'What it counts'], r.parts.map((p) => [
          p.label, String(p.weight), p.score === null ? '—' : `${p.score}%`, p.explanation,
        ]), '');
        yield `${escapeMd(READINESS_RULE)}\n\n`;
        break;
      }
      case 'flags':
        yield b.flags.length === 0 ? '_No red flags._\n\n' : `${b.flags.map((f) => `- **${f.severity === 'high' ? 'High' : 'Medium'}**: ${escapeMd(f.message)}`).join('\n')}\n\n`;
        break;
      case 'table':
        yield* table(b.columns.map((c) => c.label), b.rows(), b.empty);
        break;
    }
  }
}
