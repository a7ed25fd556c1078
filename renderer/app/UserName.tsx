// The user's name, which the activity log records with every change. Editable in place.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { toastError } from '../ui/toasts';
import { useAppStore, useInfo } from './store';

export function UserName() {
  const info = useInfo();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = info?.userName ?? '';

  const start = () => {
    setDraft(name);
    setError(null);
    setEditing(true);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    // Saving the same name would only add a line to the activity log.
    if (draft.trim() === name) {
      setEditing(false);
      return;
    }
    try {
      const next = await api['settings.setUserName']({ userName: draft });
      useAppStore.getState().setInfo(next);
      setEditing(false);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_INPUT') setError(`Your name ${err.issues?.[0]?.message ?? err.message}`);
      else toastError(err);
    }
  };

  if (editing) {
    return (
      <form className="user-name-form" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}>
        <label htmlFor="user-name-input" className="sidebar-label">
          Your name
        </label>
        <input
          id="user-name-input"
          className="input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'user-name-error' : 'user-name-hint'}
        />
        {error ? (
          <div id="user-name-error" className="field-error">
            {error}
          </div>
        ) : (
          <div id="user-name-hint" className="field-hint">
            Recorded with each change in the activity log.
          </div>
        )}
        <div className="user-name-actions">
          <button type="submit" className="button button-primary button-small">
            Save name
          </button>
          <button type="button" className="button button-small" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="user-name">
      <span className="sidebar-label">You</span>
      <span className="user-name-value" title="Recorded with each change in the activity log">
        {name || <span className="muted">no name set</span>}
      </span>
      <button type="button" className="link-button" onClick={start} aria-label={name ? 'Change your name' : 'Set your name'}>
        {name ? 'Change' : 'Set'}
      </button>
    </div>
  );
}
