// "Export calendar": the deadlines (all, one vendor's or one person's) as an iCalendar file with
// the reminders set in Settings. The browser face downloads it through its route (/calendar.ics);
// on the desktop the backend asks where to save it in the native save dialog and the toast says where.
import { useState } from 'react';
import { api, isDesktop } from '../api';
import { downloadHref } from '../packs/transfer';
import { toast, toastError } from '../ui/toasts';

export interface ExportCalendarProps {
  label: string;
  vendorId?: string;
  personId?: string;
  /** How far ahead (default: the backend's year). */
  days?: number;
  small?: boolean;
}

export function ExportCalendarButton({ label, vendorId, personId, days, small }: ExportCalendarProps) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const made = await api['calendar.export']({ ...(vendorId ? { vendorId } : {}), ...(personId ? { personId } : {}), ...(days ? { days } : {}) });
      if (isDesktop || !made.downloadPath) {
        // An empty path: the save dialog was cancelled.
        if (made.path) toast(`${made.events} deadline${made.events === 1 ? '' : 's'} saved as ${made.path}`);
        return;
      }
      const link = document.createElement('a');
      link.href = downloadHref(made.downloadPath);
      link.download = made.fileName;
      document.body.append(link);
      link.click();
      link.remove();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={`button${small ? ' button-small' : ''}`} disabled={busy} onClick={() => void run()}
      title="An iCalendar (.ics) file for your calendar app, with reminders as set in Settings; exporting again updates the same events">
      {label}
    </button>
  );
}
