// Settings: the colour theme (of this user on this computer, whichever workbook is open) and the
// calendar export's reminders and the signing keys the open workbook keeps for other workbooks' packs.
import { AppDialog } from '../ui/Dialog';
import { THEME_LABEL, THEMES, useTheme } from './theme';
import { SigningKeys } from './SigningKeys';
import { CalendarReminders } from './CalendarReminders';
import { DeadlineNotifications } from './DeadlineNotifications';

export function SettingsDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  return (
    <AppDialog title="Settings" isOpen={isOpen} onClose={onClose} size="small">
      <fieldset className="field settings-theme" aria-describedby="settings-theme-hint">
        <legend className="field-label">Theme</legend>
        <div className="radio-row">
          {THEMES.map((t) => (
            <label key={t} className="radio">
              <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
              {THEME_LABEL[t]}
            </label>
          ))}
        </div>
        <p id="settings-theme-hint" className="field-hint">
          System follows the light or dark setting of your computer. Kept for you on this computer, whichever workbook is open.
        </p>
      </fieldset>
      <DeadlineNotifications />
      <CalendarReminders />
      <SigningKeys />
    </AppDialog>
  );
}
