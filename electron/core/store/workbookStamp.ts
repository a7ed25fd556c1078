// Whether the workbook changed between two moments, without reading any table.
import type { Db } from './open';
import { prepared } from './prepared';

/**
 * A mark that moves whenever the workbook may have changed: rows written on this connection
 * (total_changes counts every row inserted, updated or deleted, by triggers too, even if rolled
 * back) and commits by any other connection (data_version). Equal marks mean nothing was written.
 */
export function workbookStamp(db: Db): string {
  const changes = prepared(db, 'SELECT total_changes()').pluck().get() as number;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}
