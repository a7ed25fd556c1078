// The one virtual table: a role="table" whose body renders only the rows in view (plus a few), for
// the record tables and the checklists alike. Rows may differ in height (a checklist's phase
// headers), and the caller renders each row; this component places them, keeps one row tabbable,
// moves between rows from the keyboard (↑ ↓ Page Up/Down Home End) and hands the other keys to
// the caller. Rendered rows are keyed by their place (slotKeys), so scrolling only changes the text
// of the same elements.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { slotKeys } from './slotKeys';

export interface RowPlace {
  index: number;
  /** The row's offset from the top of the body, for `transform: translateY(…)`. */
  top: number;
  /** The one row in the Tab order. */
  tabbable: boolean;
}

export interface RowKeys {
  /** Moves the active row (and focus) to this index. */
  moveTo(index: number): void;
  /** Focus goes back to the active row after the next render (a row re-rendered by its own key). */
  keepFocus(): void;
}

interface Props {
  label: string;
  count: number;
  /** Pixels; a row's height by index (default: every row `rowHeight`). */
  rowHeight: number;
  heightOf?(index: number): number;
  headerHeight: number;
  /** The header row (role="row", aria-rowindex 1). */
  header: ReactNode;
  minWidth: number;
  renderRow(place: RowPlace): ReactNode;
  /** Keys other than the moves, on a focused row (not its controls). */
  onRowKey?(e: KeyboardEvent<HTMLElement>, index: number, keys: RowKeys): void;
  /**
   * A row's identity, when rows come and go above the active one (a checklist folding a phase):
   * rows are then keyed by it, and the active row is followed by it rather than by place. Without
   * it, rows are keyed by their place (slotKeys), which is cheapest for long tables.
   */
  keyOf?(index: number): string;
  indexOf?(key: string): number;
  /** Changes with the query: back to the top, the first row active. */
  resetKey: string;
  /** The rows in view changed (for fetching pages ahead). */
  onRange?(first: number, last: number): void;
  className?: string;
  describedBy?: string;
  busy?: boolean;
  /** Rows rendered beyond the view on each side. */
  overscan?: number;
}

export function VirtualRows(props: Props) {
  const { label, count, rowHeight, heightOf, headerHeight, header, minWidth, renderRow, onRowKey, keyOf, indexOf, resetKey, onRange, className, describedBy, busy } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const [lastReset, setLastReset] = useState(resetKey);
  const focusPending = useRef(false);

  // A new query starts at the top (state adjusted while rendering, not in an effect).
  if (lastReset !== resetKey) {
    setLastReset(resetKey);
    setActive({ id: null, index: 0 });
  }
  // Followed by identity where rows have one; when it is gone, the row now at its place takes over.
  let activeIndex = active.id !== null && indexOf ? indexOf(active.id) : -1;
  if (activeIndex < 0) activeIndex = Math.min(active.index, Math.max(0, count - 1));

  // The active row stays rendered even when scrolled away, so Tab always lands on it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (count > 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, count],
  );

  // TanStack Virtual's instance is mutable by design; the compiler lint cannot memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: heightOf ?? (() => rowHeight),
    // Enough for one wheel notch (about 100 px) scrolled on the compositor before the main thread
    // catches up; every row more is work on every frame.
    overscan: props.overscan ?? 4,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const reactKey = keyOf ?? slotKeys(items.map((vi) => vi.index), activeIndex);
  // The rows in view (not the overscan, nor the active row kept rendered far away).
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? 0;

  useEffect(() => {
    onRange?.(first, last);
  }, [onRange, first, last]);

  useLayoutEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(count - 1, index));
      focusPending.current = true;
      setActive({ id: keyOf?.(next) ?? null, index: next });
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [count, keyOf, virtualizer],
  );

  /** A key pressed on a focused row itself (keys typed into its controls, a status list or buttons, are theirs). */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || row !== e.target || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(row.dataset.index);
    // Read at key time: measuring while rendering would force a layout on every scroll frame.
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - headerHeight) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + pageRows, PageUp: index - pageRows, Home: 0, End: count - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
      return;
    }
    onRowKey?.(e, index, { moveTo, keepFocus: () => (focusPending.current = true) });
  };

  /** The row a click or a focus lands on. */
  const rowAt = (target: EventTarget) => (target as HTMLElement).closest<HTMLElement>('[data-index]');
  const activate = (row: HTMLElement | null) => {
    if (!row) return;
    const index = Number(row.dataset.index);
    const id = keyOf?.(index) ?? null;
    setActive((a) => (a.index === index && a.id === id ? a : { id, index }));
  };
  // A row focused (or one of its controls) becomes the active one where rows keep their key; with
  // keys by place the active row's key changes, and a row rendered anew under the pointer would
  // swallow the click, so there a click makes it active, after the row has handled it.
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    if (keyOf) activate(rowAt(e.target));
  };
  const onClick = (e: MouseEvent<HTMLElement>) => activate(rowAt(e.target));

  return (
    <div className={className ? `vt ${className}` : 'vt'} role="table" aria-label={label} aria-rowcount={count + 1} aria-describedby={describedBy} aria-busy={busy || undefined}>
      <div className="vt-scroll" ref={scrollRef}>
        <div role="rowgroup" className="vt-head" style={{ minWidth }}>
          {header}
        </div>
        {/* One listener for all rows: the rows stay plain, and a row's place is its data-index. */}
        <div role="rowgroup" className="vt-body" style={{ height: virtualizer.getTotalSize(), minWidth }} onKeyDown={onKeyDown} onFocus={onFocus} onClick={onClick}>
          {items.map((vi) => (
            <Fragment key={reactKey(vi.index)}>{renderRow({ index: vi.index, top: vi.start - headerHeight, tabbable: vi.index === activeIndex })}</Fragment>
          ))}
        </div>
      </div>
    </div>
  );
}
