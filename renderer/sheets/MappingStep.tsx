// Step 2: which field each column fills, the key that matches rows to records already in the
// workbook, and the values a first dry run (started as the mapping changes) could not settle.
import { useId } from 'react';
import type { SheetInspection, SheetMapping, SheetPreview } from '../../shared/sheets';
import { MappingTable } from './MappingTable';
import { keyChoices } from './mappingRules';
import { ValueQuestions } from './ValueQuestions';

interface Props {
  inspection: SheetInspection;
  mapping: SheetMapping;
  onChange(mapping: SheetMapping): void;
  /** The latest dry run, for its questions (null until the first one ends). */
  preview: SheetPreview | null;
  checking: boolean;
  /** Fields the rows get from elsewhere (the vendor of the tab they were imported on). */
  given: string[];
}

export function MappingStep({ inspection, mapping, onChange, preview, checking, given }: Props) {
  const keyId = useId();
  const mapped = new Set(Object.values(mapping.columns).filter((f): f is string => !!f));
  const missing = inspection.fields.filter((f) => f.required && !mapped.has(f.field) && !given.includes(f.field));
  const keys = keyChoices(inspection, mapping);
  const key = mapping.key ?? preview?.key ?? '';
  return (
    <div className="sheet-mapping-step">
      {inspection.rememberedId && (
        <p className="sheet-known" role="note">
          Mapped like last time: this sheet has the same columns as one imported before.
        </p>
      )}
      <MappingTable inspection={inspection} mapping={mapping} onColumn={(header, field) => onChange({ ...mapping, columns: { ...mapping.columns, [header]: field } })} />
      {missing.length > 0 && (
        <p className="form-alert" role="alert">
          Map a column to {missing.map((f) => f.label).join(', ')}: {missing.length === 1 ? 'it is' : 'they are'} required for every row.
        </p>
      )}
      <label htmlFor={keyId} className="sheet-inline-field">
        <span>Match existing records by</span>
        <select
          id={keyId}
          className="input select"
          value={keys.some((k) => k.field === key) ? key : ''}
          onChange={(e) => {
            const next = { ...mapping };
            if (e.target.value) next.key = e.target.value;
            else delete next.key;
            onChange(next);
          }}
        >
          <option value="">{keys.length ? 'The default (the id column if mapped, else the name)' : 'Map a name or id column first'}</option>
          {keys.map((k) => (
            <option key={k.field} value={k.field}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted sheet-note">A row whose key matches a record already in the workbook updates it; the others are added. Importing the same sheet again never duplicates.</p>
      {checking && !preview && (
        <p className="muted sheet-note" role="status">
          Checking the values…
        </p>
      )}
      {preview && <ValueQuestions preview={preview} fields={inspection.fields} mapping={mapping} onChange={onChange} />}
    </div>
  );
}
