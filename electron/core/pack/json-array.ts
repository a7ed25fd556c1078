// A data file of a pack as a JSON array with one element per line (the layout inspect.ts reads),
// yielded in chunks of 500 elements so a table of a million rows is never one string.
export function* jsonArrayLines(items: Iterable<unknown>): Generator<string> {
  yield '[\n';
  let first = true;
  let buf: string[] = [];
  for (const item of items) {
    buf.push(`${first ? '' : ',\n'}${JSON.stringify(item)}`);
    first = false;
    if (buf.length >= 500) {
      yield buf.join('');
      buf = [];
    }
  }
  buf.push(first ? ']\n' : '\n]\n');
  yield buf.join('');
}
