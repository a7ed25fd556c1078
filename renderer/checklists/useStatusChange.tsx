// Changing an item's status from a list (a click, a key): blocking asks what the item waits for,
// since a blocked item without a reason helps nobody; the rest change at once. The reason lives in
// the form engine (useForm), as every dialog's fields do.
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { itemChanges, ITEM_STATUS_LABEL, type ChecklistItem, type ItemStatus } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { changedFieldsText, useDiscardConfirm } from '../forms/useDiscardConfirm';
import { useForm } from '../forms/useForm';
import { AppDialog, FormFooter } from '../ui/Dialog';
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

// The reason is required here (the shared schema lets a save leave it as it was), within the shared limits.
const REASON = z.string().trim().min(1, { error: 'Say what the item is waiting for.' }).pipe(itemChanges.shape.blockedReason.unwrap());
const BLOCK_FIELDS: FormFields = {
  blockedReason: { meta: { label: 'What is it waiting for?', control: 'longtext', hint: 'Shown on the item and as a red flag until it is unblocked.' }, errorLabel: 'The reason' },
};

/** Asks why an item is blocked, then blocks it. */
export function BlockDialog({ item, onClose, onBlocked }: { item: Item; onClose(): void; onBlocked(item: ChecklistItem): void }) {
  const [start] = useState(() => ({ blockedReason: item.blockedReason }));
  const form = useForm(BLOCK_FIELDS, start);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const { requestClose, discardDialog } = useDiscardConfirm({ unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : null, onClose });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = form.check(z.strictObject({ blockedReason: REASON }), (t) => t);
    if (!input) return;
    setBusy(true);
    try {
      onBlocked(await changeItem(item.id, { status: 'blocked', blockedReason: input.blockedReason }));
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) form.showIssues(err.issues);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title="Block item"
      isOpen
      onClose={requestClose}
      size="small"
      footer={<FormFooter formId={`${id}-form`} onCancel={requestClose} disabled={busy} submitLabel="Mark blocked" />}
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="field">
        <p className="block-item-title">{item.title}</p>
        <FieldControl
          name="blockedReason"
          meta={BLOCK_FIELDS.blockedReason!.meta}
          value={form.values.blockedReason ?? ''}
          error={form.issues.byField.blockedReason ?? form.issues.other[0]}
          onChange={(v) => form.set('blockedReason', v)}
          autoFocus
        />
        {discardDialog}
      </form>
    </AppDialog>
  );
}
