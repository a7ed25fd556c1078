// Settings › Deadline notifications: on, the desktop app notifies what falls due within seven days
// (on opening the workbook and once a day) and the Upcoming link shows how many; off, neither.
// Kept in the workbook (store/settings.ts), so it holds in every face.
import { useState } from 'react';
import { api } from '../api';
import { useAppStore, useInfo } from '../app/store';
import { toastError } from '../ui/toasts';

export function DeadlineNotifications() {
  const info = useInfo();
  // The box shows the click at once, while the workbook saves it; a refusal puts it back.
  const [pending, setPending] = useState<boolean | null>(null);
  if (!info) return null;
  const change = async (enabled: boolean) => {
    setPending(enabled);
    try {
      useAppStore.getState().setInfo(await api['settings.setDeadlineNotifications']({ enabled }));
    } catch (err) {
      toastError(err);
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="field settings-notifications">
      <label className="checkbox-label">
        <input type="checkbox" checked={pending ?? info.deadlineNotifications} disabled={pending !== null} onChange={(e) => void change(e.target.checked)} aria-describedby="settings-notifications-hint" />
        Notify me of deadlines due within seven days
      </label>
      <p id="settings-notifications-hint" className="field-hint">
        The desktop app notifies on opening the workbook and once a day; the Upcoming link shows how many. For everyone using this workbook.
      </p>
    </div>
  );
}
