// report.md: the same content as README.html, in Markdown. Cell text is escaped so that nothing in
// the data turns into markup (tables, links or raw HTML).
import type { Block, Cell } from './report';

/** Escapes text for a Markdown paragraph or table cell (one line). */
export function escapeMd(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/^([-=+#]|\d+[.)])/, '\\$1');
}

const cell = (c: Cell) => (typeof c === 'string' ? escapeMd(c) : `[${escapeMd(c.text)}](<${c.href.replace(/[<>\s]/g, encodeURIComponent)}>)`);

const ROWS_PER_CHUNK = 200;

function* table(columns: string[], rows: Iterable<Cell[]>, empty: string): Generator<string> {
  let head = `| ${columns.map(escapeMd).join(' | ')} |\n|${columns.map(() => ' --- |').join('')}\n`;
  let n = 0;
  let buf: string[] = [];
  for (const r of rows) {
    buf.push(`| ${r.map(cell).join(' | ')} |\n`);
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
      case 'toc':
        yield* table(['Vendor', 'Readiness', 'Red flags', 'Planned exit'], b.rows.map((r) => [r.name, `${r.score} / 100`, String(r.flags), r.exitDate]), 'No vendors in this pack.');
        break;
      case 'h2':
        yield `## ${escapeMd(b.text)}\n\n`;
        break;
      case 'h3':
        yield `### ${escapeMd(b.text)}\n\n`;
        break;
      case 'p':
        yield `${escapeMd(b.text)}\n\n`;
        break;
      case 'facts':
        yield* table(['Fact', 'Value'], b.rows.filter(([, v]) => v !== ''), '');
        break;
      case 'readiness': {
        const r = b.readiness;
        yield `**Readiness: ${r.score} / 100**\n\n`;
        yield* table(['Part', 'Weight', 'Score', 'Progress'], r.parts.map((p) => [
          p.label, String(p.weight), p.score === null ? 'nothing to measure' : `${p.score}%`,
          p.total > 0 ? `${Number(p.done.toFixed(1))} of ${Number(p.total.toFixed(1))}` : '',
        ]), '');
        break;
      }
      case 'flags':
        yield b.flags.length === 0 ? '_No red flags._\n\n' : `${b.flags.map((f) => `- **${f.severity === 'high' ? 'High' : 'Medium'}**: ${escapeMd(f.message)}`).join('\n')}\n\n`;
        break;
      case 'table':
        yield* table(b.columns, b.rows(), b.empty);
        break;
    }
  }
}
