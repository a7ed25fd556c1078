// One form field, drawn from the schema's metadata: its label, its control, its hint, and the
// backend's message for it (tied to the input with aria-invalid and aria-describedby).
import { Fragment, useId, type ReactNode } from 'react';
import { enumLabel } from '../../shared/enums';
import type { FormMeta } from './formCore';
import { DateInput } from './DateInput';
import { RefPicker, type PersonSide } from './RefPicker';

interface Props {
  name: string;
  meta: FormMeta;
  /** A checkbox's is 'true' when ticked, '' when not. */
  value: string;
  onChange(value: string): void;
  error?: string;
  /** Something to check that does not stop the save (shown under the field, like an error but not one). */
  warning?: string | undefined;
  required?: boolean;
  /** For reference fields: the chosen record's name, and what the user has typed. */
  valueLabel?: string;
  pickerText?: string;
  onPickerText?(text: string): void;
  onPick?(id: string, name: string): void;
  vendorId?: string;
  /** For person fields: the side whose people are listed first. */
  prefer?: PersonSide | undefined;
  autoFocus?: boolean;
  /** For choices that are not enum values (a phase number): how an option reads. */
  optionLabel?(option: string): string;
  placeholder?: string;
  /** Spans the form's full width, as long texts do. */
  wide?: boolean;
  /** Rows of a long text's box (3 unless told). */
  rows?: number;
  /** Shown on the control's line, after it (the due date's "Set by hand" and its way back). */
  aside?: ReactNode;
  /** Selects the whole text when a text box gets focus (a name offered to be replaced). */
  selectOnFocus?: boolean;
  /** For radio choices: how an option reads, when more than a label (a template's name, badges and size). */
  renderOption?(option: string): ReactNode;
  /** For radio choices: what goes under an option (the person to hand over to, under "Hand them over"). */
  afterOption?(option: string): ReactNode;
}

export function FieldControl(props: Props) {
  const { name, meta, value, onChange, error, required, autoFocus } = props;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;

  if (meta.control === 'person' || meta.control === 'document' || meta.control === 'vendor') {
    return (
      <RefPicker
        kind={meta.control}
        label={meta.label}
        value={value}
        valueLabel={props.valueLabel ?? ''}
        inputValue={props.pickerText ?? props.valueLabel ?? ''}
        onInputChange={(t) => props.onPickerText?.(t)}
        onChange={(pickedId, pickedName) => props.onPick?.(pickedId, pickedName)}
        vendorId={meta.control === 'document' ? props.vendorId : undefined}
        prefer={props.prefer}
        hint={meta.hint}
        noneLabel={meta.none}
        error={error}
      />
    );
  }

  const describedBy = [meta.hint ? hintId : null, error ? errorId : null, props.warning ? warningId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    autoFocus,
    placeholder: props.placeholder,
  };
  const hint = meta.hint && (
    <div id={hintId} className="field-hint">
      {meta.hint}
    </div>
  );
  const errorText = error && (
    <div id={errorId} className="field-error">
      {error}
    </div>
  );

  if (meta.control === 'radio') {
    // A group of choices: the legend names it, each option is a radio a person can arrow through.
    return (
      <fieldset className="field choice-list" aria-describedby={describedBy}>
        <legend className="field-label">{meta.label}</legend>
        {(meta.options ?? []).map((o) => (
          <Fragment key={o}>
            <label className={`choice${value === o ? ' is-selected' : ''}`}>
              <input type="radio" name={`${id}-${name}`} value={o} checked={value === o} autoFocus={autoFocus && value === o} onChange={() => onChange(o)} />
              {props.renderOption ? props.renderOption(o) : props.optionLabel ? props.optionLabel(o) : enumLabel(o)}
            </label>
            {props.afterOption?.(o)}
          </Fragment>
        ))}
        {hint}
        {errorText}
      </fieldset>
    );
  }

  if (meta.control === 'checkbox') {
    // The label beside the box, as people expect a checkbox to read.
    return (
      <div className="field checkbox-field">
        <label className="checkbox-label">
          <input {...common} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : '')} />
          {meta.label}
        </label>
        {hint}
        {errorText}
      </div>
    );
  }

  let control;
  switch (meta.control) {
    case 'longtext':
      control = <textarea {...common} className="input textarea" rows={props.rows ?? 3} value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'enum':
      control = (
        <select {...common} className="input select" value={value} onChange={(e) => onChange(e.target.value)}>
          {(meta.options ?? []).map((o) => (
            <option key={o} value={o}>
              {props.optionLabel ? props.optionLabel(o) : enumLabel(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      control = <DateInput {...common} className="input input-date" label={meta.label} value={value} onChange={onChange} />;
      break;
    case 'int':
    case 'money':
      control = (
        <input
          {...common}
          className="input input-number"
          type="text"
          inputMode={meta.control === 'int' ? 'numeric' : 'decimal'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'currency':
      control = (
        <input {...common} className="input input-currency" type="text" maxLength={3} placeholder="EUR" value={value} onChange={(e) => onChange(e.target.value.toUpperCase())} />
      );
      break;
    case 'email':
      control = <input {...common} className="input" type="email" value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'url':
      control = <input {...common} className="input" type="url" placeholder="https://…" value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      control = <input {...common} className="input" type="text" value={value} onFocus={props.selectOnFocus ? (e) => e.target.select() : undefined} onChange={(e) => onChange(e.target.value)} />;
  }

  return (
    <div className={`field field-${meta.control}${props.wide && meta.control !== 'longtext' ? ' field-longtext' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {meta.label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {props.aside ? (
        <div className="field-line">
          {control}
          {props.aside}
        </div>
      ) : (
        control
      )}
      {hint}
      {errorText}
      {props.warning && (
        <div id={warningId} className="field-warning">
          {props.warning}
        </div>
      )}
    </div>
  );
}
