// A list of checklist items with group headers as rows (a vendor's checklist by phase; My tasks by
// urgency), on the one virtual table (VirtualRows), so a checklist of thousands of items stays
// light. One row is tabbable; from it the keyboard does the work: ↑ ↓ Page Up/Down Home End move,
// Enter opens the item (or folds a group), Space toggles done, 1–5 set the status (3, blocked,
// asks for the reason).
import { memo, useCallback, type KeyboardEvent, type MouseEvent } from 'react';
import { ITEM_STATUS, ITEM_STATUS_LABEL, offsetLabel, type ChecklistItem, type ItemStatus } from '../../shared/checklists';
import type { ItemMarks } from '../../shared/contract';
import { daysBetween } from '../../shared/dates';
import { snippetText } from '../../shared/snippet';
import { VirtualRows, type RowKeys } from '../table/VirtualRows';
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
  const keyOf = useCallback((i: number) => entries[i]?.key ?? String(i), [entries]);
  const indexOf = useCallback((key: string) => entries.findIndex((e) => e.key === key), [entries]);

  const onRowKey = useCallback(
    (e: KeyboardEvent<HTMLElement>, index: number, keys: RowKeys) => {
      const entry = entries[index];
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
        keys.keepFocus();
        onStatus(item, item.status === 'done' ? 'todo' : 'done');
      } else if (STATUS_BY_KEY[e.key]) {
        e.preventDefault();
        keys.keepFocus();
        onStatus(item, STATUS_BY_KEY[e.key]!);
      }
    },
    [entries, onOpen, onStatus, onToggleGroup],
  );

  const template = showContext ? '36px minmax(220px, 1.4fr) minmax(200px, 1fr) 190px 142px' : '36px minmax(220px, 1fr) 170px 190px 142px';

  return (
    <VirtualRows
      className="item-list"
      label={label}
      count={entries.length}
      rowHeight={ITEM_HEIGHT}
      heightOf={(i) => (entries[i]?.kind === 'group' ? GROUP_HEIGHT : ITEM_HEIGHT)}
      headerHeight={HEADER_HEIGHT}
      minWidth={showContext ? 800 : 740}
      describedBy={legendId}
      resetKey={resetKey}
      keyOf={keyOf}
      indexOf={indexOf}
      onRowKey={onRowKey}
      header={
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
      }
      renderRow={({ index, top, tabbable }) => {
        const entry = entries[index]!;
        return entry.kind === 'group' ? (
          <GroupRow entry={entry} index={index} top={top} tabbable={tabbable} onToggle={onToggleGroup} />
        ) : (
          <ItemRow
            item={entry.item}
            index={index}
            top={top}
            template={template}
            owner={entry.item.ownerId ? labels[entry.item.ownerId] : undefined}
            mark={marks?.[entry.item.id]}
            today={today}
            showContext={!!showContext}
            tabbable={tabbable}
            onOpen={onOpen}
            onStatus={onStatus}
          />
        );
      }}
    />
  );
}

interface GroupRowProps {
  entry: Extract<ListEntry, { kind: 'group' }>;
  index: number;
  top: number;
  tabbable: boolean;
  onToggle?(key: string): void;
}

const GroupRow = memo(function GroupRow({ entry, index, top, tabbable, onToggle }: GroupRowProps) {
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
  onOpen(item: ListItem): void;
  onStatus(item: ListItem, status: ItemStatus): void;
}

const stop = (e: MouseEvent) => e.stopPropagation();

const ItemRow = memo(function ItemRow({ item, index, top, template, owner, mark, today, showContext, tabbable, onOpen, onStatus }: ItemRowProps) {
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

