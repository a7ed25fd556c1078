// Checklist templates: the built-in ones (seeded into every workbook, read-only) and the user's
// own (create, edit, reorder, duplicate, delete; or saved from a vendor's checklist).
import type { Template, TemplateItem, TemplateItemInput } from '../../../shared/checklists';
import { ApiError } from '../../../shared/errors';
import { BUILTIN_TEMPLATES } from '../../../shared/templates';
import { prepared } from '../store/prepared';
import type { Db } from '../store/open';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';

/** Puts the built-in templates into a workbook that lacks them (new workbooks, older ones). */
export function seedBuiltinTemplates(db: Db, now: string, newId: () => string): void {
  for (const t of BUILTIN_TEMPLATES) {
    if (prepared(db, 'SELECT 1 FROM templates WHERE builtin = ?').get(t.key)) continue;
    const id = newId();
    prepared(db, 'INSERT INTO templates (id, name, description, builtin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, t.name, t.description, t.key, now, now);
    insertItems(db, id, t.items, now, newId);
  }
}

function insertItems(db: Db, templateId: string, items: readonly TemplateItemInput[], now: string, newId: () => string) {
  const stmt = prepared(db, `INSERT INTO template_items (id, template_id, position, phase, title, description, offset_days, owner_role, per_process, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  items.forEach((it, position) => {
    stmt.run(newId(), templateId, position, it.phase, it.title, it.description ?? '', it.offsetDays, it.ownerRole ?? '', it.perProcess ? 1 : 0, now, now);
  });
}

const ITEM_COLUMNS = `id, position, phase, title, description, offset_days AS "offsetDays", owner_role AS "ownerRole", per_process AS "perProcess"`;
const TEMPLATE_COLUMNS = `id, name, description, builtin, created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

function itemsOf(db: Db, templateId: string): TemplateItem[] {
  const rows = prepared(db, `SELECT ${ITEM_COLUMNS} FROM template_items WHERE template_id = ? AND deleted_at IS NULL ORDER BY position`)
    .all(templateId) as (Omit<TemplateItem, 'perProcess'> & { perProcess: number })[];
  return rows.map((i) => ({ ...i, perProcess: i.perProcess === 1 }));
}

export function getTemplate(db: Db, id: string): Template {
  const t = prepared(db, `SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE id = ?`).get(id) as Omit<Template, 'items'> | undefined;
  if (!t || t.deletedAt) throw new ApiError('NOT_FOUND', `No template with id ${id}`);
  return { ...t, items: itemsOf(db, id) };
}

export function listTemplates(db: Db): Template[] {
  const rows = prepared(db, `SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE deleted_at IS NULL
    ORDER BY builtin IS NULL, CASE builtin WHEN 'exit' THEN 0 WHEN 'emergency_exit' THEN 1 ELSE 2 END, name COLLATE NOCASE`)
    .all() as Omit<Template, 'items'>[];
  return rows.map((t) => ({ ...t, items: itemsOf(db, t.id) }));
}

function log(ctx: ServiceContext, action: 'create' | 'update' | 'delete', id: string, summary: string) {
  describeChange(ctx, { action, kind: 'template', recordId: id, vendorId: null, summary });
}

export function createTemplate(ctx: ServiceContext, input: { name: string; description?: string | undefined; items: TemplateItemInput[] }): Template {
  return inWrite(ctx, () => {
    const now = nowIso(ctx);
    const id = ctx.newId();
    prepared(ctx.db, 'INSERT INTO templates (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, input.name, input.description ?? '', now, now);
    insertItems(ctx.db, id, input.items, now, () => ctx.newId());
    log(ctx, 'create', id, `Created template “${input.name}” with ${input.items.length} items`);
    return getTemplate(ctx.db, id);
  });
}

function ownTemplate(ctx: ServiceContext, id: string): Template {
  const t = getTemplate(ctx.db, id);
  if (t.builtin) throw new ApiError('CONFLICT', `“${t.name}” is built in and cannot be changed; duplicate it to make your own.`);
  return t;
}

/** Edits name and description; a given item list replaces the items in its order (that is how items are reordered). */
export function updateTemplate(
  ctx: ServiceContext,
  input: { id: string; name?: string | undefined; description?: string | undefined; items?: TemplateItemInput[] | undefined },
): Template {
  return inWrite(ctx, () => {
    const t = ownTemplate(ctx, input.id);
    const now = nowIso(ctx);
    prepared(ctx.db, 'UPDATE templates SET name = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(input.name ?? t.name, input.description ?? t.description, now, t.id);
    if (input.items) {
      prepared(ctx.db, 'UPDATE template_items SET deleted_at = ?, updated_at = ? WHERE template_id = ? AND deleted_at IS NULL').run(now, now, t.id);
      insertItems(ctx.db, t.id, input.items, now, () => ctx.newId());
    }
    log(ctx, 'update', t.id, `Updated template “${input.name ?? t.name}”`);
    return getTemplate(ctx.db, t.id);
  });
}

export function duplicateTemplate(ctx: ServiceContext, input: { id: string; name?: string | undefined }): Template {
  const t = getTemplate(ctx.db, input.id);
  return createTemplate(ctx, {
    name: input.name ?? `${t.name} (copy)`,
    description: t.description,
    items: t.items.map(({ phase, title, description, offsetDays, ownerRole, perProcess }) => ({ phase, title, description, offsetDays, ownerRole, perProcess })),
  });
}

export function deleteTemplate(ctx: ServiceContext, id: string): { deleted: boolean } {
  return inWrite(ctx, () => {
    const t = ownTemplate(ctx, id);
    const now = nowIso(ctx);
    prepared(ctx.db, 'UPDATE templates SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, t.id);
    log(ctx, 'delete', t.id, `Deleted template “${t.name}”`);
    return { deleted: true };
  });
}
