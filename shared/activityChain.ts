// What checking the activity log's hash chain found, and how every face says it: the CLI's
// `verify-log`, the Activity screen, a pack's verify report and its README.html.

/** How a link of the chain broke, from the first entry where it does. */
export type ChainBreak =
  /** The entry's content no longer matches its own hash. */
  | 'edited'
  /** The entry names a previous entry that is nowhere in the log. */
  | 'removed'
  /** The entry names a previous entry that is in the log, but elsewhere. */
  | 'reordered'
  /** The log ends before the newest entry the workbook recorded (its head). */
  | 'truncated';

export interface ChainBroken {
  /** The entry where the chain breaks (truncated: the last entry there is, or 0 for none). */
  seq: number;
  /** When that entry says it was written ('' when there is none). */
  at: string;
  what: ChainBreak;
  /** One sentence naming the entry and what happened to it. */
  message: string;
}

export interface ChainReport {
  intact: boolean;
  /** Entries checked. */
  entries: number;
  /** When the oldest entry was written, or null for an empty log. */
  since: string | null;
  /** The newest entry's hash (the chain's head), or null for an empty log. */
  head: string | null;
  /** The first broken link, when not intact. */
  broken: ChainBroken | null;
}

/** "History intact: 12 entries since 2026-01-05" or "History broken: <the first broken link>", as the screens say it. */
export function chainWords(r: ChainReport): string {
  if (r.broken) return `History broken: ${r.broken.message}`;
  if (r.entries === 0) return 'History intact: no entries yet';
  return `History intact: ${r.entries} ${r.entries === 1 ? 'entry' : 'entries'} since ${(r.since ?? '').slice(0, 10)}`;
}

/** The CLI's line: "history intact: 12 entries since 2026-01-05, head 3f2a…" or what broke first. */
export function chainSentence(r: ChainReport): string {
  const words = chainWords(r);
  return `h${words.slice(1)}${r.intact && r.entries > 0 ? `, head ${r.head}` : ''}`;
}
