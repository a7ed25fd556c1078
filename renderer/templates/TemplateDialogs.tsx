// The dialogs of the Templates screen: one template item, and a template's name and description.
// Their fields live in the form engine (useForm), checked with the shared template schemas.
import { useId, useState, type FormEvent } from 'react';
import { offsetLabel, templateInput, templateItemInput, type TemplateItemInput } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { changedFieldsText, useDiscardConfirm } from '../forms/useDiscardConfirm';
import { useForm, type FormState } from '../forms/useForm';
import { AppDialog, FormFooter } from '../ui/Dialog';
import { toastError } from '../ui/toasts';
import { ITEM_FIELD, OFFSET_FIELD, parseOffset, phaseOption } from '../checklists/itemFields';

const ITEM_FIELDS: FormFields = {
  title: { meta: ITEM_FIELD.title },
  phase: { meta: ITEM_FIELD.phase },
  offset: { ...OFFSET_FIELD, meta: { ...OFFSET_FIELD.meta, label: 'Due, in days from the exit date (T)' } },
  ownerRole: { meta: { label: 'Owner role', control: 'text' } },
  perProcess: {
    meta: {
      label: 'One item per process',
      control: 'checkbox',
      hint: 'A checklist started from this template gets this item once for every process of the vendor, with the process’s knowledge-transfer stage.',
    },
  },
  description: { meta: ITEM_FIELD.description },
};

const DETAIL_FIELDS: FormFields = { name: { meta: { label: 'Name', control: 'text' } }, description: { meta: ITEM_FIELD.description } };
const detailSchema = templateInput.pick({ name: true, description: true });

/** A FieldControl's props for one of the form's fields. */
const fieldProps = (form: FormState, name: string) => ({
  name,
  meta: form.fields[name]!.meta,
  value: form.values[name] ?? '',
  error: form.issues.byField[name],
  onChange: (v: string) => form.set(name, v),
});

function FormAlert({ messages }: { messages: (string | null)[] }) {
  const shown = messages.filter(Boolean);
  return shown.length ? (
    <div className="form-alert" role="alert">
      {shown.join(' ')}
    </div>
  ) : null;
}

/** Cancel, × and Escape ask before edits are thrown away, as in every dialog that edits. */
const useGuard = (form: FormState, onClose: () => void) => useDiscardConfirm({ unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : null, onClose });

export function TemplateItemDialog({ item, onClose, onSave }: { item: TemplateItemInput | null; onClose(): void; onSave(item: TemplateItemInput): Promise<void> }) {
  const id = useId();
  const [start] = useState(() => ({
    title: item?.title ?? '',
    phase: String(item?.phase ?? 0),
    offset: item ? String(item.offsetDays) : '-30',
    ownerRole: item?.ownerRole ?? '',
    perProcess: item?.perProcess ? 'true' : '',
    description: item?.description ?? '',
  }));
  const form = useForm(ITEM_FIELDS, start);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { requestClose, discardDialog } = useGuard(form, onClose);
  const n = parseOffset(form.values.offset ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = form.check(templateItemInput, (t) => ({
      phase: Number(t.phase),
      title: t.title,
      description: t.description,
      offsetDays: t.offset,
      ownerRole: t.ownerRole,
      perProcess: t.perProcess,
      // Not a field of this form: kept as the item had it.
      register: item?.register ?? null,
    }));
    if (!input) return;
    setBusy(true);
    setAlert(null);
    try {
      await onSave(input);
    } catch (err) {
      // The save sends the whole template: its issues name items by number, not this form's fields.
      if (err instanceof ApiError) setAlert(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title={item ? 'Edit template item' : 'Add template item'}
      isOpen
      onClose={requestClose}
      footer={<FormFooter formId={`${id}-form`} onCancel={requestClose} disabled={busy} submitLabel={item ? 'Save item' : 'Add item'} />}
    >
      <form id={`${id}-form`} className="form-grid" onSubmit={submit} noValidate>
        <FormAlert messages={[alert, ...form.issues.other]} />
        <FieldControl {...fieldProps(form, 'title')} wide required autoFocus />
        <FieldControl {...fieldProps(form, 'phase')} optionLabel={phaseOption} />
        <FieldControl
          {...fieldProps(form, 'offset')}
          meta={{
            ...ITEM_FIELDS.offset!.meta,
            hint: n !== null ? `${offsetLabel(n)}: ${n < 0 ? `${-n} days before the exit` : n > 0 ? `${n} days after the exit` : 'on the exit date'}` : 'Negative: before T.',
          }}
        />
        <FieldControl {...fieldProps(form, 'ownerRole')} placeholder="e.g. Procurement" />
        <FieldControl {...fieldProps(form, 'perProcess')} />
        <FieldControl {...fieldProps(form, 'description')} placeholder="Done when…" />
        {discardDialog}
      </form>
    </AppDialog>
  );
}

export function TemplateDetailsDialog({ name, description, onClose, onSave }: { name: string; description: string; onClose(): void; onSave(name: string, description: string): Promise<void> }) {
  const id = useId();
  const [start] = useState(() => ({ name, description }));
  const form = useForm(DETAIL_FIELDS, start);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { requestClose, discardDialog } = useGuard(form, onClose);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = form.check(detailSchema, (t) => t);
    if (!input) return;
    setBusy(true);
    setAlert(null);
    try {
      await onSave(input.name, input.description ?? '');
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) form.showIssues(err.issues);
      else if (err instanceof ApiError) setAlert(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title="Edit template"
      isOpen
      onClose={requestClose}
      footer={<FormFooter formId={`${id}-form`} onCancel={requestClose} disabled={busy} submitLabel="Save" />}
    >
      <form id={`${id}-form`} className="form-grid" onSubmit={submit} noValidate>
        <FormAlert messages={[alert, ...form.issues.other]} />
        <FieldControl {...fieldProps(form, 'name')} wide autoFocus />
        <FieldControl {...fieldProps(form, 'description')} />
        {discardDialog}
      </form>
    </AppDialog>
  );
}
