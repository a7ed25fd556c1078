// What the item forms share (adding an item, a template's item, an item's detail): reading the
// "days from T" box, the phase choice, and errors shown at their field.
import type { SelectHTMLAttributes } from 'react';
import { PHASES } from '../../shared/checklists';

export const OFFSET_ERROR = 'Days from T must be a whole number, e.g. -30.';

/** The typed offset as a whole number of days, or null while it is not one. */
export function parseOffset(text: string): number | null {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isInteger(n) ? n : null;
}

/** aria wiring and the message of a field that may carry an error (`<id>-<key>-error`) or a hint (`-hint`). */
export function fieldIssues(id: string, issues: Record<string, string | undefined>) {
  return {
    described: (key: string) => ({
      'aria-invalid': issues[key] ? true : undefined,
      'aria-describedby': issues[key] ? `${id}-${key}-error` : `${id}-${key}-hint`,
    }),
    error: (key: string) =>
      issues[key] && (
        <div id={`${id}-${key}-error`} className="field-error">
          {issues[key]}
        </div>
      ),
  };
}

/** The seven phases of an exit, as "0. Set-up" … "6. Close". */
export function PhaseSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className="input select" {...props}>
      {PHASES.map((p, i) => (
        <option key={p.key} value={i}>
          {i}. {p.label}
        </option>
      ))}
    </select>
  );
}
