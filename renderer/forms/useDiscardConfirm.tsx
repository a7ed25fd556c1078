// Closing a dialog with unsaved work asks first: typing is work too. One pattern for every dialog
// that edits (a record's, a checklist item's): its Cancel, × and Escape all go through requestClose.
import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

interface Options {
  /** What would be lost ("You changed 2 fields"), or null when nothing would. */
  unsaved: string | null;
  /** Closes the dialog; `discarded` is true when the user chose to throw the edits away. */
  onClose(discarded: boolean): void;
}

export function useDiscardConfirm({ unsaved, onClose }: Options) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (unsaved) setAsking(true);
    else onClose(false);
  };
  const discardDialog = (
    <ConfirmDialog title="Discard your changes?" isOpen={asking} confirmLabel="Discard changes" onConfirm={() => onClose(true)} onClose={() => setAsking(false)}>
      <p>{unsaved} and have not saved. Keep editing, or discard the changes.</p>
    </ConfirmDialog>
  );
  return { requestClose, discardDialog };
}

/** "You changed 3 fields", for the question above. */
export const changedFieldsText = (n: number) => `You changed ${n} field${n === 1 ? '' : 's'}`;
