// A refused sheet call in words for the import dialog's alert.
import { ApiError } from '../api';

/** An error's words, with the cells it names (row and column) when the backend gave them. */
export function sheetErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // The backend's message often is its first issue already ("field: message"): not said twice.
  const issues = (e instanceof ApiError ? (e.issues ?? []) : []).map((i) => `${i.field}: ${i.message}`).filter((i) => !message.includes(i));
  return issues.length ? `${message} ${issues.slice(0, 5).join('; ')}` : message;
}
