// Settings › Deadline notifications: on, the desktop app notifies what falls due within seven days
// (on opening the workbook and once a day) and the Upcoming link shows how many; off, neither.
// Kept in the workbook (store/settings.ts), so it holds in every face.
import { useState } from 'react';
import { api } from '../api';
import { useAppStore, useInfo } from '../app/store';
import { toastError } from '../ui/toasts';

export function DeadlineNotifications() {
  const info = useInfo();
  const [saving, setSaving] = useState(false);
  if (!info) return null;
  const change = async (enabled: boolean) => {
    setSaving(true);
    try {
      useAppStore.getState().setInfo(await api['settings.setDeadlineNotifications']({ enabled }));
    } catch (err) {
      toastError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="field settings-notifications">
      <label className="checkbox-label">
        <input type="checkbox" checked={info.deadlineNotifications} disabled={saving} onChange={(e) => void change(e.target.checked)} aria-describedby="settings-notifications-hint" />
        Notify me of deadlines due within seven days
      </label>
      <p id="settings-notifications-hint" className="field-hint">
        The desktop app notifies on opening the workbook and once a day; the Upcoming link shows how many. For everyone using this workbook.
      </p>
    </div>
  );
}
