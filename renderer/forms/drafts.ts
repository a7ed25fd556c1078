// Unsaved edits of a dialog, kept in this computer's browser storage as they are typed, so a
// reload or a crash of the window loses nothing: the same dialog, opened again, starts from them
// and says so. Keyed by workbook and by what the dialog edits (a record's id, or a new record of a
// kind for one vendor). Saving or discarding the edits removes the draft; so does undoing them.
import { useEffect, useRef, useState } from 'react';
import { useInfo } from '../app/store';

export interface Draft {
  savedAt: string;
  /** The changed fields only, as the form holds them. */
  values: Record<string, unknown>;
  /** Names of the records the changed fields pick, so pickers show them. */
  labels: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function read(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    const d: unknown = raw ? JSON.parse(raw) : null;
    if (!isRecord(d) || typeof d.savedAt !== 'string' || !isRecord(d.values)) return null;
    const labels = isRecord(d.labels) ? Object.fromEntries(Object.entries(d.labels).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
    return { savedAt: d.savedAt, values: d.values, labels };
  } catch {
    return null;
  }
}

/** Forgets a draft: after a save, or when the user discards the edits. */
export function clearDraft(key: string | null): void {
  if (!key) return;
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing kept to forget.
  }
}

/** The storage key of a dialog's draft in the open workbook; null until the workbook is known. */
export function useDraftKey(what: string): string | null {
  const workbookId = useInfo()?.workbookId;
  return workbookId ? `handover.draft.${workbookId}.${what}` : null;
}

/** The draft found when the dialog opened (read once: the form starts from it). */
export function useFoundDraft(key: string | null): Draft | null {
  const [found] = useState(() => (key ? read(key) : null));
  return found;
}

/** The names of the picked records among some values, for a draft's labels. */
export function labelsOf(values: unknown[], labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(values.filter((v): v is string => typeof v === 'string' && !!labels[v]).map((v) => [v, labels[v]!]));
}

/** Keeps the changed fields as the draft while they are typed; no changes left, no draft. */
export function useKeepDraft(key: string | null, changes: Record<string, unknown>, labels: Record<string, string>): void {
  const json = JSON.stringify(changes);
  const labelsRef = useRef(labels);
  useEffect(() => {
    labelsRef.current = labels;
  });
  useEffect(() => {
    if (!key) return;
    if (json === '{}') return clearDraft(key);
    // A draft just restored is not written again: it keeps the time it was typed.
    if (JSON.stringify(read(key)?.values) === json) return;
    try {
      localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values: JSON.parse(json) as unknown, labels: labelsRef.current }));
    } catch {
      // Storage full or disabled: the edits live on in the open dialog only.
    }
  }, [key, json]);
}
