// The rules of the mapping step, apart from its screens: fields two columns fill, the keys a row
// can be matched on, and the choice values to ask about.
import type { SheetInspection, SheetMapping, SheetPreview } from '../../shared/sheets';

/** The fields more than one column fills (the later columns would overwrite the earlier). */
export function doubleMapped(mapping: SheetMapping): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const field of Object.values(mapping.columns)) {
    if (!field) continue;
    if (seen.has(field)) twice.add(field);
    seen.add(field);
  }
  return twice;
}

/** The fields a row can be matched on: the id column, or a mapped text field (a natural key such as the name). */
export function keyChoices(inspection: SheetInspection, mapping: SheetMapping): { field: string; label: string }[] {
  const mapped = new Set(Object.values(mapping.columns).filter((f): f is string => !!f));
  return inspection.fields
    .filter((f) => mapped.has(f.field) && (f.field === 'id' || f.control === 'text' || f.control === 'email' || f.control === 'url'))
    .map((f) => ({ field: f.field, label: f.field === 'id' ? 'Id column' : f.label }));
}

/** A choice field's values to ask about: those the dry run could not match, and those already answered (which it then matches). */
export function valueGroups(preview: SheetPreview, mapping: SheetMapping): { field: string; column: string; values: { value: string; rows: number | null }[] }[] {
  const groups = new Map(preview.unmatched.map((u) => [u.field, { field: u.field, column: u.column, values: u.values.map((v) => ({ value: v.value, rows: v.rows as number | null })) }]));
  for (const [field, answers] of Object.entries(mapping.values ?? {})) {
    const column = Object.entries(mapping.columns).find(([, f]) => f === field)?.[0];
    if (column === undefined) continue;
    const group = groups.get(field) ?? { field, column, values: [] };
    for (const value of Object.keys(answers)) if (!group.values.some((v) => v.value === value)) group.values.push({ value, rows: null });
    if (group.values.length) groups.set(field, group);
  }
  return [...groups.values()];
}
