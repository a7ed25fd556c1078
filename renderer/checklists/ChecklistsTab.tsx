// A vendor's checklists: start one from a template, switch between them, and work through the
// items by phase, with filters, keyboard status changes and each item's detail. The checklist
// shown and the item open live in the URL (?checklist=…&open=…), so links from red flags,
// deadlines and My tasks land on the item.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { ITEM_STATUS, ITEM_STATUS_LABEL, offsetLabel, PHASES, type ChecklistItem, type ChecklistWithProgress, type ItemStatus } from '../../shared/checklists';
import { localToday } from '../../shared/dates';
import { api } from '../api';
import { navigate } from '../app/router';
import { dataChanged } from '../app/store';
import { useDebounced } from '../app/useDebounced';
import { useLoad } from '../app/useLoad';
import { useViewer } from '../app/viewer';
import { focusViewingAs } from '../app/ViewingAs';
import { TEAM_SIDE } from '../forms/personSides';
import { RefPicker } from '../forms/RefPicker';
import { formatNumber, plural } from '../format';
import type { AnyRecord } from '../records/recordApi';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { Meter } from '../ui/Meter';
import { NameDialog } from '../ui/NameDialog';
import { toast, toastError } from '../ui/toasts';
import { AddItemDialog } from './AddItemDialog';
import { ItemDetail } from './ItemDetail';
import { ItemList, type ListEntry, type ListItem } from './ItemList';
import { isOverdue } from './items';
import { KeyLegend } from './KeyLegend';
import { StartChecklistDialog } from './StartChecklistDialog';
import { useStatusChange } from './useStatusChange';

/** Items loaded at once: the backend's largest page. A checklist is rarely a tenth of it. */
const MAX_ITEMS = 20000;

/** The checklist last shown per vendor, remembered on this computer: coming back, even after a reload, lands on it again. */
const lastShown = {
  key: (vendorId: string) => `handover.checklist.${vendorId}`,
  get(vendorId: string): string | undefined {
    try {
      return localStorage.getItem(this.key(vendorId)) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(vendorId: string, checklistId: string) {
    try {
      localStorage.setItem(this.key(vendorId), checklistId);
    } catch {
      // Storage full or disabled: the tab then opens on the vendor's first checklist.
    }
  },
};

interface Props {
  vendor: AnyRecord;
  checklistId: string | null;
  openItemId: string | null;
  processCount: number | undefined;
}

export function ChecklistsTab({ vendor, checklistId, openItemId, processCount }: Props) {
  const vendorId = vendor.id;
  const vendorName = String(vendor.name ?? '');
  const lists = useLoad(`checklists:${vendorId}`, () => api['checklist.list']({ vendorId }));
  const [starting, setStarting] = useState(false);

  const go = (checklist: string | null, open: string | null = null) =>
    navigate({ name: 'vendor', vendorId, tab: 'checklists', checklist, open }, { replace: true });

  const startDialog = starting && (
    <StartChecklistDialog
      vendorId={vendorId}
      vendorName={vendorName}
      exitKind={(vendor.exitKind as string | null) ?? null}
      processCount={processCount}
      onClose={(started) => {
        setStarting(false);
        if (started) go(started.id);
      }}
    />
  );

  if (lists.error && !lists.data) {
    return (
      <div className="form-alert" role="alert">
        Could not load the checklists: {lists.error.message}
      </div>
    );
  }
  if (!lists.data) return <p className="muted">Loading the checklists…</p>;
  if (lists.data.length === 0) {
    return (
      <>
        <EmptyState
          title="No checklist yet"
          actions={
            <button type="button" className="button button-primary" onClick={() => setStarting(true)}>
              Start a checklist from a template
            </button>
          }
        >
          A checklist lists everything to do before and after the exit date, phase by phase, with due dates counted from it.
        </EmptyState>
        {startDialog}
      </>
    );
  }

  const wanted = checklistId ?? lastShown.get(vendorId);
  const selected = lists.data.find((c) => c.id === wanted) ?? lists.data[0]!;
  lastShown.set(vendorId, selected.id);
  return (
    <>
      <ChecklistView
        key={selected.id}
        vendor={vendor}
        checklists={lists.data}
        checklist={selected}
        openItemId={openItemId}
        onSwitch={(id, open) => go(id, open)}
        onOpenChange={(open) => go(selected.id, open)}
        onStart={() => setStarting(true)}
      />
      {startDialog}
    </>
  );
}

interface Filters {
  mine: boolean;
  overdue: boolean;
  blocked: boolean;
  owner: { id: string; name: string } | null;
  status: ItemStatus | '';
}

const NO_FILTERS: Filters = { mine: false, overdue: false, blocked: false, owner: null, status: '' };

interface ViewProps {
  vendor: AnyRecord;
  checklists: ChecklistWithProgress[];
  checklist: ChecklistWithProgress;
  openItemId: string | null;
  onSwitch(checklistId: string, openItemId?: string | null): void;
  onOpenChange(itemId: string | null): void;
  onStart(): void;
}

function ChecklistView({ vendor, checklists, checklist, openItemId, onSwitch, onOpenChange, onStart }: ViewProps) {
  const id = useId();
  const vendorId = vendor.id;
  const exitDate = (vendor.exitDate as string | null) ?? null;
  const viewer = useViewer();
  const today = localToday();
  const items = useLoad(`items:${checklist.id}`, () => api['checklist.items']({ checklistId: checklist.id, limit: MAX_ITEMS }));
  // Changes made here show at once; the reload that follows confirms them.
  const [patches, setPatches] = useState<Record<string, ChecklistItem>>({});
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [ownerText, setOwnerText] = useState<string | null>(null);
  // The text filter runs in the backend, through the search index (title, description, evidence
  // note, owner's name); the other filters apply here to the items already loaded.
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const found = useLoad(query ? `items:${checklist.id}:text:${query}` : null, () => api['checklist.items']({ checklistId: checklist.id, text: query, limit: MAX_ITEMS }), {
    keepPrevious: true,
  });
  // Until the first answer arrives, the list stays as it was; later ones replace each other.
  const matched = query && found.data ? found.data : null;
  const matchedIds = useMemo(() => (matched ? new Set(matched.rows.map((r) => r.id)) : null), [matched]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'add' | 'rename' | 'template' | 'delete' | null>(null);
  const [deletingItem, setDeletingItem] = useState<ChecklistItem | null>(null);

  const patch = (item: ChecklistItem) => setPatches((p) => ({ ...p, [item.id]: item }));
  const { change, dialog: blockDialog } = useStatusChange(patch);

  const rows = useMemo(
    () =>
      (items.data?.rows ?? []).map((r) => {
        const p = patches[r.id];
        return p && p.updatedAt > r.updatedAt ? p : r;
      }),
    [items.data, patches],
  );
  const labels = items.data?.labels ?? {};

  const entries = useMemo(() => {
    const ownerId = filters.mine ? viewer?.id : filters.owner?.id;
    const keep = (i: ChecklistItem) =>
      (!filters.mine || (!!viewer && i.ownerId === viewer.id)) &&
      (!ownerId || i.ownerId === ownerId) &&
      (!filters.overdue || isOverdue(i, today)) &&
      (!filters.blocked || i.status === 'blocked') &&
      (!filters.status || i.status === filters.status) &&
      (!matchedIds || matchedIds.has(i.id));
    const byPhase = new Map<number, { all: ChecklistItem[]; shown: ChecklistItem[] }>();
    for (const r of rows) {
      const g = byPhase.get(r.phase) ?? { all: [], shown: [] };
      g.all.push(r);
      if (keep(r)) g.shown.push(r);
      byPhase.set(r.phase, g);
    }
    const out: ListEntry[] = [];
    const filtering = filters.mine || filters.overdue || filters.blocked || !!filters.owner || !!filters.status || !!matchedIds;
    for (const [phase, g] of [...byPhase].sort((a, b) => a[0] - b[0])) {
      if (filtering && g.shown.length === 0) continue;
      const counted = g.all.filter((i) => i.status !== 'not_applicable');
      const offsets = g.all.map((i) => i.offsetDays).filter((o): o is number => o != null);
      const dates = g.all.map((i) => i.dueDate).filter((d): d is string => !!d).sort();
      const detail = dates.length
        ? `${dates[0]} – ${dates[dates.length - 1]}`
        : offsets.length
          ? `${offsetLabel(Math.min(...offsets))} … ${offsetLabel(Math.max(...offsets))}`
          : undefined;
      const isCollapsed = collapsed.has(phase);
      out.push({
        kind: 'group',
        key: `phase:${phase}`,
        label: `${phase}. ${PHASES[phase]?.label ?? `Phase ${phase}`}`,
        done: counted.filter((i) => i.status === 'done').length,
        total: counted.length,
        shown: g.shown.length,
        collapsed: isCollapsed,
        detail,
      });
      if (!isCollapsed) for (const item of g.shown) out.push({ kind: 'item', key: `item:${item.id}`, item });
    }
    return out;
  }, [rows, filters, viewer, today, collapsed, matchedIds]);

  const shownCount = entries.filter((e) => e.kind === 'item').length + entries.reduce((n, e) => n + (e.kind === 'group' && e.collapsed ? e.shown : 0), 0);
  const filtering = filters.mine || filters.overdue || filters.blocked || !!filters.owner || !!filters.status || !!query;
  const clearFilters = () => {
    setFilters(NO_FILTERS);
    setOwnerText(null);
    setText('');
  };

  // The open item: from this checklist, or found in another of the vendor's (a red flag's link).
  const openItem = openItemId ? rows.find((r) => r.id === openItemId) : undefined;
  const looking = !!openItemId && !!items.data && !openItem;
  const nav = useRef({ onSwitch, onOpenChange });
  useLayoutEffect(() => {
    nav.current = { onSwitch, onOpenChange };
  });
  useEffect(() => {
    if (!looking || !openItemId) return;
    let live = true;
    api['checklist.items']({ vendorId, limit: MAX_ITEMS }).then(
      (all) => {
        if (!live) return;
        const found = all.rows.find((r) => r.id === openItemId);
        if (found && found.checklistId !== checklist.id) nav.current.onSwitch(found.checklistId, found.id);
        else if (!found) {
          toast('That item is no longer in the checklist: it may have been deleted.');
          nav.current.onOpenChange(null);
        }
      },
      (e: unknown) => live && toastError(e),
    );
    return () => {
      live = false;
    };
  }, [looking, openItemId, vendorId, checklist.id]);

  const onToggleGroup = (key: string) => {
    const phase = Number(key.split(':')[1]);
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(phase)) next.delete(phase);
      else next.add(phase);
      return next;
    });
  };

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const deleteItem = async () => {
    const item = deletingItem!;
    try {
      await api['checklist.deleteItem']({ id: item.id });
    } catch (e) {
      toastError(e);
      return;
    }
    setDeletingItem(null);
    if (openItemId === item.id) onOpenChange(null);
    dataChanged();
    toast(`Item “${item.title}” deleted`, {
      label: 'Undo',
      run: async () => {
        try {
          await api['checklist.restoreItem']({ id: item.id });
          dataChanged();
          toast(`Item “${item.title}” restored`);
        } catch (e) {
          toastError(e);
        }
      },
    });
  };

  const deleteChecklist = async () => {
    try {
      await api['checklist.delete']({ id: checklist.id });
    } catch (e) {
      toastError(e);
      return;
    }
    setDialog(null);
    const next = checklists.find((c) => c.id !== checklist.id);
    onSwitch(next?.id ?? '', null);
    dataChanged();
    toast(`Checklist “${checklist.name}” deleted`, {
      label: 'Undo',
      run: async () => {
        try {
          await api['checklist.restore']({ id: checklist.id });
          dataChanged();
          onSwitch(checklist.id, null);
        } catch (e) {
          toastError(e);
        }
      },
    });
  };

  const legendId = `${id}-legend`;
  const total = items.data?.total ?? checklist.total;

  return (
    <div className="checklist-view">
      <div className="checklist-bar">
        <div className="checklist-picker">
          <label htmlFor={`${id}-checklist`} className="field-label">
            Checklist
          </label>
          <select id={`${id}-checklist`} className="input select" value={checklist.id} onChange={(e) => onSwitch(e.target.value, null)}>
            {checklists.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.done}/{c.total} done
              </option>
            ))}
          </select>
        </div>
        <div className="checklist-progress">
          <Meter value={checklist.done} max={Math.max(1, checklist.total)} label={`${checklist.name} progress`} valueText={`${checklist.done} of ${checklist.total} done`} tone={checklist.total > 0 && checklist.done === checklist.total ? 'green' : 'accent'} />
          <span className="checklist-progress-text">
            {formatNumber(checklist.done)} of {formatNumber(checklist.total)} done
            {checklist.overdue > 0 && <span className="text-danger"> · {formatNumber(checklist.overdue)} overdue</span>}
            {checklist.blocked > 0 && <span className="text-warning"> · {formatNumber(checklist.blocked)} blocked</span>}
          </span>
        </div>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => setDialog('add')}>
          Add item
        </button>
        <button type="button" className="button" onClick={onStart}>
          Start a checklist
        </button>
        <MenuTrigger>
          <Button className="button" aria-label="More checklist actions">
            More <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="popover" placement="bottom end">
            <Menu className="listbox menu" onAction={(key) => setDialog(key as 'rename' | 'template' | 'delete')}>
              <MenuItem id="rename" className="listbox-item">
                Rename checklist…
              </MenuItem>
              <MenuItem id="template" className="listbox-item">
                Save as template…
              </MenuItem>
              <MenuItem id="delete" className="listbox-item menu-danger">
                Delete checklist…
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>

      <div className="toolbar" role="group" aria-label="Filter items">
        <input
          type="search"
          className="input toolbar-filter"
          aria-label="Filter items by text"
          placeholder="Filter items…"
          title="Words in the title, description, evidence note or owner’s name"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="button"
          className="button toggle"
          aria-pressed={filters.mine}
          title={viewer ? `Items owned by ${viewer.name}` : 'Choose who you are under “Viewing as” first'}
          onClick={() => (viewer ? setFilter('mine', !filters.mine) : focusViewingAs())}
        >
          Mine{viewer ? '' : '…'}
        </button>
        <button type="button" className="button toggle" aria-pressed={filters.overdue} onClick={() => setFilter('overdue', !filters.overdue)}>
          Overdue
        </button>
        <button type="button" className="button toggle" aria-pressed={filters.blocked} onClick={() => setFilter('blocked', !filters.blocked)}>
          Blocked
        </button>
        <div className="toolbar-picker">
          <RefPicker
            kind="person"
            prefer={TEAM_SIDE}
            label="Owner"
            value={filters.owner?.id ?? ''}
            valueLabel={filters.owner?.name ?? ''}
            inputValue={ownerText ?? filters.owner?.name ?? ''}
            onInputChange={setOwnerText}
            onChange={(pid, name) => {
              setFilter('owner', pid ? { id: pid, name } : null);
              setOwnerText(null);
            }}
          />
        </div>
        <select className="input select toolbar-select" aria-label="Filter by status" value={filters.status} onChange={(e) => setFilter('status', e.target.value as ItemStatus | '')}>
          <option value="">Status: all</option>
          {ITEM_STATUS.map((s) => (
            <option key={s} value={s}>
              Status: {ITEM_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        {filtering && (
          <button type="button" className="button button-quiet" onClick={clearFilters}>
            Clear filters
          </button>
        )}
        <span className="spacer" />
        <span className="toolbar-count muted" role="status">
          {!items.data || (query && !matched) ? 'Loading…' : filtering ? `${formatNumber(shownCount)} of ${plural(total, 'item', 'items')}` : plural(total, 'item', 'items')}
        </span>
      </div>
      <KeyLegend id={legendId} />

      {items.error && (
        <div className="form-alert" role="alert">
          Could not load the items: {items.error.message}
        </div>
      )}
      {query && found.error && (
        <div className="form-alert" role="alert">
          Could not filter the items: {found.error.message}
        </div>
      )}
      {items.data && items.data.total > items.data.rows.length && (
        <p className="field-hint">Showing the first {formatNumber(items.data.rows.length)} items of {formatNumber(items.data.total)}.</p>
      )}
      {items.data && rows.length === 0 ? (
        <EmptyState
          title="This checklist has no items"
          actions={
            <button type="button" className="button button-primary" onClick={() => setDialog('add')}>
              Add an item
            </button>
          }
        />
      ) : items.data && entries.length === 0 ? (
        <EmptyState
          title="No items match these filters"
          actions={
            <button type="button" className="button" onClick={clearFilters}>
              Show all items
            </button>
          }
        >
          {filters.mine && viewer ? `Nothing here is owned by ${viewer.name} with these filters.` : query ? `No item mentions “${query}” in its title, description, evidence note or owner.` : undefined}
        </EmptyState>
      ) : (
        <ItemList
          label={`Items of ${checklist.name}`}
          entries={entries}
          labels={labels}
          today={today}
          onOpen={(item: ListItem) => onOpenChange(item.id)}
          onStatus={(item, status) => void change(item, status)}
          onToggleGroup={onToggleGroup}
          legendId={legendId}
          marks={matched?.marks}
          resetKey={`${checklist.id}:${JSON.stringify(filters)}:${query}`}
        />
      )}

      {openItem && (
        <ItemDetail
          key={openItem.id}
          item={openItem}
          labels={labels}
          exitDate={exitDate}
          checklistName={checklist.name}
          onClose={() => onOpenChange(null)}
          onDelete={setDeletingItem}
        />
      )}
      {blockDialog}
      {dialog === 'add' && <AddItemDialog checklistId={checklist.id} exitDate={exitDate} onClose={() => setDialog(null)} onAdded={(item) => onOpenChange(item.id)} />}
      {dialog === 'rename' && (
        <NameDialog
          title="Rename checklist"
          label="Name"
          initial={checklist.name}
          confirmLabel="Rename"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            await api['checklist.rename']({ id: checklist.id, name });
            dataChanged();
            setDialog(null);
            toast(`Checklist renamed to “${name}”`);
          }}
        />
      )}
      {dialog === 'template' && (
        <NameDialog
          title="Save as template"
          label="Template name"
          initial={`${checklist.name} (${String(vendor.name ?? '')})`}
          confirmLabel="Save template"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            const t = await api['template.fromChecklist']({ checklistId: checklist.id, name });
            dataChanged();
            setDialog(null);
            toast(`Template “${t.name}” saved with ${plural(t.items.length, 'item', 'items')}`, { label: 'Open', run: () => navigate({ name: 'templates', id: t.id }) });
          }}
        >
          <p className="muted">
            The items, their phases, offsets from T and owner roles become a template of your own. Knowledge-transfer items become one per-process item again.
          </p>
        </NameDialog>
      )}
      <ConfirmDialog isOpen={dialog === 'delete'} title="Delete checklist?" confirmLabel="Delete checklist" onClose={() => setDialog(null)} onConfirm={deleteChecklist}>
        <p>
          “{checklist.name}” and its {plural(checklist.total, 'item', 'items')} will be deleted. You can undo this right after.
        </p>
      </ConfirmDialog>
      <ConfirmDialog isOpen={!!deletingItem} title="Delete item?" confirmLabel="Delete" onClose={() => setDeletingItem(null)} onConfirm={deleteItem}>
        <p>“{deletingItem?.title}” will be deleted. You can undo this right after.</p>
      </ConfirmDialog>
    </div>
  );
}
