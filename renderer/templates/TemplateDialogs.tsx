// The dialogs of the Templates screen: one template item, and a template's name and description.
import { useId, useState, type FormEvent } from 'react';
import { offsetLabel, type TemplateItemInput } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { AppDialog } from '../ui/Dialog';
import { toastError } from '../ui/toasts';
import { fieldIssues, OFFSET_ERROR, parseOffset, PhaseSelect } from '../checklists/itemFields';

export function TemplateItemDialog({ item, onClose, onSave }: { item: TemplateItemInput | null; onClose(): void; onSave(item: TemplateItemInput): Promise<void> }) {
  const id = useId();
  const [phase, setPhase] = useState(item?.phase ?? 0);
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [offset, setOffset] = useState(item ? String(item.offsetDays) : '-30');
  const [ownerRole, setOwnerRole] = useState(item?.ownerRole ?? '');
  const [perProcess, setPerProcess] = useState(!!item?.perProcess);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const n = parseOffset(offset);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'Title is required.';
    if (n === null) found.offset = OFFSET_ERROR;
    setIssues(found);
    if (Object.keys(found).length || n === null) return;
    setBusy(true);
    try {
      await onSave({ phase, title: title.trim(), description: description.trim(), offsetDays: n, ownerRole: ownerRole.trim(), perProcess });
    } catch (err) {
      if (err instanceof ApiError) setIssues({ other: err.message });
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  const { described: invalid, error } = fieldIssues(id, issues);

  return (
    <AppDialog
      title={item ? 'Edit template item' : 'Add template item'}
      isOpen
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy}>
            {item ? 'Save item' : 'Add item'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-grid" onSubmit={submit} noValidate>
        {issues.other && (
          <div className="form-alert" role="alert">
            {issues.other}
          </div>
        )}
        <div className="field field-longtext">
          <label htmlFor={`${id}-title`} className="field-label">
            Title
            <span className="field-required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <input id={`${id}-title`} className="input" autoFocus aria-required value={title} {...invalid('title')} onChange={(e) => setTitle(e.target.value)} />
          {error('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-phase`} className="field-label">
            Phase
          </label>
          <PhaseSelect id={`${id}-phase`} value={phase} onChange={(e) => setPhase(Number(e.target.value) as TemplateItemInput['phase'])} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-offset`} className="field-label">
            Due, in days from the exit date (T)
          </label>
          <input id={`${id}-offset`} className="input" inputMode="numeric" value={offset} {...invalid('offset')} onChange={(e) => setOffset(e.target.value)} />
          {error('offset') || (
            <div id={`${id}-offset-hint`} className="field-hint">
              {n !== null ? `${offsetLabel(n)}: ${n < 0 ? `${-n} days before the exit` : n > 0 ? `${n} days after the exit` : 'on the exit date'}` : 'Negative: before T.'}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`} className="field-label">
            Owner role
          </label>
          <input id={`${id}-role`} className="input" placeholder="e.g. Procurement" value={ownerRole} onChange={(e) => setOwnerRole(e.target.value)} />
        </div>
        <div className="field checkbox-field">
          <label className="checkbox-label">
            <input type="checkbox" checked={perProcess} onChange={(e) => setPerProcess(e.target.checked)} aria-describedby={`${id}-per-hint`} />
            One item per process
          </label>
          <div id={`${id}-per-hint`} className="field-hint">
            A checklist started from this template gets this item once for every process of the vendor, with the process&apos;s knowledge-transfer stage.
          </div>
        </div>
        <div className="field field-longtext">
          <label htmlFor={`${id}-description`} className="field-label">
            Description
          </label>
          <textarea id={`${id}-description`} className="input textarea" rows={3} placeholder="Done when…" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
      </form>
    </AppDialog>
  );
}

export function TemplateDetailsDialog({ name: initialName, description: initialDescription, onClose, onSave }: { name: string; description: string; onClose(): void; onSave(name: string, description: string): Promise<void> }) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState(initialDescription);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Name is required.');
      return;
    }
    setBusy(true);
    try {
      await onSave(name.trim(), description.trim());
    } catch (err) {
      if (err instanceof ApiError) setError(err.issues?.[0] ? `${err.issues[0].field === 'name' ? 'Name' : err.issues[0].field} ${err.issues[0].message}.` : err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title="Edit template"
      isOpen
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy}>
            Save
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-grid" onSubmit={submit} noValidate>
        <div className="field field-longtext">
          <label htmlFor={`${id}-name`} className="field-label">
            Name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            autoFocus
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <div id={`${id}-error`} className="field-error">
              {error}
            </div>
          )}
        </div>
        <div className="field field-longtext">
          <label htmlFor={`${id}-description`} className="field-label">
            Description
          </label>
          <textarea id={`${id}-description`} className="input textarea" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
      </form>
    </AppDialog>
  );
}
