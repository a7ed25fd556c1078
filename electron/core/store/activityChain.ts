// The activity log as a hash chain: each entry carries the hash of the entry before it and its own,
// so an entry edited, removed or moved behind the app's back (the sqlite3 command, after dropping
// the triggers) shows at the first link that no longer holds.
//
// An entry's hash is SHA-256, in lowercase hex, over the UTF-8 text
//   <prev_hash> "\n" <canonical content>
// where prev_hash is the previous entry's hash (GENESIS, 64 zeros, for the first entry) and the
// canonical content is the JSON text (JSON.stringify, no spaces) of the array
//   [id, at, actor, action, kind, record_id, vendor_id, summary, sha256(changes)]
// in that order: every column but seq, prev_hash and hash, each a JSON string or null; changes
// (itself JSON text, possibly large) enters as the SHA-256 hex of its stored text, or null, so a
// pack can carry the log without the changes and still be checked. seq is left out: an entry's
// place is what the chain itself fixes (each hash covers the one before), and a moved entry shows
// as a link that names another entry.
//
// What it shows, and what it cannot: an entry changed without recomputing its hash (edited); an
// entry gone from the middle (its successor names a hash no entry has: removed); entries moved
// (the successor names an entry that is elsewhere: reordered); the newest entries gone, against
// the head the workbook keeps in its settings (truncated; once the app writes again, its new entry
// is chained to that kept head and names the entry removed). Nothing here is secret: someone who can
// run sqlite3 on the file can recompute every hash after their change and rewrite the kept head
// too, and no check inside the workbook can tell. Only a head held elsewhere shows that: the one a
// pack sent earlier carries (its manifest), or a signature.
import { createHash } from 'node:crypto';
import type { ChainBroken, ChainReport } from '../../../shared/activityChain';
import type { Db } from './open';
import { prepared } from './prepared';
import { getSetting, setSetting } from './settings';

export const GENESIS = '0'.repeat(64);
/** The settings key of the newest entry's seq and hash: what a truncated log is checked against. */
export const HEAD_SETTING = 'activity_head';

/** One entry as the chain sees it. */
export interface ChainEntry {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  kind: string;
  recordId: string | null;
  vendorId: string | null;
  summary: string;
  /** SHA-256 hex of the stored changes text, or null when there are none. */
  changesSha256: string | null;
  prevHash: string | null;
  hash: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const changesDigest = (changes: string | null): string | null => (changes === null ? null : sha256(changes));

/** The hash an entry must carry after `prevHash` (see the top of this file). */
export function entryHash(prevHash: string, e: Omit<ChainEntry, 'seq' | 'prevHash' | 'hash'>): string {
  const canonical = JSON.stringify([e.id, e.at, e.actor, e.action, e.kind, e.recordId, e.vendorId, e.summary, e.changesSha256]);
  return sha256(`${prevHash}\n${canonical}`);
}

/** The newest entry's place in the chain, or null for an empty log. */
export function chainHead(db: Db): ChainHead | null {
  return (prepared(db, 'SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1').get() as ChainHead | undefined) ?? null;
}

/** The head the workbook recorded when it last wrote an entry. */
export function keptHead(db: Db): ChainHead | null {
  const text = getSetting(db, HEAD_SETTING);
  if (text === undefined) return null;
  try {
    const v = JSON.parse(text) as Partial<ChainHead>;
    return typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : null;
  } catch {
    return null;
  }
}

export function keepHead(db: Db, head: ChainHead): void {
  setSetting(db, HEAD_SETTING, JSON.stringify(head));
}

/** The first schema whose entries carry their hashes (migration 6). */
export const CHAINED_SCHEMA = 6;

/** The schema of a workbook opened read-only (which never migrates it), when it is older than the chain. */
export function unchainedSchema(db: Db): number | null {
  const version = db.pragma('user_version', { simple: true }) as number;
  return version < CHAINED_SCHEMA ? version : null;
}

const FILL_PAGE = 5000;

/**
 * Gives the entries of a workbook upgraded to schema 6 their place in the chain, oldest first, in
 * the migration's transaction; pages by seq because a statement cannot write while another iterates.
 */
export function fillActivityChain(db: Db): void {
  const page = db.prepare('SELECT seq, id, at, actor, action, kind, record_id AS recordId, vendor_id AS vendorId, summary, changes FROM activity WHERE seq > ? ORDER BY seq LIMIT ?');
  const set = db.prepare('UPDATE activity SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = GENESIS;
  let last = 0;
  for (;;) {
    const rows = page.all(last, FILL_PAGE) as (Omit<ChainEntry, 'changesSha256' | 'prevHash' | 'hash'> & { changes: string | null })[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const hash = entryHash(prev, { ...r, changesSha256: changesDigest(r.changes) });
      set.run(prev, hash, r.seq);
      prev = hash;
      last = r.seq;
    }
  }
  if (last > 0) keepHead(db, { seq: last, hash: prev });
}

const ENTRY_COLUMNS = `seq, id, at, actor, action, kind, record_id AS recordId, vendor_id AS vendorId, summary, changes, prev_hash AS prevHash, hash`;

type EntryRow = ChainEntry & { changes: string | null };

function toChainEntry(row: EntryRow): ChainEntry {
  const { changes, ...rest } = row;
  return { ...rest, changesSha256: changesDigest(changes) };
}

function* asChainEntries(rows: IterableIterator<unknown>): Generator<ChainEntry> {
  for (const r of rows as IterableIterator<EntryRow>) yield toChainEntry(r);
}

/**
 * The log's entries, oldest first, as the chain sees them: all, or (`scope`, a JSON array of vendor
 * ids, as packRows.ts takes it) those about these vendors.
 */
export function chainEntries(db: Db, scope: string | null = null): Generator<ChainEntry> {
  return asChainEntries(prepared(db, `SELECT ${ENTRY_COLUMNS} FROM activity WHERE @v IS NULL OR vendor_id IN (SELECT value FROM json_each(@v)) ORDER BY seq`)
    .iterate({ v: scope }));
}

/** The entries after `seq`, oldest first. */
function chainEntriesAfter(db: Db, seq: number): Generator<ChainEntry> {
  return asChainEntries(prepared(db, `SELECT ${ENTRY_COLUMNS} FROM activity WHERE seq > ? ORDER BY seq`).iterate(seq));
}

const entryName = (e: Pick<ChainEntry, 'seq' | 'at' | 'summary'>) => `entry #${e.seq} (${e.at.slice(0, 19).replace('T', ' ')}, “${e.summary.length > 80 ? `${e.summary.slice(0, 79)}…` : e.summary}”)`;

/**
 * Checks a chain, oldest entry first. `head` is where it must end (the workbook's kept head, or a
 * pack manifest's); `partial` allows gaps between entries (a pack carrying only some vendors'
 * entries): each entry is still checked against its own hash, and each link where seqs follow.
 */
export function checkChain(entries: Iterable<ChainEntry>, opts: { head?: ChainHead | null; partial?: boolean; from?: CheckedPart } = {}): ChainReport {
  let count = opts.from?.entries ?? 0;
  let since: string | null = opts.from?.since ?? null;
  let prev: ChainLink | null = opts.from?.last ?? null;
  let edited: ChainEntry | null = null;
  /** The first entry whose link names another previous entry than the one before it. */
  let unlinked: { entry: ChainEntry; named: string; gap: string } | null = null;
  // Once broken, the rest is only read for the hashes it holds: is the named previous entry elsewhere?
  const hashes = new Set<string>();
  for (const e of entries) {
    count++;
    if (e.hash !== null) hashes.add(e.hash);
    if (edited || unlinked) continue;
    since ??= e.at;
    const expectedPrev = prev === null ? GENESIS : prev.hash;
    if (e.hash === null || e.prevHash === null || entryHash(e.prevHash, e) !== e.hash) edited = e;
    else if (e.prevHash !== expectedPrev && !(opts.partial && (prev === null || e.seq !== prev.seq + 1))) {
      const gap = prev !== null && e.seq > prev.seq + 1 ? ` (#${prev.seq + 1}${e.seq > prev.seq + 2 ? `–#${e.seq - 1}` : ''} gone)` : '';
      unlinked = { entry: e, named: e.prevHash, gap };
    }
    prev = e;
  }
  const last = prev as ChainLink | null;
  const report = (broken: ChainBroken): ChainReport => ({ intact: false, entries: count, since, head: last?.hash ?? null, broken });
  const firstEdited = edited as ChainEntry | null;
  if (firstEdited) {
    return report({ seq: firstEdited.seq, at: firstEdited.at, what: 'edited', message: `${entryName(firstEdited)} was edited: its content no longer matches its hash` });
  }
  const link = unlinked as { entry: ChainEntry; named: string; gap: string } | null;
  if (link) {
    const { entry: e } = link;
    // A named previous entry that is in the log after all was moved, not removed.
    return report(hashes.has(link.named)
      ? { seq: e.seq, at: e.at, what: 'reordered', message: `${entryName(e)} is out of order: the entry before it is not the one it names` }
      : { seq: e.seq, at: e.at, what: 'removed', message: `the entry before ${entryName(e)} was removed or replaced${link.gap}: it names a previous entry the log does not hold` });
  }
  const head = opts.head ?? null;
  if (head && (last === null || last.seq < head.seq)) {
    return report({
      seq: last?.seq ?? 0, at: last?.at ?? '', what: 'truncated',
      message: last === null
        ? `the log is empty, but the workbook recorded entries up to #${head.seq}: they were removed`
        : `the log ends at entry #${last.seq}, but the workbook recorded entries up to #${head.seq}: the newest ${head.seq - last.seq} were removed`,
    });
  }
  if (head && last && last.seq === head.seq && last.hash !== head.hash) {
    return report({ seq: last.seq, at: last.at, what: 'edited', message: `${entryName(last)} is not the newest entry the workbook recorded: it was replaced` });
  }
  return { intact: true, entries: count, since, head: last?.hash ?? null, broken: null };
}

/** Checks the workbook's own log against its kept head, all of it (the CLI's verify-log). */
export function verifyActivityChain(db: Db): ChainReport {
  return checkChain(chainEntries(db), { head: keptHead(db) });
}

/** What an earlier check found intact: the entries up to `last`. */
export interface CheckedPart {
  entries: number;
  since: string | null;
  last: ChainLink;
}
type ChainLink = Pick<ChainEntry, 'seq' | 'at' | 'summary' | 'hash'>;

const checkedParts = new WeakMap<Db, CheckedPart & { dataVersion: number }>();

/**
 * The same check for the app's screen, asked again after every write: the whole log the first time
 * per open workbook (about a second per 100k entries), then only the entries this connection added
 * since. A change by any other connection (the sqlite3 command, another program, a pack import's
 * worker) moves SQLite's data_version, and the next check is a whole one again.
 */
export function verifyActivityChainSince(db: Db): ChainReport {
  const part = checkedParts.get(db);
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const report = part && part.dataVersion === dataVersion
    ? checkChain(chainEntriesAfter(db, part.last.seq), { head: keptHead(db), from: part })
    : verifyActivityChain(db);
  const newest = report.intact ? chainHead(db) : null;
  if (newest && report.entries > 0) {
    const last = prepared(db, 'SELECT seq, at, summary, hash FROM activity WHERE seq = ?').get(newest.seq) as ChainLink;
    checkedParts.set(db, { entries: report.entries, since: report.since, last, dataVersion });
  } else checkedParts.delete(db);
  return report;
}
