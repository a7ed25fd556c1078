// Settings › Calendar reminders: how many days before each deadline the exported calendar's
// reminders fire, for notice dates and for everything else (shared/calendar.ts). Kept in the
// workbook, so every export from it, from any face or the CLI, carries the same reminders.
import { useId, useState, type FormEvent } from 'react';
import { ALARM_GROUPS, MAX_ALARMS_PER_GROUP, MAX_LEAD_DAYS, calendarAlarmsInput, type AlarmGroup, type CalendarAlarms } from '../../shared/calendar';
import { api } from '../api';
import { useApi } from '../data/useApi';
import { toast, toastError } from '../ui/toasts';

const GROUP_LABEL: Record<AlarmGroup, string> = { notice: 'Notice dates', other: 'Other deadlines' };
const GROUP_HINT: Record<AlarmGroup, string> = {
  notice: 'Starting and serving notice on a contract.',
  other: 'Term ends, renewal options, licence expiries, checklist items.',
};

const asText = (days: readonly number[]) => days.join(', ');

/** "30, 7" → [30, 7]; a word that is not a whole number answers the message to show. */
function parseDays(text: string): number[] | string {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  const bad = words.find((w) => !/^\d+$/.test(w));
  return bad === undefined ? words.map(Number) : `“${bad}” is not a whole number of days`;
}

export function CalendarReminders() {
  const id = useId();
  const { data, error } = useApi('calendar.settings.get', {});
  return (
    <section className="settings-calendar" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="field-label">Calendar reminders</h3>
      <p className="field-hint">
        Days before each deadline that an exported calendar reminds you, separated by commas (0 is the day itself; up to {MAX_ALARMS_PER_GROUP}, at most {MAX_LEAD_DAYS} days). Leave empty for none.
      </p>
      {error && <p role="alert">{error.message}</p>}
      {data && <RemindersForm saved={data} />}
    </section>
  );
}

/** Mounted once the settings are loaded, so it starts from them. */
function RemindersForm({ saved }: { saved: CalendarAlarms }) {
  const id = useId();
  const [text, setText] = useState<Record<AlarmGroup, string>>(() => ({ notice: asText(saved.notice), other: asText(saved.other) }));
  const [problems, setProblems] = useState<Partial<Record<AlarmGroup, string>>>({});
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<AlarmGroup, string>> = {};
    const input: Partial<CalendarAlarms> = {};
    for (const g of ALARM_GROUPS) {
      const days = parseDays(text[g]);
      if (typeof days === 'string') found[g] = days;
      else input[g] = days;
    }
    const checked = calendarAlarmsInput.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const g = issue.path[0] as AlarmGroup;
        found[g] ??= issue.message;
      }
    }
    setProblems(found);
    if (!checked.success || Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const kept = await api['calendar.settings.set'](checked.data);
      setText({ notice: asText(kept.notice), other: asText(kept.other) });
      toast('Calendar reminders saved');
    } catch (err) {
      toastError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="settings-calendar-form">
      {ALARM_GROUPS.map((g) => (
        <div key={g} className="field">
          <label className="field-label" htmlFor={`${id}-${g}`}>{GROUP_LABEL[g]}</label>
          <input
            id={`${id}-${g}`}
            className="input"
            inputMode="numeric"
            value={text[g]}
            aria-invalid={problems[g] ? true : undefined}
            aria-describedby={`${id}-${g}-hint`}
            onChange={(ev) => setText({ ...text, [g]: ev.target.value })}
          />
          <span id={`${id}-${g}-hint`} className={problems[g] ? 'field-error' : 'field-hint'} role={problems[g] ? 'alert' : undefined}>
            {problems[g] ? `${GROUP_LABEL[g]}: ${problems[g]}` : GROUP_HINT[g]}
          </span>
        </div>
      ))}
      <button type="submit" className="button button-small" disabled={saving}>Save reminders</button>
    </form>
  );
}
