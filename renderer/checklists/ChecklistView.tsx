// One checklist of a vendor: its bar, the filters, the key legend, the items by phase as the
// backend query answers them (filtered and grouped there), the open item's detail and the dialogs.
import { useId, useMemo, useState } from 'react';
import type { ChecklistItem, ChecklistWithProgress } from '../../shared/checklists';
import type { ItemQueryResult } from '../../shared/contract';
import { localToday } from '../../shared/dates';
import { useDebounced } from '../app/useDebounced';
import { useViewer } from '../app/viewer';
import { useApi } from '../data/useApi';
import { formatNumber, plural } from '../format';
import type { AnyRecord } from '../records/recordApi';
import { EmptyState } from '../ui/EmptyState';
import { AddItemDialog } from './AddItemDialog';
import { ChecklistBar, type ChecklistAction } from './ChecklistBar';
import { ChecklistDialogs } from './ChecklistDialogs';
import { isFiltering, itemQuery, NO_FILTERS, type Filters } from './itemFilters';
import { ItemDetail } from './ItemDetail';
import { ItemFilterBar } from './ItemFilterBar';
import { ItemList, type ListItem } from './ItemList';
import { KeyLegend } from './KeyLegend';
import { phaseEntries } from './phaseEntries';
import { useOpenItem } from './useOpenItem';
import { useStatusChange } from './useStatusChange';

/** The answer to filters that cannot match anything (nothing is asked). */
const NOTHING: ItemQueryResult = { rows: [], total: 0, labels: {}, groups: [] };

interface Props {
  vendor: AnyRecord;
  checklists: ChecklistWithProgress[];
  checklist: ChecklistWithProgress;
  openItemId: string | null;
  onSwitch(checklistId: string, openItemId?: string | null): void;
  onOpenChange(itemId: string | null): void;
  onStart(): void;
}

export function ChecklistView({ vendor, checklists, checklist, openItemId, onSwitch, onOpenChange, onStart }: Props) {
  const id = useId();
  const exitDate = (vendor.exitDate as string | null) ?? null;
  const viewer = useViewer();
  const today = localToday();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [text, setText] = useState('');
  const words = useDebounced(text.trim(), 150);
  const query = itemQuery(checklist.id, filters, words, viewer?.id);
  // Until a new query's answer arrives, the list shows the last one (no blank list while typing).
  const items = useApi('checklist.items', query, { keepPrevious: true });
  // The whole checklist's count, for "12 of 40 items" and to tell an empty checklist from an empty filter.
  const all = useApi('checklist.items', { checklistId: checklist.id, limit: 1 });
  // Changes made here show at once; the answer to the refetch their change event causes confirms them.
  const [patches, setPatches] = useState<Record<string, ChecklistItem>>({});
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<ChecklistAction | 'add' | null>(null);
  const [deletingItem, setDeletingItem] = useState<ChecklistItem | null>(null);
  const { change, dialog: blockDialog } = useStatusChange((item) => setPatches((p) => ({ ...p, [item.id]: item })));

  const answer = query ? items.data : NOTHING;
  const rows = useMemo(
    () =>
      answer?.rows.map((r) => {
        const p = patches[r.id];
        return p && p.updatedAt > r.updatedAt ? p : r;
      }),
    [answer, patches],
  );
  const entries = useMemo(() => phaseEntries(answer?.groups ?? [], rows ?? [], collapsed), [answer, rows, collapsed]);
  const open = useOpenItem({
    openItemId,
    vendorId: vendor.id,
    checklistId: checklist.id,
    rows,
    labels: answer?.labels ?? {},
    onSwitch,
    onClose: () => onOpenChange(null),
  });

  const filtering = isFiltering(filters, words);
  const total = all.data?.total ?? checklist.total;
  const shownCount = answer?.total ?? 0;
  const loading = !answer || (query !== null && items.loading && !!words);
  const clearFilters = () => {
    setFilters(NO_FILTERS);
    setText('');
  };
  const onToggleGroup = (key: string) => {
    const phase = Number(key.split(':')[1]);
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(phase)) next.delete(phase);
      else next.add(phase);
      return next;
    });
  };
  const legendId = `${id}-legend`;

  return (
    <div className="checklist-view">
      <ChecklistBar
        checklists={checklists}
        checklist={checklist}
        onSwitch={(cid) => onSwitch(cid, null)}
        onAdd={() => setDialog('add')}
        onStart={onStart}
        onAction={setDialog}
      />
      <ItemFilterBar
        filters={filters}
        text={text}
        filtering={filtering}
        countText={loading ? 'Loading…' : filtering ? `${formatNumber(shownCount)} of ${plural(total, 'item', 'items')}` : plural(total, 'item', 'items')}
        onFilters={setFilters}
        onText={setText}
        onClear={clearFilters}
      />
      <KeyLegend id={legendId} />

      {items.error && (
        <div className="form-alert" role="alert">
          Could not load the items: {items.error.message}
        </div>
      )}
      {answer && answer.total > answer.rows.length && (
        <p className="field-hint">Showing the first {formatNumber(answer.rows.length)} items of {formatNumber(answer.total)}.</p>
      )}
      {all.data && all.data.total === 0 ? (
        <EmptyState
          title="This checklist has no items"
          actions={
            <button type="button" className="button button-primary" onClick={() => setDialog('add')}>
              Add an item
            </button>
          }
        />
      ) : answer && entries.length === 0 ? (
        <EmptyState
          title="No items match these filters"
          actions={
            <button type="button" className="button" onClick={clearFilters}>
              Show all items
            </button>
          }
        >
          {filters.mine && viewer ? `Nothing here is owned by ${viewer.name} with these filters.` : words ? `No item mentions “${words}” in its title, description, evidence note or owner.` : undefined}
        </EmptyState>
      ) : (
        <ItemList
          label={`Items of ${checklist.name}`}
          entries={entries}
          labels={answer?.labels ?? {}}
          today={today}
          onOpen={(item: ListItem) => onOpenChange(item.id)}
          onStatus={(item, status) => void change(item, status)}
          onToggleGroup={onToggleGroup}
          legendId={legendId}
          marks={answer?.marks}
          resetKey={`${checklist.id}:${JSON.stringify(filters)}:${words}`}
        />
      )}

      {open.item && (
        <ItemDetail
          key={open.item.id}
          item={open.item}
          labels={open.labels}
          exitDate={exitDate}
          checklistName={checklist.name}
          onClose={() => onOpenChange(null)}
          onDelete={setDeletingItem}
        />
      )}
      {blockDialog}
      {dialog === 'add' && <AddItemDialog checklistId={checklist.id} exitDate={exitDate} onClose={() => setDialog(null)} onAdded={(item) => onOpenChange(item.id)} />}
      <ChecklistDialogs
        vendorName={String(vendor.name ?? '')}
        checklists={checklists}
        checklist={checklist}
        dialog={dialog === 'add' ? null : dialog}
        onDialog={setDialog}
        deletingItem={deletingItem}
        onDeletingItem={setDeletingItem}
        onItemGone={(item) => {
          if (openItemId === item.id) onOpenChange(null);
        }}
        onSwitch={(cid) => onSwitch(cid, null)}
      />
    </div>
  );
}
