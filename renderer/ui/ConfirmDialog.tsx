import { useState, type ReactNode } from 'react';
import { AppDialog } from './Dialog';

interface Props {
  title: string;
  isOpen: boolean;
  confirmLabel: string;
  onConfirm(): Promise<void> | void;
  onClose(): void;
  children?: ReactNode;
  danger?: boolean;
}

/** Asks before a destructive step. Focus starts on Cancel so a stray Enter changes nothing. */
export function ConfirmDialog({ title, isOpen, confirmLabel, onConfirm, onClose, children, danger = true }: Props) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <AppDialog
      title={title}
      isOpen={isOpen}
      onClose={onClose}
      size="small"
      role="alertdialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={confirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </AppDialog>
  );
}
