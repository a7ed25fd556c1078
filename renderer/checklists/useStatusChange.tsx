// Changing an item's status from a list (a click, a key): blocking asks what the item waits for,
// since a blocked item without a reason helps nobody; the rest change at once.
import { useId, useState, type FormEvent } from 'react';
import { ITEM_STATUS_LABEL, type ChecklistItem, type ItemStatus } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { changeItem } from './items';

type Item = Pick<ChecklistItem, 'id' | 'title' | 'status' | 'blockedReason'>;

export function useStatusChange(onChanged?: (item: ChecklistItem) => void) {
  const [blocking, setBlocking] = useState<Item | null>(null);

  const change = async (item: Item, status: ItemStatus) => {
    if (status === item.status) return;
    if (status === 'blocked') {
      setBlocking(item);
      return;
    }
    try {
      const next = await changeItem(item.id, { status });
      onChanged?.(next);
      toast(`“${item.title}”: ${ITEM_STATUS_LABEL[status].toLowerCase()}`);
    } catch (e) {
      toastError(e);
    }
  };

  const dialog = blocking && (
    <BlockDialog
      item={blocking}
      onClose={() => setBlocking(null)}
      onBlocked={(next) => {
        setBlocking(null);
        onChanged?.(next);
        toast(`“${next.title}”: blocked`);
      }}
    />
  );

  return { change, dialog };
}

/** Asks why an item is blocked, then blocks it. */
export function BlockDialog({ item, onClose, onBlocked }: { item: Item; onClose(): void; onBlocked(item: ChecklistItem): void }) {
  const [reason, setReason] = useState(item.blockedReason);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Say what the item is waiting for.');
      return;
    }
    setBusy(true);
    try {
      onBlocked(await changeItem(item.id, { status: 'blocked', blockedReason: reason.trim() }));
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) setError(err.issues.map((i) => i.message).join(' '));
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title="Block item"
      isOpen
      onClose={onClose}
      size="small"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy}>
            Mark blocked
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="field">
        <p className="block-item-title">{item.title}</p>
        <label htmlFor={`${id}-reason`} className="field-label">
          What is it waiting for?
        </label>
        <textarea
          id={`${id}-reason`}
          className="input textarea"
          rows={3}
          value={reason}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
        {error ? (
          <div id={`${id}-error`} className="field-error">
            {error}
          </div>
        ) : (
          <div id={`${id}-hint`} className="field-hint">
            Shown on the item and as a red flag until it is unblocked.
          </div>
        )}
      </form>
    </AppDialog>
  );
}
