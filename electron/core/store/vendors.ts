// Vendor lookups the faces, the API and the packs make beyond the generic record functions
// (records.ts): names for choosing a vendor, whether a workbook has any, the dates of its deadlines.
import type { Vendor } from '../../../shared/records';
import type { Db } from './open';
import { prepared } from './prepared';
import { selectList } from './tables';

export interface VendorName {
  id: string;
  name: string;
}

/** Live vendors' ids and names, in no particular order. */
export function liveVendorNames(db: Db): VendorName[] {
  return prepared(db, 'SELECT id, name FROM vendors WHERE deleted_at IS NULL').all() as VendorName[];
}

/** Live vendors' ids and names by name (any case), then id: the order packs list them in. */
export function liveVendorNamesByName(db: Db): VendorName[] {
  return prepared(db, 'SELECT id, name FROM vendors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as VendorName[];
}

/** Live vendors, whole, by name (any case). */
export function liveVendors(db: Db): Vendor[] {
  return prepared(db, `SELECT ${selectList('vendor')} FROM vendors t WHERE t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE`).all() as Vendor[];
}

/** A vendor's id, name and whether it is deleted, whatever its state; undefined if there is none. */
export function vendorNameAndState(db: Db, id: string): (VendorName & { deletedAt: string | null }) | undefined {
  return prepared(db, 'SELECT id, name, deleted_at AS deletedAt FROM vendors WHERE id = ?').get(id) as (VendorName & { deletedAt: string | null }) | undefined;
}

/** A vendor's name, deleted or not; undefined if there is none. */
export function vendorName(db: Db, id: string): string | undefined {
  return (prepared(db, 'SELECT name FROM vendors WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

/** Whether any vendor row exists, deleted ones included (the demo is only made in a new workbook). */
export function anyVendorRow(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM vendors LIMIT 1').get() !== undefined;
}

/** Whether a live vendor exists. */
export function anyLiveVendor(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM vendors WHERE deleted_at IS NULL LIMIT 1').get() !== undefined;
}

/** Whether the workbook holds no vendor and no person, deleted or not (a new workbook). */
export function workbookIsEmpty(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM vendors UNION ALL SELECT 1 FROM people LIMIT 1').get() === undefined;
}

export interface VendorDeadlines extends VendorName {
  contractEnd: string | null;
  noticeDays: number | null;
  leadDays: number | null;
  exitDate: string | null;
}

/** Live vendors with the dates their exit and serve-notice deadlines are worked out from. */
export function liveVendorDeadlines(db: Db): VendorDeadlines[] {
  return prepared(db, `SELECT id, name, contract_end AS contractEnd, notice_days AS noticeDays, lead_days AS leadDays, exit_date AS exitDate
    FROM vendors WHERE deleted_at IS NULL`).all() as VendorDeadlines[];
}

/** Sets a vendor's points of contact on both sides, leaving updated_at alone (bulk loads stamp it themselves). */
export function setVendorContacts(db: Db, vendorId: string, vendorContactId: string | null, ourContactId: string | null): void {
  prepared(db, 'UPDATE vendors SET vendor_contact_id = ?, our_contact_id = ? WHERE id = ?').run(vendorContactId, ourContactId, vendorId);
}
