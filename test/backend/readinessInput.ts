// The plain path to a vendor's readiness: every live record read as it is, for computeReadiness
// (shared/readiness.ts) to group and score; and the kept counts recounted from the records.
// Tests hold the backend's counted paths against these.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { leftOf } from '../../electron/core/services/readiness';
import { contractsByVendor } from '../../electron/core/store/contracts';
import type { ReadinessInput } from '../../shared/readiness';

export function liveVendors(db: Database.Database): ReadinessInput['vendor'][] {
  const contracts = contractsByVendor(db);
  return (db.prepare(`SELECT id, name, exit_date AS exitDate, status FROM vendors WHERE deleted_at IS NULL ORDER BY id`).all() as Omit<ReadinessInput['vendor'], 'contracts'>[])
    .map((v) => ({ ...v, contracts: contracts.get(v.id) ?? [] }));
}

/** A vendor's records as readiness reads them: live ones, items of live checklists, people who left named. */
export function plainReadinessInput(db: Database.Database, vendor: ReadinessInput['vendor'], today: string): ReadinessInput {
  return {
    today,
    vendor,
    items: db.prepare(`SELECT t.id, t.title, t.phase, t.status, t.due_date AS dueDate, t.blocked_reason AS blockedReason FROM checklist_items t
      JOIN checklists c ON c.id = t.checklist_id AND c.deleted_at IS NULL WHERE t.vendor_id = ? AND t.deleted_at IS NULL`).all(vendor.id) as ReadinessInput['items'],
    processes: (db.prepare(`SELECT t.id, t.name, t.criticality, t.successor_id AS successorId, t.kt_stage AS ktStage, o.name AS ownerLeft, s.name AS successorLeft
      FROM processes t LEFT JOIN people o ON o.id = t.owner_id AND o.deleted_at IS NOT NULL LEFT JOIN people s ON s.id = t.successor_id AND s.deleted_at IS NOT NULL
      WHERE t.vendor_id = ? AND t.deleted_at IS NULL`).all(vendor.id) as (ReadinessInput['processes'][number] & { ownerLeft: string | null; successorLeft: string | null })[])
      .map(({ ownerLeft, successorLeft, ...p }) => ({ ...p, left: leftOf(ownerLeft, successorLeft) })),
    // An admin who has left is no admin.
    repositories: db.prepare(`SELECT r.id, r.name, r.transfer_status AS transferStatus, p.side AS adminSide FROM repositories r LEFT JOIN people p ON p.id = r.admin_id AND p.deleted_at IS NULL
      WHERE r.vendor_id = ? AND r.deleted_at IS NULL`).all(vendor.id) as ReadinessInput['repositories'],
    licences: db.prepare(`SELECT id, product, licensee, transferable, transfer_status AS transferStatus FROM licences WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as ReadinessInput['licences'],
    documents: db.prepare(`SELECT id, title, status, reviewed_on AS reviewedOn FROM documents WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as ReadinessInput['documents'],
    // A holder's side counts whether or not they have left: access they held is still theirs to give back.
    access: db.prepare(`SELECT a.id, a.name, a.privileged, a.status, a.holder_id AS holderId, p.side AS holderSide FROM access_credentials a LEFT JOIN people p ON p.id = a.holder_id
      WHERE a.vendor_id = ? AND a.deleted_at IS NULL`).all(vendor.id) as NonNullable<ReadinessInput['access']>,
    datasets: db.prepare(`SELECT id, name, personal_data AS personalData, received_on AS receivedOn, deletion_required AS deletionRequired,
      certificate_received_on AS certificateReceivedOn, certificate_covers_backups AS certificateCoversBackups FROM data_sets WHERE vendor_id = ? AND deleted_at IS NULL`)
      .all(vendor.id) as NonNullable<ReadinessInput['datasets']>,
    infrastructure: db.prepare(`SELECT id, name, kind, status, expires_on AS expiresOn, renewal_account AS renewalAccount FROM infrastructure_items
      WHERE vendor_id = ? AND deleted_at IS NULL`).all(vendor.id) as NonNullable<ReadinessInput['infrastructure']>,
  };
}

/** The kept counts, and the same counts taken from the records now: they must never differ. */
const COUNTS: [string, string, string][] = [
  ['items', 'SELECT vendor_id, phase, status, n FROM readiness_item_counts WHERE n > 0',
    'SELECT vendor_id, phase, status, count(*) FROM checklist_items WHERE deleted_at IS NULL GROUP BY 1, 2, 3'],
  ['processes', 'SELECT vendor_id, criticality, kt_stage, has_successor, n FROM readiness_process_counts WHERE n > 0',
    'SELECT vendor_id, criticality, kt_stage, successor_id IS NOT NULL, count(*) FROM processes WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4'],
  ['repositories', 'SELECT vendor_id, transfer_status, admin_id, n FROM readiness_repository_counts WHERE n > 0',
    `SELECT vendor_id, transfer_status, ifnull(admin_id, ''), count(*) FROM repositories WHERE deleted_at IS NULL GROUP BY 1, 2, 3`],
  ['licences', 'SELECT vendor_id, licensee, transferable, transfer_status, n FROM readiness_licence_counts WHERE n > 0',
    'SELECT vendor_id, licensee, transferable, transfer_status, count(*) FROM licences WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4'],
  ['documents', 'SELECT vendor_id, status, reviewed, n FROM readiness_document_counts WHERE n > 0',
    'SELECT vendor_id, status, reviewed_on IS NOT NULL, count(*) FROM documents WHERE deleted_at IS NULL GROUP BY 1, 2, 3'],
  // Held by the vendor: no holder, or a holder (left or not) on the vendor's side now.
  ['access', 'SELECT vendor_id, privileged, status, vendor_held, n FROM readiness_access_counts WHERE n > 0',
    `SELECT a.vendor_id, a.privileged, a.status, a.holder_id IS NULL OR ifnull(p.side = 'vendor', 0), count(*) FROM access_credentials a
      LEFT JOIN people p ON p.id = a.holder_id WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3, 4`],
  ['data sets', 'SELECT vendor_id, personal_data, received, deletion_required, certified, covers_backups, n FROM readiness_dataset_counts WHERE n > 0',
    `SELECT vendor_id, personal_data, received_on IS NOT NULL, deletion_required, certificate_received_on IS NOT NULL, certificate_covers_backups, count(*)
      FROM data_sets WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6`],
  ['infrastructure', 'SELECT vendor_id, status, n FROM readiness_infrastructure_counts WHERE n > 0',
    'SELECT vendor_id, status, count(*) FROM infrastructure_items WHERE deleted_at IS NULL GROUP BY 1, 2'],
];

/** The kept readiness counts (migrations 5 and 10) hold exactly what counting the records gives now. */
export function expectCountsMatchRecords(db: Database.Database): void {
  const sorted = (sql: string) => (db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  for (const [part, kept, fresh] of COUNTS) expect(sorted(kept), `kept ${part} counts`).toEqual(sorted(fresh));
}
