// The vendor's exit facts, editable in place, with the derived dates: the serve-notice-by comes
// from the contracts the exit ends (their terms are on the Contracts tab); days to exit follows
// the exit date as it is typed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDay, parseDay } from '../../shared/dates';
import { ApiError } from '../../shared/errors';
import { navigate } from '../app/router';
import { useApi } from '../data/useApi';
import { RecordForm } from '../forms/RecordForm';
import { useRecordForm } from '../forms/useRecordForm';
import { markUnsaved } from '../app/unsaved';
import type { AnyRecord } from '../records/recordApi';
import { recordApi } from '../records/recordApi';
import { useDeleteWithUndo } from '../records/useDeleteWithUndo';
import { toast, toastError } from '../ui/toasts';
import { DateFact } from './DateFact';
import { exitFacts } from './vendorDates';

const GROUPS: { title: string; fields: string[] }[] = [
  // The contract terms moved onto the vendor's contracts (Contracts tab); the vendor's own
  // contract fields are kept as migrated from older workbooks, no longer edited here.
  { title: 'Vendor', fields: ['name', 'services'] },
  { title: 'Exit', fields: ['status', 'exitDate', 'exitKind', 'target', 'newProviderName'] },
  { title: 'Contacts', fields: ['vendorContactId', 'ourContactId'] },
  { title: 'Notes', fields: ['notes'] },
];

/** A typed date only once it is a real calendar day (2027-13-45 is not, though it looks like one). */
const asDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && formatDay(parseDay(s)) === s ? s : null);

interface Props {
  record: AnyRecord;
  labels: Record<string, string>;
  /** Starts the form again from the saved record. */
  onDiscard(): void;
}

export function VendorOverview({ record, labels, onDiscard }: Props) {
  const form = useRecordForm('vendor', record, labels);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const { askDelete, deleteDialog } = useDeleteWithUndo('vendor', () => navigate({ name: 'vendors' }));
  const formRef = useRef<HTMLFormElement>(null);

  // Leaving the Overview (another tab, the sidebar) with unsaved edits asks first.
  useEffect(() => {
    markUnsaved('vendor-overview', form.dirty.length);
    return () => markUnsaved('vendor-overview', 0);
  }, [form.dirty.length]);

  // After a refused save, take the user to the first field that needs them.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form.issues]);

  const overview = useApi('readiness.vendor', { vendorId: record.id });
  const notice = overview.data?.notice ?? null;
  const facts = exitFacts({ exitDate: asDate(form.values.exitDate), serveNoticeBy: notice?.serveBy ?? null });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.dirty.length) return;
    setBusy(true);
    setAlert(null);
    try {
      await recordApi('vendor').update({ id: record.id, expectedUpdatedAt: record.updatedAt, changes: form.changes() });
      toast('Vendor saved');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_INPUT' && err.issues?.length) form.showIssues(err.issues);
      else if (err instanceof ApiError && err.code === 'CONFLICT') setAlert('Someone changed this vendor since you opened it. Reload the page to see the latest version.');
      else if (err instanceof ApiError) setAlert(err.message);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="overview" onSubmit={submit} noValidate aria-label="Vendor overview">
      <section className="derived" aria-label="Derived dates">
        <div className="derived-item">
          <div className="derived-label">Serve notice by</div>
          <div className="derived-value">
            <DateFact date={facts.serveNoticeBy} days={facts.noticeIn} empty="No contract needs notice" />
          </div>
          <div className="derived-hint">
            {notice
              ? `${notice.title}: the earliest of the contracts this exit ends (notice must arrive by ${notice.noticeBy})`
              : 'The earliest among the contracts this exit ends: add them on the Contracts tab'}
          </div>
        </div>
        <div className="derived-item">
          <div className="derived-label">Days to exit</div>
          <div className="derived-value">
            {facts.daysToExit == null ? <span className="muted">Set the planned exit date</span> : <DateFact date={asDate(form.values.exitDate)} days={facts.daysToExit} />}
          </div>
          <div className="derived-hint">From today to the planned exit date (T)</div>
        </div>
      </section>
      {alert && (
        <div className="form-alert" role="alert">
          {alert}
        </div>
      )}
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="form-section">
          <legend>{g.title}</legend>
          <RecordForm form={form} fields={g.fields} showOther={false} />
        </fieldset>
      ))}
      {form.issues.other.length > 0 && (
        <div className="form-alert" role="alert">
          {form.issues.other.join(' ')}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button-danger-quiet" onClick={() => askDelete(record)}>
          Delete vendor
        </button>
        <span className="spacer" />
        {form.dirty.length > 0 && (
          <>
            <span className="muted">
              {form.dirty.length} unsaved change{form.dirty.length === 1 ? '' : 's'}
            </span>
            <button type="button" className="button" onClick={onDiscard}>
              Discard changes
            </button>
          </>
        )}
        <button type="submit" className="button button-primary" disabled={busy || form.dirty.length === 0}>
          Save
        </button>
      </div>
      {deleteDialog}
    </form>
  );
}
