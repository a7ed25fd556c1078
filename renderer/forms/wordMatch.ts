// Whether a text matches what was typed the way the backend's search matches (every typed word the
// start of a word, case and accents folded): a picker narrows what it already shows at once, on
// each keystroke, while the search for the new words is on its way.
const words = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

export function matchesWords(text: string, typed: string): boolean {
  const wanted = words(typed);
  if (wanted.length === 0) return true;
  const have = words(text);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
