// The state of a record's form: the values as strings, what they were, the names of referenced
// records (for the pickers), and the backend's issues by field. Mount it anew (a React key) for
// another record or a new version of the same one.
import { useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import type { RecordKind } from '../../shared/records';
import type { AnyRecord } from '../records/recordApi';
import { changedFields, editableFields, fromForm, sortIssues, toForm, type FormValues, type SortedIssues } from './formValues';

export interface RecordFormState {
  kind: RecordKind;
  fields: string[];
  values: FormValues;
  labels: Record<string, string>;
  pickerText: Record<string, string>;
  issues: SortedIssues;
  dirty: string[];
  set(field: string, value: string): void;
  pick(field: string, id: string, name: string): void;
  setPickerText(field: string, text: string): void;
  showIssues(issues: FieldIssue[] | undefined): void;
  /** Back to the record's values (a discarded draft). */
  reset(): void;
  /** The whole record's fields, for a create. */
  input(): Record<string, unknown>;
  /** Only what changed, for an update. */
  changes(): Record<string, unknown>;
}

const NO_ISSUES: SortedIssues = { byField: {}, other: [] };

/** `draft`: unsaved edits of an earlier visit (drafts.ts) the form starts from, over the record's values. */
export function useRecordForm(
  kind: RecordKind,
  record: AnyRecord | null,
  initialLabels: Record<string, string>,
  draft?: { values: Record<string, unknown>; labels: Record<string, string> } | null,
): RecordFormState {
  const [fields] = useState(() => editableFields(kind));
  const [original] = useState(() => toForm(kind, record));
  const [values, setValues] = useState(() => {
    // Only this kind's fields, as strings: a draft is read back from storage, which anything may have written.
    const kept = Object.entries(draft?.values ?? {}).filter((e): e is [string, string] => fields.includes(e[0]) && typeof e[1] === 'string');
    return { ...original, ...Object.fromEntries(kept) };
  });
  const [labels, setLabels] = useState(() => ({ ...initialLabels, ...draft?.labels }));
  const [pickerText, setPickerTextState] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<SortedIssues>(NO_ISSUES);
  const dirty = changedFields(original, values);

  const clearIssue = (field: string) =>
    setIssues((prev) => {
      if (!(field in prev.byField)) return prev;
      const byField = { ...prev.byField };
      delete byField[field];
      return { ...prev, byField };
    });

  return {
    kind,
    fields,
    values,
    labels,
    pickerText,
    issues,
    dirty,
    set(field, value) {
      setValues((v) => ({ ...v, [field]: value }));
      clearIssue(field);
    },
    pick(field, id, name) {
      setValues((v) => ({ ...v, [field]: id }));
      if (id) setLabels((l) => ({ ...l, [id]: name }));
      setPickerTextState((t) => ({ ...t, [field]: name }));
      clearIssue(field);
    },
    setPickerText(field, text) {
      setPickerTextState((t) => ({ ...t, [field]: text }));
    },
    showIssues(list) {
      setIssues(sortIssues(kind, list, fields));
    },
    reset() {
      setValues(original);
      setPickerTextState({});
      setIssues(NO_ISSUES);
    },
    input: () => fromForm(kind, values, fields),
    changes: () => fromForm(kind, values, dirty),
  };
}
