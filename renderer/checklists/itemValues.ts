// An item's form values: read from the item, compared with what was loaded, and turned into the
// changes a save sends (or the field a value is wrong in).
import type { ChecklistItem, ItemChanges } from '../../shared/checklists';
import type { FormFields, FormValues } from '../forms/formCore';
import { ITEM_FIELD, OFFSET_FIELD, parseOffset } from './itemFields';

export interface ItemValues {
  title: string;
  phase: string;
  description: string;
  ownerId: string;
  status: string;
  blockedReason: string;
  evidence: string;
  offset: string;
  /** The hand-set date ('' when the date follows the exit date). */
  due: string;
  manual: boolean;
}

export function toValues(item: ChecklistItem): ItemValues {
  return {
    title: item.title,
    phase: String(item.phase),
    description: item.description,
    ownerId: item.ownerId ?? '',
    status: item.status,
    blockedReason: item.blockedReason,
    evidence: item.evidence,
    offset: item.offsetDays == null ? '' : String(item.offsetDays),
    due: item.dueManual ? (item.dueDate ?? '') : '',
    manual: item.dueManual,
  };
}

export const ITEM_KEYS = Object.keys(toValues({} as ChecklistItem)) as (keyof ItemValues)[];

/** The changes to send, or an error naming the field a value is wrong in. */
export function changesOf(original: ItemValues, v: ItemValues): { changes: ItemChanges } | { field: string; message: string } {
  const ch: ItemChanges = {};
  if (v.title !== original.title) ch.title = v.title;
  if (v.phase !== original.phase) ch.phase = Number(v.phase);
  if (v.description !== original.description) ch.description = v.description;
  if (v.ownerId !== original.ownerId) ch.ownerId = v.ownerId || null;
  if (v.status !== original.status) ch.status = v.status as ChecklistItem['status'];
  if (v.blockedReason !== original.blockedReason || (v.status === 'blocked' && v.status !== original.status)) ch.blockedReason = v.blockedReason;
  if (v.evidence !== original.evidence) ch.evidence = v.evidence;
  const offsetChanged = v.offset.trim() !== original.offset;
  if (offsetChanged) {
    const n = parseOffset(v.offset);
    if (n === null) return { field: 'offset', message: 'Days from T must be a whole number, e.g. -30 for 30 days before the exit date.' };
    ch.offsetDays = n;
  }
  const manual = v.manual && v.due.trim() !== '';
  if (manual && (v.due !== original.due || !original.manual || offsetChanged)) ch.dueDate = v.due.trim();
  else if (!manual && original.manual) ch.dueDate = null;
  return { changes: ch };
}

/** An item's detail for the form engine: its fields, named in messages as the detail has always named them. */
export const ITEM_FORM: FormFields = {
  title: { meta: ITEM_FIELD.title },
  phase: { meta: ITEM_FIELD.phase },
  description: { meta: ITEM_FIELD.description },
  ownerId: { meta: ITEM_FIELD.ownerId },
  status: { meta: ITEM_FIELD.status },
  blockedReason: { meta: ITEM_FIELD.blockedReason, errorLabel: 'The reason' },
  evidence: { meta: ITEM_FIELD.evidence },
  offset: OFFSET_FIELD,
  due: { meta: { label: 'Due date', control: 'date' }, paths: ['dueDate'] },
  manual: { meta: { label: 'Set by hand', control: 'checkbox' } },
};

/** The item's values as the form engine keeps them: strings, "set by hand" as 'true' or ''. */
export function toFormValues(item: ChecklistItem): FormValues {
  const v = toValues(item);
  return { ...v, manual: v.manual ? 'true' : '' };
}

export function fromFormValues(v: FormValues): ItemValues {
  return { ...(Object.fromEntries(ITEM_KEYS.map((k) => [k, v[k] ?? ''])) as unknown as ItemValues), manual: v.manual === 'true' };
}
