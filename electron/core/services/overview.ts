// Read-only views across records: the vendor list with its counts, global search, statistics.
import type { SearchHit, Stats, VendorSummary } from '../../../shared/contract';
import type { RecordKind, Vendor } from '../../../shared/records';
import type { Db } from '../store/open';
import { toMatchQuery } from '../store/search';
import { selectList } from '../store/tables';
import { prepared } from '../store/prepared';

type Counts = VendorSummary['counts'];
const emptyCounts = (): Counts => ({ process: 0, repository: 0, licence: 0, document: 0 });

function countsByVendor(db: Db): Map<string, Counts> {
  const rows = prepared(db, `
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
  const vendors = prepared(db, `SELECT ${selectList('vendor')} FROM vendors t WHERE t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE`).all() as Vendor[];
  const counts = countsByVendor(db);
  return vendors.map((vendor) => ({ vendor, counts: counts.get(vendor.id) ?? emptyCounts() }));
}

export function stats(db: Db): Stats {
  const total = (table: string) => (prepared(db, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  const counts = countsByVendor(db);
  const vendors = prepared(db, 'SELECT id, name FROM vendors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as { id: string; name: string }[];
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
 * Search as you type. Prefix matches through the FTS5 prefix indexes, names first: records whose
 * name matches come before records that match only in their text. Both steps stop at the limit,
 * so a one-letter query over 100,000 records costs no more than a precise one; ranking every match
 * with bm25 would (tens of milliseconds for a common prefix). Checklist items are found too,
 * except those of a deleted checklist or vendor.
 */
export function search(db: Db, q: { q: string; limit?: number | undefined; kind?: RecordKind | undefined }): SearchHit[] {
  const match = toMatchQuery(q.q);
  if (!match) return [];
  const limit = q.limit ?? 20;
  const select = (extra: string) => `
    SELECT f.rowid AS rowid, d.kind AS kind, d.record_id AS id, d.vendor_id AS vendorId, v.name AS vendorName, ci.checklist_id AS checklistId,
           f.title AS title, snippet(search_fts, -1, char(2), char(3), '…', 10) AS snippet
    FROM search_fts f
    JOIN search_docs d ON d.rowid = f.rowid
    LEFT JOIN vendors v ON v.id = d.vendor_id
    LEFT JOIN checklist_items ci ON d.kind = 'checklist_item' AND ci.id = d.record_id
    LEFT JOIN checklists c ON c.id = ci.checklist_id
    WHERE search_fts MATCH ? ${q.kind ? 'AND d.kind = ?' : ''} AND (v.id IS NULL OR v.deleted_at IS NULL) AND (c.id IS NULL OR c.deleted_at IS NULL) ${extra}
    LIMIT ?`;
  const kindParam = q.kind ? [q.kind] : [];
  const inTitle = prepared(db, select('')).all(match.replace('{title body}', '{title}'), ...kindParam, limit) as (SearchHit & { rowid: number })[];
  let rest: (SearchHit & { rowid: number })[] = [];
  if (inTitle.length < limit) {
    const seen = inTitle.map((h) => h.rowid);
    rest = prepared(db, select(seen.length ? `AND f.rowid NOT IN (${seen.map(() => '?').join(',')})` : '')).all(match, ...kindParam, ...seen, limit - inTitle.length) as (SearchHit & { rowid: number })[];
  }
  return [...inTitle, ...rest].map(({ rowid: _rowid, ...hit }) => hit);
}
