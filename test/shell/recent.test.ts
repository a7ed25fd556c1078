// The recent-workbooks file: survives damage, stays short and unique, and is replaced whole.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecentStore, MAX_RECENT, parseRecent } from '../../electron/desktop/recent';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-recent-'));
  file = join(dir, 'profile', 'recent-workbooks.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const wb = (name: string) => join(dir, `${name}.sqlite`);

describe('the recent workbooks store', () => {
  it('starts empty when there is no file yet', () => {
    expect(createRecentStore(file).read()).toEqual({ last: null, recent: [] });
  });

  it('puts an opened workbook first, once, and makes it the last one', () => {
    const store = createRecentStore(file);
    store.opened(wb('a'));
    store.opened(wb('b'));
    const state = store.opened(wb('a'));
    expect(state).toEqual({ last: wb('a'), recent: [wb('a'), wb('b')] });
    // A second store (the next start) reads the same from disk.
    expect(createRecentStore(file).read()).toEqual(state);
  });

  it(`keeps at most ${MAX_RECENT}`, () => {
    const store = createRecentStore(file);
    for (let i = 0; i < MAX_RECENT + 5; i++) store.opened(wb(`w${i}`));
    const { recent } = store.read();
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe(wb(`w${MAX_RECENT + 4}`));
  });

  it('removes a workbook (and forgets it as last); Clear empties the list but keeps the open one as last', () => {
    const store = createRecentStore(file);
    store.opened(wb('a'));
    store.opened(wb('b'));
    expect(store.remove(wb('b'))).toEqual({ last: null, recent: [wb('a')] });
    store.opened(wb('c'));
    expect(store.clear()).toEqual({ last: wb('c'), recent: [] });
    expect(store.read()).toEqual({ last: wb('c'), recent: [] });
  });

  it('writes through a temporary file and leaves none behind', () => {
    const store = createRecentStore(file);
    store.opened(wb('a'));
    store.opened(wb('b'));
    expect(readdirSync(join(dir, 'profile'))).toEqual(['recent-workbooks.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, last: wb('b'), recent: [wb('b'), wb('a')] });
  });

  it('reads a damaged file as empty and then overwrites it cleanly', () => {
    mkdirSync(join(dir, 'profile'));
    writeFileSync(file, '{"last": "/x.sqlite", "recent": [');
    const store = createRecentStore(file);
    expect(store.read()).toEqual({ last: null, recent: [] });
    store.opened(wb('a'));
    expect(store.read()).toEqual({ last: wb('a'), recent: [wb('a')] });
  });

  it('reports a failed write and carries on', () => {
    mkdirSync(file, { recursive: true }); // a folder where the file should be: rename fails
    const warn = vi.fn();
    const state = createRecentStore(file, warn).opened(wb('a'));
    expect(state.last).toBe(wb('a'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Could not save the recent workbooks list'));
    expect(readdirSync(join(dir, 'profile'))).toEqual(['recent-workbooks.json']);
  });
});

describe('parseRecent', () => {
  it('drops what is not an absolute path, duplicates and extras', () => {
    const abs = wb('a');
    const text = JSON.stringify({ last: 'relative.sqlite', recent: [abs, abs, 42, null, 'relative.sqlite', '', { p: 1 }] });
    expect(parseRecent(text)).toEqual({ last: null, recent: [abs] });
  });

  it.each(['', 'null', '[]', '"text"', '42', '{"recent": "not a list"}'])('reads %j as empty', (text) => {
    expect(parseRecent(text)).toEqual({ last: null, recent: [] });
  });
});
