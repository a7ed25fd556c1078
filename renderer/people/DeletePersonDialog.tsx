// Deleting a person: first what they own, are contact for or signed, then a choice — hand it all
// to someone else in one step (and delete), or delete and leave the records naming them "(left)".
// The choice and the person who takes over live in the form engine (useForm), checked before sending.
import { useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../../shared/errors';
import type { HandOverResult, PersonRefGroup, PersonRefKind } from '../../shared/people';
import { kindNouns } from '../../shared/records';
import { api } from '../api';
import { useApi } from '../data/useApi';
import { plural } from '../format';
import { FieldControl } from '../forms/FieldControl';
import type { FormFields } from '../forms/formCore';
import { useForm } from '../forms/useForm';
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
  kind === 'checklist_item' ? plural(n, 'checklist item', 'checklist items') : plural(n, kindNouns(kind).one, kindNouns(kind).many);

const FIELDS: FormFields = {
  mode: { meta: { label: 'What happens to them', control: 'radio', options: ['hand-over', 'leave'] } },
  toId: { meta: { label: 'Hand over to', control: 'person' } },
};
const START = { mode: 'hand-over', toId: '' };
/** Handing over needs someone to hand over to. */
const CHOICE = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('hand-over'), toId: z.uuid({ error: 'Pick who takes over, or choose to leave the records as they are.' }) }),
  z.object({ mode: z.literal('leave') }),
]);

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
  const form = useForm(FIELDS, START);
  const mode = form.values.mode;
  // The picked person's name, and what is typed in the picker before a pick.
  const [toName, setToName] = useState('');
  const [toText, setToText] = useState('');
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
    const choice = form.check(CHOICE, (t) => t);
    if (!choice || choice.mode !== 'hand-over') return;
    try {
      const result = await api['person.handOverAndDelete']({ id: person.id, toId: choice.toId });
      onHandedOver(person, result, toName);
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) form.showIssues(e.issues.map((i) => ({ ...i, field: 'toId' })));
      else form.showIssues([{ field: 'toId', message: (e as Error).message }]);
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
            <FieldControl
              name="mode"
              meta={FIELDS.mode!.meta}
              value={mode ?? ''}
              onChange={(v) => form.set('mode', v)}
              renderOption={(option) =>
                option === 'hand-over' ? (
                  <span className="choice-text">
                    <span className="choice-name">Hand them over to someone else</span>
                    <span className="choice-desc">What “{name}” owns or is contact for passes to the person you pick, in one step; then “{name}” is deleted.</span>
                  </span>
                ) : (
                  <span className="choice-text">
                    <span className="choice-name">Leave them as they are</span>
                    <span className="choice-desc">
                      The records go on naming “{name} (left)” and stay editable; processes they own or take over are flagged “owner left”.
                    </span>
                  </span>
                )
              }
              afterOption={(option) =>
                option === 'hand-over' &&
                mode === 'hand-over' && (
                  <div className="handover-to">
                    <FieldControl
                      name="toId"
                      meta={FIELDS.toId!.meta}
                      value={form.values.toId ?? ''}
                      valueLabel={toName}
                      pickerText={toText}
                      onPickerText={setToText}
                      onPick={(id, picked) => {
                        form.set('toId', id);
                        setToName(picked);
                      }}
                      onChange={(v) => form.set('toId', v)}
                      error={form.issues.byField.toId}
                    />
                  </div>
                )
              }
            />
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
