// Moving files between the user's disk and the workbook: the files attached to a document, a
// checklist item, a notice, an access record or a data set. No file's bytes go through a call: on
// the desktop the backend reads the picked or dropped file from its path (and saves copies through the native save dialog); in the
// browser face the File itself is the body of an upload (the browser streams it from disk) and a
// download is a link to the file's route.
import { ATTACHMENT_OWNER_FIELDS, MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentOwnerField } from '../../shared/contract';
import { ApiError, api, isDesktop, pageToken, pathForFile } from '../api';
import { formatBytes } from '../format';

/**
 * What files attach to: a document, a checklist item (its evidence), a notice served (the letter),
 * an access record (its evidence) or a data set (its deletion certificate), by exactly one field.
 */
type OwnedBy<F extends AttachmentOwnerField> = { [K in F]: string } & { [K in Exclude<AttachmentOwnerField, F>]?: undefined };
export type AttachmentOwner = { [F in AttachmentOwnerField]: OwnedBy<F> }[AttachmentOwnerField];

/** The owner a field names. */
export function ownerBy(field: AttachmentOwnerField, id: string): AttachmentOwner {
  return { [field]: id } as unknown as AttachmentOwner;
}

/** The owner field and the id of its record. */
export function ownerEntry(owner: AttachmentOwner): [AttachmentOwnerField, string] {
  const field = (Object.keys(ATTACHMENT_OWNER_FIELDS) as AttachmentOwnerField[]).find((f) => owner[f] !== undefined)!;
  return [field, owner[field]!];
}

/** An upload in flight, for the list to show its progress. */
export interface Upload {
  key: number;
  ownerId: string;
  name: string;
  loaded: number;
  total: number;
}

// Uploads in flight, shared by every list of attachments (the dialog that started one may not be the one showing it).
let uploads: Upload[] = [];
const listeners = new Set<() => void>();
let nextKey = 1;
const changed = (next: Upload[]) => {
  uploads = next;
  for (const l of listeners) l();
};
export const uploadProgress = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: () => uploads,
};

/** Sends the File as the body of POST /attachments (streamed by the browser), reporting progress. */
function upload(owner: AttachmentOwner, file: File): Promise<Attachment> {
  const [field, ownerId] = ownerEntry(owner);
  const query = new URLSearchParams({ [field]: ownerId, name: file.name });
  const entry: Upload = { key: nextKey++, ownerId, name: file.name, loaded: 0, total: file.size };
  changed([...uploads, entry]);
  const done = () => changed(uploads.filter((u) => u.key !== entry.key));
  return new Promise<Attachment>((resolve, reject) => {
    // XHR rather than fetch: only XHR reports upload progress, which a large file needs.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/attachments?${query}`);
    xhr.setRequestHeader('Authorization', `Bearer ${pageToken()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      changed(uploads.map((u) => (u.key === entry.key ? { ...u, loaded: e.loaded, total: e.lengthComputable ? e.total : u.total } : u)));
    };
    xhr.onerror = () => { done(); reject(new ApiError('INTERNAL', `${file.name} could not be sent: is the workbook server still running?`)); };
    xhr.onload = () => {
      done();
      type Answer = { ok?: boolean; value?: Attachment; error?: { code: string; message: string } };
      let body: Answer | null = null;
      try {
        body = JSON.parse(xhr.responseText) as Answer;
      } catch {
        // Said below, with the status.
      }
      if (body?.ok && body.value) resolve(body.value);
      else if (body?.error) reject(new ApiError(body.error.code as never, `${file.name}: ${body.error.message}`));
      else reject(new ApiError('INTERNAL', `${file.name}: the server answered ${xhr.status} without a result.`));
    };
    xhr.send(file);
  });
}

/** Copies a file into the workbook, attached to its owner. */
export async function attachFile(owner: AttachmentOwner, file: File): Promise<Attachment> {
  if (file.size > MAX_ATTACHMENT_BYTES) throw new Error(`${file.name} is ${formatBytes(file.size)}; attachments can be ${formatBytes(MAX_ATTACHMENT_BYTES)} at most.`);
  if (!isDesktop) return upload(owner, file);
  const path = pathForFile(file);
  // A File made by a page (not picked or dropped from disk) has no path; there is nothing to read.
  if (!path) throw new Error(`${file.name} is not a file on this computer; save it to disk first, then attach it.`);
  return api['attachment.addFile']({ ...owner, path, fileName: file.name });
}

/** The browser face's download address of an attachment (the token goes in the query: a link cannot send headers). */
export function attachmentUrl(id: string): string {
  return `/attachments/${id}?token=${encodeURIComponent(pageToken())}`;
}

/** Desktop: saves a copy where the user picks in the native save dialog; false when cancelled. */
export async function saveAttachmentCopy(id: string): Promise<string | null> {
  return (await api['attachment.saveAs']({ id })).path;
}
