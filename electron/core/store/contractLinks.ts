// A contract's links to documents and licences: a link taken back leaves a tombstone (deleted_at),
// so packs merge, and linking again brings the same row back to life (UNIQUE in migration 7).
import type { ContractLink, ContractLinkKind } from '../../../shared/contract-links';
import type { Db } from './open';
import { prepared } from './prepared';

export function putContractLink(db: Db, l: { id: string; contractId: string; recordKind: ContractLinkKind; recordId: string; now: string }): boolean {
  const existing = prepared(db, 'SELECT id, deleted_at AS deletedAt FROM contract_links WHERE contract_id = ? AND record_kind = ? AND record_id = ?')
    .get(l.contractId, l.recordKind, l.recordId) as { id: string; deletedAt: string | null } | undefined;
  if (existing && !existing.deletedAt) return false;
  if (existing) prepared(db, 'UPDATE contract_links SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(l.now, existing.id);
  else prepared(db, 'INSERT INTO contract_links (id, contract_id, record_kind, record_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(l.id, l.contractId, l.recordKind, l.recordId, l.now, l.now);
  return true;
}

/** Takes a live link back; returns whether there was one. */
export function deleteContractLink(db: Db, contractId: string, recordKind: ContractLinkKind, recordId: string, now: string): boolean {
  return prepared(db, 'UPDATE contract_links SET deleted_at = ?, updated_at = ? WHERE contract_id = ? AND record_kind = ? AND record_id = ? AND deleted_at IS NULL')
    .run(now, now, contractId, recordKind, recordId).changes > 0;
}

/** A contract's live links, oldest first (the linked records may since have been deleted: the service leaves those out). */
export function liveContractLinks(db: Db, contractId: string): Omit<ContractLink, 'title'>[] {
  return prepared(db, `SELECT id, contract_id AS contractId, record_kind AS recordKind, record_id AS recordId FROM contract_links
    WHERE contract_id = ? AND deleted_at IS NULL ORDER BY created_at, id`).all(contractId) as Omit<ContractLink, 'title'>[];
}
