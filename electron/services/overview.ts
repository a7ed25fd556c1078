// Read-only views across records: the vendor list with its counts, global search, statistics.
import type { SearchHit, Stats, VendorSummary } from '../../shared/contract';
import type { RecordKind, Vendor } from '../../shared/records';
import type { Db } from '../store/open';
import { toMatchQuery } from '../store/search';
import { selectList } from '../store/tables';

type Counts = VendorSummary['counts'];
const emptyCounts = (): Counts => ({ process: 0, repository: 0, licence: 0, document: 0 });

function countsByVendor(db: Db): Map<string, Counts> {
  const rows = db.prepare(`
    SELECT vendor_id AS v, 'process' AS k, count(*) AS n FROM processes WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'repository', count(*) FROM repositories WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'licence', count(*) FROM licences WHERE deleted_at IS NULL GROUP BY vendor_id
    UNION ALL SELECT vendor_id, 'document', count(*) FROM documents WHERE deleted_at IS NULL GROUP BY vendor_id`)
    .all() as { v: string; k: keyof Counts; n: number }[];
  const out = new Map<string, Counts>();
  for (const r of rows) {
    if (!out.has(r.v)) out.set(r.v, emptyCounts());
    out.get(r.v)![r.k] = r.n;
  }
  return out;
}

export function vendorSummaries(db: Db): VendorSummary[] {
  const vendors = db.prepare(`SELECT ${selectList('vendor')} FROM vendors t WHERE t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE`).all() as Vendor[];
  const counts = countsByVendor(db);
  return vendors.map((vendor) => ({ vendor, counts: counts.get(vendor.id) ?? emptyCounts() }));
}

export function stats(db: Db): Stats {
  const total = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  const counts = countsByVendor(db);
  const vendors = db.prepare('SELECT id, name FROM vendors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as { id: string; name: string }[];
  return {
    totals: {
      vendor: vendors.length,
      person: total('people'),
      process: total('processes'),
      repository: total('repositories'),
      licence: total('licences'),
      document: total('documents'),
      attachment: total('attachments'),
    },
    perVendor: vendors.map((v) => ({ vendorId: v.id, vendorName: v.name, counts: counts.get(v.id) ?? emptyCounts() })),
  };
}

/**
 * Search as you type. Prefix matches through the FTS5 prefix indexes; short queries that match a
 * large part of the workbook skip ranking (ranking every match would cost more than the keystroke
 * budget), longer ones are ranked by bm25 with the title weighted above the body.
 */
export function search(db: Db, q: { q: string; limit?: number | undefined; kind?: RecordKind | undefined }): SearchHit[] {
  const match = toMatchQuery(q.q);
  if (!match) return [];
  const limit = q.limit ?? 20;
  const ranked = q.q.trim().length >= 3;
  const rows = db.prepare(`
    SELECT d.kind AS kind, d.record_id AS id, d.vendor_id AS vendorId, v.name AS vendorName,
           f.title AS title, snippet(search_fts, -1, char(2), char(3), '…', 10) AS snippet
    FROM search_fts f
    JOIN search_docs d ON d.rowid = f.rowid
    LEFT JOIN vendors v ON v.id = d.vendor_id
    WHERE search_fts MATCH ? ${q.kind ? 'AND d.kind = ?' : ''} AND (v.id IS NULL OR v.deleted_at IS NULL)
    ${ranked ? 'ORDER BY bm25(search_fts, 5.0, 1.0)' : ''}
    LIMIT ?`).all(...[match, ...(q.kind ? [q.kind] : []), limit]) as SearchHit[];
  return rows;
}
