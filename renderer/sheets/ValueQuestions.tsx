// What the dry run could not settle by itself, asked once each: choice values it could not match
// (a picker per value), how the sheet writes its dates when day and month cannot be told apart,
// and the people the sheet names that the workbook does not have (create them or not).
import { enumLabel } from '../../shared/enums';
import type { DateOrder, SheetFieldInfo, SheetMapping, SheetPreview } from '../../shared/sheets';
import { formatNumber, plural } from '../format';
import { valueGroups } from './mappingRules';

interface Props {
  preview: SheetPreview;
  fields: SheetFieldInfo[];
  mapping: SheetMapping;
  onChange(mapping: SheetMapping): void;
}

const ORDER_WORDS: Record<Exclude<DateOrder, 'ymd'>, string> = {
  dmy: 'Day first (d/m/y): 03/04/2026 is 3 April 2026',
  mdy: 'Month first (m/d/y): 03/04/2026 is March 4, 2026',
};

export function ValueQuestions({ preview, fields, mapping, onChange }: Props) {
  const askDates = preview.needsDateOrder || (mapping.dateOrder !== undefined && mapping.dateOrder !== 'ymd');
  const groups = valueGroups(preview, mapping);
  if (!groups.length && !askDates && !preview.missingPeople.length) return null;

  const setValue = (field: string, value: string, to: string) => {
    const values = { ...(mapping.values ?? {}) };
    const forField = { ...(values[field] ?? {}) };
    if (to) forField[value] = to;
    else delete forField[value];
    if (Object.keys(forField).length) values[field] = forField;
    else delete values[field];
    onChange({ ...mapping, values });
  };

  return (
    <section className="sheet-questions" aria-labelledby="sheet-questions-title">
      <h3 id="sheet-questions-title" className="sheet-step-title">
        {preview.unmatched.length || (preview.needsDateOrder && !mapping.dateOrder) ? 'Values to settle' : 'Values read as you said'}
      </h3>
      {groups.map((u) => {
        const field = fields.find((f) => f.field === u.field);
        const label = field?.label ?? u.field;
        return (
          <fieldset key={u.field} className="pack-fieldset sheet-values">
            <legend>
              {label} <span className="muted">(column {u.column})</span>
            </legend>
            <p className="muted sheet-note">Values in this column that are none of the allowed {label.toLowerCase()} values: choose what each one means. Rows left unmatched are refused.</p>
            <ul className="sheet-value-list">
              {u.values.map((v) => (
                <li key={v.value}>
                  <span className="sheet-value">“{v.value}”</span>
                  <span className="muted">{v.rows === null ? 'answered' : plural(v.rows, 'row', 'rows')}</span>
                  <select
                    className="input select"
                    aria-label={`${label} for “${v.value}”`}
                    value={mapping.values?.[u.field]?.[v.value] ?? ''}
                    onChange={(e) => setValue(u.field, v.value, e.target.value)}
                  >
                    <option value="">Leave unmatched (refused)</option>
                    {(field?.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {enumLabel(o)}
                      </option>
                    ))}
                  </select>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      {askDates && (
        <fieldset className="pack-fieldset">
          <legend>How does this sheet write its dates?</legend>
          <p className="muted sheet-note">Every date in it could be read either way, so say which it is.</p>
          <div role="radiogroup" aria-label="Date order" className="sheet-radios">
            {(['dmy', 'mdy'] as const).map((o) => (
              <label key={o} className="checkbox-label">
                <input type="radio" name="sheet-date-order" value={o} checked={mapping.dateOrder === o} onChange={() => onChange({ ...mapping, dateOrder: o })} />
                {ORDER_WORDS[o]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {preview.missingPeople.length > 0 && (
        <fieldset className="pack-fieldset">
          <legend>People the workbook does not have</legend>
          <p className="muted sheet-note">
            {preview.missingPeople
              .slice(0, 8)
              .map((p) => `${p.ref} (${plural(p.rows, 'row', 'rows')})`)
              .join(', ')}
            {preview.missingPeople.length > 8 ? `, and ${formatNumber(preview.missingPeople.length - 8)} more` : ''}.
          </p>
          <label className="checkbox-label">
            <input type="checkbox" checked={!!mapping.createPeople} onChange={(e) => onChange({ ...mapping, createPeople: e.target.checked })} />
            Create {preview.missingPeople.length === 1 ? 'this person' : `these ${formatNumber(preview.missingPeople.length)} people`} when importing
          </label>
        </fieldset>
      )}
    </section>
  );
}
