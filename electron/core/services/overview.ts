// Read-only views across records: the vendor list with its counts, global search, statistics.
import type { SearchHit, Stats, VendorSummary } from '../../../shared/contract';
import { vendorNotice } from '../../../shared/contract-deadlines';
import type { RecordKind } from '../../../shared/records';
import { contractsByVendor } from '../store/contracts';
import { emptyCounts, inventoryCountsByVendor, liveCount } from '../store/counts';
import type { Db } from '../store/open';
import { searchIndex, toMatchQuery } from '../store/search';
import { liveVendorNamesByName, liveVendors } from '../store/vendors';
import { keptPositionOf } from './contractPositions';

export function vendorSummaries(db: Db, today: string): VendorSummary[] {
  const vendors = liveVendors(db);
  const counts = inventoryCountsByVendor(db);
  const contracts = contractsByVendor(db);
  return vendors.map((vendor) => ({
    vendor, counts: counts.get(vendor.id) ?? emptyCounts(), serveNoticeBy: vendorNotice(contracts.get(vendor.id) ?? [], today, keptPositionOf)?.serveBy ?? null,
  }));
}

export function stats(db: Db): Stats {
  const counts = inventoryCountsByVendor(db);
  const vendors = liveVendorNamesByName(db);
  return {
    totals: {
      vendor: vendors.length,
      person: liveCount(db, 'people'),
      process: liveCount(db, 'processes'),
      repository: liveCount(db, 'repositories'),
      licence: liveCount(db, 'licences'),
      document: liveCount(db, 'documents'),
      contract: liveCount(db, 'contracts'),
      notice: liveCount(db, 'contract_notices'),
      cost: liveCount(db, 'exit_costs'),
      access: liveCount(db, 'access_credentials'),
      dataset: liveCount(db, 'data_sets'),
      infrastructure: liveCount(db, 'infrastructure_items'),
      attachment: liveCount(db, 'attachments'),
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
  const inTitle = searchIndex(db, { match: match.replace('{title body}', '{title}'), kind: q.kind, limit });
  let rest: (SearchHit & { rowid: number })[] = [];
  if (inTitle.length < limit) {
    rest = searchIndex(db, { match, kind: q.kind, limit: limit - inTitle.length, notRowids: inTitle.map((h) => h.rowid) });
  }
  return [...inTitle, ...rest].map(({ rowid: _rowid, ...hit }) => hit);
}
