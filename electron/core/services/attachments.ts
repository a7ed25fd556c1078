// Files attached to documents, checklist items (evidence), notices served (the letter), access records (evidence) and
// data sets (the deletion certificate): streamed into the workbook's attachment folder under their
// SHA-256 (from a path on this computer or an upload's body, never as bytes in a message), stored once however often they
// are added, opened through the face's own opener, saved elsewhere through its save dialog, removed.
import { randomBytes } from 'node:crypto';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ATTACHMENT_OWNER_FIELDS, MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentOwnerField } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { TITLE_FIELD } from '../../../shared/records';
import { attachmentDir, blobPath, removeBlob } from '../store/blobs';
import { putBlobFromFile, putBlobFromStream } from '../store/blobFile';
import { checkDestination } from './destination';
import { getRecord } from '../store/records';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';
import {
  attachmentBySha, attachmentInUse, attachmentLink, insertAttachment, insertAttachmentLink, liveAttachmentLink, liveAttachmentRow,
  liveItemOwner, ownedAttachment, ownedAttachments, removeAttachmentLink, removeAttachmentRow, reviveAttachment, reviveAttachmentLink,
  type OwnerKind,
} from '../store/attachments';

/** Whose attachments: exactly one of the owner fields (shared/contract.ts ATTACHMENT_OWNER_FIELDS). */
export type AttachmentOwner = { [F in AttachmentOwnerField]?: string | undefined };

interface Owner {
  kind: OwnerKind;
  id: string;
  vendorId: string;
  title: string;
  /** How the activity log names it. */
  label: string;
}

/** The owner field given, and the kind of record it names (the contract's refinement makes it exactly one). */
export function ownerKindOf(o: AttachmentOwner): { field: AttachmentOwnerField; kind: OwnerKind; id: string } {
  const field = (Object.keys(ATTACHMENT_OWNER_FIELDS) as AttachmentOwnerField[]).find((f) => o[f] !== undefined) ?? 'documentId';
  return { field, kind: ATTACHMENT_OWNER_FIELDS[field], id: o[field] ?? '' };
}

/** The owner input that names a record of this kind (for an undo, which knows the kind and id from the log). */
export function ownerInput(kind: OwnerKind, id: string): AttachmentOwner {
  const field = (Object.keys(ATTACHMENT_OWNER_FIELDS) as AttachmentOwnerField[]).find((f) => ATTACHMENT_OWNER_FIELDS[f] === kind)!;
  return { [field]: id };
}

/** How a refusal, an undo and the activity log name each kind of owner. */
export const OWNER_NAME: Record<OwnerKind, { a: string; name: string }> = {
  document: { a: 'a', name: 'document' }, checklist_item: { a: 'a', name: 'checklist item' }, notice: { a: 'a', name: 'notice' },
  access: { a: 'an', name: 'access record' }, dataset: { a: 'a', name: 'data set' },
};

/** The live owner record, or a refusal naming the field: it does not exist, was deleted, or is a record of another kind. */
function liveOwner(ctx: ServiceContext, o: AttachmentOwner): Owner {
  const { field, kind, id } = ownerKindOf(o);
  const found = findOwner(ctx, kind, id);
  if (!found) {
    const message = `refers to ${OWNER_NAME[kind].a} ${OWNER_NAME[kind].name} that does not exist or was deleted`;
    throw new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
  }
  return found;
}

function findOwner(ctx: ServiceContext, kind: OwnerKind, id: string): Owner | undefined {
  if (kind === 'checklist_item') {
    const item = liveItemOwner(ctx.db, id);
    return item && { kind, ...item, label: `checklist item “${item.title}”` };
  }
  if (kind === 'notice') {
    const notice = getRecord(ctx.db, kind, id);
    if (!notice || notice.deletedAt) return undefined;
    // A notice has no name of its own: its contract and the day it was served name it.
    const contract = getRecord(ctx.db, 'contract', notice.contractId);
    const title = `notice served on ${notice.servedOn}`;
    return { kind, id, vendorId: notice.vendorId, title, label: contract ? `${title} (contract “${contract.title}”)` : title };
  }
  const rec = getRecord(ctx.db, kind, id) as (Record<string, unknown> & { vendorId: string; deletedAt: string | null }) | undefined;
  if (!rec || rec.deletedAt) return undefined;
  const title = String(rec[TITLE_FIELD[kind]]);
  return { kind, id, vendorId: rec.vendorId, title, label: `${OWNER_NAME[kind].name} “${title}”` };
}

/**
 * Attaches what a stream carries (the browser face's upload body), hashed while it is written into
 * the store, never whole in memory. The owner is checked before a byte is stored.
 */
export async function addAttachmentFromStream(ctx: ServiceContext, input: AttachmentOwner & { fileName: string }, source: Readable, maxBytes = MAX_ATTACHMENT_BYTES): Promise<Attachment> {
  liveOwner(ctx, input);
  const stored = await putBlobFromStream(attachmentDir(ctx.workbookPath), source, { maxBytes, field: 'body', name: input.fileName });
  // The owner is looked up again: it may have been deleted while the file was received.
  return linkStored(ctx, liveOwner(ctx, input), { sha: stored.sha, size: stored.size, fileName: input.fileName, mediaType: mediaTypeOf(input.fileName) });
}

/**
 * Attaches a file on this computer, streamed into the store while it is hashed (never whole in
 * memory). Only regular files: a pipe, socket or device is refused with its name.
 */
export async function addAttachmentFromPath(ctx: ServiceContext, input: AttachmentOwner & { path: string; fileName?: string | undefined }): Promise<Attachment> {
  liveOwner(ctx, input);
  const stored = await putBlobFromFile(attachmentDir(ctx.workbookPath), input.path, { maxBytes: MAX_ATTACHMENT_BYTES, field: 'path' });
  const fileName = input.fileName ?? basename(input.path);
  // The owner is looked up again: it may have been deleted while the file was copied.
  return linkStored(ctx, liveOwner(ctx, input), { sha: stored.sha, size: stored.size, fileName, mediaType: mediaTypeOf(fileName) });
}

/** The rows that point at a stored file: the attachment (revived if it was removed) and its link to the owner, logged. */
function linkStored(ctx: ServiceContext, doc: Owner, file: { sha: string; size: number; fileName: string; mediaType?: string | undefined }): Attachment {
  const { sha } = file;
  return inWrite(ctx, () => {
    const at = nowIso(ctx);
    let att = attachmentBySha(ctx.db, sha);
    if (!att) {
      att = { id: ctx.newId(), deletedAt: null };
      insertAttachment(ctx.db, { id: att.id, sha256: sha, size: file.size, fileName: file.fileName, mediaType: file.mediaType || 'application/octet-stream', at });
    } else if (att.deletedAt) {
      reviveAttachment(ctx.db, att.id, at);
    }
    const link = attachmentLink(ctx.db, doc.kind, doc.id, att.id);
    if (!link) {
      insertAttachmentLink(ctx.db, { id: ctx.newId(), attachmentId: att.id, ownerKind: doc.kind, ownerId: doc.id, fileName: file.fileName, at });
    } else if (link.deletedAt) {
      reviveAttachmentLink(ctx.db, link.id, file.fileName, at);
    }
    if (!link || link.deletedAt) {
      describeChange(ctx, {
        action: 'attach', kind: doc.kind, recordId: doc.id, vendorId: doc.vendorId,
        summary: `Attached “${file.fileName}” to ${doc.label}`, changes: { sha256: sha, size: file.size },
      });
    }
    return ownedAttachment(ctx.db, doc.kind, doc.id, att.id)!;
  });
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf', '.txt': 'text/plain', '.md': 'text/markdown', '.csv': 'text/csv', '.json': 'application/json',
  '.html': 'text/html', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.zip': 'application/zip', '.eml': 'message/rfc822', '.msg': 'application/vnd.ms-outlook',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** A media type from the file's extension (the OS and the receiving side open by it); octet-stream otherwise. */
export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export function listAttachments(ctx: ServiceContext, owner: AttachmentOwner): Attachment[] {
  const { kind, id } = ownerKindOf(owner);
  return ownedAttachments(ctx.db, kind, id);
}

function liveAttachment(ctx: ServiceContext, id: string) {
  const att = liveAttachmentRow(ctx.db, id);
  if (!att) throw new ApiError('NOT_FOUND', `No attachment with id ${id}`);
  const path = blobPath(attachmentDir(ctx.workbookPath), att.sha256);
  if (!existsSync(path)) {
    throw new ApiError('FILE_ERROR', `The file of attachment “${att.fileName}” is missing from ${attachmentDir(ctx.workbookPath)}`);
  }
  return { ...att, path };
}

/** The stored file of an attachment, for a face that streams it out (the browser face's download route). */
export function attachmentFile(ctx: ServiceContext, id: string): { path: string; fileName: string; mediaType: string; size: number } {
  const att = liveAttachment(ctx, id);
  return { path: att.path, fileName: att.fileName, mediaType: att.mediaType, size: statSync(att.path).size };
}

/**
 * Saves a copy of an attachment where the user chose in the face's save dialog (`ask`; null when
 * cancelled). Copied streaming to a temporary name beside the target, flushed, then renamed; the
 * destination is checked as every export's is, before and again right before the rename.
 */
export async function saveAttachmentAs(ctx: ServiceContext, id: string, ask: ((suggestedName: string) => Promise<string | null>) | undefined): Promise<{ path: string | null }> {
  if (!ask) throw new ApiError('UNSUPPORTED', 'This face has no save dialog: download the attachment instead.');
  const att = liveAttachment(ctx, id);
  const picked = await ask(att.fileName);
  if (!picked) return { path: null };
  // The dialog asked before an existing file was picked (replace); a workbook or its files are still refused.
  const check = (path: string) => checkDestination(path, { field: 'path', extension: extname(path), workbookPath: ctx.workbookPath, replace: true });
  const target = check(picked);
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.${basename(target)}.tmp`);
  try {
    await pipeline(createReadStream(att.path), createWriteStream(temp, { flags: 'wx' }));
    const fh = await open(temp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    check(target);
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return { path: target };
}

/**
 * Hands a copy to the operating system under its own file name (so the right program opens it);
 * the stored file itself is never given out, so an editor cannot change it behind our back.
 */
export async function openAttachment(ctx: ServiceContext, id: string, opener: ((path: string) => Promise<void>) | undefined) {
  if (!opener) throw new ApiError('UNSUPPORTED', 'This face cannot open files; download the attachment instead.');
  const att = liveAttachment(ctx, id);
  // A new private folder each time: a fixed path in the shared temp folder could hold a symlink
  // planted by another user, and copying onto it would write wherever it points.
  const dir = mkdtempSync(join(tmpdir(), 'handover-workbook-open-'));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const copy = join(dir, att.fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'));
  copyFileSync(att.path, copy);
  await opener(copy);
  return { opened: true };
}

/** `keepFile`: the stored file stays even when nothing links to it any more (an undo of an attach, which a redo may put back). */
export function removeAttachment(ctx: ServiceContext, input: AttachmentOwner & { attachmentId: string }, options: { keepFile?: boolean } = {}): { removed: boolean } {
  let orphanSha: string | null = null;
  const result = inWrite(ctx, () => {
    const doc = liveOwner(ctx, input);
    const link = liveAttachmentLink(ctx.db, doc.kind, doc.id, input.attachmentId);
    if (!link) return { removed: false };
    const at = nowIso(ctx);
    removeAttachmentLink(ctx.db, link.id, at);
    if (!attachmentInUse(ctx.db, input.attachmentId)) {
      removeAttachmentRow(ctx.db, input.attachmentId, at);
      orphanSha = link.sha256;
    }
    describeChange(ctx, {
      action: 'detach', kind: doc.kind, recordId: doc.id, vendorId: doc.vendorId,
      summary: `Removed attachment “${link.fileName}” from ${doc.label}`,
      // Which file it was, so an undo can link it again while it is still stored (api/historyItems.ts).
      changes: { attachmentId: input.attachmentId, sha256: link.sha256, fileName: link.fileName },
    });
    return { removed: true };
  });
  // The file goes only after the rows that pointed at it are committed as removed.
  if (orphanSha && !options.keepFile) removeBlob(attachmentDir(ctx.workbookPath), orphanSha);
  return result;
}

/** Whether the file with this hash is still in the attachment store. */
export function isStored(ctx: ServiceContext, sha256: string): boolean {
  return existsSync(blobPath(attachmentDir(ctx.workbookPath), sha256));
}

/** Links a file still in the store to its owner again (an undo of its removal), logged as attaching it. */
export function reattachStored(ctx: ServiceContext, input: AttachmentOwner & { sha256: string; fileName: string }): Attachment {
  if (!isStored(ctx, input.sha256)) throw new ApiError('CONFLICT', `“${input.fileName}” is no longer in the workbook's attachment store.`);
  const size = statSync(blobPath(attachmentDir(ctx.workbookPath), input.sha256)).size;
  return linkStored(ctx, liveOwner(ctx, input), { sha: input.sha256, size, fileName: input.fileName, mediaType: mediaTypeOf(input.fileName) });
}
