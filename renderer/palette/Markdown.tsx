// A small Markdown reader for the app's own documents (docs/pack-format.md, shipped inside the
// bundle): headings, paragraphs, lists, tables, code blocks, `code` and **bold**. It builds React
// elements, never HTML, so nothing in a document can run; what it does not know shows as text.
import { Fragment, type ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

export function Markdown({ text }: { text: string }) {
  const lines = text.split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const key = blocks.length;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) code.push(lines[i] ?? '');
      i++;
      blocks.push(<pre key={key} className="doc-code">{code.join('\n')}</pre>);
    } else if (/^#{1,4} /.test(line)) {
      const level = line.indexOf(' ');
      const Tag = (['h2', 'h3', 'h4', 'h5'] as const)[level - 1] ?? 'h5';
      blocks.push(<Tag key={key}>{inline(line.slice(level + 1))}</Tag>);
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) {
        if (!/^\|[\s|:-]+\|$/.test((lines[i] ?? '').trim())) rows.push(cells(lines[i] ?? ''));
      }
      const [head = [], ...body] = rows;
      blocks.push(
        <table key={key} className="doc-table">
          <thead>
            <tr>{head.map((c, j) => <th key={j}>{inline(c)}</th>)}</tr>
          </thead>
          <tbody>
            {body.map((r, k) => (
              <tr key={k}>{r.map((c, j) => <td key={j}>{inline(c)}</td>)}</tr>
            ))}
          </tbody>
        </table>,
      );
    } else if (/^\s*(-|\d+\.) /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').trim() !== '' && !(lines[i] ?? '').startsWith('#'); i++) {
        const l = lines[i] ?? '';
        if (/^\s*(-|\d+\.) /.test(l)) items.push(l.replace(/^\s*(-|\d+\.) /, ''));
        else items[items.length - 1] += ` ${l.trim()}`;
      }
      blocks.push(<ul key={key}>{items.map((t, j) => <li key={j}>{inline(t)}</li>)}</ul>);
    } else {
      const para: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').trim() !== '' && !/^(#|\||```|\s*- )/.test(lines[i] ?? ''); i++) para.push((lines[i] ?? '').trim());
      blocks.push(<p key={key}>{inline(para.join(' '))}</p>);
    }
  }
  return <div className="doc">{blocks}</div>;
}
