// Checklist templates: the built-in ones (seeded into every workbook, read-only) and the user's
// own (create, edit, reorder, duplicate, delete; or saved from a vendor's checklist).
import type { Template, TemplateItemInput } from '../../../shared/checklists';
import { ApiError } from '../../../shared/errors';
import { BUILTIN_TEMPLATES } from '../../../shared/templates';
import type { Db } from '../store/open';
import {
  builtinTemplateCopyId, deleteTemplateItems, deleteTemplateRow, insertTemplate, insertTemplateItems, liveTemplateRows, templateItems,
  templateRow, updateTemplateRow,
} from '../store/templates';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';

/** Puts the built-in templates into a workbook that lacks them (new workbooks, older ones). */
export function seedBuiltinTemplates(db: Db, now: string, newId: () => string): void {
  for (const t of BUILTIN_TEMPLATES) {
    if (builtinTemplateCopyId(db, t.key) !== undefined) continue;
    const id = newId();
    insertTemplate(db, { id, name: t.name, description: t.description, builtin: t.key, now });
    insertTemplateItems(db, id, t.items, now, newId);
  }
}

export function getTemplate(db: Db, id: string): Template {
  const t = templateRow(db, id);
  if (!t || t.deletedAt) throw new ApiError('NOT_FOUND', `No template with id ${id}`);
  return { ...t, items: templateItems(db, id) };
}

export function listTemplates(db: Db): Template[] {
  return liveTemplateRows(db).map((t) => ({ ...t, items: templateItems(db, t.id) }));
}

function log(ctx: ServiceContext, action: 'create' | 'update' | 'delete', id: string, summary: string) {
  describeChange(ctx, { action, kind: 'template', recordId: id, vendorId: null, summary });
}

export function createTemplate(ctx: ServiceContext, input: { name: string; description?: string | undefined; items: TemplateItemInput[] }): Template {
  return inWrite(ctx, () => {
    const now = nowIso(ctx);
    const id = ctx.newId();
    insertTemplate(ctx.db, { id, name: input.name, description: input.description ?? '', now });
    insertTemplateItems(ctx.db, id, input.items, now, () => ctx.newId());
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
    updateTemplateRow(ctx.db, t.id, input.name ?? t.name, input.description ?? t.description, now);
    if (input.items) {
      deleteTemplateItems(ctx.db, t.id, now);
      insertTemplateItems(ctx.db, t.id, input.items, now, () => ctx.newId());
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
    items: t.items.map(({ phase, title, description, offsetDays, ownerRole, perProcess, register }) => ({ phase, title, description, offsetDays, ownerRole, perProcess, register })),
  });
}

export function deleteTemplate(ctx: ServiceContext, id: string): { deleted: boolean } {
  return inWrite(ctx, () => {
    const t = ownTemplate(ctx, id);
    const now = nowIso(ctx);
    deleteTemplateRow(ctx.db, t.id, now);
    log(ctx, 'delete', t.id, `Deleted template “${t.name}”`);
    return { deleted: true };
  });
}
