// Checklist templates and their items in SQL: built-in ones carry the key of the shared template
// they came from (`builtin`), the user's own have none. Items are replaced, never edited: a new
// list tombstones the old items and inserts the new ones in order.
import type { Template, TemplateItem, TemplateItemInput } from '../../../shared/checklists';
import type { Db } from './open';
import { prepared } from './prepared';

const ITEM_COLUMNS = `id, position, phase, title, description, offset_days AS "offsetDays", owner_role AS "ownerRole", per_process AS "perProcess", register`;
const TEMPLATE_COLUMNS = `id, name, description, builtin, created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

export type TemplateRow = Omit<Template, 'items'>;

/** The id of this workbook's copy of a built-in template, deleted or not; undefined if it has none. */
export function builtinTemplateCopyId(db: Db, key: string): string | undefined {
  return (prepared(db, 'SELECT id FROM templates WHERE builtin = ?').get(key) as { id: string } | undefined)?.id;
}

export function insertTemplate(db: Db, t: { id: string; name: string; description: string; builtin?: string | undefined; now: string }): void {
  prepared(db, 'INSERT INTO templates (id, name, description, builtin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(t.id, t.name, t.description, t.builtin ?? null, t.now, t.now);
}

/** Inserts the items at positions 0, 1, … in the order given. */
export function insertTemplateItems(db: Db, templateId: string, items: readonly TemplateItemInput[], now: string, newId: () => string): void {
  const stmt = prepared(db, `INSERT INTO template_items (id, template_id, position, phase, title, description, offset_days, owner_role, per_process, register, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  items.forEach((it, position) => {
    stmt.run(newId(), templateId, position, it.phase, it.title, it.description ?? '', it.offsetDays, it.ownerRole ?? '', it.perProcess ? 1 : 0, it.register ?? null, now, now);
  });
}

/** A template's live items in their order. */
export function templateItems(db: Db, templateId: string): TemplateItem[] {
  const rows = prepared(db, `SELECT ${ITEM_COLUMNS} FROM template_items WHERE template_id = ? AND deleted_at IS NULL ORDER BY position`)
    .all(templateId) as (Omit<TemplateItem, 'perProcess'> & { perProcess: number })[];
  return rows.map((i) => ({ ...i, perProcess: i.perProcess === 1 }));
}

/** A template's row, deleted or not; undefined if there is none. */
export function templateRow(db: Db, id: string): TemplateRow | undefined {
  return prepared(db, `SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE id = ?`).get(id) as TemplateRow | undefined;
}

/** Live templates: the built-in exit, then the emergency exit, then the rest built in, then the user's own by name. */
export function liveTemplateRows(db: Db): TemplateRow[] {
  return prepared(db, `SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE deleted_at IS NULL
    ORDER BY builtin IS NULL, CASE builtin WHEN 'exit' THEN 0 WHEN 'emergency_exit' THEN 1 ELSE 2 END, name COLLATE NOCASE`)
    .all() as TemplateRow[];
}

export function updateTemplateRow(db: Db, id: string, name: string, description: string, now: string): void {
  prepared(db, 'UPDATE templates SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(name, description, now, id);
}

/** Tombstones a template's live items (before its new list is inserted). */
export function deleteTemplateItems(db: Db, templateId: string, now: string): void {
  prepared(db, 'UPDATE template_items SET deleted_at = ?, updated_at = ? WHERE template_id = ? AND deleted_at IS NULL').run(now, now, templateId);
}

export function deleteTemplateRow(db: Db, id: string, now: string): void {
  prepared(db, 'UPDATE templates SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

/** This workbook's copies of the built-in templates: their ids and keys. */
export function builtinTemplateRows(db: Db): { id: string; builtin: string }[] {
  return prepared(db, 'SELECT id, builtin FROM templates WHERE builtin IS NOT NULL').all() as { id: string; builtin: string }[];
}
