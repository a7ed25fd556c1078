// Files attached to records, as the API takes and answers them: whose file (exactly one owner
// field), its name, its size limit, and how it is listed.
import { z } from 'zod';

const id = z.uuid({ error: 'must be the id of a record' });

export interface Attachment {
  id: string;
  sha256: string;
  size: number;
  fileName: string;
  mediaType: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/**
 * Largest attachment: 4 GiB. Files stream to disk and are never held in memory, so the limit is
 * about what a workbook should carry, not about memory: it takes disk images, database dumps and
 * recorded walkthroughs, stays within what every file system the pack may be copied to holds
 * (FAT32's 4 GiB − 1 byte per file is the smallest; a zip entry holds more with zip64), and a pack
 * with a few of them still fits the importer's 64 GiB total.
 */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 ** 3 - 1;
export const attachmentFileName = z.string().trim().min(1, { error: 'is required' }).max(255, { error: 'is too long' })
  .refine((s) => !s.includes('/') && !s.includes('\\') && !s.includes('\u0000') && s !== '.' && s !== '..', { error: 'must be a plain file name' });

/**
 * Whose attachments, by the input field that names the owner: a document, a checklist item (its
 * evidence), a notice served (the letter or e-mail), an access record (its evidence), a data set
 * (its deletion certificate). The values are attachment_links.owner_kind.
 */
export const ATTACHMENT_OWNER_FIELDS = {
  documentId: 'document', itemId: 'checklist_item', noticeId: 'notice', accessId: 'access', datasetId: 'dataset',
} as const;
export type AttachmentOwnerField = keyof typeof ATTACHMENT_OWNER_FIELDS;
const OWNER_FIELD_NAMES = Object.keys(ATTACHMENT_OWNER_FIELDS) as AttachmentOwnerField[];

/** Attachments belong to exactly one owner, named by one of ATTACHMENT_OWNER_FIELDS. */
export function attachmentOwner<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ documentId: id.optional(), itemId: id.optional(), noticeId: id.optional(), accessId: id.optional(), datasetId: id.optional(), ...shape })
    .refine((o) => OWNER_FIELD_NAMES.filter((f) => (o as Record<string, unknown>)[f] !== undefined).length === 1,
      { error: `give exactly one of ${OWNER_FIELD_NAMES.join(', ')}`, path: ['documentId'] });
}

/** The query of the browser face's upload route (POST /attachments?documentId=…|itemId=…|noticeId=…|accessId=…|datasetId=…&name=…): whose file, and its name. */
export const attachmentUploadInput = attachmentOwner({ name: attachmentFileName });
