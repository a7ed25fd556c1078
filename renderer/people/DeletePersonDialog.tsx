// Deleting a person: first what they own, are contact for or signed, then a choice — hand it all
// to someone else in one step (and delete), or delete and leave the records naming them "(left)".
import { useState } from 'react';
import { ApiError } from '../../shared/errors';
import type { HandOverResult, PersonRefGroup, PersonRefKind } from '../../shared/people';
import { KIND_LABEL } from '../../shared/records';
import { api } from '../api';
import { useApi } from '../data/useApi';
import { plural } from '../format';
import { RefPicker } from '../forms/RefPicker';
import type { AnyRecord } from '../records/recordApi';
import { titleOf } from '../records/titleOf';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Mount with a key per person, so the choices start afresh. */
interface Props {
  /** The person to delete; null while the dialog is closed. */
  person: AnyRecord | null;
  onClose(): void;
  /** A plain delete, leaving the references as they are (and offering Undo). */
  onDelete(): Promise<void>;
  onHandedOver(person: AnyRecord, result: HandOverResult, toName: string): void;
}

const kindWords = (kind: PersonRefKind, n: number) =>
  kind === 'checklist_item' ? plural(n, 'checklist item', 'checklist items') : plural(n, KIND_LABEL[kind].one.toLowerCase(), KIND_LABEL[kind].many.toLowerCase());

function GroupLine({ group }: { group: PersonRefGroup }) {
  const names = group.records.map((r) => (r.vendorName && group.kind !== 'vendor' ? `${r.title} (${r.vendorName})` : r.title));
  const more = group.count - group.records.length;
  return (
    <li>
      <strong>{group.role}</strong> {kindWords(group.kind, group.count)}: {names.join(', ')}
      {more > 0 && ` and ${more} more`}
      {!group.handedOver && <span className="muted"> — stays in their name</span>}
    </li>
  );
}

export function DeletePersonDialog({ person, onClose, onDelete, onHandedOver }: Props) {
  const name = titleOf('person', person);
  const refs = useApi('person.references', person ? { id: person.id } : null);
  const [mode, setMode] = useState<'hand-over' | 'leave'>('hand-over');
  const [toId, setToId] = useState('');
  const [toName, setToName] = useState('');
  const [toText, setToText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const groups = refs.data?.groups ?? [];
  const total = refs.data?.total ?? 0;
  const handOver = total > 0 && mode === 'hand-over' && groups.some((g) => g.handedOver);

  const confirm = async () => {
    // Not before the user has seen what the person owns.
    if (!person || (!refs.data && !refs.error)) return;
    if (!handOver) {
      await onDelete();
      return;
    }
    if (!toId) {
      setError('Pick who takes over, or choose to leave the records as they are.');
      return;
    }
    try {
      const result = await api['person.handOverAndDelete']({ id: person.id, toId });
      onHandedOver(person, result, toName);
    } catch (e) {
      setError(e instanceof ApiError && e.issues?.length ? e.issues.map((i) => i.message).join(' ') : (e as Error).message);
    }
  };

  return (
    <ConfirmDialog
      isOpen={!!person}
      title="Delete person?"
      confirmLabel={handOver ? 'Hand over and delete' : 'Delete'}
      onClose={onClose}
      onConfirm={confirm}
    >
      {refs.loading && !refs.error && <p className="muted">Looking up what refers to “{name}”…</p>}
      {refs.error && <p className="field-error">Could not look up what refers to “{name}”: {refs.error.message}</p>}
      {refs.data && total === 0 && <p>“{name}” will be deleted. No record names them. You can undo this right after.</p>}
      {refs.data && total > 0 && (
        <>
          <p>
            “{name}” is named in {plural(total, 'record', 'records')}:
          </p>
          <ul className="person-refs" aria-label={`What refers to ${name}`}>
            {groups.map((g) => (
              <GroupLine key={`${g.kind}.${g.field}`} group={g} />
            ))}
          </ul>
          {groups.some((g) => g.handedOver) && (
            <fieldset className="template-choices">
              <legend className="field-label">What happens to them</legend>
              <label className={`template-choice${mode === 'hand-over' ? ' is-selected' : ''}`}>
                <input type="radio" name="person-delete-mode" checked={mode === 'hand-over'} onChange={() => setMode('hand-over')} />
                <span className="template-choice-text">
                  <span className="template-choice-name">Hand them over to someone else</span>
                  <span className="template-choice-desc">What “{name}” owns or is contact for passes to the person you pick, in one step; then “{name}” is deleted.</span>
                </span>
              </label>
              {mode === 'hand-over' && (
                <div className="handover-to">
                  <RefPicker
                    kind="person"
                    label="Hand over to"
                    value={toId}
                    valueLabel={toName}
                    inputValue={toText}
                    onInputChange={setToText}
                    onChange={(id, picked) => {
                      setToId(id);
                      setToName(picked);
                      setError(null);
                    }}
                    error={error ?? undefined}
                  />
                </div>
              )}
              <label className={`template-choice${mode === 'leave' ? ' is-selected' : ''}`}>
                <input type="radio" name="person-delete-mode" checked={mode === 'leave'} onChange={() => setMode('leave')} />
                <span className="template-choice-text">
                  <span className="template-choice-name">Leave them as they are</span>
                  <span className="template-choice-desc">
                    The records go on naming “{name} (left)” and stay editable; processes they own or take over are flagged “owner left”.
                  </span>
                </span>
              </label>
            </fieldset>
          )}
          {groups.some((g) => !g.handedOver) && (
            <p className="muted person-delete-note">Sign-offs and reviews stay in {name}’s name either way: they record what {name} did.</p>
          )}
          {!handOver && <p>You can undo the delete right after.</p>}
        </>
      )}
    </ConfirmDialog>
  );
}
