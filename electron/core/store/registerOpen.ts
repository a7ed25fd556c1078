// A vendor's register records still open, for a checklist item that works on that register
// (migration 10): "open" is what the register's readiness part does not count yet
// (shared/readiness.ts): access not verified, data not returned or not certified, infrastructure
// not done or verified.
import type { ItemRegister, ItemRegisterOpen } from '../../../shared/checklists';
import type { Db } from './open';
import { prepared } from './prepared';

/** Per register: its table, the title column, when a record is open, and what it lacks (as SQL), earliest stage first. */
const OPEN_SQL: Record<ItemRegister, { table: string; title: string; open: string; state: string; stage: string }> = {
  access: {
    table: 'access_credentials', title: 'name', open: "status <> 'verified'",
    state: "CASE status WHEN 'active' THEN 'active' WHEN 'scheduled' THEN 'scheduled' ELSE 'done, not verified' END",
    stage: "CASE status WHEN 'active' THEN 0 WHEN 'scheduled' THEN 1 ELSE 2 END",
  },
  dataset: {
    table: 'data_sets', title: 'name', open: "NOT (received_on IS NOT NULL AND (deletion_required = 'no' OR certificate_received_on IS NOT NULL))",
    state: "CASE WHEN received_on IS NULL THEN 'not returned' ELSE 'no deletion certificate' END",
    stage: 'received_on IS NOT NULL',
  },
  infrastructure: {
    table: 'infrastructure_items', title: 'name', open: "status NOT IN ('done', 'verified')",
    state: "CASE status WHEN 'in_progress' THEN 'in progress' ELSE 'not started' END",
    stage: "status = 'in_progress'",
  },
};

/** The vendor's live records of the register, how many are open, and the first `limit` open ones. */
export function registerOpen(db: Db, vendorId: string, register: ItemRegister, limit: number): ItemRegisterOpen {
  const q = OPEN_SQL[register];
  const counts = prepared(db, `SELECT count(*) AS total, count(*) FILTER (WHERE ${q.open}) AS openCount FROM ${q.table} WHERE vendor_id = ? AND deleted_at IS NULL`)
    .get(vendorId) as { total: number; openCount: number };
  const open = prepared(db, `SELECT id, ${q.title} AS title, ${q.state} AS state FROM ${q.table} WHERE vendor_id = ? AND deleted_at IS NULL AND ${q.open}
    ORDER BY ${q.stage}, ${q.title} COLLATE NOCASE LIMIT ?`).all(vendorId, limit) as ItemRegisterOpen['open'];
  return { register, total: counts.total, openCount: counts.openCount, open };
}
