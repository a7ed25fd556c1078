// The state of a record's form: the form engine (useForm) over the record kind's fields, plus the
// names of referenced records (for the pickers). Mount it anew (a React key) for another record or
// a new version of the same one.
import { useState } from 'react';
import type { RecordKind } from '../../shared/records';
import type { AnyRecord } from '../records/recordApi';
import type { SortedIssues } from './formCore';
import { recordFields, toForm } from './formValues';
import { useForm, type FormState } from './useForm';

export interface RecordFormState extends Pick<FormState, 'values' | 'issues' | 'dirty' | 'set' | 'showIssues'> {
  kind: RecordKind;
  fields: string[];
  labels: Record<string, string>;
  pickerText: Record<string, string>;
  issues: SortedIssues;
  pick(field: string, id: string, name: string): void;
  setPickerText(field: string, text: string): void;
  /** Back to the record's values (a discarded draft). */
  reset(): void;
  /** The whole record's fields, for a create. */
  input(): Record<string, unknown>;
  /** Only what changed, for an update. */
  changes(): Record<string, unknown>;
}

/** `draft`: unsaved edits of an earlier visit (drafts.ts) the form starts from, over the record's values. */
export function useRecordForm(
  kind: RecordKind,
  record: AnyRecord | null,
  initialLabels: Record<string, string>,
  draft?: { values: Record<string, unknown>; labels: Record<string, string> } | null,
): RecordFormState {
  const [fields] = useState(() => recordFields(kind));
  const [original] = useState(() => toForm(kind, record));
  const form = useForm(fields, original, draft?.values);
  const [labels, setLabels] = useState(() => ({ ...initialLabels, ...draft?.labels }));
  const [pickerText, setPickerTextState] = useState<Record<string, string>>({});

  return {
    kind,
    fields: Object.keys(fields),
    values: form.values,
    labels,
    pickerText,
    issues: form.issues,
    dirty: form.dirty,
    set: form.set,
    showIssues: form.showIssues,
    pick(field, id, name) {
      form.set(field, id);
      if (id) setLabels((l) => ({ ...l, [id]: name }));
      setPickerTextState((t) => ({ ...t, [field]: name }));
    },
    setPickerText(field, text) {
      setPickerTextState((t) => ({ ...t, [field]: text }));
    },
    reset() {
      form.reset();
      setPickerTextState({});
    },
    input: () => form.typed(),
    changes: () => form.typed(form.dirty),
  };
}
