// "Record notice served" on one contract: when, by whom, how, the document that proves it (the
// letter or e-mail, with the file attached to it), and when the vendor acknowledged it. The form
// engine draws the fields from the notice schema; the contract and vendor come from where it opened.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/errors';
import { localToday } from '../../shared/dates';
import { DEFAULTS, type Contract } from '../../shared/records';
import { RecordForm } from '../forms/RecordForm';
import { useRecordForm } from '../forms/useRecordForm';
import { recordApi, type AnyRecord } from '../records/recordApi';
import { AppDialog } from '../ui/Dialog';
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
  const [alert, setAlert] = useState<string | null>(null);
  const { requestClose, discardDialog } = useDiscardConfirm({
    unsaved: form.dirty.length ? changedFieldsText(form.dirty.length) : null,
    onClose: () => onClose(),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setAlert(null);
    try {
      await recordApi('notice').create({ ...form.input(), vendorId: contract.vendorId, contractId: contract.id });
      toast(`Notice served on “${contract.title}” recorded`);
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
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={requestClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            Record notice
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        {alert && (
          <div className="form-alert" role="alert">
            {alert}
          </div>
        )}
        <p className="muted">
          {contract.noticeTo ? `The contract says notice goes to ${contract.noticeTo}. ` : ''}
          For evidence, pick the document that holds the letter or e-mail (attach the file to it on the Documents tab).
        </p>
        <RecordForm form={form} fields={FIELDS} vendorId={contract.vendorId} autoFocus />
        {discardDialog}
      </form>
    </AppDialog>
  );
}
