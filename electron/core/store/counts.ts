// How many live records there are: per vendor and kind of inventory record, and per table.
import type { VendorSummary } from '../../../shared/contract';
import type { Db } from './open';
import { prepared } from './prepared';

export type InventoryCounts = VendorSummary['counts'];
export const emptyCounts = (): InventoryCounts => ({ process: 0, repository: 0, licence: 0, document: 0, access: 0, dataset: 0, infrastructure: 0 });

/** Live inventory records (processes … infrastructure) of each vendor that has any, per kind. */
export function inventoryCountsByVendor(db: Db): Map<string, InventoryCounts> {
  const rows = prepared(db, `
    SELECT vendor_id AS v, 'process' AS k, count(*) AS n FROM processes WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'repository', count(*) FROM repositories WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'licence', count(*) FROM licences WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'document', count(*) FROM documents WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'access', count(*) FROM access_credentials WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'dataset', count(*) FROM data_sets WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'infrastructure', count(*) FROM infrastructure_items WHERE deleted_at IS NULL GROUP BY vendor_id`)
    .all() as { v: string; k: keyof InventoryCounts; n: number }[];
  const out = new Map<string, InventoryCounts>();
  for (const r of rows) {
    if (!out.has(r.v)) out.set(r.v, emptyCounts());
    out.get(r.v)![r.k] = r.n;
  }
  return out;
}

/** The live rows of a table that has a deleted_at column (its name comes from our code, never from input). */
export function liveCount(db: Db, table: 'people' | 'processes' | 'repositories' | 'licences' | 'documents' | 'contracts' | 'contract_notices' | 'exit_costs'
  | 'access_credentials' | 'data_sets' | 'infrastructure_items' | 'attachments'): number {
  return (prepared(db, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}

/**
 * The readiness counts each inventory table keeps (migrations 5 and 10): the counts table and the raw
 * fields its insert trigger groups by, written as the trigger writes them.
 */
const KEPT_COUNTS: Record<string, { counts: string; columns: string; values: string }> = {
  processes: { counts: 'readiness_process_counts', columns: 'vendor_id, criticality, kt_stage, has_successor', values: 'vendor_id, criticality, kt_stage, successor_id IS NOT NULL' },
  repositories: { counts: 'readiness_repository_counts', columns: 'vendor_id, transfer_status, admin_id', values: "vendor_id, transfer_status, ifnull(admin_id, '')" },
  licences: { counts: 'readiness_licence_counts', columns: 'vendor_id, licensee, transferable, transfer_status', values: 'vendor_id, licensee, transferable, transfer_status' },
  documents: { counts: 'readiness_document_counts', columns: 'vendor_id, status, reviewed', values: 'vendor_id, status, reviewed_on IS NOT NULL' },
  // Migration 10: the registers.
  access_credentials: {
    counts: 'readiness_access_counts', columns: 'vendor_id, privileged, status, vendor_held',
    values: "vendor_id, privileged, status, (holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = holder_id), '') = 'vendor')",
  },
  data_sets: {
    counts: 'readiness_dataset_counts', columns: 'vendor_id, personal_data, received, deletion_required, certified, covers_backups',
    values: 'vendor_id, personal_data, received_on IS NOT NULL, deletion_required, certificate_received_on IS NOT NULL, certificate_covers_backups',
  },
  infrastructure_items: { counts: 'readiness_infrastructure_counts', columns: 'vendor_id, status', values: 'vendor_id, status' },
};

/**
 * Sets a table's count trigger aside for a bulk insert (call inside a transaction): answers the
 * function that puts the trigger back from its own stored text and counts the rows inserted since
 * in one grouped statement. A trigger upserting the counts once per row is a third of a
 * 100,000-row load. A failure before it is called rolls the removal back with the rows, so no
 * other write ever runs without the trigger. New rows are told by their rowid (above the largest before).
 */
export function setCountsAside(db: Db, table: string): () => void {
  const kept = KEPT_COUNTS[table];
  const trigger = kept
    ? db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name = ?").pluck().get(table, `${kept.counts}_insert`) as string | undefined
    : undefined;
  if (!kept || !trigger) return () => {};
  const after = db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get() as number;
  db.exec(`DROP TRIGGER ${kept.counts}_insert`);
  return () => {
    db.exec(trigger);
    db.prepare(`INSERT INTO ${kept.counts} (${kept.columns}, n)
      SELECT ${kept.values}, count(*) FROM ${table} WHERE rowid > ? AND deleted_at IS NULL GROUP BY ${kept.values}
      ON CONFLICT DO UPDATE SET n = n + excluded.n`).run(after);
  };
}

/** Inserts many rows with the table's count trigger set aside (setCountsAside), as one savepoint (a transaction of its own outside one). */
export function insertCounted<T>(db: Db, table: string, insert: () => T): T {
  return db.transaction(() => {
    const putBack = setCountsAside(db, table);
    const result = insert();
    putBack();
    return result;
  })();
}
