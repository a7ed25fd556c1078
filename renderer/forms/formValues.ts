// Between records and the strings a form edits. Every input holds a string ('' for nothing); the
// record's types come back on save. A number that does not parse is sent as typed, so the backend's
// schema names the field and the problem (one source of truth for validation).
import { DEFAULTS, INVENTORY_KINDS, VENDOR_LEGACY_CONTRACT_FIELDS, fieldMeta, fieldNames, type RecordKind } from '../../shared/records';
import type { FormFields, FormValues } from './formCore';

/** The fields a form edits: all but the vendor of an inventory record, which the screen fixes. */
export function editableFields(kind: RecordKind): string[] {
  // A record that lives under one vendor takes its vendor from the screen it is added on.
  const underVendor = (INVENTORY_KINDS as readonly string[]).includes(kind) || kind === 'contract' || kind === 'notice' || kind === 'cost';
  const legacy: readonly string[] = kind === 'vendor' ? VENDOR_LEGACY_CONTRACT_FIELDS : [];
  return (fieldNames(kind) as string[]).filter((f) => !(underVendor && f === 'vendorId') && !legacy.includes(f));
}

/** A record kind's editable fields as the form engine takes them. */
export function recordFields(kind: RecordKind): FormFields {
  return Object.fromEntries(editableFields(kind).map((f) => [f, { meta: fieldMeta(kind, f) }]));
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
