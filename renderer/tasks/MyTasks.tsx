// Everything one person owns across every vendor's checklists: overdue first, then by due date.
// The person is the one chosen under "Viewing as" (remembered); the status changes in place and
// each item opens in its vendor's checklist.
import { useId, useMemo, useState } from 'react';
import type { ChecklistItem, TaskRow } from '../../shared/checklists';
import { localToday } from '../../shared/dates';
import { navigate, routeOfItem } from '../app/router';
import { useApi } from '../data/useApi';
import { useViewer } from '../app/viewer';
import { ViewingAs } from '../app/ViewingAs';
import { ItemList, type ListEntry } from '../checklists/ItemList';
import { KeyLegend } from '../checklists/KeyLegend';
import { useStatusChange } from '../checklists/useStatusChange';
import { formatNumber } from '../format';
import { ExportCalendarButton } from '../calendar/ExportCalendarButton';
import { EmptyState } from '../ui/EmptyState';

export function MyTasks() {
  const id = useId();
  const viewer = useViewer();
  const today = localToday();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [patches, setPatches] = useState<Record<string, ChecklistItem>>({});
  const tasks = useApi('checklist.myTasks', viewer ? { personId: viewer.id, includeClosed } : null);
  const { change, dialog } = useStatusChange((item) => setPatches((p) => ({ ...p, [item.id]: item })));

  const { rows, entries } = useMemo(() => {
    const groups: { key: string; label: string; items: TaskRow[] }[] = [
      { key: 'overdue', label: 'Overdue', items: [] },
      { key: 'open', label: 'Open', items: [] },
      { key: 'closed', label: 'Done or not applicable', items: [] },
    ];
    const all: TaskRow[] = [];
    for (const t of tasks.data ?? []) {
      // Grouped by what the backend said; a change made here shows at once, the reload regroups.
      const p = patches[t.id];
      const row = p && p.updatedAt > t.updatedAt ? { ...t, ...p, overdue: t.overdue } : t;
      all.push(row);
      groups[t.status === 'done' || t.status === 'not_applicable' ? 2 : t.overdue ? 0 : 1]!.items.push(row);
    }
    const out: ListEntry[] = [];
    for (const g of groups) {
      if (g.items.length === 0) continue;
      const isCollapsed = collapsed.has(g.key);
      out.push({ kind: 'group', key: g.key, label: g.label, done: 0, total: 0, shown: g.items.length, collapsed: isCollapsed });
      if (!isCollapsed) for (const item of g.items) out.push({ kind: 'item', key: `item:${item.id}`, item });
    }
    return { rows: all, entries: out };
  }, [tasks.data, patches, collapsed]);

  const overdue = rows.filter((r) => r.overdue).length;
  const legendId = `${id}-legend`;

  return (
    <div className="page page-workspace">
      <header className="page-header">
        <h1>My tasks</h1>
        {viewer && tasks.data && (
          <span className="muted page-summary">
            {formatNumber(rows.length)} item{rows.length === 1 ? '' : 's'}
            {overdue > 0 && <span className="text-danger"> · {formatNumber(overdue)} overdue</span>}
          </span>
        )}
      </header>
      <div className="toolbar">
        <div className="toolbar-picker">
          <ViewingAs label="Tasks of" />
        </div>
        <button type="button" className="button toggle" aria-pressed={includeClosed} onClick={() => setIncludeClosed((v) => !v)}>
          Show done
        </button>
        {/* The viewing-as person's deadlines: their items' due dates, and the contract and licence dates of vendors they are our contact for. */}
        {viewer && <ExportCalendarButton label="My tasks as calendar" personId={viewer.id} />}
      </div>
      {!viewer ? (
        <EmptyState title="Whose tasks?">Pick yourself under “Tasks of” to see the checklist items you own across every vendor. The choice is remembered on this computer.</EmptyState>
      ) : tasks.error ? (
        <div className="form-alert" role="alert">
          Could not load the tasks: {tasks.error.message}
        </div>
      ) : tasks.data && rows.length === 0 ? (
        <EmptyState title={`Nothing ${includeClosed ? '' : 'open '}for ${viewer.name}`}>
          Items are assigned in a vendor&apos;s Checklists tab: open an item and choose its owner.
        </EmptyState>
      ) : (
        <>
          <KeyLegend id={legendId} />
          <ItemList
            label={`Tasks of ${viewer.name}`}
            entries={entries}
            labels={{ [viewer.id]: viewer.name }}
            today={today}
            showContext
            onOpen={(item) => navigate(routeOfItem(item))}
            onStatus={(item, status) => void change(item, status)}
            onToggleGroup={(key) =>
              setCollapsed((c) => {
                const next = new Set(c);
                if (next.has(key)) next.delete(key);
                else next.add(key);
                return next;
              })
            }
            legendId={legendId}
            resetKey={`${viewer.id}:${includeClosed}`}
          />
        </>
      )}
      {dialog}
    </div>
  );
}
