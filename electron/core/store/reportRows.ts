// What the pack's report (README.html and report.md) reads: per vendor its facts and contracts, its
// checklists with their items and evidence, its inventory tables; and the people and files of the
// vendors exported. Table rows come as arrays of cells in the report's column order, iterated
// (never loaded whole) through a statement of their own, so two tables may be read at once.
import type { ContractWithNotice } from '../../../shared/contract-deadlines';
import type { OwnerKind } from './attachments';
import type { Db } from './open';

type Cells = IterableIterator<unknown[]>;

export interface ReportVendorRow {
  id: string; name: string; services: string; contractRef: string; contractStart: string | null; contractEnd: string | null; renewal: string;
  noticeDays: number | null; leadDays: number | null; exitDate: string | null; exitKind: string; target: string; newProviderName: string;
  status: string; vendorContact: string | null; ourContact: string | null; notes: string;
}

/**
 * SQL for the files attached to a record, as a JSON array of the report's AttachedFile (`owner`
 * is the SQL of the record's id, e.g. 'i.id'), ordered by name.
 */
export const attachedFilesSql = (kind: OwnerKind, owner: string) => `(SELECT json_group_array(json_object('name', f.name, 'storedName', f.stored, 'size', f.size, 'sha256', f.sha))
  FROM (SELECT l.file_name AS name, a.file_name AS stored, a.size AS size, a.sha256 AS sha FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
    WHERE l.owner_kind = '${kind}' AND l.owner_id = ${owner} AND l.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY l.file_name COLLATE NOCASE, l.id) f)`;

/** The live vendors among `vendorIds`, by name (any case), with their contacts' names. */
export function reportVendors(db: Db, vendorIds: string[]): ReportVendorRow[] {
  return db.prepare(`SELECT v.id, v.name, v.services, v.contract_ref AS contractRef, v.contract_start AS contractStart, v.contract_end AS contractEnd,
      v.renewal, v.notice_days AS noticeDays, v.lead_days AS leadDays, v.exit_date AS exitDate, v.exit_kind AS exitKind, v.target,
      v.new_provider_name AS newProviderName, v.status, vc.name AS vendorContact, oc.name AS ourContact, v.notes
    FROM vendors v LEFT JOIN people vc ON vc.id = v.vendor_contact_id LEFT JOIN people oc ON oc.id = v.our_contact_id
    WHERE v.deleted_at IS NULL AND v.id IN (SELECT value FROM json_each(?)) ORDER BY v.name COLLATE NOCASE, v.id`).all(JSON.stringify(vendorIds)) as ReportVendorRow[];
}

/** Everyone an exported record of these vendors refers to (people are shared between vendors). */
export function reportPeopleIds(db: Db, vendorIds: string[]): string[] {
  const ids = JSON.stringify(vendorIds);
  return (db.prepare(`SELECT vendor_contact_id FROM vendors WHERE id IN (SELECT value FROM json_each(@v))
    UNION SELECT our_contact_id FROM vendors WHERE id IN (SELECT value FROM json_each(@v))
    UNION SELECT owner_id FROM processes WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT successor_id FROM processes WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT admin_id FROM repositories WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT reviewed_by_id FROM documents WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT owner_id FROM checklist_items WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT signed_off_by_id FROM checklist_items WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT holder_id FROM access_credentials WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT verified_by_id FROM access_credentials WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT owner_id FROM data_sets WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT checked_by_id FROM data_sets WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL`).pluck().all({ v: ids }) as (string | null)[])
    .filter((x): x is string => x !== null);
}

/** Live people of these vendors or among `peopleIds`, by name: name, role, side, vendor's name, e-mail. */
export function reportPeople(db: Db, vendorIds: string[], peopleIds: string[]): Cells {
  return db.prepare(`SELECT p.name, p.role, p.side, v.name, p.email FROM people p LEFT JOIN vendors v ON v.id = p.vendor_id
          WHERE p.deleted_at IS NULL AND (p.vendor_id IN (SELECT value FROM json_each(@v)) OR p.id IN (SELECT value FROM json_each(@p)))
          ORDER BY p.name COLLATE NOCASE, p.id`).raw().iterate({ v: JSON.stringify(vendorIds), p: JSON.stringify(peopleIds) }) as Cells;
}

/**
 * Live files attached to these vendors' records (documents, checklist items, notices served, access
 * records, data sets), by name: name there, owner's title, size, SHA-256, stored name.
 */
export function reportAttachments(db: Db, vendorIds: string[]): Cells {
  // One primary-key lookup per link and kind of owner; the link's owner_kind picks the one that matches.
  return db.prepare(`SELECT l.file_name, coalesce(d.title, i.title, 'Notice served on ' || n.served_on || coalesce(' (' || c.title || ')', ''), ac.name, ds.name),
            a.size, a.sha256, a.file_name FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
          LEFT JOIN documents d ON l.owner_kind = 'document' AND d.id = l.owner_id LEFT JOIN checklist_items i ON l.owner_kind = 'checklist_item' AND i.id = l.owner_id
          LEFT JOIN contract_notices n ON l.owner_kind = 'notice' AND n.id = l.owner_id LEFT JOIN contracts c ON c.id = n.contract_id
          LEFT JOIN access_credentials ac ON l.owner_kind = 'access' AND ac.id = l.owner_id LEFT JOIN data_sets ds ON l.owner_kind = 'dataset' AND ds.id = l.owner_id
          WHERE l.deleted_at IS NULL AND a.deleted_at IS NULL AND coalesce(d.vendor_id, i.vendor_id, n.vendor_id, ac.vendor_id, ds.vendor_id) IN (SELECT value FROM json_each(?))
          ORDER BY l.file_name COLLATE NOCASE, l.id`).raw().iterate(JSON.stringify(vendorIds)) as Cells;
}

export interface ReportChecklist {
  id: string;
  name: string;
  template: string | null;
  done: number;
  /** Live items that apply (not "not applicable"). */
  total: number;
}

/** A vendor's live checklists, oldest first, with their template's name and how many items are done. */
export function reportChecklists(db: Db, vendorId: string): ReportChecklist[] {
  return db.prepare(`SELECT c.id, c.name, t.name AS template,
      (SELECT count(*) FROM checklist_items i WHERE i.checklist_id = c.id AND i.deleted_at IS NULL AND i.status = 'done') AS done,
      (SELECT count(*) FROM checklist_items i WHERE i.checklist_id = c.id AND i.deleted_at IS NULL AND i.status <> 'not_applicable') AS total
    FROM checklists c LEFT JOIN templates t ON t.id = c.template_id
    WHERE c.vendor_id = ? AND c.deleted_at IS NULL ORDER BY c.created_at, c.id`).all(vendorId) as ReportChecklist[];
}

/** Per phase of a checklist: [phase, items done, items that apply]. */
export function reportPhaseCounts(db: Db, checklistId: string): [number, number, number][] {
  return db.prepare(`SELECT phase, count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status <> 'not_applicable')
      FROM checklist_items WHERE checklist_id = ? AND deleted_at IS NULL GROUP BY phase`).raw().all(checklistId) as [number, number, number][];
}

/**
 * A checklist's live items by phase and position: phase, title, owner (name or role), due date,
 * offset, status, blocked reason, evidence note, attached files (JSON), signer's name, signed-off at.
 */
export function reportItems(db: Db, checklistId: string): Cells {
  return db.prepare(`SELECT i.phase, i.title, coalesce(o.name, i.owner_role) AS owner, i.due_date, i.offset_days, i.status, i.blocked_reason,
            i.evidence, ${attachedFilesSql('checklist_item', 'i.id')}, s.name AS signer, i.signed_off_at
            FROM checklist_items i LEFT JOIN people o ON o.id = i.owner_id LEFT JOIN people s ON s.id = i.signed_off_by_id
            WHERE i.checklist_id = ? AND i.deleted_at IS NULL ORDER BY i.phase, i.position, i.id`).raw().iterate(checklistId) as Cells;
}

/** How many live records of one inventory kind a vendor has. */
export function inventoryCount(db: Db, table: 'processes' | 'repositories' | 'licences' | 'documents', vendorId: string): number {
  return db.prepare(`SELECT count(*) FROM ${table} WHERE vendor_id = ? AND deleted_at IS NULL`).pluck().get(vendorId) as number;
}

/** A vendor's live processes by name: name, criticality, frequency, SLA, owner, successor, knowledge-transfer stage, runbook's title. */
export function reportProcesses(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.name, t.criticality, t.frequency, t.sla, o.name, s.name, t.kt_stage, d.title FROM processes t
          LEFT JOIN people o ON o.id = t.owner_id LEFT JOIN people s ON s.id = t.successor_id LEFT JOIN documents d ON d.id = t.runbook_id
          WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`).raw().iterate(vendorId) as Cells;
}

/** A vendor's live repositories by name: name, URL, host, org owner, admin, CI/CD, secrets location, escrow, access verified on, transfer status. */
export function reportRepositories(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.name, t.url, t.host, t.org_owner, a.name, t.ci_cd, t.secrets_location, t.escrow, t.access_verified_on, t.transfer_status
          FROM repositories t LEFT JOIN people a ON a.id = t.admin_id WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`)
    .raw().iterate(vendorId) as Cells;
}

/** A vendor's live licences by product: product, licensor, type, seats, licensee, transferable, key location, renewal, annual cost, currency, transfer status. */
export function reportLicences(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.product, t.licensor, t.type, t.seats, t.licensee, t.transferable, t.key_location, t.renewal_date, t.annual_cost, t.currency, t.transfer_status
          FROM licences t WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.product COLLATE NOCASE, t.id`).raw().iterate(vendorId) as Cells;
}

/** A vendor's live documents by title: title, kind, status, version, location, reviewer, reviewed on, attached files (JSON). */
export function reportDocuments(db: Db, vendorId: string): Cells {
  return db.prepare(`SELECT t.title, t.kind, t.status, t.version, t.location, p.name, t.reviewed_on, ${attachedFilesSql('document', 't.id')}
          FROM documents t LEFT JOIN people p ON p.id = t.reviewed_by_id WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.title COLLATE NOCASE, t.id`)
    .raw().iterate(vendorId) as Cells;
}

/** A vendor's contract as the report lists it: the facts its deadlines are worked out from (shared/contract-deadlines.ts) and its reference. */
export interface ReportContractRow extends ContractWithNotice {
  reference: string;
}

/** A vendor's live contracts by title, each with the day of the first live notice served on it. */
export function reportContracts(db: Db, vendorId: string): ReportContractRow[] {
  return db.prepare(`SELECT c.id, c.title, c.kind, c.reference, c.initial_end AS initialEnd, c.renewal, c.renewal_months AS renewalMonths,
      c.options_exercised AS optionsExercised, c.notice_amount AS noticeAmount, c.notice_unit AS noticeUnit, c.lead_days AS leadDays,
      c.assistance_months AS assistanceMonths, c.ended_by_exit AS endedByExit, c.exit_assistance AS exitAssistance,
      (SELECT min(n.served_on) FROM contract_notices n WHERE n.contract_id = c.id AND n.deleted_at IS NULL) AS servedOn
    FROM contracts c WHERE c.vendor_id = ? AND c.deleted_at IS NULL ORDER BY c.title COLLATE NOCASE, c.id`).all(vendorId) as ReportContractRow[];
}
