// "Export calendar": the deadlines (all, one vendor's or one person's) as an iCalendar file with
// the reminders set in Settings. The browser face downloads it through its route (/calendar.ics);
// on the desktop the backend asks where to save it in the native save dialog and the toast says where.
import { useState } from 'react';
import { api } from '../api';
import { deliverFile } from '../packs/transfer';
import { toastError } from '../ui/toasts';

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
      deliverFile(made, (path) => `${made.events} deadline${made.events === 1 ? '' : 's'} saved as ${path}`);
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
