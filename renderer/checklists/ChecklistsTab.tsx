// A vendor's checklists: start one from a template, switch between them, and work through the
// items of the one shown (ChecklistView). The checklist shown and the item open live in the URL
// (?checklist=…&open=…), so links from red flags, deadlines and My tasks land on the item.
import { useState } from 'react';
import { navigate } from '../app/router';
import { useApi } from '../data/useApi';
import type { AnyRecord } from '../records/recordApi';
import { EmptyState } from '../ui/EmptyState';
import { ChecklistView } from './ChecklistView';
import { lastShown } from './lastShown';
import { StartChecklistDialog } from './StartChecklistDialog';

interface Props {
  vendor: AnyRecord;
  checklistId: string | null;
  openItemId: string | null;
  processCount: number | undefined;
}

export function ChecklistsTab({ vendor, checklistId, openItemId, processCount }: Props) {
  const vendorId = vendor.id;
  const vendorName = String(vendor.name ?? '');
  const lists = useApi('checklist.list', { vendorId });
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
