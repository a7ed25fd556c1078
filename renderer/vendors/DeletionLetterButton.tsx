// "Request deletion certificate" on a vendor's Data tab: a small dialog for the reply-by day and
// whether to ask again for data sets certified already, then the letter (shared/deletion-letter.ts)
// saved as a PDF by the desktop, or opened in a window of its own for the browser's print.
import { useId, useState, type FormEvent } from 'react';
import type { DeletionScope } from '../../shared/deletion-letter';
import { ApiError, api } from '../api';
import { useInfo } from '../app/store';
import { useApi } from '../data/useApi';
import { DateInput } from '../forms/DateInput';
import { plural } from '../format';
import { printHtml } from '../packs/transfer';
import { POPUP_BLOCKED } from '../palette/printReport';
import { AppDialog, FormFooter } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';

/** Why the button is disabled, or null when there is something to ask for. */
function disabledReason(scope: DeletionScope): string | null {
  if (scope.uncertified > 0) return null;
  if (scope.certified === 1) return 'The data set to be deleted is certified.';
  return scope.certified > 1 ? `All ${scope.certified} data sets to be deleted are certified.` : 'No data set is marked for deletion.';
}

export function DeletionLetterButton({ vendorId }: { vendorId: string }) {
  const scope = useApi('dataset.deletionScope', { vendorId });
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  if (!scope.data) return null;
  const reason = disabledReason(scope.data);
  return (
    <>
      {reason && (
        <span id={reasonId} className="muted">
          {reason}
        </span>
      )}
      <button type="button" className="button" disabled={reason !== null} aria-describedby={reason ? reasonId : undefined} onClick={() => setOpen(true)}>
        Request deletion certificate
      </button>
      {open && <DeletionLetterDialog vendorId={vendorId} scope={scope.data} onClose={() => setOpen(false)} />}
    </>
  );
}

function DeletionLetterDialog({ vendorId, scope, onClose }: { vendorId: string; scope: DeletionScope; onClose(): void }) {
  const id = useId();
  const toPdf = !!useInfo()?.canPrintToPdf;
  const [replyBy, setReplyBy] = useState(scope.defaultReplyBy);
  const [includeCertified, setIncludeCertified] = useState(false);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const listed = scope.uncertified + (includeCertified ? scope.certified : 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const input = { vendorId, replyBy: replyBy.trim(), includeCertified };
    try {
      if (toPdf) {
        const { path } = await api['dataset.deletionLetterPdf'](input);
        if (!path) return;
        toast(`Letter saved: ${path}`);
      } else if (!printHtml((await api['dataset.deletionLetter'](input)).html)) {
        setProblem({ field: null, message: POPUP_BLOCKED });
        return;
      }
      onClose();
    } catch (err) {
      if (err instanceof ApiError) setProblem({ field: err.issues?.[0]?.field ?? null, message: err.issues?.[0]?.message ?? err.message });
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  const dateError = problem?.field === 'replyBy' ? problem.message : null;
  return (
    <AppDialog
      title="Request a deletion certificate"
      isOpen
      onClose={onClose}
      size="small"
      footer={<FormFooter formId={`${id}-form`} onCancel={onClose} disabled={busy} submitLabel={toPdf ? 'Save letter as PDF…' : 'Open letter to print'} />}
    >
      <form id={`${id}-form`} onSubmit={submit} noValidate>
        <p>
          A letter for the vendor to sign and return, listing {plural(listed, 'data set', 'data sets')} whose deletion is required, and asking that every copy
          be deleted, backups and sub-processors included.
        </p>
        {problem && !dateError && (
          <div className="form-alert" role="alert">
            {problem.message}
          </div>
        )}
        <div className="field field-date">
          <label className="field-label" htmlFor={`${id}-by`}>
            Reply by
          </label>
          <DateInput
            id={`${id}-by`}
            className="input input-date"
            label="Reply by"
            value={replyBy}
            onChange={setReplyBy}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={`${id}-by-hint${dateError ? ` ${id}-by-error` : ''}`}
          />
          <p id={`${id}-by-hint`} className="field-hint">
            The day the signed certificate is due back: 30 days after the exit date, or from today when there is none.
          </p>
          {dateError && (
            <p id={`${id}-by-error`} className="field-error" role="alert">
              {dateError}
            </p>
          )}
        </div>
        <div className="field checkbox-field">
          <label className="checkbox-label">
            <input type="checkbox" checked={includeCertified} disabled={scope.certified === 0} onChange={(e) => setIncludeCertified(e.target.checked)} />
            Include data sets already certified ({scope.certified})
          </label>
        </div>
      </form>
    </AppDialog>
  );
}
