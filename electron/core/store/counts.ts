// How many live records there are: per vendor and kind of inventory record, and per table.
import type { VendorSummary } from '../../../shared/contract';
import type { Db } from './open';
import { prepared } from './prepared';

export type InventoryCounts = VendorSummary['counts'];
export const emptyCounts = (): InventoryCounts => ({ process: 0, repository: 0, licence: 0, document: 0 });

/** Live processes, repositories, licences and documents of each vendor that has any. */
export function inventoryCountsByVendor(db: Db): Map<string, InventoryCounts> {
  const rows = prepared(db, `
    SELECT vendor_id AS v, 'process' AS k, count(*) AS n FROM processes WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'repository', count(*) FROM repositories WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'licence', count(*) FROM licences WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'document', count(*) FROM documents WHERE deleted_at IS NULL GROUP BY vendor_id`)
    .all() as { v: string; k: keyof InventoryCounts; n: number }[];
  const out = new Map<string, InventoryCounts>();
  for (const r of rows) {
    if (!out.has(r.v)) out.set(r.v, emptyCounts());
    out.get(r.v)![r.k] = r.n;
  }
  return out;
}

/** The live rows of a table that has a deleted_at column (its name comes from our code, never from input). */
export function liveCount(db: Db, table: 'people' | 'processes' | 'repositories' | 'licences' | 'documents' | 'attachments'): number {
  return (prepared(db, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}
