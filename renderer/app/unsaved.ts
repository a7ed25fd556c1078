// Unsaved edits on the current screen (the vendor's Overview form): leaving the screen asks first,
// so typed-in contract facts are never thrown away by a click on a tab or the sidebar.
const dirty = new Map<string, number>();

export function markUnsaved(key: string, changes: number): void {
  if (changes > 0) dirty.set(key, changes);
  else dirty.delete(key);
}

export function hasUnsaved(): boolean {
  return dirty.size > 0;
}

/** True when there is nothing unsaved, or the user agrees to discard it. */
export function confirmLeave(): boolean {
  if (dirty.size === 0) return true;
  const n = [...dirty.values()].reduce((a, b) => a + b, 0);
  const ok = window.confirm(`You have ${n} unsaved change${n === 1 ? '' : 's'} on this page. Leave and discard ${n === 1 ? 'it' : 'them'}?`);
  if (ok) dirty.clear();
  return ok;
}
