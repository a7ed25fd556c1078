// Schema version 1: inventory, people, attachments, activity, settings, search.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
export default `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE vendors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  services TEXT NOT NULL DEFAULT '',
  contract_ref TEXT NOT NULL DEFAULT '',
  contract_start TEXT CHECK (contract_start IS NULL OR (length(contract_start) = 10 AND contract_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  contract_end TEXT CHECK (contract_end IS NULL OR (length(contract_end) = 10 AND contract_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  renewal TEXT NOT NULL DEFAULT 'none' CHECK (renewal IN ('none', 'tacit', 'express')),
  notice_days INTEGER CHECK (notice_days IS NULL OR notice_days >= 0),
  lead_days INTEGER CHECK (lead_days IS NULL OR lead_days >= 0),
  exit_date TEXT CHECK (exit_date IS NULL OR (length(exit_date) = 10 AND exit_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  exit_kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (exit_kind IN ('ordinary', 'emergency')),
  target TEXT NOT NULL DEFAULT 'in_house' CHECK (target IN ('in_house', 'new_provider')),
  new_provider_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exit_planned', 'in_transition', 'exited')),
  vendor_contact_id TEXT REFERENCES people(id),
  our_contact_id TEXT REFERENCES people(id),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  side TEXT NOT NULL DEFAULT 'in_house' CHECK (side IN ('in_house', 'vendor', 'new_provider')),
  vendor_id TEXT REFERENCES vendors(id),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

CREATE TABLE processes (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL DEFAULT '',
  criticality TEXT NOT NULL DEFAULT 'medium' CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
  sla TEXT NOT NULL DEFAULT '',
  owner_id TEXT REFERENCES people(id),
  successor_id TEXT REFERENCES people(id),
  runbook_id TEXT REFERENCES documents(id),
  kt_stage TEXT NOT NULL DEFAULT 'not_started' CHECK (kt_stage IN ('not_started', 'documented', 'shadowing', 'reverse_shadowing', 'signed_off')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

CREATE TABLE repositories (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL DEFAULT '',
  default_branch TEXT NOT NULL DEFAULT '',
  org_owner TEXT NOT NULL DEFAULT 'vendor' CHECK (org_owner IN ('us', 'vendor', 'third_party')),
  admin_id TEXT REFERENCES people(id),
  ci_cd TEXT NOT NULL DEFAULT '',
  secrets_location TEXT NOT NULL DEFAULT '',
  escrow TEXT NOT NULL DEFAULT 'none' CHECK (escrow IN ('none', 'requested', 'deposited', 'not_needed')),
  access_verified_on TEXT CHECK (access_verified_on IS NULL OR (length(access_verified_on) = 10 AND access_verified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  transfer_status TEXT NOT NULL DEFAULT 'not_started' CHECK (transfer_status IN ('not_started', 'requested', 'transferred', 'verified')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

CREATE TABLE licences (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  product TEXT NOT NULL,
  licensor TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT 'subscription' CHECK (type IN ('subscription', 'perpetual', 'open_source', 'other')),
  seats INTEGER CHECK (seats IS NULL OR seats >= 0),
  licensee TEXT NOT NULL DEFAULT 'unknown' CHECK (licensee IN ('us', 'vendor', 'unknown')),
  transferable TEXT NOT NULL DEFAULT 'unknown' CHECK (transferable IN ('yes', 'no', 'consent_required', 'unknown')),
  key_location TEXT NOT NULL DEFAULT '',
  renewal_date TEXT CHECK (renewal_date IS NULL OR (length(renewal_date) = 10 AND renewal_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  annual_cost REAL CHECK (annual_cost IS NULL OR annual_cost >= 0),
  currency TEXT NOT NULL DEFAULT '',
  transfer_status TEXT NOT NULL DEFAULT 'not_started' CHECK (transfer_status IN ('not_started', 'consent_requested', 'novated', 're_procured', 'lapsed')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('runbook', 'architecture', 'operating_procedure', 'contract', 'access_list', 'other')),
  location TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'obsolete', 'missing')),
  reviewed_by_id TEXT REFERENCES people(id),
  reviewed_on TEXT CHECK (reviewed_on IS NULL OR (length(reviewed_on) = 10 AND reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

-- A file copied into the workbook's attachment folder, named by its SHA-256: stored once
-- however many records link it.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

-- Which record an attachment belongs to. owner_kind leaves room for checklist items.
CREATE TABLE attachment_links (
  id TEXT PRIMARY KEY,
  attachment_id TEXT NOT NULL REFERENCES attachments(id),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document', 'checklist_item')),
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
  UNIQUE (owner_kind, owner_id, attachment_id)
) STRICT;

-- Append-only: the triggers below refuse to change or remove an entry.
CREATE TABLE activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT,
  vendor_id TEXT,
  summary TEXT NOT NULL,
  changes TEXT
) STRICT;
CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;

-- Search: one row per record in search_docs; the FTS row shares its rowid, so a record's entry
-- is replaced by rowid without scanning the index. The scope column holds a kind token and a
-- vendor token, so a vendor's table filter intersects posting lists instead of every match.
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  record_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  vendor_id TEXT
) STRICT;
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, scope, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

CREATE INDEX processes_vendor ON processes (vendor_id, deleted_at, name COLLATE NOCASE);
CREATE INDEX repositories_vendor ON repositories (vendor_id, deleted_at, name COLLATE NOCASE);
CREATE INDEX licences_vendor ON licences (vendor_id, deleted_at, product COLLATE NOCASE);
CREATE INDEX documents_vendor ON documents (vendor_id, deleted_at, title COLLATE NOCASE);
CREATE INDEX people_name ON people (deleted_at, name COLLATE NOCASE);
CREATE INDEX vendors_name ON vendors (deleted_at, name COLLATE NOCASE);
CREATE INDEX attachment_links_owner ON attachment_links (owner_kind, owner_id);
CREATE INDEX attachment_links_attachment ON attachment_links (attachment_id);
CREATE INDEX activity_vendor ON activity (vendor_id, seq);
CREATE INDEX activity_record ON activity (record_id, seq);
`;
