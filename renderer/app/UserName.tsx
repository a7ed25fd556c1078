// The user's name, which the activity log records with every change. Editable in place; the box
// lives in the form engine (useForm), checked with the contract's schema before sending.
import { useState, type FormEvent } from 'react';
import { API } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { useForm } from '../forms/useForm';
import { toastError } from '../ui/toasts';
import { useAppStore, useInfo } from './store';

const FIELDS: FormFields = { userName: { meta: { label: 'Your name', control: 'text', hint: 'Recorded with each change in the activity log.' } } };

export function UserName() {
  const info = useInfo();
  const [editing, setEditing] = useState(false);
  const name = info?.userName ?? '';

  if (editing) return <UserNameForm name={name} onDone={() => setEditing(false)} />;

  return (
    <div className="user-name">
      <span className="sidebar-label">You</span>
      <span className="user-name-value" title="Recorded with each change in the activity log">
        {name || <span className="muted">no name set</span>}
      </span>
      <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={name ? 'Change your name' : 'Set your name'}>
        {name ? 'Change' : 'Set'}
      </button>
    </div>
  );
}

/** Mounted for each edit, so it starts from the name as it is then. */
function UserNameForm({ name, onDone }: { name: string; onDone(): void }) {
  const [start] = useState(() => ({ userName: name }));
  const form = useForm(FIELDS, start);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = form.check(API['settings.setUserName'].input, (t) => t);
    if (!input) return;
    // Saving the same name would only add a line to the activity log.
    if (input.userName === name) {
      onDone();
      return;
    }
    try {
      const next = await api['settings.setUserName'](input);
      useAppStore.getState().setInfo(next);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) form.showIssues(err.issues);
      else toastError(err);
    }
  };

  return (
    <form className="user-name-form" onSubmit={save} noValidate onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <FieldControl name="userName" meta={FIELDS.userName!.meta} value={form.values.userName ?? ''} error={form.issues.byField.userName ?? form.issues.other[0]} onChange={(v) => form.set('userName', v)} autoFocus />
      <div className="user-name-actions">
        <button type="submit" className="button button-primary button-small">
          Save name
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
