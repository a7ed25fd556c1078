// Between records and the strings a form edits. Every input holds a string ('' for nothing); the
// record's types come back on save. A number that does not parse is sent as typed, so the backend's
// schema names the field and the problem (one source of truth for validation).
import type { FieldIssue } from '../../shared/errors';
import { DEFAULTS, INVENTORY_KINDS, fieldMeta, fieldNames, type RecordKind } from '../../shared/records';

export type FormValues = Record<string, string>;

/** The fields a form edits: all but the vendor of an inventory record, which the screen fixes. */
export function editableFields(kind: RecordKind): string[] {
  const inventory = (INVENTORY_KINDS as readonly string[]).includes(kind);
  return (fieldNames(kind) as string[]).filter((f) => !(inventory && f === 'vendorId'));
}

export function toForm(kind: RecordKind, record: Record<string, unknown> | null): FormValues {
  const defaults = DEFAULTS[kind] as Record<string, unknown>;
  const values: FormValues = {};
  for (const f of editableFields(kind)) {
    const v = record ? record[f] : defaults[f];
    values[f] = v == null ? '' : String(v);
  }
  return values;
}

function fromString(kind: RecordKind, field: string, s: string): unknown {
  switch (fieldMeta(kind, field).control) {
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

export function fromForm(kind: RecordKind, values: FormValues, fields: string[] = Object.keys(values)): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, fromString(kind, f, values[f] ?? '')]));
}

export function changedFields(original: FormValues, values: FormValues): string[] {
  return Object.keys(values).filter((f) => (values[f] ?? '') !== (original[f] ?? ''));
}

export interface SortedIssues {
  /** Messages by field name, ready to show under the field. */
  byField: Record<string, string>;
  /** Issues that name no field this form shows. */
  other: string[];
}

/** Maps the backend's issue paths ("name", "changes.exitDate") onto this form's fields. */
export function sortIssues(kind: RecordKind, issues: FieldIssue[] | undefined, fields: string[]): SortedIssues {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues ?? []) {
    const field = issue.field.replace(/^changes\./, '').split('.')[0] ?? '';
    if (fields.includes(field)) {
      byField[field] ??= fieldMessage(kind, field, issue.message);
    } else {
      other.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
    }
  }
  return { byField, other };
}

/** Backend messages read as "is required": put the field's label in front of them. */
function fieldMessage(kind: RecordKind, field: string, message: string): string {
  const label = fieldMeta(kind, field).label;
  return /^[a-z]/.test(message) ? `${label} ${message}.`.replace(/\.\.$/, '.') : message;
}
