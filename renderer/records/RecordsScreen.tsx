// One kind of record as a filterable, sortable, virtualized table with its add, edit and delete
// dialogs: a vendor's processes, repositories, licences and documents, and the people.
// The record being edited lives in the URL (?open=ID), so search results can jump straight to it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { enumLabel } from '../../shared/enums';
import { KIND_LABEL, TITLE_FIELD, kindNouns, type RecordKind } from '../../shared/records';
import { useDebounced } from '../app/useDebounced';
import { useApiWith } from '../data/useApi';
import { RecordDialog } from '../forms/RecordDialog';
import { plural } from '../format';
import { columnsFor, enumFilters } from '../table/columns';
import { TABLE_LAYOUT } from '../table/tableLayouts';
import type { Sort } from '../table/types';
import { usePagedRows } from '../table/usePagedRows';
import { VirtualTable } from '../table/VirtualTable';
import { ImportSheetButton } from '../sheets/ImportSheetButton';
import { EmptyState } from '../ui/EmptyState';
import { toastError } from '../ui/toasts';
import { loadForEdit } from './loadForEdit';
import { recordApi } from './recordApi';
import { useDeleteWithUndo } from './useDeleteWithUndo';

interface Props {
  kind: RecordKind;
  vendorId?: string;
  /** The record whose edit dialog is open (from the URL). */
  openId: string | null;
  onOpenChange(id: string | null): void;
  /** What the empty table says to do next. */
  emptyText: ReactNode;
  /** Fields shown as columns besides those the schema marks. */
  extraColumns?: string[];
  /** Actions of this kind's screen beside the import and New buttons (the Data tab's deletion letter). */
  actions?: ReactNode;
}

export function RecordsScreen({ kind, vendorId, openId, onOpenChange, emptyText, extraColumns, actions }: Props) {
  const { one, many } = KIND_LABEL[kind];
  // What a count or a match is made of ("6 infrastructure items"); `many` names the list itself.
  const nouns = kindNouns(kind);
  const [filterText, setFilterText] = useState('');
  const filter = useDebounced(filterText.trim(), 150);
  const [where, setWhere] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<Sort>(TABLE_LAYOUT[kind]?.defaultSort ?? { field: TITLE_FIELD[kind], dir: 'asc' });
  const [creating, setCreating] = useState(false);
  const [columns] = useState(() => columnsFor(kind, extraColumns));
  const [filters] = useState(() => enumFilters(kind));

  const listInput = { vendorId, filter: filter || undefined, where: Object.keys(where).length ? where : undefined, sort: sort.field, dir: sort.dir };
  // Scrolling and the selection start over when the table shows another query.
  const tableKey = JSON.stringify({ kind, ...listInput });
  const rows = usePagedRows(`${kind}.list`, listInput, (offset, limit) => recordApi(kind).list({ ...listInput, offset, limit }));

  const editing = useApiWith(`${kind}.get`, openId ? { id: openId } : null, 'edit', () => loadForEdit(kind, openId!, rows.labels));
  useEffect(() => {
    if (editing.error) {
      toastError(editing.error);
      onOpenChange(null);
    }
  }, [editing.error, onOpenChange]);

  const { askDelete, deleteDialog } = useDeleteWithUndo(kind, (deleted) => {
    if (deleted.id === openId) onOpenChange(null);
  });

  const filtered = filter !== '' || Object.keys(where).length > 0;
  const clearFilters = () => {
    setFilterText('');
    setWhere({});
  };
  const total = rows.total;
  const openRecord = openId && editing.data?.record.id === openId ? editing.data : null;

  // When a record's dialog closes (saved, cancelled, deleted) and focus has nowhere to return to —
  // the dialog was opened from a link on another tab, or its record is gone — keyboard users land
  // on the table's current row (or the New button) instead of the page's body.
  const screenRef = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (openId) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const frame = requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const screen = screenRef.current;
      const target = screen?.querySelector<HTMLElement>('[role="row"][tabindex="0"]') ?? screen?.querySelector<HTMLElement>('.toolbar .button-primary');
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [openId]);

  return (
    <div className="records-screen" ref={screenRef}>
      <div className="toolbar">
        <input
          type="search"
          className="input toolbar-filter"
          aria-label={`Filter ${many.toLowerCase()}`}
          placeholder={`Filter ${many.toLowerCase()}…`}
          value={filterText}
          onChange={(e) => setFilterText(e.target.value)}
        />
        {filters.map((f) => (
          <select
            key={f.field}
            className="input select toolbar-select"
            aria-label={`Filter by ${f.label.toLowerCase()}`}
            value={where[f.field] ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              setWhere((w) => {
                const next = { ...w };
                if (value) next[f.field] = value;
                else delete next[f.field];
                return next;
              });
            }}
          >
            <option value="">{f.label}: all</option>
            {f.options.map((o) => (
              <option key={o} value={o}>
                {f.label}: {enumLabel(o)}
              </option>
            ))}
          </select>
        ))}
        {filtered && (
          <button type="button" className="button button-quiet" onClick={clearFilters}>
            Clear filters
          </button>
        )}
        <div className="toolbar-end">
          <span className="toolbar-count muted" role="status">
            {total === null ? 'Loading…' : plural(total, nouns.one, nouns.many)}
          </span>
          {actions}
          <ImportSheetButton kind={kind} vendorId={vendorId} />
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New {one.toLowerCase()}
          </button>
        </div>
      </div>

      {rows.error && (
        <div className="form-alert" role="alert">
          Could not load the {many.toLowerCase()}: {rows.error.message}
        </div>
      )}

      {total === 0 && !rows.showingOldQuery ? (
        filtered ? (
          <EmptyState
            title={`No ${nouns.many} match these filters`}
            actions={
              <button type="button" className="button" onClick={clearFilters}>
                Show all {nouns.many}
              </button>
            }
          />
        ) : (
          <EmptyState
            title={`No ${many.toLowerCase()} yet`}
            actions={
              <>
                <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                  Add the first {one.toLowerCase()}
                </button>
                <ImportSheetButton kind={kind} vendorId={vendorId} label={`Import ${many.toLowerCase()} from a spreadsheet`} />
              </>
            }
          >
            {emptyText}
          </EmptyState>
        )
      ) : (
        <VirtualTable
          label={many}
          columns={columns}
          rows={rows}
          sort={sort}
          onSortChange={setSort}
          onOpen={(row) => onOpenChange(row.id)}
          onDelete={askDelete}
          resetKey={tableKey}
        />
      )}

      {creating && <RecordDialog key="new" kind={kind} record={null} labels={{}} vendorId={vendorId} onClose={() => setCreating(false)} />}
      {openRecord && (
        <RecordDialog
          key={`${openRecord.record.id}@${openRecord.record.updatedAt}`}
          kind={kind}
          record={openRecord.record}
          labels={openRecord.labels}
          vendorId={vendorId ?? (openRecord.record.vendorId as string | undefined)}
          onClose={() => onOpenChange(null)}
          onDelete={askDelete}
        />
      )}
      {deleteDialog}
    </div>
  );
}
