// "Record notice served" on one contract: when, by whom, how, the evidence (the letter or e-mail
// attached directly, dropped anywhere on the dialog, and/or a document that holds it), and when the
// vendor acknowledged it. The form engine draws the fields from the notice schema; the contract and
// vendor come from where it opened. The chosen files are uploaded once the notice is recorded.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/errors';
import { localToday } from '../../shared/dates';
import { DEFAULTS, type Contract } from '../../shared/records';
import { Attachments, uploadAll } from '../documents/Attachments';
import { useFileDrop } from '../documents/useFileDrop';
import { RecordForm } from '../forms/RecordForm';
import { useRecordForm } from '../forms/useRecordForm';
import { recordApi, type AnyRecord } from '../records/recordApi';
import { AppDialog, FormFooter } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { useDiscardConfirm, changedFieldsText } from '../forms/useDiscardConfirm';

const FIELDS = ['servedOn', 'servedById', 'method', 'evidenceId', 'acknowledgedOn', 'notes'];

interface Props {
  contract: Contract;
  onClose(): void;
}

export function NoticeDialog({ contract, onClose }: Props) {
  // The notice is usually recorded the day it goes out, served the way the contract requires.
  const [seed] = useState(() => ({ ...DEFAULTS.notice, servedOn: localToday(), method: contract.noticeMethod }) as unknown as AnyRecord);
  const form = useRecordForm('notice', seed, {});
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<File[]>([]);
  const { over, dropProps } = useFileDrop((files) => setPending((p) => [...p, ...files]));
  const [alert, setAlert] = useState<string | null>(null);
  const { requestClose, discardDialog } = useDiscardConfirm({
    unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : pending.length ? 'Files are waiting to be attached' : null,
    onClose: () => onClose(),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setAlert(null);
    try {
      const notice = await recordApi('notice').create({ ...form.input(), vendorId: contract.vendorId, contractId: contract.id });
      // A file that fails is named in its own toast; the notice stays recorded either way.
      const attached = pending.length ? await uploadAll({ noticeId: notice.id }, pending) : 0;
      toast(`Notice served on “${contract.title}” recorded${attached ? ` with ${attached === 1 ? 'its evidence file' : `${attached} evidence files`}` : ''}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_INPUT' && err.issues?.length) form.showIssues(err.issues);
      else if (err instanceof ApiError) setAlert(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  const formId = `notice-form-${contract.id}`;
  return (
    <AppDialog
      title={`Record notice served: ${contract.title}`}
      isOpen
      onClose={requestClose}
      footer={<FormFooter formId={formId} onCancel={requestClose} disabled={busy} submitLabel="Record notice" />}
    >
      <form id={formId} onSubmit={submit} noValidate className={over ? 'drop-target drop-over' : 'drop-target'} {...dropProps}>
        {alert && (
          <div className="form-alert" role="alert">
            {alert}
          </div>
        )}
        <p className="muted">
          {contract.noticeTo ? `The contract says notice goes to ${contract.noticeTo}. ` : ''}
          Attach the letter or e-mail as it was served below; a document that holds it can be picked as evidence too.
        </p>
        <RecordForm form={form} fields={FIELDS} vendorId={contract.vendorId} autoFocus />
        <Attachments owner={null} title="Letter or e-mail served" pending={pending} onPendingChange={setPending} onFiles={(files) => setPending((p) => [...p, ...files])} />
        {discardDialog}
        {over && (
          <div className="drop-hint" aria-hidden="true">
            Drop the letter or e-mail to attach it
          </div>
        )}
      </form>
    </AppDialog>
  );
}
