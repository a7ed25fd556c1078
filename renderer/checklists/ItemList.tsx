// A virtualized list of checklist items with group headers as rows (a vendor's checklist by phase;
// My tasks by urgency). Only the rows in view, plus a few, are in the DOM, so a checklist of
// thousands of items stays light. One row is tabbable; from it the keyboard does the work:
// ↑ ↓ Page Up/Down Home End move, Enter opens the item (or folds a group), Space toggles done,
// 1–5 set the status (3, blocked, asks for the reason).
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ITEM_STATUS, ITEM_STATUS_LABEL, offsetLabel, type ChecklistItem, type ItemStatus } from '../../shared/checklists';
import type { ItemMarks } from '../../shared/contract';
import { daysBetween } from '../../shared/dates';
import { snippetText } from '../../shared/snippet';
import { Highlighted } from '../ui/Highlighted';
import { Meter } from '../ui/Meter';
import { isOverdue, STATUS_BY_KEY, STATUS_TONE } from './items';

export type ListItem = ChecklistItem & { vendorName?: string; checklistName?: string };

export type ListEntry =
  | { kind: 'group'; key: string; label: string; done: number; total: number; shown: number; collapsed: boolean; detail?: string }
  | { kind: 'item'; key: string; item: ListItem };

const ITEM_HEIGHT = 36;
const GROUP_HEIGHT = 40;
const HEADER_HEIGHT = 30;

interface Props {
  label: string;
  entries: ListEntry[];
  /** Names of the people the items refer to, by id. */
  labels: Record<string, string>;
  today: string;
  /** Shows each item's vendor and checklist instead of its owner (one person's items across vendors). */
  showContext?: boolean;
  onOpen(item: ListItem): void;
  onStatus(item: ListItem, status: ItemStatus): void;
  onToggleGroup?(key: string): void;
  /** The id of the element that explains the keys. */
  legendId: string;
  /** Changes with the query (checklist, filters): the list goes back to the top. */
  resetKey: string;
  /** Where a text filter matched, by item id: shown marked in the row. */
  marks?: Record<string, ItemMarks> | undefined;
}

export function ItemList({ label, entries, labels, today, showContext, onOpen, onStatus, onToggleGroup, legendId, resetKey, marks }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ key: string; index: number }>({ key: '', index: 0 });
  const [lastReset, setLastReset] = useState(resetKey);
  const focusPending = useRef(false);
  const count = entries.length;

  // A new query starts at the top (state adjusted while rendering, not in an effect).
  if (lastReset !== resetKey) {
    setLastReset(resetKey);
    setActive({ key: '', index: 0 });
  }

  // The active row is found by key, so it stays put while rows are added or removed above it;
  // when it is gone (filtered out after a change), the row now at its place takes over.
  let activeIndex = entries.findIndex((e) => e.key === active.key);
  if (activeIndex < 0) activeIndex = Math.min(active.index, Math.max(0, count - 1));

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
    estimateSize: (i) => (entries[i]?.kind === 'group' ? GROUP_HEIGHT : ITEM_HEIGHT),
    getItemKey: (i) => entries[i]?.key ?? i,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });

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
      setActive({ key: entries[next]?.key ?? '', index: next });
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [count, entries, virtualizer],
  );

  const onRowKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>, index: number) => {
      // Keys typed into the row's own controls (the status list, buttons) are theirs.
      if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
      const entry = entries[index];
      const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ITEM_HEIGHT) - 1);
      const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + pageRows, PageUp: index - pageRows, Home: 0, End: count - 1 };
      if (e.key in moves) {
        e.preventDefault();
        moveTo(moves[e.key]!);
        return;
      }
      if (!entry) return;
      if (entry.kind === 'group') {
        if ((e.key === 'Enter' || e.key === ' ') && onToggleGroup) {
          e.preventDefault();
          onToggleGroup(entry.key);
        }
        return;
      }
      const item = entry.item;
      if (e.key === 'Enter') {
        e.preventDefault();
        onOpen(item);
      } else if (e.key === ' ') {
        e.preventDefault();
        focusPending.current = true;
        onStatus(item, item.status === 'done' ? 'todo' : 'done');
      } else if (STATUS_BY_KEY[e.key]) {
        e.preventDefault();
        focusPending.current = true;
        onStatus(item, STATUS_BY_KEY[e.key]!);
      }
    },
    [entries, count, moveTo, onOpen, onStatus, onToggleGroup],
  );

  const onRowFocus = useCallback((index: number, key: string) => setActive((a) => (a.key === key ? a : { key, index })), []);

  const template = showContext ? '36px minmax(220px, 1.4fr) minmax(200px, 1fr) 190px 142px' : '36px minmax(220px, 1fr) 170px 190px 142px';
  const minWidth = showContext ? 800 : 740;
  const items = virtualizer.getVirtualItems();

  return (
    <div className="vt item-list" role="table" aria-label={label} aria-rowcount={count + 1} aria-describedby={legendId}>
      <div className="vt-scroll" ref={scrollRef}>
        <div role="rowgroup" className="vt-head" style={{ minWidth }}>
          <div role="row" aria-rowindex={1} className="vt-row vt-header-row il-head" style={{ gridTemplateColumns: template }}>
            <div role="columnheader" className="vt-th">
              <span className="visually-hidden">Done</span>
            </div>
            <div role="columnheader" className="vt-th">
              Item
            </div>
            <div role="columnheader" className="vt-th">
              {showContext ? 'Vendor · checklist' : 'Owner'}
            </div>
            <div role="columnheader" className="vt-th">
              Due
            </div>
            <div role="columnheader" className="vt-th">
              Status
            </div>
          </div>
        </div>
        <div role="rowgroup" className="vt-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {items.map((vi) => {
            const entry = entries[vi.index]!;
            const top = vi.start - HEADER_HEIGHT;
            return entry.kind === 'group' ? (
              <GroupRow key={entry.key} entry={entry} index={vi.index} top={top} tabbable={vi.index === activeIndex} onKeyDown={onRowKeyDown} onFocus={onRowFocus} onToggle={onToggleGroup} />
            ) : (
              <ItemRow
                key={entry.key}
                item={entry.item}
                index={vi.index}
                top={top}
                template={template}
                owner={entry.item.ownerId ? labels[entry.item.ownerId] : undefined}
                mark={marks?.[entry.item.id]}
                today={today}
                showContext={!!showContext}
                tabbable={vi.index === activeIndex}
                onKeyDown={onRowKeyDown}
                onFocus={onRowFocus}
                onOpen={onOpen}
                onStatus={onStatus}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface GroupRowProps {
  entry: Extract<ListEntry, { kind: 'group' }>;
  index: number;
  top: number;
  tabbable: boolean;
  onKeyDown(e: KeyboardEvent<HTMLElement>, index: number): void;
  onFocus(index: number, key: string): void;
  onToggle?(key: string): void;
}

const GroupRow = memo(function GroupRow({ entry, index, top, tabbable, onKeyDown, onFocus, onToggle }: GroupRowProps) {
  const filteredOut = entry.shown < entry.total;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={`${entry.label}: ${entry.total > 0 ? `${entry.done} of ${entry.total} done` : `${entry.shown} item${entry.shown === 1 ? '' : 's'}`}`}
      aria-expanded={onToggle ? !entry.collapsed : undefined}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      className="vt-row vt-data-row il-group"
      style={{ transform: `translateY(${top}px)` }}
      onKeyDown={(e) => onKeyDown(e, index)}
      onFocus={() => onFocus(index, entry.key)}
      onClick={() => onToggle?.(entry.key)}
    >
      <div role="rowheader" aria-colspan={5} className="il-group-cell">
        {onToggle && (
          <span className={`il-caret${entry.collapsed ? ' il-caret-collapsed' : ''}`} aria-hidden="true">
            ▾
          </span>
        )}
        <span className="il-group-label">{entry.label}</span>
        {entry.total > 0 && <Meter value={entry.done} max={entry.total} label={`${entry.label} progress`} valueText={`${entry.done} of ${entry.total} done`} tone={entry.done === entry.total ? 'green' : 'accent'} className="il-group-meter" />}
        <span className="il-group-count">
          {entry.total > 0 ? `${entry.done} of ${entry.total} done` : `${entry.shown} item${entry.shown === 1 ? '' : 's'}`}
          {filteredOut && entry.total > 0 && <span className="muted"> · {entry.shown} shown</span>}
        </span>
        {entry.detail && <span className="il-group-detail">{entry.detail}</span>}
      </div>
    </div>
  );
});

interface ItemRowProps {
  item: ListItem;
  index: number;
  top: number;
  template: string;
  owner: string | undefined;
  mark: ItemMarks | undefined;
  today: string;
  showContext: boolean;
  tabbable: boolean;
  onKeyDown(e: KeyboardEvent<HTMLElement>, index: number): void;
  onFocus(index: number, key: string): void;
  onOpen(item: ListItem): void;
  onStatus(item: ListItem, status: ItemStatus): void;
}

const stop = (e: MouseEvent) => e.stopPropagation();

const ItemRow = memo(function ItemRow({ item, index, top, template, owner, mark, today, showContext, tabbable, onKeyDown, onFocus, onOpen, onStatus }: ItemRowProps) {
  const done = item.status === 'done';
  const overdue = isOverdue(item, today);
  // Only the active row's controls are in the Tab order; the rest are reached through it.
  const inner = tabbable ? 0 : -1;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={item.title}
      aria-keyshortcuts="Enter Space 1 2 3 4 5"
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      className={`vt-row vt-data-row il-item status-${item.status}${overdue ? ' is-overdue' : ''}`}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: template }}
      onKeyDown={(e) => onKeyDown(e, index)}
      onFocus={() => onFocus(index, `item:${item.id}`)}
      onClick={() => onOpen(item)}
    >
      <div role="cell" className="vt-td il-check">
        <input
          type="checkbox"
          className="il-checkbox"
          checked={done}
          tabIndex={inner}
          aria-label={`Done: ${item.title}`}
          onClick={stop}
          onChange={() => onStatus(item, done ? 'todo' : 'done')}
        />
      </div>
      <div role="cell" className="vt-td il-title-cell">
        <span className="il-title" title={item.title}>
          {mark?.title ? <Highlighted snippet={mark.title} /> : item.title}
        </span>
        {item.processId && (
          <span className="il-tag" title="Knowledge transfer of a process: its stage follows this item">
            KT
          </span>
        )}
        {item.status === 'blocked' && item.blockedReason && (
          <span className="il-reason" title={item.blockedReason}>
            {item.blockedReason}
          </span>
        )}
        {mark?.body && (
          <span className="il-match" title={snippetText(mark.body)}>
            <Highlighted snippet={mark.body} />
          </span>
        )}
      </div>
      {showContext ? (
        <div role="cell" className="vt-td il-context" title={`${item.vendorName ?? ''} · ${item.checklistName ?? ''}`}>
          {item.vendorName}
          <span className="muted"> · {item.checklistName}</span>
        </div>
      ) : (
        <div role="cell" className="vt-td il-owner">
          {mark?.owner ? <Highlighted snippet={mark.owner} /> : (owner ?? <span className="cell-none">{item.ownerRole ? `${item.ownerRole} · unassigned` : 'Unassigned'}</span>)}
        </div>
      )}
      <div role="cell" className="vt-td il-due">
        <Due item={item} today={today} overdue={overdue} />
      </div>
      <div role="cell" className="vt-td il-status" onClick={stop}>
        <select
          className={`input select status-select tone-${STATUS_TONE[item.status]}`}
          value={item.status}
          tabIndex={inner}
          aria-label={`Status of ${item.title}`}
          onChange={(e) => onStatus(item, e.target.value as ItemStatus)}
        >
          {ITEM_STATUS.map((s) => (
            <option key={s} value={s}>
              {ITEM_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});

function Due({ item, today, overdue }: { item: ListItem; today: string; overdue: boolean }) {
  const manual = item.dueManual && (
    <span className="il-manual" title="Set by hand: stays put when the exit date moves">
      <span aria-hidden="true">✎</span>
      <span className="visually-hidden">set by hand</span>
    </span>
  );
  if (!item.dueDate) {
    return item.offsetDays == null ? (
      <span className="cell-none">—</span>
    ) : (
      <span className="cell-mono muted" title="Days from the exit date T; set the exit date to get dates">
        {offsetLabel(item.offsetDays)}
      </span>
    );
  }
  const days = daysBetween(today, item.dueDate);
  const closed = item.status === 'done' || item.status === 'not_applicable';
  return (
    <span className="date-fact" title={item.offsetDays != null && !item.dueManual ? `${offsetLabel(item.offsetDays)} from the exit date` : undefined}>
      <span className="cell-mono">{item.dueDate}</span>
      {manual}
      {!closed && overdue && <span className="date-rel il-late">{-days} day{days === -1 ? '' : 's'} late</span>}
      {!closed && !overdue && days <= 14 && <span className="date-rel il-soon">{days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}</span>}
    </span>
  );
}

