// Adds or edits one record in a dialog generated from its schema, its fields in groups where the
// kind has them (records/formGroups.ts). On a refused save the dialog stays open with the backend's
// messages at their fields and nothing is saved. The dialog of a kind that takes files (a document's
// attachments, an access record's evidence, a data set's deletion certificate) holds them and takes
// files dropped anywhere on it. What is typed is kept as a
// draft until saved or discarded, so a reload does not lose it (drafts.ts).
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { localToday } from '../../shared/dates';
import { ApiError } from '../../shared/errors';
import { KIND_LABEL, type RecordKind } from '../../shared/records';
import { Attachments, uploadAll } from '../documents/Attachments';
import { ownerBy } from '../documents/attachmentFiles';
import { useFileDrop } from '../documents/useFileDrop';
import { recordApi, type AnyRecord } from '../records/recordApi';
import { ATTACHED_FILES, formGroupsOf } from '../records/formGroups';
import { titleOf } from '../records/titleOf';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { clearDraft, labelsOf, useDraftKey, useFoundDraft, useKeepDraft } from './drafts';
import { DraftNotice } from './DraftNotice';
import { RecordForm } from './RecordForm';
import { changedFieldsText, useDiscardConfirm } from './useDiscardConfirm';
import { useRecordForm } from './useRecordForm';

interface Props {
  kind: RecordKind;
  /** The record to edit; null to add a new one. */
  record: AnyRecord | null;
  labels: Record<string, string>;
  /** The vendor an inventory record belongs to. */
  vendorId?: string;
  onClose(saved?: AnyRecord): void;
  onDelete?(record: AnyRecord): void;
}

/** Mount with a key per record (and version) so the form starts from that record's values. */
export function RecordDialog({ kind, record, labels, vendorId, onClose, onDelete }: Props) {
  const draftKey = useDraftKey(record ? `record.${record.id}` : `new.${kind}.${vendorId ?? 'any'}`);
  const draft = useFoundDraft(draftKey);
  const form = useRecordForm(kind, record, labels, draft);
  const [restoredAt, setRestoredAt] = useState(draft?.savedAt ?? null);
  const changed = Object.fromEntries(form.dirty.map((f) => [f, form.values[f]]));
  useKeepDraft(draftKey, changed, labelsOf(Object.values(changed), form.labels));
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState<File[]>([]);
  const [attachmentsVersion, setAttachmentsVersion] = useState(0);
  const bodyRef = useRef<HTMLFormElement>(null);
  // Closing with unsaved edits (or files waiting to be attached) asks first.
  const { requestClose, discardDialog } = useDiscardConfirm({
    unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : pending.length ? 'Files are waiting to be attached' : null,
    onClose: (discarded) => {
      if (discarded) clearDraft(draftKey);
      onClose();
    },
  });
  const one = KIND_LABEL[kind].one;
  const files = ATTACHED_FILES[kind];
  const groups = formGroupsOf(kind, form.fields);
  const ownerOf = (id: string) => ownerBy(files!.field, id);

  // After a refused save, take the user to the first field that needs them.
  useEffect(() => {
    bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form.issues]);

  const addFiles = async (dropped: File[]) => {
    // The day the file came is today unless the user said otherwise (then saved with the record).
    if (files?.datesField && !form.values[files.datesField]) form.set(files.datesField, localToday());
    if (!record) {
      setPending((p) => [...p, ...dropped]);
      return;
    }
    const done = await uploadAll(ownerOf(record.id), dropped);
    if (done) {
      // Only the list of files refreshes: a data-wide refresh would reload this dialog's record.
      setAttachmentsVersion((v) => v + 1);
      toast(done === 1 ? `Attached ${dropped[0]!.name}` : `Attached ${done} files`);
    }
  };
  const { over, dropProps } = useFileDrop((files) => void addFiles(files));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setAlert(null);
    const records = recordApi(kind);
    try {
      let saved: AnyRecord;
      if (record) {
        saved = form.dirty.length ? await records.update({ id: record.id, expectedUpdatedAt: record.updatedAt, changes: form.changes() }) : record;
      } else {
        saved = await records.create({ ...form.input(), ...(vendorId && kind !== 'person' && kind !== 'vendor' ? { vendorId } : {}) });
      }
      if (files && pending.length) await uploadAll(ownerOf(saved.id), pending);
      clearDraft(draftKey);
      toast(`${one} “${titleOf(kind, saved)}” ${record ? 'saved' : 'added'}`);
      onClose(saved);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_INPUT' && err.issues?.length) {
        form.showIssues(err.issues);
      } else if (err instanceof ApiError && err.code === 'CONFLICT') {
        setAlert('Someone changed this record since you opened it. Close this dialog and open the record again to see the latest version.');
      } else if (err instanceof ApiError) {
        setAlert(err.message);
      } else {
        toastError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const attachedFiles = files && (
    <Attachments
      owner={record ? ownerOf(record.id) : null}
      title={files.title}
      pending={pending}
      onPendingChange={setPending}
      refreshKey={attachmentsVersion}
      onFiles={(dropped) => void addFiles(dropped)}
    />
  );

  const formId = `record-form-${kind}`;
  return (
    <AppDialog
      title={record ? `Edit ${one.toLowerCase()}` : `New ${one.toLowerCase()}`}
      isOpen
      onClose={requestClose}
      size="large"
      footer={
        <>
          {record && onDelete && (
            <button type="button" className="button button-danger-quiet" onClick={() => onDelete(record)}>
              Delete
            </button>
          )}
          <span className="spacer" />
          {record && <span className="muted footer-note">{form.dirty.length ? `${form.dirty.length} unsaved change${form.dirty.length === 1 ? '' : 's'}` : ''}</span>}
          <button type="button" className="button" onClick={requestClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            Save
          </button>
        </>
      }
    >
      <form id={formId} ref={bodyRef} onSubmit={submit} noValidate className={over ? 'drop-target drop-over' : files ? 'drop-target' : undefined} {...(files ? dropProps : {})}>
        {restoredAt && form.dirty.length > 0 && (
          <DraftNotice
            savedAt={restoredAt}
            onDiscard={() => {
              clearDraft(draftKey);
              form.reset();
              setRestoredAt(null);
            }}
          />
        )}
        {alert && (
          <div className="form-alert" role="alert">
            {alert}
          </div>
        )}
        {groups ? (
          <>
            {groups.map((g, i) => (
              <Fragment key={g.title}>
                <fieldset className="form-section">
                  <legend>{g.title}</legend>
                  <RecordForm form={form} fields={g.fields} vendorId={vendorId} autoFocus={!record && i === 0} showOther={false} />
                </fieldset>
                {files?.after === g.title && attachedFiles}
              </Fragment>
            ))}
            {form.issues.other.length > 0 && (
              <div className="form-alert" role="alert">
                {form.issues.other.map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            )}
          </>
        ) : (
          <RecordForm form={form} vendorId={vendorId} autoFocus={!record} />
        )}
        {files && !(groups && files.after) && attachedFiles}
        {discardDialog}
        {over && (
          <div className="drop-hint" aria-hidden="true">
            {files?.dropText}
          </div>
        )}
      </form>
    </AppDialog>
  );
}
