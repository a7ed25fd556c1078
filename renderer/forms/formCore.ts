// The pure part of the one form engine (useForm): a form is a list of fields described as the
// record schemas describe theirs (FieldMeta), its values are strings, and its problems come back
// by field, from the shared zod schema the backend also checks or from the backend itself. Kept
// free of React so it can be tested on its own.
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import type { Control, FieldMeta } from '../../shared/records';

export type FormValues = Record<string, string>;

/** The record schemas' controls, and two no record field needs: a checkbox (its value 'true' or '') and radio choices (meta.options). */
export type FormControl = Control | 'checkbox' | 'radio';
export interface FormMeta extends Omit<FieldMeta, 'control'> {
  control: FormControl;
}

export interface FormField {
  meta: FormMeta;
  /** The field's name in messages, where shorter than its label ("Days from T"). */
  errorLabel?: string;
  /** Other issue paths that mean this field (the schema's "offsetDays" for the "offset" box). */
  paths?: readonly string[];
  /** The message when the typed text is not a number at all (int and money fields). */
  notANumber?: string;
}

export type FormFields = Record<string, FormField>;

export interface SortedIssues {
  /** Messages by field name, ready to show under the field. */
  byField: Record<string, string>;
  /** Issues that name no field this form shows. */
  other: string[];
}

export const NO_ISSUES: SortedIssues = { byField: {}, other: [] };

/** A field's string as the schema types it: '' is nothing; a number that does not parse stays as typed, so the schema names the field. */
export function typedValue(control: FormControl, s: string): unknown {
  switch (control) {
    case 'checkbox':
      return s === 'true';
    case 'date':
    case 'person':
    case 'document':
    case 'vendor':
      return s === '' ? null : s;
    case 'int':
    case 'money': {
      const t = s.trim();
      if (t === '') return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    }
    case 'currency':
      return s.trim().toUpperCase();
    default:
      return s;
  }
}

/** The form's values typed for the schema, for some of its fields (all by default). */
export function typedValues(fields: FormFields, values: FormValues, names: string[] = Object.keys(fields)): Record<string, unknown> {
  return Object.fromEntries(names.map((f) => [f, typedValue(fields[f]?.meta.control ?? 'text', values[f] ?? '')]));
}

/** The values a form starts from: the original, over which a stored draft's strings for this form's fields. */
export function startValues(original: FormValues, draft: Record<string, unknown> | undefined): FormValues {
  // A draft is read back from storage, which anything may have written.
  const kept = Object.entries(draft ?? {}).filter((e): e is [string, string] => e[0] in original && typeof e[1] === 'string');
  return { ...original, ...Object.fromEntries(kept) };
}

export function changedFields(original: FormValues, values: FormValues): string[] {
  return Object.keys(values).filter((f) => (values[f] ?? '') !== (original[f] ?? ''));
}

/** Which of the form's fields an issue path names ("title", "changes.offsetDays", "items.0.title"). */
function fieldOf(fields: FormFields, path: string): string | undefined {
  const head = path.replace(/^changes\./, '').split('.')[0] ?? '';
  if (head in fields) return head;
  return Object.keys(fields).find((f) => fields[f]!.paths?.includes(head));
}

/** Messages that read "is required" get the field's name in front of them. */
function fieldMessage(field: FormField, message: string): string {
  const label = field.errorLabel ?? field.meta.label;
  return /^[a-z]/.test(message) ? `${label} ${message}.`.replace(/\.\.$/, '.') : message;
}

/** Sorts issues (the backend's, or the schema's) onto the form's fields; the first message per field wins. */
export function sortIssues(fields: FormFields, issues: readonly FieldIssue[] | undefined): SortedIssues {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues ?? []) {
    const field = fieldOf(fields, issue.field);
    if (field) byField[field] ??= fieldMessage(fields[field]!, issue.message);
    else other.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
  }
  return { byField, other };
}

/** A zod error as field issues, with dotted paths as the backend gives them. */
export function issuesOfZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Checks a form before it is sent: numbers that are not numbers (the form's own typing), then the
 * shared schema on the input `build` makes of the typed values. No issues: the parsed input.
 */
export function checkForm<S extends z.ZodType>(
  fields: FormFields,
  values: FormValues,
  schema: S,
  build: (typed: Record<string, unknown>) => unknown,
): { ok: true; input: z.output<S> } | { ok: false; issues: SortedIssues } {
  const typing: FieldIssue[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const v = typedValue(field.meta.control, values[name] ?? '');
    if (typeof v === 'string' && (field.meta.control === 'int' || field.meta.control === 'money')) {
      typing.push({ field: name, message: field.notANumber ?? (field.meta.control === 'int' ? 'must be a whole number' : 'must be a number') });
    }
  }
  const parsed = schema.safeParse(build(typedValues(fields, values)));
  const issues = [...typing, ...(parsed.success ? [] : issuesOfZod(parsed.error))];
  if (issues.length) return { ok: false, issues: sortIssues(fields, issues) };
  return { ok: true, input: parsed.data as z.output<S> };
}
