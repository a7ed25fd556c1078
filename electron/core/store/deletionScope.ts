// What a deletion-certificate request reads (pack/deletion-letter.ts): a vendor's live data sets
// whose deletion is required, with or without a certificate received, and the clauses of its live
// contracts that promise one. A data set whose deletion is not required is never asked for.
import type { DataSet } from '../../../shared/records';
import type { Db } from './open';
import { prepared } from './prepared';
import { selectList } from './tables';

/** A vendor's data sets to be certified deleted, by name; those certified already only when asked. */
export function datasetsForDeletion(db: Db, vendorId: string, includeCertified: boolean): DataSet[] {
  return prepared(db, `SELECT ${selectList('dataset')} FROM data_sets t
    WHERE t.vendor_id = ? AND t.deleted_at IS NULL AND t.deletion_required = 'yes' AND (? OR t.certificate_received_on IS NULL)
    ORDER BY t.name COLLATE NOCASE, t.id`).all(vendorId, includeCertified ? 1 : 0) as DataSet[];
}

export interface DeletionScope {
  /** Deletion required, no certificate received yet. */
  uncertified: number;
  /** Deletion required, a certificate received. */
  certified: number;
}

export function deletionScope(db: Db, vendorId: string): DeletionScope {
  return prepared(db, `SELECT coalesce(sum(certificate_received_on IS NULL), 0) AS uncertified, coalesce(sum(certificate_received_on IS NOT NULL), 0) AS certified
    FROM data_sets WHERE vendor_id = ? AND deleted_at IS NULL AND deletion_required = 'yes'`).get(vendorId) as DeletionScope;
}

export interface DeletionClause {
  title: string;
  reference: string;
  clause: string;
}

/**
 * The vendor's live contracts that name where their deletion-certificate clause is, by title; not
 * one recorded as having no such clause (its clause field then notes something else), which the
 * letter would otherwise cite as promising a certificate.
 */
export function deletionClauses(db: Db, vendorId: string): DeletionClause[] {
  return prepared(db, `SELECT title, reference, deletion_certificate_ref AS clause FROM contracts
    WHERE vendor_id = ? AND deleted_at IS NULL AND deletion_certificate_ref <> '' AND deletion_certificate <> 'no'
    ORDER BY title COLLATE NOCASE, id`).all(vendorId) as DeletionClause[];
}
