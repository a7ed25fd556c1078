// Starts a vendor's checklist from a template: the built-in exit (ordinary or emergency) or one of
// the user's own. Items due at T + offset; per-process items become one per process of the vendor.
import { useId, useState, type FormEvent } from 'react';
import type { Checklist, Template } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { dataChanged } from '../app/store';
import { useLoad } from '../app/useLoad';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';

interface Props {
  vendorId: string;
  vendorName: string;
  /** The vendor's exit kind: an emergency exit preselects the emergency template. */
  exitKind: string | null;
  processCount: number | undefined;
  onClose(started?: Checklist): void;
}

function describe(t: Template, processCount: number | undefined): string {
  const perProcess = t.items.filter((i) => i.perProcess).length;
  const plain = t.items.length - perProcess;
  if (!perProcess) return `${t.items.length} item${t.items.length === 1 ? '' : 's'}`;
  if (processCount === undefined) return `${plain} items, plus ${perProcess} per process`;
  const total = plain + perProcess * processCount;
  return `${total} item${total === 1 ? '' : 's'} (${perProcess} per process × ${processCount} process${processCount === 1 ? '' : 'es'})`;
}

export function StartChecklistDialog({ vendorId, vendorName, exitKind, processCount, onClose }: Props) {
  const templates = useLoad('template.list', () => api['template.list']({}));
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const list = templates.data ?? [];
  const preferred = list.find((t) => t.builtin === (exitKind === 'emergency' ? 'emergency_exit' : 'exit')) ?? list[0];
  const selected = list.find((t) => t.id === chosen) ?? preferred;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!selected) return;
    setBusy(true);
    try {
      const started = await api['checklist.start']({ vendorId, templateId: selected.id, ...(name.trim() ? { name: name.trim() } : {}) });
      dataChanged();
      toast(`Started “${started.name}” for ${vendorName}`);
      onClose(started);
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) setError(err.issues.map((i) => `${i.field === 'name' ? 'Name' : i.field} ${i.message}.`).join(' '));
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
      onClose={() => onClose()}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy || !selected}>
            Start checklist
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="start-form">
        {error && (
          <div className="form-alert" role="alert">
            {error}
          </div>
        )}
        <fieldset className="template-choices">
          <legend className="field-label">Template</legend>
          {templates.error && <p className="field-error">{templates.error.message}</p>}
          {!templates.data && !templates.error && <p className="muted">Loading the templates…</p>}
          {list.map((t) => (
            <label key={t.id} className={`template-choice${selected?.id === t.id ? ' is-selected' : ''}`}>
              <input type="radio" name={`${id}-template`} value={t.id} checked={selected?.id === t.id} onChange={() => setChosen(t.id)} />
              <span className="template-choice-text">
                <span className="template-choice-name">
                  {t.name}
                  {t.builtin && <span className="badge badge-grey">Built in</span>}
                  {t.builtin === 'emergency_exit' && <span className="badge badge-red">Emergency</span>}
                </span>
                {t.description && <span className="template-choice-desc">{t.description}</span>}
                <span className="template-choice-meta">{describe(t, processCount)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-name`} className="field-label">
            Name
          </label>
          <input id={`${id}-name`} className="input" value={name} placeholder={selected?.name ?? ''} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-name-hint`} />
          <div id={`${id}-name-hint`} className="field-hint">
            Leave empty to use the template&apos;s name.
          </div>
        </div>
      </form>
    </AppDialog>
  );
}
