// The append-only log of every change: when, who (the workbook's user name), what.
import type { ActivityEntry } from '../../../shared/contract';
import type { Db } from './open';
import { prepared } from './prepared';

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

export function logActivity(db: Db, a: NewActivity): void {
  prepared(db, `INSERT INTO activity (id, at, actor, action, kind, record_id, vendor_id, summary, changes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(a.id, a.at, a.actor, a.action, a.kind, a.recordId, a.vendorId, a.summary, a.changes === undefined ? null : JSON.stringify(a.changes));
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
