// Search snippets mark their matches between \u0002 and \u0003 (see SearchHit.snippet). Splitting
// them into plain pieces lets every face render the marks its own way (a <mark> element, **bold**)
// without ever treating the record's text as markup.

export interface SnippetPart {
  text: string;
  /** True for a piece that matched the query. */
  match: boolean;
}

const OPEN = '\u0002';
const CLOSE = '\u0003';

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let buf = '';
  const flush = () => {
    if (buf) parts.push({ text: buf, match });
    buf = '';
  };
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      match = ch === OPEN;
    } else {
      buf += ch;
    }
  }
  flush();
  return parts;
}

/** The snippet as plain text, marks removed. */
export function snippetText(snippet: string): string {
  return snippet.split(OPEN).join('').split(CLOSE).join('');
}
