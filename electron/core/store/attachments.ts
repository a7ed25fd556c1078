// Attachments in SQL: one row per stored file (by its SHA-256, tombstoned when nothing links to
// it any more) and one link per owner (a document, a checklist item's evidence, a notice's served
// letter, an access record's evidence, a data set's deletion certificate) with the name the file
// has there.
import type { Attachment } from '../../../shared/contract';
import type { Db } from './open';
import { prepared } from './prepared';

/** The kinds of record that files attach to (attachment_links.owner_kind, schema 9). */
export const OWNER_KINDS = ['document', 'checklist_item', 'notice', 'access', 'dataset'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
/** The table holding each kind of owner; every one of them carries a vendor_id. */
export const OWNER_TABLE = {
  document: 'documents', checklist_item: 'checklist_items', notice: 'contract_notices', access: 'access_credentials', dataset: 'data_sets',
} as const satisfies Record<OwnerKind, string>;

const ATTACHMENT_COLUMNS = `a.id, a.sha256, a.size, l.file_name AS "fileName", a.media_type AS "mediaType",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt", l.deleted_at AS "deletedAt"`;

/** A live checklist item's vendor and title, as an owner of attachments; undefined if it is gone. */
export function liveItemOwner(db: Db, itemId: string): { id: string; vendorId: string; title: string } | undefined {
  return prepared(db, 'SELECT id, vendor_id AS vendorId, title FROM checklist_items WHERE id = ? AND deleted_at IS NULL')
    .get(itemId) as { id: string; vendorId: string; title: string } | undefined;
}

/** The attachment row of a stored file, removed or not; undefined if the file was never attached. */
export function attachmentBySha(db: Db, sha256: string): { id: string; deletedAt: string | null } | undefined {
  return prepared(db, 'SELECT id, deleted_at AS deletedAt FROM attachments WHERE sha256 = ?').get(sha256) as { id: string; deletedAt: string | null } | undefined;
}

export function insertAttachment(db: Db, a: { id: string; sha256: string; size: number; fileName: string; mediaType: string; at: string }): void {
  prepared(db, 'INSERT INTO attachments (id, sha256, size, file_name, media_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(a.id, a.sha256, a.size, a.fileName, a.mediaType, a.at, a.at);
}

export function reviveAttachment(db: Db, id: string, at: string): void {
  prepared(db, 'UPDATE attachments SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(at, id);
}

export function removeAttachmentRow(db: Db, id: string, at: string): void {
  prepared(db, 'UPDATE attachments SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/** The link between an owner and an attachment, removed or not. */
export function attachmentLink(db: Db, ownerKind: OwnerKind, ownerId: string, attachmentId: string): { id: string; deletedAt: string | null } | undefined {
  return prepared(db, `SELECT id, deleted_at AS deletedAt FROM attachment_links
      WHERE owner_kind = ? AND owner_id = ? AND attachment_id = ?`).get(ownerKind, ownerId, attachmentId) as { id: string; deletedAt: string | null } | undefined;
}

export function insertAttachmentLink(db: Db, l: { id: string; attachmentId: string; ownerKind: OwnerKind; ownerId: string; fileName: string; at: string }): void {
  prepared(db, `INSERT INTO attachment_links (id, attachment_id, owner_kind, owner_id, file_name, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(l.id, l.attachmentId, l.ownerKind, l.ownerId, l.fileName, l.at, l.at);
}

/** Brings a removed link back under the name the file was attached with this time. */
export function reviveAttachmentLink(db: Db, id: string, fileName: string, at: string): void {
  prepared(db, 'UPDATE attachment_links SET deleted_at = NULL, file_name = ?, updated_at = ? WHERE id = ?').run(fileName, at, id);
}

export function removeAttachmentLink(db: Db, id: string, at: string): void {
  prepared(db, 'UPDATE attachment_links SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/** Whether any live link still points at the attachment. */
export function attachmentInUse(db: Db, attachmentId: string): boolean {
  return prepared(db, 'SELECT 1 FROM attachment_links WHERE attachment_id = ? AND deleted_at IS NULL').get(attachmentId) !== undefined;
}

/** An attachment as its owner shows it (the link's name and dates), whether the link is live or not. */
export function ownedAttachment(db: Db, ownerKind: OwnerKind, ownerId: string, attachmentId: string): Attachment | undefined {
  return prepared(db, `SELECT ${ATTACHMENT_COLUMNS} FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
      WHERE l.owner_kind = ? AND l.owner_id = ? AND a.id = ?`).get(ownerKind, ownerId, attachmentId) as Attachment | undefined;
}

/** An owner's live attachments, oldest link first. */
export function ownedAttachments(db: Db, ownerKind: OwnerKind, ownerId: string | undefined): Attachment[] {
  return prepared(db, `SELECT ${ATTACHMENT_COLUMNS} FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
    WHERE l.owner_kind = ? AND l.owner_id = ? AND l.deleted_at IS NULL ORDER BY l.created_at, l.file_name`).all(ownerKind, ownerId) as Attachment[];
}

/** A live link of the owner to the attachment, with the name it has there and the stored file's hash. */
export function liveAttachmentLink(db: Db, ownerKind: OwnerKind, ownerId: string, attachmentId: string): { id: string; fileName: string; sha256: string } | undefined {
  return prepared(db, `SELECT l.id, l.file_name AS fileName, a.sha256 FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
      WHERE l.owner_kind = ? AND l.owner_id = ? AND l.attachment_id = ? AND l.deleted_at IS NULL`)
    .get(ownerKind, ownerId, attachmentId) as { id: string; fileName: string; sha256: string } | undefined;
}

/** A live attachment's stored file (by hash) and the name and type it was first stored under. */
export function liveAttachmentRow(db: Db, id: string): { id: string; sha256: string; fileName: string; mediaType: string } | undefined {
  return prepared(db, 'SELECT id, sha256, file_name AS fileName, media_type AS mediaType FROM attachments WHERE id = ? AND deleted_at IS NULL')
    .get(id) as { id: string; sha256: string; fileName: string; mediaType: string } | undefined;
}

/** An attachment whose stored file nobody needs: deleted, and linked to no live record. */
const UNUSED_ATTACHMENT = `a.deleted_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM attachment_links l WHERE l.attachment_id = a.id AND l.deleted_at IS NULL)`;

/** The hashes of the stored files nobody needs any more (see UNUSED_ATTACHMENT). */
export function unusedAttachmentShas(db: Db): string[] {
  return prepared(db, `SELECT a.sha256 FROM attachments a WHERE ${UNUSED_ATTACHMENT}`).pluck().all() as string[];
}

/** Whether a stored file is still needed: an attachment with that hash is live, or linked to a live record. */
export function fileNeeded(db: Db): (sha256: string) => boolean {
  const needed = prepared(db, `SELECT 1 FROM attachments a WHERE a.sha256 = ? AND NOT (${UNUSED_ATTACHMENT})`);
  return (sha) => needed.get(sha) !== undefined;
}

/** Whether a live attachment has that hash. */
export function liveAttachmentWithSha(db: Db, sha256: string): boolean {
  return prepared(db, 'SELECT 1 FROM attachments WHERE sha256 = ? AND deleted_at IS NULL').get(sha256) !== undefined;
}
