// Deleting a record: ask first, then delete, then offer Undo for a while (the backend keeps a
// tombstone, so `<kind>.restore` brings the record back as it was).
import { useState } from 'react';
import { KIND_LABEL, type RecordKind } from '../../shared/records';
import { dataChanged } from '../app/store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { toast, toastError } from '../ui/toasts';
import { recordApi, type AnyRecord } from './recordApi';
import { titleOf } from './titleOf';

export function useDeleteWithUndo(kind: RecordKind, onDeleted?: (record: AnyRecord) => void) {
  const [target, setTarget] = useState<AnyRecord | null>(null);
  const one = KIND_LABEL[kind].one;

  const confirm = async () => {
    const record = target!;
    const records = recordApi(kind);
    try {
      await records.delete(record.id);
    } catch (e) {
      toastError(e);
      return;
    }
    setTarget(null);
    onDeleted?.(record);
    dataChanged();
    toast(`${one} “${titleOf(kind, record)}” deleted`, {
      label: 'Undo',
      run: async () => {
        try {
          await records.restore(record.id);
          dataChanged();
          toast(`${one} “${titleOf(kind, record)}” restored`);
        } catch (e) {
          toastError(e);
        }
      },
    });
  };

  const dialog = (
    <ConfirmDialog
      isOpen={!!target}
      title={`Delete ${one.toLowerCase()}?`}
      confirmLabel="Delete"
      onClose={() => setTarget(null)}
      onConfirm={confirm}
    >
      <p>
        “{titleOf(kind, target)}” will be deleted. You can undo this right after.
      </p>
    </ConfirmDialog>
  );

  return { askDelete: setTarget, deleteDialog: dialog };
}
