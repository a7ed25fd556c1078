// Moving files between the user's disk and the workbook: a document's attachments, or a checklist
// item's evidence files.
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract';
import { api } from '../api';
import { formatBytes } from '../format';

/** What files attach to: a document, or a checklist item (its evidence). */
export type AttachmentOwner = { documentId: string; itemId?: undefined } | { itemId: string; documentId?: undefined };

/** Copies a file into the workbook, attached to its owner. Bytes go as a Uint8Array. */
export async function attachFile(owner: AttachmentOwner, file: File) {
  if (file.size > MAX_ATTACHMENT_BYTES) throw new Error(`${file.name} is ${formatBytes(file.size)}; attachments can be ${formatBytes(MAX_ATTACHMENT_BYTES)} at most.`);
  const content = new Uint8Array(await file.arrayBuffer());
  return api['attachment.add']({ ...owner, fileName: file.name, mediaType: file.type || 'application/octet-stream', content });
}

/** Saves an attachment to the user's downloads through a temporary link to its bytes. */
export async function downloadAttachment(id: string) {
  const { fileName, mediaType, content } = await api['attachment.content']({ id });
  const url = URL.createObjectURL(new Blob([content as Uint8Array<ArrayBuffer>], { type: mediaType || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
