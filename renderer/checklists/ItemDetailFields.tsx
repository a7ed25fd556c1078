// The fields of an item's detail: title, status, owner, the reason it is blocked, phase, days from
// T, the due date (following T or set by hand), description and evidence note. Errors show at
// their field; the detail keeps the values and saves them.
import { useState } from 'react';
import { ITEM_STATUS_LABEL, offsetLabel, type ItemStatus } from '../../shared/checklists';
import { FieldControl } from '../forms/FieldControl';
import { TEAM_SIDE } from '../forms/personSides';
import { dueFromOffset } from './items';
import { ITEM_FIELD, parseOffset, phaseOption } from './itemFields';
import { ITEM_FORM, type ItemValues } from './itemValues';

interface Props {
  values: ItemValues;
  issues: Record<string, string>;
  exitDate: string | null;
  /** The owner role the template suggests. */
  ownerRole: string;
  /** Names of people by id. */
  names: Record<string, string>;
  onChange<K extends keyof ItemValues>(key: K, value: ItemValues[K]): void;
  /** A person picked as owner, with the name to show for them. */
  onName(id: string, name: string): void;
}

export function ItemDetailFields({ values, issues, exitDate, ownerRole, names, onChange: set, onName }: Props) {
  const [ownerText, setOwnerText] = useState<string | null>(null);
  const offsetNumber = parseOffset(values.offset);
  const followed = dueFromOffset(exitDate, offsetNumber);

  return (
    <div className="form-grid">
      <FieldControl name="title" meta={ITEM_FIELD.title} wide value={values.title} error={issues.title} onChange={(v) => set('title', v)} />
      <FieldControl name="status" meta={ITEM_FIELD.status} optionLabel={(s) => ITEM_STATUS_LABEL[s as ItemStatus]} value={values.status} error={issues.status} onChange={(v) => set('status', v)} />
      <FieldControl
        name="ownerId"
        meta={{ ...ITEM_FIELD.ownerId, ...(ownerRole ? { hint: `The template suggests: ${ownerRole}` } : {}) }}
        prefer={TEAM_SIDE}
        value={values.ownerId}
        valueLabel={values.ownerId ? (names[values.ownerId] ?? '') : ''}
        pickerText={ownerText ?? (values.ownerId ? (names[values.ownerId] ?? '') : '')}
        onPickerText={setOwnerText}
        onPick={(pickedId, name) => {
          if (pickedId) onName(pickedId, name);
          set('ownerId', pickedId);
          setOwnerText(null);
        }}
        error={issues.ownerId}
        onChange={(v) => set('ownerId', v)}
      />
      {values.status === 'blocked' && (
        <FieldControl
          name="blockedReason"
          meta={ITEM_FIELD.blockedReason}
          required
          rows={2}
          placeholder="What is it waiting for?"
          value={values.blockedReason}
          error={issues.blockedReason}
          onChange={(v) => set('blockedReason', v)}
        />
      )}
      <FieldControl name="phase" meta={ITEM_FIELD.phase} optionLabel={phaseOption} value={values.phase} error={issues.phase} onChange={(v) => set('phase', v)} />
      <FieldControl
        name="offset"
        meta={{
          ...ITEM_FIELD.offset,
          hint: offsetNumber == null ? 'Negative: before T. Positive: after T.' : `${offsetLabel(offsetNumber)}${exitDate ? ` = ${followed}` : ': set the vendor’s exit date to get a date'}`,
        }}
        placeholder="e.g. -30"
        value={values.offset}
        error={issues.offset}
        onChange={(v) => set('offset', v)}
      />
      <FieldControl
        name="due"
        meta={{
          ...ITEM_FORM.due!.meta,
          hint: values.manual ? 'A date set by hand stays put when the exit date moves.' : 'Type a date to set it by hand; otherwise it moves with the exit date.',
        }}
        wide
        value={values.manual ? values.due : exitDate ? followed : ''}
        error={issues.due}
        onChange={(v) => {
          set('due', v);
          set('manual', true);
        }}
        aside={
          values.manual ? (
            <>
              <span className="badge badge-amber">Set by hand</span>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  set('manual', false);
                  set('due', '');
                }}
              >
                Follow the exit date
              </button>
            </>
          ) : (
            <span className="muted">{offsetNumber == null ? 'No due date' : exitDate ? `Follows the exit date (${offsetLabel(offsetNumber)})` : offsetLabel(offsetNumber)}</span>
          )
        }
      />
      <FieldControl name="description" meta={ITEM_FIELD.description} value={values.description} error={issues.description} onChange={(v) => set('description', v)} />
      <FieldControl
        name="evidence"
        meta={ITEM_FIELD.evidence}
        rows={2}
        placeholder="What shows this is done: a ticket, minutes, a confirmation…"
        value={values.evidence}
        error={issues.evidence}
        onChange={(v) => set('evidence', v)}
      />
    </div>
  );
}
