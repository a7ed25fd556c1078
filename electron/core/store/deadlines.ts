// The rows the deadlines are worked out from (services/deadlines.ts): live vendors not yet exited,
// their licences with a renewal or expiry date, their open checklist items with a due date, their
// open access records (planned from the exit date) and their infrastructure not yet handed over
// with an expiry date. Contracts come from store/contracts.ts. Dates are compared as 'YYYY-MM-DD' text.
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

export interface DeadlineAccess {
  id: string;
  vendorId: string;
  name: string;
  kind: string;
  system: string;
  action: string;
  privileged: string;
  status: string;
  plannedOffsetDays: number;
  /** The exit date plus the record's planned offset. */
  plannedOn: string;
  holderId: string | null;
  holderName: string | null;
}

export interface DeadlineInfrastructure {
  id: string;
  vendorId: string;
  name: string;
  kind: string;
  identifier: string;
  disposition: string;
  status: string;
  expiresOn: string;
  renewalAccount: string;
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

/**
 * Live access records not yet done or verified, of live vendors not exited that have an exit date
 * (without one nothing is planned), planned on or before `until` however long ago: an access
 * still open after its day still has to be closed. Read through the vendor index, per vendor.
 */
export function openAccessPlanned(db: Db, until: string, f: { vendorId?: string | undefined; personId?: string | undefined }): DeadlineAccess[] {
  const args: string[] = [until];
  let where = '';
  if (f.vendorId) { where += ' AND v.id = ?'; args.push(f.vendorId); }
  if (f.personId) { where += ' AND a.holder_id = ?'; args.push(f.personId); }
  // The same date arithmetic as checklist items' due dates (store/checklists.ts redateVendorItems).
  return prepared(db, `SELECT a.id, a.vendor_id AS vendorId, a.name, a.kind, a.system, a.action, a.privileged, a.status, a.planned_offset_days AS plannedOffsetDays,
      date(v.exit_date, a.planned_offset_days || ' days') AS plannedOn, p.id AS holderId, p.name AS holderName
    FROM vendors v JOIN access_credentials a ON a.vendor_id = v.id AND a.deleted_at IS NULL
      LEFT JOIN people p ON p.id = a.holder_id AND p.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.status <> 'exited' AND v.exit_date IS NOT NULL
      AND a.status IN ('active', 'scheduled') AND date(v.exit_date, a.planned_offset_days || ' days') <= ?${where}`)
    .all(...args) as DeadlineAccess[];
}

/**
 * Live infrastructure items not yet done or verified, of live vendors not exited, expiring from
 * `from` to `until` (a date already past is history: renewed or lapsed). CROSS JOIN keeps the
 * items the outer loop, so the window is read through the expiry index (or, for one vendor, its
 * index) and not every item of every vendor; left to itself the planner walks the vendors first.
 */
export function infrastructureExpiries(db: Db, from: string, until: string, vendorId?: string): DeadlineInfrastructure[] {
  return prepared(db, `SELECT i.id, i.vendor_id AS vendorId, i.name, i.kind, i.identifier, i.disposition, i.status, i.expires_on AS expiresOn, i.renewal_account AS renewalAccount
    FROM infrastructure_items i CROSS JOIN vendors v ON v.id = i.vendor_id
    WHERE i.deleted_at IS NULL AND i.expires_on IS NOT NULL AND i.expires_on >= ? AND i.expires_on <= ?
      AND i.status NOT IN ('done', 'verified') AND v.deleted_at IS NULL AND v.status <> 'exited' ${vendorId ? 'AND i.vendor_id = ?' : ''}`)
    .all(from, until, ...(vendorId ? [vendorId] : [])) as DeadlineInfrastructure[];
}
