// What the backend tells every face after each committed write, so screens refresh only what
// changed: an IPC event on the desktop, Server-Sent Events on the browser face.

/** Every kind of data at once: after a pack import or a demo load, nothing can be assumed unchanged. */
export const ALL_KINDS = 'all';

export interface ChangeEvent {
  /** Increases by one per event of this backend, so a face can tell it missed none. */
  seq: number;
  /** What kinds of rows changed (record kinds, 'checklist_item', 'checklist', 'template', 'settings'…), or all. */
  kinds: readonly string[] | typeof ALL_KINDS;
  /** The ids of the records the activity log files the changes under. */
  ids: readonly string[];
  /** The vendors whose data changed (empty when none or unknown). */
  vendorIds: readonly string[];
  /** The last activity entry of the write (the one an undo would start from). */
  activityId: string;
  /** What the write did, in the activity log's words. */
  summary: string;
}

/** The activity fields a change event is made of. */
export interface LoggedEntry {
  id: string;
  action: string;
  kind: string;
  recordId: string | null;
  vendorId: string | null;
  summary: string;
}

/** Actions that replace data wholesale: their events say everything changed. */
const WHOLESALE = new Set(['import', 'demo']);

/** The event for one committed write from the activity entries it logged (oldest first); null when it logged none. */
export function changeEventOf(seq: number, entries: readonly LoggedEntry[]): ChangeEvent | null {
  const last = entries[entries.length - 1];
  if (!last) return null;
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const all = entries.some((e) => WHOLESALE.has(e.action));
  return {
    seq,
    kinds: all ? ALL_KINDS : unique(entries.map((e) => e.kind)),
    ids: unique(entries.map((e) => e.recordId)),
    vendorIds: unique(entries.map((e) => e.vendorId)),
    activityId: last.id,
    summary: entries.length === 1 ? last.summary : `${entries[0]!.summary} (and ${entries.length - 1} more change${entries.length === 2 ? '' : 's'})`,
  };
}

/** True when an event may touch data of `kind` (a face's cache key). */
export function touchesKind(event: ChangeEvent, kind: string): boolean {
  return event.kinds === ALL_KINDS || event.kinds.includes(kind);
}

/** Reads a change event off the wire (SSE data, IPC argument): null for anything else. */
export function parseChangeEvent(value: unknown): ChangeEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof v.seq !== 'number' || typeof v.activityId !== 'string' || typeof v.summary !== 'string') return null;
  if (!(v.kinds === ALL_KINDS || strings(v.kinds)) || !strings(v.ids) || !strings(v.vendorIds)) return null;
  return value as ChangeEvent;
}
