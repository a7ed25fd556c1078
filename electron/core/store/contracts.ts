// The contract terms the deadlines and flags are worked out from (shared/contract-deadlines.ts),
// for every live vendor in one pass, or for one vendor: live contracts only, each with the day of
// the first live notice served on it. Every vendor's are kept in memory between calls and read
// again only when a write moved contract_terms_version (migration 7): at a thousand vendors the
// dashboard would otherwise build some 4,000 row objects on every refresh, about 15 ms.
import type { ContractWithNotice } from '../../../shared/contract-deadlines';
import type { Db } from './open';
import { prepared } from './prepared';

const COLUMNS = `c.id, c.vendor_id AS vendorId, c.title, c.kind, c.initial_end AS initialEnd, c.renewal, c.renewal_months AS renewalMonths,
  c.options_exercised AS optionsExercised, c.notice_amount AS noticeAmount, c.notice_unit AS noticeUnit, c.lead_days AS leadDays,
  c.assistance_months AS assistanceMonths, c.ended_by_exit AS endedByExit, c.exit_assistance AS exitAssistance,
  (SELECT min(n.served_on) FROM contract_notices n WHERE n.contract_id = c.id AND n.deleted_at IS NULL) AS servedOn`;

type ByVendor = ReadonlyMap<string, readonly ContractWithNotice[]>;

const kept = new WeakMap<Db, { version: number; all: ByVendor }>();

function read(db: Db, vendorId?: string): Map<string, ContractWithNotice[]> {
  const rows = prepared(db, `SELECT ${COLUMNS} FROM contracts c WHERE c.deleted_at IS NULL ${vendorId ? 'AND c.vendor_id = ?' : ''}`)
    .all(...(vendorId ? [vendorId] : [])) as (ContractWithNotice & { vendorId: string })[];
  const out = new Map<string, ContractWithNotice[]>();
  for (const { vendorId: v, ...c } of rows) {
    const list = out.get(v);
    if (list) list.push(c);
    else out.set(v, [c]);
  }
  return out;
}

/** Live contracts by vendor id (every vendor's, or one's). Shared between calls: never change what it answers. */
export function contractsByVendor(db: Db, vendorId?: string): ByVendor {
  if (vendorId) return read(db, vendorId);
  const version = prepared(db, 'SELECT n FROM contract_terms_version').pluck().get() as number;
  const hit = kept.get(db);
  if (hit && hit.version === version) return hit.all;
  const all = read(db);
  kept.set(db, { version, all });
  return all;
}
