// How a virtual list keys the rows it renders, so scrolling reuses its elements in place.

/**
 * React keys for the rendered rows, by their place in the rendered run rather than by row: the
 * first row rendered is always "0", the next "1", and so on. Scrolling then only changes the text
 * and attributes of the same elements, in the same order: no element is created, thrown away or
 * moved in the DOM (a move costs a new style and layout of the whole row, and keys like
 * `index % length` move rows on every frame). The DOM order stays the visual order, so a screen
 * reader reads the rows top to bottom. The active (tabbable, maybe focused) row keeps one key,
 * 'active', so focus is never lost to a remount while it moves.
 */
export function slotKeys(indexes: number[], activeIndex: number): (index: number) => string {
  const others = indexes.filter((i) => i !== activeIndex);
  const first = others[0] ?? 0;
  return (index) => (index === activeIndex ? 'active' : String(index - first));
}
