// Starts a vendor's checklist from a template: the built-in exit (ordinary or emergency) or one of
// the user's own. Items due at T + offset; per-process items become one per process of the vendor.
// The template and the name live in the form engine (useForm), checked with the contract's schema
// before sending; closing with a changed choice or a typed name asks first.
import { useId, useState, type FormEvent } from 'react';
import type { Checklist, Template } from '../../shared/checklists';
import { API } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { useApi } from '../data/useApi';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { changedFieldsText, useDiscardConfirm } from '../forms/useDiscardConfirm';
import { useForm } from '../forms/useForm';
import { AppDialog, FormFooter } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';

interface Props {
  vendorId: string;
  vendorName: string;
  /** The vendor's exit kind: an emergency exit preselects the emergency template. */
  exitKind: string | null;
  processCount: number | undefined;
  onClose(started?: Checklist): void;
}

const FIELDS: FormFields = {
  // Its options are the templates' ids, known once they are loaded; '' is the one preselected for the vendor.
  template: { meta: { label: 'Template', control: 'radio' }, paths: ['templateId'] },
  name: { meta: { label: 'Name', control: 'text', hint: 'Leave empty to use the template’s name.' } },
};
const START = { template: '', name: '' };

function describe(t: Template, processCount: number | undefined): string {
  const perProcess = t.items.filter((i) => i.perProcess).length;
  const plain = t.items.length - perProcess;
  if (!perProcess) return `${t.items.length} item${t.items.length === 1 ? '' : 's'}`;
  if (processCount === undefined) return `${plain} items, plus ${perProcess} per process`;
  const total = plain + perProcess * processCount;
  return `${total} item${total === 1 ? '' : 's'} (${perProcess} per process × ${processCount} process${processCount === 1 ? '' : 'es'})`;
}

export function StartChecklistDialog({ vendorId, vendorName, exitKind, processCount, onClose }: Props) {
  const templates = useApi('template.list', {});
  const form = useForm(FIELDS, START);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const list = templates.data ?? [];
  const preferred = list.find((t) => t.builtin === (exitKind === 'emergency' ? 'emergency_exit' : 'exit')) ?? list[0];
  const selected = list.find((t) => t.id === form.values.template) ?? preferred;
  const { requestClose, discardDialog } = useDiscardConfirm({ unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : null, onClose: () => onClose() });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // An empty name is left out: the checklist takes the template's.
    const input = form.check(API['checklist.start'].input, (t) => ({ vendorId, templateId: selected?.id, ...(String(t.name).trim() ? { name: t.name } : {}) }));
    if (!input) return;
    setError(null);
    setBusy(true);
    try {
      const started = await api['checklist.start'](input);
      toast(`Started “${started.name}” for ${vendorName}`);
      onClose(started);
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) form.showIssues(err.issues);
      else if (err instanceof ApiError) setError(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title="Start a checklist"
      isOpen
      onClose={requestClose}
      footer={<FormFooter formId={`${id}-form`} onCancel={requestClose} disabled={busy || !selected} submitLabel="Start checklist" />}
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="start-form">
        {(error || form.issues.other.length > 0) && (
          <div className="form-alert" role="alert">
            {[error, ...form.issues.other].filter(Boolean).join(' ')}
          </div>
        )}
        <FieldControl
          name="template"
          meta={{
            ...FIELDS.template!.meta,
            options: list.map((t) => t.id),
            ...(!templates.data && !templates.error ? { hint: 'Loading the templates…' } : {}),
          }}
          value={selected?.id ?? ''}
          error={form.issues.byField.template ?? templates.error?.message}
          onChange={(v) => form.set('template', v)}
          renderOption={(templateId) => {
            const t = list.find((x) => x.id === templateId)!;
            return (
              <span className="choice-text">
                <span className="choice-name">
                  {t.name}
                  {t.builtin && <span className="badge badge-grey">Built in</span>}
                  {t.builtin === 'emergency_exit' && <span className="badge badge-red">Emergency</span>}
                </span>
                {t.description && <span className="choice-desc">{t.description}</span>}
                <span className="choice-meta">{describe(t, processCount)}</span>
              </span>
            );
          }}
        />
        <FieldControl
          name="name"
          meta={FIELDS.name!.meta}
          value={form.values.name ?? ''}
          placeholder={selected?.name ?? ''}
          error={form.issues.byField.name}
          onChange={(v) => form.set('name', v)}
        />
        {discardDialog}
      </form>
    </AppDialog>
  );
}
