// "Profile" in the export: the pack's redaction profile (shared/pack-profiles.ts), as a group of
// radio buttons (arrow keys move between them) each with one line on what it leaves out. One
// person's tasks asks for the person; Custom shows the kinds and fields to leave out.
import { useId, useState } from 'react';
import {
  PROFILE_HINT, PROFILE_KIND_LABEL, PROFILE_KINDS, PROFILE_LABEL, RECORD_TABLES, WITHHOLDABLE_FIELDS,
  type PackProfileInput, type ProfileKind, type ProfileName, type RecordTable,
} from '../../shared/pack-profiles';
import { KIND_LABEL } from '../../shared/records';
import { RefPicker } from '../forms/RefPicker';

export interface ProfileChoice {
  name: ProfileName;
  person: { id: string; name: string } | null;
  tables: ProfileKind[];
  fields: string[];
}

export const FULL_PROFILE: ProfileChoice = { name: 'full', person: null, tables: [], fields: [] };

/** The export's `profile`, or a problem to show when the choice is not complete. */
export function profileInput(c: ProfileChoice): { ok: true; profile: PackProfileInput | undefined } | { ok: false; problem: string } {
  switch (c.name) {
    case 'full':
      return { ok: true, profile: undefined };
    case 'new-provider':
    case 'auditor':
      return { ok: true, profile: c.name };
    case 'person':
      return c.person ? { ok: true, profile: { person: c.person.id } } : { ok: false, problem: 'Choose the person whose tasks the pack holds.' };
    case 'custom':
      return c.tables.length || c.fields.length
        ? { ok: true, profile: { custom: { tables: c.tables, fields: c.fields } } }
        : { ok: false, problem: 'Choose at least one kind or field to leave out, or another profile.' };
  }
}

const NAMES: ProfileName[] = ['full', 'new-provider', 'auditor', 'person', 'custom'];

interface Props {
  choice: ProfileChoice;
  onChange(choice: ProfileChoice): void;
  disabled?: boolean;
}

export function ProfilePicker({ choice, onChange, disabled }: Props) {
  const id = useId();
  const [personText, setPersonText] = useState<string | null>(null);
  const set = (change: Partial<ProfileChoice>) => onChange({ ...choice, ...change });
  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <fieldset className="pack-profile">
      <legend id={`${id}-legend`}>Profile</legend>
      <div role="radiogroup" aria-labelledby={`${id}-legend`} className="pack-profile-options">
        {NAMES.map((name) => (
          <div key={name} className={`pack-profile-option${choice.name === name ? ' is-chosen' : ''}`}>
            <label className="checkbox-label">
              <input
                type="radio" name={`${id}-profile`} value={name} checked={choice.name === name} onChange={() => set({ name })}
                disabled={disabled} aria-describedby={`${id}-${name}-hint`}
              />
              {PROFILE_LABEL[name]}
            </label>
            <p id={`${id}-${name}-hint`} className="field-hint pack-hint">
              {PROFILE_HINT[name]}
            </p>
          </div>
        ))}
      </div>
      {choice.name === 'person' && (
        <div className="pack-profile-body">
          <RefPicker
            kind="person"
            label="Person"
            hint="Their checklist items (as owner) go into the pack, with what those items link."
            value={choice.person?.id ?? ''}
            valueLabel={choice.person?.name ?? ''}
            inputValue={personText ?? choice.person?.name ?? ''}
            onInputChange={setPersonText}
            onChange={(pid, name) => {
              set({ person: pid ? { id: pid, name } : null });
              setPersonText(null);
            }}
          />
        </div>
      )}
      {choice.name === 'custom' && (
        <div className="pack-profile-body">
          <fieldset className="pack-profile-list">
            <legend>Kinds to leave out</legend>
            {PROFILE_KINDS.map((k) => (
              <label key={k} className="checkbox-label">
                <input type="checkbox" checked={choice.tables.includes(k)} onChange={(e) => set({ tables: toggle(choice.tables, k, e.target.checked) })} disabled={disabled} />
                {PROFILE_KIND_LABEL[k]}
              </label>
            ))}
          </fieldset>
          <details className="pack-profile-fields">
            <summary>Fields to leave out{choice.fields.length ? ` (${choice.fields.length})` : ''}</summary>
            {FIELD_GROUPS.map((g) => (
              <fieldset key={g.table} className="pack-profile-list">
                <legend>{g.label}</legend>
                {g.fields.map((f) => (
                  <label key={f.key} className="checkbox-label">
                    <input type="checkbox" checked={choice.fields.includes(f.key)} onChange={(e) => set({ fields: toggle(choice.fields, f.key, e.target.checked) })} disabled={disabled} />
                    {f.label}
                  </label>
                ))}
              </fieldset>
            ))}
          </details>
        </div>
      )}
    </fieldset>
  );
}

/** The fields a custom profile may leave out, by kind. */
const FIELD_GROUPS = [...new Set(WITHHOLDABLE_FIELDS.map((f) => f.table))].map((table) => ({
  table,
  label: table in RECORD_TABLES ? KIND_LABEL[RECORD_TABLES[table as RecordTable]].many : 'Checklist items',
  fields: WITHHOLDABLE_FIELDS.filter((f) => f.table === table),
}));
