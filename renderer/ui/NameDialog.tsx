// Asks for one name (rename a checklist, save it as a template, a new template) and runs the step;
// the backend's message for the name shows under the field and the dialog stays open.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../shared/errors';
import { AppDialog } from './Dialog';
import { toastError } from './toasts';

interface Props {
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
  children?: ReactNode;
}

export function NameDialog({ title, label, initial, confirmLabel, onSubmit, onClose, children }: Props) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(`${label} is required.`);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim());
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) setError(`${label} ${err.issues[0]!.message}.`);
      else if (err instanceof ApiError) setError(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title={title}
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
            {confirmLabel}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="field">
        {children}
        <label htmlFor={`${id}-name`} className="field-label">
          {label}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          autoFocus
          onFocus={(e) => e.target.select()}
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
      </form>
    </AppDialog>
  );
}
