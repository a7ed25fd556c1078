// Adds an item of one's own to a checklist: its phase, title and when it is due (days from T).
// Its fields live in the form engine (useForm), checked with the contract's schema before sending.
import { useId, useState, type FormEvent } from 'react';
import { offsetLabel, type ChecklistItem } from '../../shared/checklists';
import { API } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { useDiscardConfirm } from '../forms/useDiscardConfirm';
import { useForm } from '../forms/useForm';
import { AppDialog, FormFooter } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { dueFromOffset } from './items';
import { ITEM_FIELD, OFFSET_FIELD, parseOffset, phaseOption } from './itemFields';

/** Where a phase starts in the built-in exit (days from T): a new item's default offset. */
const PHASE_START = [-180, -150, -120, -120, -14, 0, 30];

const FIELDS: FormFields = {
  title: { meta: ITEM_FIELD.title },
  phase: { meta: ITEM_FIELD.phase },
  offset: OFFSET_FIELD,
  description: { meta: ITEM_FIELD.description },
};
const START = { title: '', phase: '0', offset: String(PHASE_START[0]), description: '' };

interface Props {
  checklistId: string;
  exitDate: string | null;
  onClose(): void;
  onAdded(item: ChecklistItem): void;
}

export function AddItemDialog({ checklistId, exitDate, onClose, onAdded }: Props) {
  const id = useId();
  const form = useForm(FIELDS, START);
  const { values } = form;
  // Until the user types an offset, it follows the chosen phase's start.
  const [offsetTouched, setOffsetTouched] = useState(false);
  const [busy, setBusy] = useState(false);

  const n = parseOffset(values.offset ?? '');
  const started = form.dirty.some((f) => f === 'title' || f === 'description');
  const { requestClose, discardDialog } = useDiscardConfirm({ unsaved: started ? 'You started a new item' : null, onClose });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = form.check(API['checklist.addItem'].input, (t) => ({
      checklistId,
      phase: Number(t.phase),
      title: t.title,
      description: t.description,
      offsetDays: t.offset,
    }));
    if (!input) return;
    setBusy(true);
    try {
      const item = await api['checklist.addItem'](input);
      toast(`Item “${item.title}” added`);
      onClose();
      onAdded(item);
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) form.showIssues(err.issues);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => ({ name, meta: FIELDS[name]!.meta, value: values[name] ?? '', error: form.issues.byField[name], onChange: (v: string) => form.set(name, v) });

  return (
    <AppDialog
      title="Add item"
      isOpen
      onClose={requestClose}
      footer={<FormFooter formId={`${id}-form`} onCancel={requestClose} disabled={busy} submitLabel="Add item" />}
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="form-grid">
        <FieldControl {...field('title')} wide required autoFocus />
        <FieldControl
          {...field('phase')}
          optionLabel={phaseOption}
          onChange={(v) => {
            form.set('phase', v);
            if (!offsetTouched) form.set('offset', String(PHASE_START[Number(v)] ?? 0));
          }}
        />
        <FieldControl
          {...field('offset')}
          meta={{ ...OFFSET_FIELD.meta, hint: n !== null ? `${offsetLabel(n)}${exitDate ? ` = ${dueFromOffset(exitDate, n)}` : ''}` : 'Negative: before T.' }}
          onChange={(v) => {
            form.set('offset', v);
            setOffsetTouched(true);
          }}
        />
        <FieldControl {...field('description')} placeholder="Done when…" />
        {form.issues.other.length > 0 && (
          <div className="form-alert" role="alert">
            {form.issues.other.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        )}
        {discardDialog}
      </form>
    </AppDialog>
  );
}
