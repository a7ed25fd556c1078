// The one form engine's state: a form's values as strings, what they were, which changed, and the
// problems by field (from the shared zod schema before sending, or from the backend after). The
// record dialogs (useRecordForm) and the checklist and template dialogs all keep their fields here.
// Mount it anew (a React key) for another thing to edit.
import { useState } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { changedFields, checkForm, NO_ISSUES, sortIssues, startValues, typedValues, type FormFields, type FormValues, type SortedIssues } from './formCore';

export interface FormState {
  fields: FormFields;
  values: FormValues;
  /** The values as loaded (or as last adopted). */
  original: FormValues;
  /** The fields whose value differs from the original. */
  dirty: string[];
  issues: SortedIssues;
  /** Sets a field; its message goes, as the user is fixing it. */
  set(field: string, value: string): void;
  showIssues(issues: readonly FieldIssue[] | undefined): void;
  /** Checks the values with the schema (see checkForm): the input to send, or null with the issues shown. */
  check<S extends z.ZodType>(schema: S, build: (typed: Record<string, unknown>) => unknown): z.output<S> | null;
  /** Typed values of some fields (all by default), as the schema takes them. */
  typed(names?: string[]): Record<string, unknown>;
  /** Back to the original values (a discarded draft). */
  reset(): void;
  /** Takes newer original values: the fields the user has not touched follow them. */
  adopt(next: FormValues): void;
}

/** `draft`: unsaved values of an earlier visit (drafts.ts) the form starts from, over the original. */
export function useForm(fields: FormFields, initial: FormValues, draft?: Record<string, unknown>): FormState {
  const [original, setOriginal] = useState(initial);
  const [values, setValues] = useState(() => startValues(initial, draft));
  const [issues, setIssues] = useState<SortedIssues>(NO_ISSUES);

  return {
    fields,
    values,
    original,
    dirty: changedFields(original, values),
    issues,
    set(field, value) {
      setValues((v) => ({ ...v, [field]: value }));
      setIssues((prev) => {
        if (!(field in prev.byField)) return prev;
        const byField = { ...prev.byField };
        delete byField[field];
        return { ...prev, byField };
      });
    },
    showIssues(list) {
      setIssues(sortIssues(fields, list));
    },
    check(schema, build) {
      const result = checkForm(fields, values, schema, build);
      setIssues(result.ok ? NO_ISSUES : result.issues);
      return result.ok ? result.input : null;
    },
    typed: (names) => typedValues(fields, values, names),
    reset() {
      setValues(original);
      setIssues(NO_ISSUES);
    },
    adopt(next) {
      setValues((v) => Object.fromEntries(Object.keys(next).map((k) => [k, v[k] === original[k] ? next[k]! : (v[k] ?? '')])));
      setOriginal(next);
    },
  };
}
