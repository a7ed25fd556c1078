// Adds an item of one's own to a checklist: its phase, title and when it is due (days from T).
import { useId, useState, type FormEvent } from 'react';
import { offsetLabel, type ChecklistItem } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { dataChanged } from '../app/store';
import { useDiscardConfirm } from '../forms/useDiscardConfirm';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { dueFromOffset } from './items';
import { fieldIssues, OFFSET_ERROR, parseOffset, PhaseSelect } from './itemFields';

/** Where a phase starts in the built-in exit (days from T): a new item's default offset. */
const PHASE_START = [-180, -150, -120, -120, -14, 0, 30];

interface Props {
  checklistId: string;
  exitDate: string | null;
  onClose(): void;
  onAdded(item: ChecklistItem): void;
}

export function AddItemDialog({ checklistId, exitDate, onClose, onAdded }: Props) {
  const id = useId();
  const [phase, setPhase] = useState(0);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [offset, setOffset] = useState(String(PHASE_START[0]));
  const [offsetTouched, setOffsetTouched] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const n = parseOffset(offset);
  const { described, error } = fieldIssues(id, issues);
  const { requestClose, discardDialog } = useDiscardConfirm({ unsaved: title.trim() || description.trim() ? 'You started a new item' : null, onClose });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'Title is required.';
    if (n === null) found.offset = OFFSET_ERROR;
    setIssues(found);
    if (Object.keys(found).length || n === null) return;
    setBusy(true);
    try {
      const item = await api['checklist.addItem']({ checklistId, phase, title: title.trim(), description: description.trim(), offsetDays: n });
      dataChanged();
      toast(`Item “${item.title}” added`);
      onClose();
      onAdded(item);
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) {
        setIssues(Object.fromEntries(err.issues.map((i) => [i.field === 'offsetDays' ? 'offset' : i.field, `${i.field === 'offsetDays' ? 'Days from T' : 'This'} ${i.message}.`])));
      } else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title="Add item"
      isOpen
      onClose={requestClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={requestClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy}>
            Add item
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate className="form-grid">
        <div className="field field-longtext">
          <label htmlFor={`${id}-title`} className="field-label">
            Title
            <span className="field-required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <input id={`${id}-title`} className="input" value={title} autoFocus aria-required {...described('title')} onChange={(e) => setTitle(e.target.value)} />
          {error('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-phase`} className="field-label">
            Phase
          </label>
          <PhaseSelect
            id={`${id}-phase`}
            value={phase}
            onChange={(e) => {
              const p = Number(e.target.value);
              setPhase(p);
              if (!offsetTouched) setOffset(String(PHASE_START[p] ?? 0));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-offset`} className="field-label">
            Days from exit date (T)
          </label>
          <input
            id={`${id}-offset`}
            className="input"
            inputMode="numeric"
            value={offset}
            {...described('offset')}
            onChange={(e) => {
              setOffset(e.target.value);
              setOffsetTouched(true);
            }}
          />
          {error('offset') || (
            <div id={`${id}-offset-hint`} className="field-hint">
              {n !== null ? `${offsetLabel(n)}${exitDate ? ` = ${dueFromOffset(exitDate, n)}` : ''}` : 'Negative: before T.'}
            </div>
          )}
        </div>
        <div className="field field-longtext">
          <label htmlFor={`${id}-description`} className="field-label">
            Description
          </label>
          <textarea id={`${id}-description`} className="input textarea" rows={3} placeholder="Done when…" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        {discardDialog}
      </form>
    </AppDialog>
  );
}
