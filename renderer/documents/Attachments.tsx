// The files attached to a record (a document, an item's evidence, a notice's letter, an access
// record's evidence, a data set's deletion certificate): a list with Download (the
// browser face) or Save a copy (the desktop), Open (where the face can) and Remove, uploads in
// flight with their progress, an "Attach files" button, and a drop target (the whole dialog:
// see useFileDrop). A document not yet saved keeps the chosen files as pending; the dialog uploads
// them once the document exists.
import { useId, useRef, useState, useSyncExternalStore } from 'react';
import type { Attachment, AttachmentOwnerField } from '../../shared/contract';
import { api, isDesktop } from '../api';
import { useInfo } from '../app/store';
import { useApi } from '../data/useApi';
import { formatBytes, formatDay } from '../format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { toast, toastError } from '../ui/toasts';
import { attachFile, attachmentUrl, ownerEntry, saveAttachmentCopy, uploadProgress, type AttachmentOwner } from './attachmentFiles';

/** How the remove confirmation names the owner. */
const OWNER_WORD: Record<AttachmentOwnerField, string> = {
  documentId: 'this document', itemId: 'this item', noticeId: 'this notice', accessId: 'this access record', datasetId: 'this data set',
};

interface Props {
  /** Whose files these are; null for a document not saved yet. */
  owner: AttachmentOwner | null;
  /** The section's heading ("Attachments", "Evidence files", "Deletion certificate"). */
  title?: string;
  pending: File[];
  onPendingChange(files: File[]): void;
  /** No longer read: an upload's own change event refreshes the list. Kept until the dialogs stop passing it. */
  refreshKey?: number;
  onFiles(files: File[]): void;
}

export function Attachments({ owner, title = 'Attachments', pending, onPendingChange, onFiles }: Props) {
  const info = useInfo();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [field, ownerId] = owner ? ownerEntry(owner) : ['documentId' as const, null];
  const { data: attachments, error } = useApi('attachment.list', owner ? { ...owner } : null);
  const ownerWord = OWNER_WORD[field];
  const inFlight = useSyncExternalStore(uploadProgress.subscribe, uploadProgress.snapshot);
  const sending = inFlight.filter((u) => u.ownerId === ownerId);

  const run = async (what: () => Promise<unknown>) => {
    try {
      await what();
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <section className="attachments" aria-labelledby={headingId}>
      <div className="section-header">
        <h3 id={headingId}>{title}</h3>
        <button type="button" className="button button-small" onClick={() => inputRef.current?.click()}>
          Attach files
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to attach"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </div>
      {error && <p className="field-error">{error.message}</p>}
      {(attachments?.length ?? 0) + pending.length + sending.length === 0 ? (
        <p className="muted attachments-empty">No files yet. Choose “Attach files” or drop files here.</p>
      ) : (
        <table className="simple-table" aria-label="Attached files">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments?.map((a) => (
              <tr key={a.id}>
                <td className="cell-text">{a.fileName}</td>
                <td className="num">{formatBytes(a.size)}</td>
                <td className="cell-mono">{formatDay(a.createdAt)}</td>
                <td className="row-actions">
                  {isDesktop ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Save a copy of ${a.fileName}`}
                      onClick={() => run(async () => {
                        const path = await saveAttachmentCopy(a.id);
                        if (path) toast(`Saved ${a.fileName} to ${path}`);
                      })}
                    >
                      Save a copy…
                    </button>
                  ) : (
                    // A plain link: the browser streams the file to disk itself, however large.
                    <a className="link-button" href={attachmentUrl(a.id)} download={a.fileName} aria-label={`Download ${a.fileName}`}>
                      Download
                    </a>
                  )}
                  {info?.canOpenFiles && (
                    <button type="button" className="link-button" aria-label={`Open ${a.fileName}`} onClick={() => run(() => api['attachment.open']({ id: a.id }))}>
                      Open
                    </button>
                  )}
                  <button type="button" className="link-button link-danger" aria-label={`Remove ${a.fileName}`} onClick={() => setRemoving(a)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            {sending.map((u) => (
              <tr key={`upload-${u.key}`} className="pending">
                <td className="cell-text">{u.name}</td>
                <td className="num">{formatBytes(u.total)}</td>
                <td colSpan={2}>
                  <progress max={u.total || 1} value={u.loaded} aria-label={`Uploading ${u.name}`} /> {u.total ? Math.floor((u.loaded / u.total) * 100) : 0} %
                </td>
              </tr>
            ))}
            {pending.map((f, i) => (
              <tr key={`pending-${i}`} className="pending">
                <td className="cell-text">{f.name}</td>
                <td className="num">{formatBytes(f.size)}</td>
                <td className="muted">when saved</td>
                <td className="row-actions">
                  <button type="button" className="link-button" aria-label={`Remove ${f.name}`} onClick={() => onPendingChange(pending.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        isOpen={!!removing}
        title="Remove attachment?"
        confirmLabel="Remove"
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          run(async () => {
            const a = removing!;
            await api['attachment.remove']({ ...owner!, attachmentId: a.id });
            setRemoving(null);
            toast(`Removed ${a.fileName}`);
          })
        }
      >
        <p>
          “{removing?.fileName}” will no longer be attached to {ownerWord}.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** Uploads files one after the other, reporting each failure and the count that made it. */
export async function uploadAll(owner: AttachmentOwner, files: File[]): Promise<number> {
  let done = 0;
  for (const file of files) {
    try {
      await attachFile(owner, file);
      done++;
    } catch (e) {
      toastError(e);
    }
  }
  return done;
}
