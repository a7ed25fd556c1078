// A record's fields, generated from the schema's metadata (see FieldControl). Long texts span the
// whole width; the rest flow in two columns.
import { fieldMeta } from '../../shared/records';
import { REQUIRED_FIELDS } from '../../shared/contract';
import { localToday } from '../../shared/dates';
import { FieldControl } from './FieldControl';
import { preferredSide } from './personSides';
import { datesOfStatus } from './statusDates';
import type { RecordFormState } from './useRecordForm';

interface Props {
  form: RecordFormState;
  /** Which fields, in which order; all editable fields by default. */
  fields?: string[];
  /** The vendor whose documents a document picker offers. */
  vendorId?: string;
  autoFocus?: boolean;
  /** Whether to show the issues that name no field here (off when a page shows several parts). */
  showOther?: boolean;
  /** Warnings that do not stop a save, by field. */
  warnings?: Record<string, string>;
}

export function RecordForm({ form, fields = form.fields, vendorId, autoFocus, showOther = true, warnings }: Props) {
  const required = REQUIRED_FIELDS[form.kind] as readonly string[];
  return (
    <div className="form-grid">
      {fields.map((field, i) => {
        const meta = fieldMeta(form.kind, field);
        const value = form.values[field] ?? '';
        return (
          <FieldControl
            key={field}
            name={field}
            meta={meta}
            value={value}
            onChange={(v) => {
              form.set(field, v);
              for (const [f, day] of Object.entries(datesOfStatus(form.kind, field, v, form.values, localToday()))) form.set(f, day);
            }}
            error={form.issues.byField[field]}
            warning={warnings?.[field]}
            required={required.includes(field)}
            valueLabel={value ? (form.labels[value] ?? '') : ''}
            pickerText={form.pickerText[field]}
            onPickerText={(t) => form.setPickerText(field, t)}
            onPick={(id, name) => form.pick(field, id, name)}
            vendorId={vendorId}
            prefer={preferredSide(form.kind, field)}
            autoFocus={autoFocus && i === 0}
          />
        );
      })}
      {showOther && form.issues.other.length > 0 && (
        <div className="form-alert" role="alert">
          {form.issues.other.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      )}
    </div>
  );
}
