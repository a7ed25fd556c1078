// Renders a search snippet with its matches in <mark>. The text goes in as React text nodes, never
// as HTML, so a record containing markup shows that markup as text.
import { splitSnippet } from '../../shared/snippet';

export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
