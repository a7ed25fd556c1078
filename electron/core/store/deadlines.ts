// The rows the deadlines are worked out from (services/deadlines.ts): live vendors not yet exited,
// their licences with a renewal or expiry date, and their open checklist items with a due date.
// Contracts come from store/contracts.ts. Dates are compared as 'YYYY-MM-DD' text.
import type { Db } from './open';
import { prepared } from './prepared';

export interface DeadlineVendor {
  id: string;
  name: string;
  /** Our side's point of contact: who acts on the vendor's contract and licence dates. */
  ourContactId: string | null;
  ourContactName: string | null;
}

export interface DeadlineLicence {
  id: string;
  vendorId: string;
  product: string;
  type: string;
  renewalDate: string;
  transferStatus: string;
}

export interface DeadlineItem {
  id: string;
  vendorId: string;
  title: string;
  phase: number;
  status: string;
  blockedReason: string;
  dueDate: string;
  checklistId: string;
  checklistName: string;
  ownerId: string | null;
  ownerName: string | null;
}

/** Live vendors whose exit is not over (an exited vendor has nothing left to act on). */
export function deadlineVendors(db: Db, vendorId?: string): DeadlineVendor[] {
  return prepared(db, `SELECT v.id, v.name, p.id AS ourContactId, p.name AS ourContactName
    FROM vendors v LEFT JOIN people p ON p.id = v.our_contact_id AND p.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.status <> 'exited' ${vendorId ? 'AND v.id = ?' : ''}`)
    .all(...(vendorId ? [vendorId] : [])) as DeadlineVendor[];
}

/** Live licences of live vendors with a renewal or expiry date from `from` to `until`. */
export function licenceDates(db: Db, from: string, until: string, vendorId?: string): DeadlineLicence[] {
  return prepared(db, `SELECT l.id, l.vendor_id AS vendorId, l.product, l.type, l.renewal_date AS renewalDate, l.transfer_status AS transferStatus
    FROM licences l JOIN vendors v ON v.id = l.vendor_id
    WHERE l.deleted_at IS NULL AND v.deleted_at IS NULL AND v.status <> 'exited'
      AND l.renewal_date >= ? AND l.renewal_date <= ? ${vendorId ? 'AND l.vendor_id = ?' : ''}`)
    .all(from, until, ...(vendorId ? [vendorId] : [])) as DeadlineLicence[];
}

/**
 * Open items (to do, in progress, blocked) of live checklists and vendors due on or before
 * `until`, however long ago: an overdue item still has to be done. With a person, only theirs.
 */
export function openItemsDue(db: Db, until: string, f: { vendorId?: string | undefined; personId?: string | undefined }): DeadlineItem[] {
  const args: string[] = [until];
  let where = '';
  if (f.vendorId) { where += ' AND i.vendor_id = ?'; args.push(f.vendorId); }
  if (f.personId) { where += ' AND i.owner_id = ?'; args.push(f.personId); }
  return prepared(db, `SELECT i.id, i.vendor_id AS vendorId, i.title, i.phase, i.status, i.blocked_reason AS blockedReason, i.due_date AS dueDate,
      c.id AS checklistId, c.name AS checklistName, p.id AS ownerId, p.name AS ownerName
    FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id JOIN vendors v ON v.id = i.vendor_id
      LEFT JOIN people p ON p.id = i.owner_id AND p.deleted_at IS NULL
    WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND v.deleted_at IS NULL AND v.status <> 'exited'
      AND i.status NOT IN ('done', 'not_applicable') AND i.due_date IS NOT NULL AND i.due_date <= ?${where}`)
    .all(...args) as DeadlineItem[];
}
