// Asks for one name (rename a checklist, save it as a template, a new template) and runs the step.
// The name lives in the form engine (useForm): checked with the schema the backend checks it with
// before sending, the backend's message shown under the field, and closing with a changed name
// asks first.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { ApiError } from '../../shared/errors';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { changedFieldsText, useDiscardConfirm } from '../forms/useDiscardConfirm';
import { useForm } from '../forms/useForm';
import { AppDialog, FormFooter } from './Dialog';
import { toastError } from './toasts';

interface Props {
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  /** The contract's schema for the name (it trims it). */
  schema: z.ZodType<string>;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
  children?: ReactNode;
}

export function NameDialog({ title, label, initial, confirmLabel, schema, onSubmit, onClose, children }: Props) {
  const id = useId();
  const [fields] = useState<FormFields>(() => ({ name: { meta: { label, control: 'text' } } }));
  const [start] = useState(() => ({ name: initial }));
  const form = useForm(fields, start);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { requestClose, discardDialog } = useDiscardConfirm({ unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : null, onClose });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = form.check(z.strictObject({ name: schema }), (t) => t);
    if (!input) return;
    setBusy(true);
    setAlert(null);
    try {
      await onSubmit(input.name);
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) form.showIssues(err.issues);
      else if (err instanceof ApiError) setAlert(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  const other = [alert, ...form.issues.other].filter(Boolean);
  return (
    <AppDialog
      title={title}
      isOpen
      onClose={requestClose}
      size="small"
      footer={<FormFooter formId={`${id}-form`} onCancel={requestClose} disabled={busy} submitLabel={confirmLabel} />}
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="field">
        {children}
        {other.length > 0 && (
          <div className="form-alert" role="alert">
            {other.join(' ')}
          </div>
        )}
        <FieldControl
          name="name"
          meta={fields.name!.meta}
          value={form.values.name ?? ''}
          error={form.issues.byField.name}
          onChange={(v) => form.set('name', v)}
          autoFocus
          selectOnFocus
        />
        {discardDialog}
      </form>
    </AppDialog>
  );
}
