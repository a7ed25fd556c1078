// The virtual table's row keys: scrolling must reuse the rendered elements in place. A key that
// changes its place among the others makes React move that row in the DOM, and a moved row is
// styled and laid out again from scratch (the cost that made the 10,000-row table drop frames).
import { describe, expect, it } from 'vitest';
import { slotKeys } from '../../renderer/table/slotKeys';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('slotKeys', () => {
  it('gives the rows the same keys in the same order wherever the view is', () => {
    const before = range(10, 45);
    const after = range(30, 65); // scrolled by 20 rows: 16 rows stay, 20 come in
    const keysBefore = before.map(slotKeys(before, 10));
    const keysAfter = after.map(slotKeys(after, 30));
    expect(keysAfter).toEqual(keysBefore);
    expect(new Set(keysAfter).size).toBe(after.length);
  });

  it('keeps the active row on its own key, apart from the run, wherever it is', () => {
    const shown = [...range(100, 130), 3]; // the active row stays rendered far above the view
    const keyOf = slotKeys(shown, 3);
    expect(keyOf(3)).toBe('active');
    expect(range(100, 130).map(keyOf)).toEqual(range(0, 30).map(String));
  });

  it('keeps the other rows in order when the active row is among them', () => {
    const shown = range(0, 9);
    const keys = shown.map(slotKeys(shown, 4));
    expect(keys).toEqual(['0', '1', '2', '3', 'active', '5', '6', '7', '8', '9']);
    expect(range(2, 11).map(slotKeys(range(2, 11), 4))).toEqual(['0', '1', 'active', '3', '4', '5', '6', '7', '8', '9']);
  });
});
