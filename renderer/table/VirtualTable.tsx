// A virtualized, sortable table over a paged query: only the rows in view (plus a few) are in the
// DOM, pages of rows are fetched as they scroll into view, and the whole table is reachable from the
// keyboard (one row is tabbable; arrows, Page Up/Down, Home/End move; Enter opens; Delete deletes).
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { AnyRecord } from '../records/recordApi';
import { PAGE_SIZE, type PageCache } from './pageCache';
import type { Column, Sort } from './types';

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 32;
const PREFETCH_ROWS = PAGE_SIZE;

interface Props {
  label: string;
  columns: Column[];
  rows: PageCache;
  sort: Sort;
  onSortChange(sort: Sort): void;
  onOpen(row: AnyRecord): void;
  onDelete?(row: AnyRecord): void;
  /** Changes when the query changes: the table then scrolls back to the top. */
  resetKey: string;
}

export function VirtualTable({ label, columns, rows, sort, onSortChange, onOpen, onDelete, resetKey }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const total = rows.total ?? 0;
  const activeIndex = Math.min(active, Math.max(0, total - 1));

  // The active row stays rendered even when scrolled away, so Tab always lands on it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (total > 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, total],
  );

  // TanStack Virtual's instance is mutable by design; the compiler lint cannot memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const keyOf = slotKeys(items.map((vi) => vi.index), activeIndex);
  // The rows in view (not the overscan, nor the active row kept rendered far away).
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? 0;

  // Ask for the rows a page ahead (and behind) of the view, so a steady scroll rarely meets rows
  // still loading.
  useEffect(() => {
    rows.ensure(Math.max(0, first - PREFETCH_ROWS), last + PREFETCH_ROWS);
  }, [rows, first, last, rows.version]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setActiveSoon(setActive, 0);
  }, [resetKey]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(total - 1, index));
      focusPending.current = true;
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [total, virtualizer],
  );

  const onRowKeyDown = useCallback(
    (e: KeyboardEvent, index: number, row: AnyRecord | undefined) => {
      // Read at key time: measuring while rendering would force a layout on every scroll frame.
      const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
      const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + pageRows, PageUp: index - pageRows, Home: 0, End: total - 1 };
      if (e.key in moves) {
        e.preventDefault();
        moveTo(moves[e.key]!);
      } else if ((e.key === 'Enter' || e.key === ' ') && row) {
        e.preventDefault();
        onOpen(row);
      } else if (e.key === 'Delete' && row && onDelete) {
        e.preventDefault();
        onDelete(row);
      }
    },
    [moveTo, onOpen, onDelete, total],
  );

  const onRowClick = useCallback(
    (index: number, row: AnyRecord | undefined) => {
      setActive(index);
      if (row) onOpen(row);
    },
    [onOpen],
  );

  const template = columns.map((c) => c.width).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.minWidth, 0);

  return (
    <div className="vt" role="table" aria-label={label} aria-rowcount={total + 1} aria-busy={rows.total === null || undefined}>
      <div className="vt-scroll" ref={scrollRef}>
        <div role="rowgroup" className="vt-head" style={{ minWidth }}>
          <div role="row" aria-rowindex={1} className="vt-row vt-header-row" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <HeaderCell key={c.field} column={c} sort={sort} onSortChange={onSortChange} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="vt-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {items.map((vi) => (
            <Row
              key={keyOf(vi.index)}
              index={vi.index}
              top={vi.start - HEADER_HEIGHT}
              row={rows.row(vi.index)}
              labels={rows.labels}
              columns={columns}
              template={template}
              tabbable={vi.index === activeIndex}
              onKeyDown={onRowKeyDown}
              onClick={onRowClick}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * React keys for the rendered rows, by slot rather than by row: a row scrolled in takes over the DOM
 * of one scrolled out (its text and attributes change; no elements are created or thrown away),
 * which is most of a fast scroll's work otherwise. The other rows form one contiguous run of L
 * indexes, so `index % L` never repeats among them. The active (tabbable, maybe focused) row keeps
 * one key, 'active', so focus is never lost to a remount while it moves.
 */
function slotKeys(indexes: number[], activeIndex: number): (index: number) => string {
  const others = indexes.filter((i) => i !== activeIndex);
  const length = others.length ? others[others.length - 1]! - others[0]! + 1 : 1;
  return (index) => (index === activeIndex ? 'active' : String(index % length));
}

/** Resets the active row outside the effect's synchronous body. */
function setActiveSoon(set: (n: number) => void, n: number) {
  queueMicrotask(() => set(n));
}

const HeaderCell = memo(function HeaderCell({ column, sort, onSortChange }: { column: Column; sort: Sort; onSortChange(sort: Sort): void }) {
  const sorted = sort.field === column.field;
  const ariaSort = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : column.sortable ? 'none' : undefined;
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`vt-th${column.align === 'end' ? ' vt-end' : ''}`} title={column.header}>
      {column.sortable ? (
        <button
          type="button"
          className="vt-sort"
          onClick={() => onSortChange({ field: column.field, dir: sorted && sort.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {column.header}
          <span className="vt-sort-arrow" aria-hidden="true">
            {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      ) : (
        column.header
      )}
    </div>
  );
});

interface RowProps {
  index: number;
  top: number;
  row: AnyRecord | undefined;
  labels: Record<string, string>;
  columns: Column[];
  template: string;
  tabbable: boolean;
  onKeyDown(e: KeyboardEvent, index: number, row: AnyRecord | undefined): void;
  onClick(index: number, row: AnyRecord | undefined): void;
}

const Row = memo(function Row({ index, top, row, labels, columns, template, tabbable, onKeyDown, onClick }: RowProps) {
  const style: CSSProperties = { transform: `translateY(${top}px)`, gridTemplateColumns: template };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      className={row ? 'vt-row vt-data-row' : 'vt-row vt-data-row vt-placeholder'}
      style={style}
      onKeyDown={(e) => onKeyDown(e, index, row)}
      onClick={() => onClick(index, row)}
    >
      {row ? (
        columns.map((c) => (
          <div role="cell" key={c.field} className={`vt-td${c.align === 'end' ? ' vt-end' : ''}`}>
            {c.render(row, labels)}
          </div>
        ))
      ) : (
        <div role="cell" className="vt-td vt-loading-cell">
          <span className="skeleton" />
        </div>
      )}
    </div>
  );
});
