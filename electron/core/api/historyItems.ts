// Undo of checklist items' writes (add, delete, restore, edits, sign-off, links to records) and of attaching
// files to documents and items, from what the activity log recorded: the inverse write through the
// same services, refused when the item or document changed since. history.ts asks here before its
// record rules.
import { LINK_KINDS, type ItemChanges, type LinkKind } from '../../../shared/checklists';
import { ApiError } from '../../../shared/errors';
import type { activityEntry } from '../store/activity';
import { entriesAfter } from '../store/activity';
import { attachmentBySha, OWNER_KINDS, type OwnerKind } from '../store/attachments';
import { isStored, OWNER_NAME, ownerInput, reattachStored, removeAttachment } from '../services/attachments';
import type { ServiceContext } from '../services/context';
import { linkItem, mustItem, setItemDeleted, signOffItem, unlinkItem, updateItem } from '../services/checklists';

type Entry = NonNullable<ReturnType<typeof activityEntry>>;
type Change = { from: unknown; to: unknown };

/** The fields of an item edit a user sets (ItemChanges); the rest of a logged edit follows from them. */
const SET_FIELDS = ['title', 'description', 'phase', 'ownerId', 'status', 'blockedReason', 'evidence', 'offsetDays', 'dueDate'] as const;
/** Moved by the service along with the fields above, so never compared on their own. */
const DERIVED = new Set(['ownerManual', 'dueManual', 'completedAt', 'signedOffById', 'signedOffAt']);

const isLinkKind = (k: unknown): k is LinkKind => (LINK_KINDS as readonly unknown[]).includes(k);

function linkOf(value: unknown): { recordKind: LinkKind; recordId: string } | null {
  const v = value as { recordKind?: unknown; recordId?: unknown } | null;
  return v && isLinkKind(v.recordKind) && typeof v.recordId === 'string' ? { recordKind: v.recordKind, recordId: v.recordId } : null;
}

/** The item edit that puts `changes` back as they were, or null when the log holds no field changes. */
function undoEdit(changes: Record<string, Change>, now: Record<string, unknown>): ItemChanges | null {
  const undo: Record<string, unknown> = {};
  for (const f of SET_FIELDS) if (f in changes && f !== 'dueDate') undo[f] = changes[f]!.from;
  // A hand-set date comes back as set by hand; a date that followed T follows it again.
  if ('dueManual' in changes || 'dueDate' in changes) {
    const manualBefore = 'dueManual' in changes ? changes.dueManual!.from === true : now.dueManual === true;
    if (manualBefore) undo.dueDate = 'dueDate' in changes ? changes.dueDate!.from : now.dueDate;
    else if ('dueManual' in changes) undo.dueDate = null;
  }
  return Object.keys(undo).length ? (undo as ItemChanges) : null;
}

/**
 * The write that takes back a checklist item's logged write: undefined when `entry` is not about
 * an item (history.ts goes on), null when it is one the backend cannot take back (an entry logged
 * before its write recorded what it changed).
 */
export function itemInverse(ctx: ServiceContext, entry: Entry, summary: string, neutral: (activityId: string) => boolean): (() => void) | null | undefined {
  if (entry.kind !== 'checklist_item' || !entry.recordId) return undefined;
  const itemId = entry.recordId;
  const refuse = (why: string) => new ApiError('CONFLICT', `Cannot undo “${summary}”: ${why}. Nothing was changed.`);
  const changes = (entry.changes ?? {}) as Record<string, unknown>;
  const checkUnchanged = () => {
    const later = entriesAfter(ctx.db, itemId, entry.seq).find((e) => !neutral(e.id));
    if (later) throw refuse(`the item changed since (“${later.summary}”)`);
  };
  const live = () => {
    const now = mustItem(ctx, itemId);
    if (now.deletedAt) throw refuse('the item was deleted since');
    return now;
  };

  switch (entry.action) {
    case 'create':
    case 'restore':
      return () => {
        checkUnchanged();
        live();
        setItemDeleted(ctx, itemId, true);
      };
    case 'delete':
      return () => {
        checkUnchanged();
        if (!mustItem(ctx, itemId).deletedAt) throw refuse('the item was restored since');
        setItemDeleted(ctx, itemId, false);
      };
    case 'update': {
      const linked = linkOf(changes.link);
      if (linked) {
        return () => {
          checkUnchanged();
          live();
          unlinkItem(ctx, { itemId, ...linked });
        };
      }
      const unlinked = linkOf(changes.unlink);
      if (unlinked) {
        return () => {
          checkUnchanged();
          live();
          linkItem(ctx, { itemId, ...unlinked });
        };
      }
      const fields = changes as Record<string, Change>;
      const edited = Object.keys(fields).filter((f) => !DERIVED.has(f));
      const signer = fields.signedOffById;
      // A sign-off of an item already done, or its withdrawal: the signer before comes back (or none).
      if (edited.length === 0 && signer) {
        return () => {
          checkUnchanged();
          if ((live().signedOffById ?? null) !== (signer.to ?? null)) throw refuse('the item was signed off differently since');
          signOffItem(ctx, { id: itemId, byId: typeof signer.from === 'string' ? signer.from : null });
        };
      }
      // Entries logged before edits recorded their fields cannot be taken back.
      if (edited.length === 0 || !edited.every((f) => (SET_FIELDS as readonly string[]).includes(f))) return null;
      return () => {
        checkUnchanged();
        const now = live() as unknown as Record<string, unknown>;
        const moved = edited.filter((f) => (now[f] ?? null) !== (fields[f]!.to ?? null));
        if (moved.length) throw refuse(`the item changed since (${moved.join(', ')})`);
        const undo = undoEdit(fields, now);
        // Back to its earlier status, the item loses a sign-off the write gave it (updateItem); one the write took away comes back.
        if (undo) updateItem(ctx, { id: itemId, changes: undo });
        if (signer && typeof signer.from === 'string') signOffItem(ctx, { id: itemId, byId: signer.from });
      };
    }
    default:
      return undefined;
  }
}


/**
 * The write that takes back attaching a file to one of its owners (a document, an item, a notice,
 * an access record, a data set), or its removal: undefined when `entry` is neither, null when it
 * cannot be (a removal logged before removals named their file, or a file no longer stored, so
 * there is nothing to link again).
 */
export function attachmentInverse(ctx: ServiceContext, entry: Entry, summary: string, neutral: (activityId: string) => boolean): (() => void) | null | undefined {
  if ((entry.action !== 'attach' && entry.action !== 'detach') || !(OWNER_KINDS as readonly string[]).includes(entry.kind) || !entry.recordId) return undefined;
  const owner = ownerInput(entry.kind as OwnerKind, entry.recordId);
  const ownerId = entry.recordId;
  const changes = (entry.changes ?? {}) as { sha256?: unknown; fileName?: unknown };
  if (typeof changes.sha256 !== 'string') return null;
  const sha256 = changes.sha256;
  const refuse = (why: string) => new ApiError('CONFLICT', `Cannot undo “${summary}”: ${why}. Nothing was changed.`);
  const checkUnchanged = () => {
    const later = entriesAfter(ctx.db, ownerId, entry.seq).find((e) => !neutral(e.id));
    if (later) throw refuse(`its ${OWNER_NAME[entry.kind as OwnerKind].name} changed since (“${later.summary}”)`);
  };
  if (entry.action === 'attach') {
    return () => {
      checkUnchanged();
      const att = attachmentBySha(ctx.db, sha256);
      // The file stays stored, so a redo can link it again.
      if (!att || !removeAttachment(ctx, { ...owner, attachmentId: att.id }, { keepFile: true }).removed) throw refuse('the file is no longer attached');
    };
  }
  if (typeof changes.fileName !== 'string' || !isStored(ctx, sha256)) return null;
  const fileName = changes.fileName;
  return () => {
    checkUnchanged();
    reattachStored(ctx, { ...owner, sha256, fileName });
  };
}
