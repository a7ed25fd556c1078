// Schema version 7: contracts per vendor, the notices served on them, and their links.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// Each vendor's contract fields become its first contract ("Main contract", a master agreement),
// for every vendor that has any of them, tombstones included. Its id is the vendor's id with the
// first hex digit complemented (0↔f, 1↔e …: never the vendor's own id, still a UUID of the same
// version): two laptops upgrading copies of one workbook make the same contract, so their packs
// merge instead of duplicating it. It takes the vendor's
// stamps for the same reason. The vendor's columns stay as they were: nothing is lost, and the
// upgrade keeps every row column for column; the app no longer edits or reads them for deadlines.
export default `
CREATE TABLE contracts (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'master_agreement' CHECK (kind IN ('master_agreement', 'statement_of_work', 'order_form', 'data_processing_agreement', 'nda', 'licence_agreement', 'other')),
  reference TEXT NOT NULL DEFAULT '',
  start TEXT CHECK (start IS NULL OR (length(start) = 10 AND start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  initial_end TEXT CHECK (initial_end IS NULL OR (length(initial_end) = 10 AND initial_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  renewal TEXT NOT NULL DEFAULT 'none' CHECK (renewal IN ('none', 'tacit', 'express')),
  renewal_months INTEGER CHECK (renewal_months IS NULL OR renewal_months >= 0),
  options_exercised INTEGER CHECK (options_exercised IS NULL OR options_exercised >= 0),
  notice_amount INTEGER CHECK (notice_amount IS NULL OR notice_amount >= 0),
  notice_unit TEXT NOT NULL DEFAULT 'days' CHECK (notice_unit IN ('days', 'months')),
  notice_method TEXT NOT NULL DEFAULT 'unknown' CHECK (notice_method IN ('unknown', 'written_letter', 'email', 'registered_post', 'certified_email')),
  notice_to TEXT NOT NULL DEFAULT '',
  lead_days INTEGER CHECK (lead_days IS NULL OR lead_days >= 0),
  assistance_months INTEGER CHECK (assistance_months IS NULL OR assistance_months >= 0),
  ended_by_exit TEXT NOT NULL DEFAULT 'yes' CHECK (ended_by_exit IN ('yes', 'no')),
  exit_assistance TEXT NOT NULL DEFAULT 'unknown' CHECK (exit_assistance IN ('unknown', 'yes', 'no')),
  exit_assistance_ref TEXT NOT NULL DEFAULT '',
  data_return TEXT NOT NULL DEFAULT 'unknown' CHECK (data_return IN ('unknown', 'yes', 'no')),
  data_return_ref TEXT NOT NULL DEFAULT '',
  deletion_certificate TEXT NOT NULL DEFAULT 'unknown' CHECK (deletion_certificate IN ('unknown', 'yes', 'no')),
  deletion_certificate_ref TEXT NOT NULL DEFAULT '',
  ip_ownership TEXT NOT NULL DEFAULT 'unknown' CHECK (ip_ownership IN ('unknown', 'yes', 'no')),
  ip_ownership_ref TEXT NOT NULL DEFAULT '',
  escrow_clause TEXT NOT NULL DEFAULT 'unknown' CHECK (escrow_clause IN ('unknown', 'yes', 'no')),
  escrow_clause_ref TEXT NOT NULL DEFAULT '',
  step_in TEXT NOT NULL DEFAULT 'unknown' CHECK (step_in IN ('unknown', 'yes', 'no')),
  step_in_ref TEXT NOT NULL DEFAULT '',
  service_credits TEXT NOT NULL DEFAULT 'unknown' CHECK (service_credits IN ('unknown', 'yes', 'no')),
  service_credits_ref TEXT NOT NULL DEFAULT '',
  confidentiality TEXT NOT NULL DEFAULT 'unknown' CHECK (confidentiality IN ('unknown', 'yes', 'no')),
  confidentiality_ref TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE INDEX contracts_vendor ON contracts (vendor_id, deleted_at, title COLLATE NOCASE);

-- A notice of termination served on a contract: when, by whom, how, and the document that proves it.
CREATE TABLE contract_notices (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  served_on TEXT NOT NULL CHECK (length(served_on) = 10 AND served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  served_by_id TEXT REFERENCES people(id),
  method TEXT NOT NULL DEFAULT 'unknown' CHECK (method IN ('unknown', 'written_letter', 'email', 'registered_post', 'certified_email')),
  evidence_id TEXT REFERENCES documents(id),
  acknowledged_on TEXT CHECK (acknowledged_on IS NULL OR (length(acknowledged_on) = 10 AND acknowledged_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE INDEX contract_notices_vendor ON contract_notices (vendor_id, deleted_at, served_on);
CREATE INDEX contract_notices_contract ON contract_notices (contract_id, deleted_at);

-- The documents and licences a contract covers.
CREATE TABLE contract_links (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  record_kind TEXT NOT NULL CHECK (record_kind IN ('document', 'licence')),
  record_id TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
  UNIQUE (contract_id, record_kind, record_id)
) STRICT;
CREATE INDEX contract_links_record ON contract_links (record_kind, record_id);

INSERT INTO contracts (id, vendor_id, title, kind, reference, start, initial_end, renewal, notice_amount, notice_unit, lead_days,
  created_at, updated_at, deleted_at)
SELECT substr('fedcba9876543210', instr('0123456789abcdef', lower(substr(id, 1, 1))), 1) || substr(id, 2),
  id, 'Main contract', 'master_agreement', contract_ref, contract_start, contract_end, renewal, notice_days, 'days', lead_days,
  created_at, updated_at, deleted_at
FROM vendors
WHERE contract_ref <> '' OR contract_start IS NOT NULL OR contract_end IS NOT NULL OR renewal <> 'none' OR notice_days IS NOT NULL OR lead_days IS NOT NULL;

-- A counter every write to contracts and notices moves (kept by the triggers below): the dashboard
-- keeps every vendor's contract terms in memory and reads them again only when it has moved.
CREATE TABLE contract_terms_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
) STRICT;
INSERT INTO contract_terms_version (id, n) VALUES (1, 0);
CREATE TRIGGER contracts_version_insert AFTER INSERT ON contracts BEGIN UPDATE contract_terms_version SET n = n + 1; END;
CREATE TRIGGER contracts_version_update AFTER UPDATE ON contracts BEGIN UPDATE contract_terms_version SET n = n + 1; END;
CREATE TRIGGER contracts_version_delete AFTER DELETE ON contracts BEGIN UPDATE contract_terms_version SET n = n + 1; END;
CREATE TRIGGER contract_notices_version_insert AFTER INSERT ON contract_notices BEGIN UPDATE contract_terms_version SET n = n + 1; END;
CREATE TRIGGER contract_notices_version_update AFTER UPDATE ON contract_notices BEGIN UPDATE contract_terms_version SET n = n + 1; END;
CREATE TRIGGER contract_notices_version_delete AFTER DELETE ON contract_notices BEGIN UPDATE contract_terms_version SET n = n + 1; END;

-- The new contracts in the search index, as the app indexes a contract (store/search.ts at version 7).
INSERT INTO search_docs (record_id, kind, vendor_id) SELECT id, 'contract', vendor_id FROM contracts WHERE deleted_at IS NULL;
INSERT INTO search_fts (rowid, title, body, scope)
SELECT d.rowid, c.title, c.reference, 'kcontract v' || replace(c.vendor_id, '-', '')
FROM contracts c JOIN search_docs d ON d.record_id = c.id;
`;
