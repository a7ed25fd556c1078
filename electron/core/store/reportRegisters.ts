// What the report reads of a vendor's security-closure registers (issue 10): its access and
// credentials, data sets and infrastructure, as arrays of cells in the report's column order,
// iterated (never loaded whole) like the other inventory tables (reportRows.ts).
import { attachedFilesSql } from './reportRows';
import type { Db } from './open';

type Cells = IterableIterator<unknown[]>;

export type RegisterTable = 'access_credentials' | 'data_sets' | 'infrastructure_items';

/** How many live records of one register a vendor has. */
export function registerCount(db: Db, table: RegisterTable, vendorId: string): number {
  return db.prepare(`SELECT count(*) FROM ${table} WHERE vendor_id = ? AND deleted_at IS NULL`).pluck().get(vendorId) as number;
}

/**
 * A vendor's live access records by name: name, kind, system, holder's name, privileged, secret
 * location, action, planned offset from T, status, done on, verifier's name, verified on, files (JSON).
 */
export function reportAccess(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.name, t.kind, t.system, h.name, t.privileged, t.secret_location, t.action, t.planned_offset_days, t.status, t.done_on,
            v.name, t.verified_on, ${attachedFilesSql('access', 't.id')}
          FROM access_credentials t LEFT JOIN people h ON h.id = t.holder_id LEFT JOIN people v ON v.id = t.verified_by_id
          WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`).raw().iterate(vendorId) as Cells;
}

/**
 * A vendor's live data sets by name: name, system, location, region, personal data, owner's name,
 * return format, return method, received on, checker's name, deletion required, certificate
 * received on, covers backups, covers sub-processors, last backup expires on, files (JSON).
 */
export function reportDataSets(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.name, t.system, t.location, t.region, t.personal_data, o.name, t.return_format, t.return_method, t.received_on, c.name,
            t.deletion_required, t.certificate_received_on, t.certificate_covers_backups, t.certificate_covers_subprocessors, t.last_backup_expires_on,
            ${attachedFilesSql('dataset', 't.id')}
          FROM data_sets t LEFT JOIN people o ON o.id = t.owner_id LEFT JOIN people c ON c.id = t.checked_by_id
          WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`).raw().iterate(vendorId) as Cells;
}

/** A vendor's live infrastructure by name: name, kind, identifier, provider, held by, disposition, status, expires on, renewal account. */
export function reportInfrastructure(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.name, t.kind, t.identifier, t.provider, t.held_by, t.disposition, t.status, t.expires_on, t.renewal_account
          FROM infrastructure_items t WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`).raw().iterate(vendorId) as Cells;
}
