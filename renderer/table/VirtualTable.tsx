// A sortable record table over a paged query, on the one virtual table (VirtualRows): pages of
// rows are fetched as they scroll into view; on a focused row Enter opens it and Delete deletes it.
import { memo, useCallback, type CSSProperties, type KeyboardEvent } from 'react';
import type { AnyRecord } from '../records/recordApi';
import { PAGE_SIZE, type PageCache } from './pageCache';
import type { Column, Sort } from './types';
import { VirtualRows } from './VirtualRows';

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
  const total = rows.total ?? 0;
  const version = rows.version;

  // Ask for the rows a page ahead (and behind) of the view, so a steady scroll rarely meets rows
  // still loading; again after each change of the cache (a refresh drops pages).
  const onRange = useCallback(
    (first: number, last: number) => rows.ensure(Math.max(0, first - PREFETCH_ROWS), last + PREFETCH_ROWS),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, version],
  );

  const onRowKey = useCallback(
    (e: KeyboardEvent, index: number) => {
      const row = rows.row(index);
      if ((e.key === 'Enter' || e.key === ' ') && row) {
        e.preventDefault();
        onOpen(row);
      } else if (e.key === 'Delete' && row && onDelete) {
        e.preventDefault();
        onDelete(row);
      }
    },
    [rows, onOpen, onDelete],
  );

  const template = columns.map((c) => c.width).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.minWidth, 0);

  return (
    <VirtualRows
      label={label}
      count={total}
      rowHeight={ROW_HEIGHT}
      headerHeight={HEADER_HEIGHT}
      minWidth={minWidth}
      busy={rows.total === null}
      resetKey={resetKey}
      onRange={onRange}
      onRowKey={onRowKey}
      header={
        <div role="row" aria-rowindex={1} className="vt-row vt-header-row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <HeaderCell key={c.field} column={c} sort={sort} onSortChange={onSortChange} />
          ))}
        </div>
      }
      renderRow={({ index, top, tabbable }) => (
        <Row index={index} top={top} row={rows.row(index)} labels={rows.labels} columns={columns} template={template} tabbable={tabbable} onOpen={onOpen} />
      )}
    />
  );
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
  onOpen(row: AnyRecord): void;
}

const Row = memo(function Row({ index, top, row, labels, columns, template, tabbable, onOpen }: RowProps) {
  const style: CSSProperties = { transform: `translateY(${top}px)`, gridTemplateColumns: template };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      className={row ? 'vt-row vt-data-row' : 'vt-row vt-data-row vt-placeholder'}
      style={style}
      onClick={() => row && onOpen(row)}
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
