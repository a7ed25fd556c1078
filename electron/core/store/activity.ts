// The append-only log of every change: when, who (the workbook's user name), what.
import type { ActivityEntry } from '../../../shared/contract';
import type { LoggedEntry } from '../../../shared/changes';
import type { Db } from './open';
import { prepared } from './prepared';
import { changesDigest, chainHead, entryHash, GENESIS, keepHead, keptHead } from './activityChain';

export interface NewActivity {
  id: string;
  at: string;
  actor: string;
  action: ActivityEntry['action'];
  kind: string;
  recordId: string | null;
  vendorId: string | null;
  summary: string;
  changes?: unknown;
}

/**
 * Appends an entry, chained to the newest one (activityChain.ts), and keeps the new head in the
 * settings. Every entry is written here; callers are inside a write transaction, so the newest
 * entry cannot change between reading it and inserting after it.
 */
export function logActivity(db: Db, a: NewActivity): void {
  const changes = a.changes === undefined ? null : JSON.stringify(a.changes);
  // Chained to the head the workbook kept, not merely to the last row: newest entries removed behind
  // the app's back still show once it writes again (the new entry names the removed one).
  const prevHash = keptHead(db)?.hash ?? chainHead(db)?.hash ?? GENESIS;
  const hash = entryHash(prevHash, { ...a, changesSha256: changesDigest(changes) });
  const { lastInsertRowid } = prepared(db, `INSERT INTO activity (id, at, actor, action, kind, record_id, vendor_id, summary, changes, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(a.id, a.at, a.actor, a.action, a.kind, a.recordId, a.vendorId, a.summary, changes, prevHash, hash);
  keepHead(db, { seq: Number(lastInsertRowid), hash });
}

export function listActivity(
  db: Db,
  q: { vendorId?: string | undefined; recordId?: string | undefined; before?: string | undefined; limit?: number | undefined },
): ActivityEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.vendorId) { where.push('vendor_id = ?'); params.push(q.vendorId); }
  if (q.recordId) { where.push('record_id = ?'); params.push(q.recordId); }
  if (q.before) {
    // Paging by the entry's sequence number: stable however many entries arrive meanwhile.
    where.push('seq < (SELECT seq FROM activity WHERE id = ?)');
    params.push(q.before);
  }
  params.push(q.limit ?? 100);
  return prepared(db, `SELECT id, at, actor, action, kind, record_id AS "recordId", vendor_id AS "vendorId", summary
    FROM activity ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`).all(...params) as ActivityEntry[];
}

/** The sequence number of the newest entry (0 in an empty log): writes after it have higher ones. */
export function lastActivitySeq(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(seq), 0) FROM activity').pluck().get() as number);
}

/** The entries logged after `seq`, oldest first: what one write just did. */
export function activitySince(db: Db, seq: number): (LoggedEntry & { seq: number })[] {
  return prepared(db, `SELECT seq, id, action, kind, record_id AS "recordId", vendor_id AS "vendorId", summary
    FROM activity WHERE seq > ? ORDER BY seq`).all(seq) as (LoggedEntry & { seq: number })[];
}

/** One logged entry with what it recorded (changes parsed), or undefined. */
export function activityEntry(db: Db, id: string): (LoggedEntry & { seq: number; changes: unknown }) | undefined {
  const row = prepared(db, `SELECT seq, id, action, kind, record_id AS "recordId", vendor_id AS "vendorId", summary, changes
    FROM activity WHERE id = ?`).get(id) as (LoggedEntry & { seq: number; changes: string | null }) | undefined;
  return row && { ...row, changes: row.changes === null ? null : JSON.parse(row.changes) as unknown };
}

/** The entries about `recordId` logged after `seq`, oldest first: what changed the record since then. */
export function entriesAfter(db: Db, recordId: string, seq: number): { id: string; summary: string }[] {
  return prepared(db, 'SELECT id, summary FROM activity WHERE record_id = ? AND seq > ? ORDER BY seq').all(recordId, seq) as { id: string; summary: string }[];
}

/** Whether anything about `recordId` was logged after `seq`. */
export function loggedAfter(db: Db, recordId: string, seq: number): boolean {
  return prepared(db, 'SELECT 1 FROM activity WHERE record_id = ? AND seq > ? LIMIT 1').get(recordId, seq) !== undefined;
}

/** The sequence number of a logged entry. */
export function activitySeqOf(db: Db, id: string): number | undefined {
  return (prepared(db, 'SELECT seq FROM activity WHERE id = ?').get(id) as { seq: number } | undefined)?.seq;
}
