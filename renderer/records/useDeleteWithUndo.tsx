// Deleting a record: ask first, then delete, then offer Undo for a while (the backend keeps a
// tombstone, so `<kind>.restore` brings the record back as it was). A person is asked about
// differently: the dialog first shows what they own and offers to hand it to someone else.
import { useState } from 'react';
import { KIND_LABEL, type RecordKind } from '../../shared/records';
import { plural } from '../format';
import { DeletePersonDialog } from '../people/DeletePersonDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { toast, toastError } from '../ui/toasts';
import { recordApi, type AnyRecord } from './recordApi';
import { titleOf } from './titleOf';

export function useDeleteWithUndo(kind: RecordKind, onDeleted?: (record: AnyRecord) => void) {
  const [target, setTarget] = useState<AnyRecord | null>(null);
  const one = KIND_LABEL[kind].one;

  const gone = (record: AnyRecord) => {
    setTarget(null);
    onDeleted?.(record);
  };

  const confirm = async () => {
    const record = target!;
    const records = recordApi(kind);
    try {
      await records.delete(record.id);
    } catch (e) {
      toastError(e);
      return;
    }
    gone(record);
    toast(`${one} “${titleOf(kind, record)}” deleted`, {
      label: 'Undo',
      run: async () => {
        try {
          await records.restore(record.id);
          toast(`${one} “${titleOf(kind, record)}” restored`);
        } catch (e) {
          toastError(e);
        }
      },
    });
  };

  const dialog =
    kind === 'person' ? (
      <DeletePersonDialog
        key={target?.id ?? ''}
        person={target}
        onClose={() => setTarget(null)}
        onDelete={confirm}
        onHandedOver={(record, result, toName) => {
          gone(record);
          // No Undo here: restoring the person would not take the records back from the new owner.
          toast(`Handed over ${plural(result.handedOver, 'reference', 'references')} to ${toName}; “${titleOf(kind, record)}” deleted`);
        }}
      />
    ) : (
      <ConfirmDialog isOpen={!!target} title={`Delete ${one.toLowerCase()}?`} confirmLabel="Delete" onClose={() => setTarget(null)} onConfirm={confirm}>
        <p>“{titleOf(kind, target)}” will be deleted. You can undo this right after.</p>
      </ConfirmDialog>
    );

  return { askDelete: setTarget, deleteDialog: dialog };
}
