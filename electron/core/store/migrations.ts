// The workbook's schema as an ordered list of migrations, versioned by PRAGMA user_version.
// A shipped migration is never edited: a change is a new entry at the end.
import { ITEM_STATUS, LINK_KINDS } from '../../../shared/checklists';
import * as E from '../../../shared/enums';

const oneOf = (col: string, values: readonly string[]) => `CHECK (${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
const day = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))`;
const STAMPS = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'inventory, people, attachments, activity, settings, search',
    sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE vendors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  services TEXT NOT NULL DEFAULT '',
  contract_ref TEXT NOT NULL DEFAULT '',
  contract_start TEXT ${day('contract_start')},
  contract_end TEXT ${day('contract_end')},
  renewal TEXT NOT NULL DEFAULT 'none' ${oneOf('renewal', E.RENEWAL)},
  notice_days INTEGER CHECK (notice_days IS NULL OR notice_days >= 0),
  lead_days INTEGER CHECK (lead_days IS NULL OR lead_days >= 0),
  exit_date TEXT ${day('exit_date')},
  exit_kind TEXT NOT NULL DEFAULT 'ordinary' ${oneOf('exit_kind', E.EXIT_KIND)},
  target TEXT NOT NULL DEFAULT 'in_house' ${oneOf('target', E.EXIT_TARGET)},
  new_provider_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' ${oneOf('status', E.VENDOR_STATUS)},
  vendor_contact_id TEXT REFERENCES people(id),
  our_contact_id TEXT REFERENCES people(id),
  notes TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  side TEXT NOT NULL DEFAULT 'in_house' ${oneOf('side', E.PERSON_SIDE)},
  vendor_id TEXT REFERENCES vendors(id),
  notes TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

CREATE TABLE processes (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL DEFAULT '',
  criticality TEXT NOT NULL DEFAULT 'medium' ${oneOf('criticality', E.CRITICALITY)},
  sla TEXT NOT NULL DEFAULT '',
  owner_id TEXT REFERENCES people(id),
  successor_id TEXT REFERENCES people(id),
  runbook_id TEXT REFERENCES documents(id),
  kt_stage TEXT NOT NULL DEFAULT 'not_started' ${oneOf('kt_stage', E.KT_STAGE)},
  notes TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

CREATE TABLE repositories (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL DEFAULT '',
  default_branch TEXT NOT NULL DEFAULT '',
  org_owner TEXT NOT NULL DEFAULT 'vendor' ${oneOf('org_owner', E.ORG_OWNER)},
  admin_id TEXT REFERENCES people(id),
  ci_cd TEXT NOT NULL DEFAULT '',
  secrets_location TEXT NOT NULL DEFAULT '',
  escrow TEXT NOT NULL DEFAULT 'none' ${oneOf('escrow', E.ESCROW)},
  access_verified_on TEXT ${day('access_verified_on')},
  transfer_status TEXT NOT NULL DEFAULT 'not_started' ${oneOf('transfer_status', E.REPO_TRANSFER)},
  notes TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

CREATE TABLE licences (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  product TEXT NOT NULL,
  licensor TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT 'subscription' ${oneOf('type', E.LICENCE_TYPE)},
  seats INTEGER CHECK (seats IS NULL OR seats >= 0),
  licensee TEXT NOT NULL DEFAULT 'unknown' ${oneOf('licensee', E.LICENSEE)},
  transferable TEXT NOT NULL DEFAULT 'unknown' ${oneOf('transferable', E.TRANSFERABLE)},
  key_location TEXT NOT NULL DEFAULT '',
  renewal_date TEXT ${day('renewal_date')},
  annual_cost REAL CHECK (annual_cost IS NULL OR annual_cost >= 0),
  currency TEXT NOT NULL DEFAULT '',
  transfer_status TEXT NOT NULL DEFAULT 'not_started' ${oneOf('transfer_status', E.LICENCE_TRANSFER)},
  notes TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other' ${oneOf('kind', E.DOCUMENT_KIND)},
  location TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' ${oneOf('status', E.DOCUMENT_STATUS)},
  reviewed_by_id TEXT REFERENCES people(id),
  reviewed_on TEXT ${day('reviewed_on')},
  notes TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

-- A file copied into the workbook's attachment folder, named by its SHA-256: stored once
-- however many records link it.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
  ${STAMPS}
) STRICT;

-- Which record an attachment belongs to. owner_kind leaves room for checklist items.
CREATE TABLE attachment_links (
  id TEXT PRIMARY KEY,
  attachment_id TEXT NOT NULL REFERENCES attachments(id),
  owner_kind TEXT NOT NULL ${oneOf('owner_kind', ['document', 'checklist_item'])},
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  ${STAMPS},
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
`,
  },
  {
    version: 2,
    name: 'checklist templates, checklists and their items, readiness history',
    sql: `
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- The key of a built-in template ('exit', 'emergency_exit'); NULL for the user's own.
  builtin TEXT UNIQUE,
  ${STAMPS}
) STRICT;

CREATE TABLE template_items (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES templates(id),
  position INTEGER NOT NULL,
  phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 6),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  offset_days INTEGER NOT NULL,
  owner_role TEXT NOT NULL DEFAULT '',
  per_process INTEGER NOT NULL DEFAULT 0 CHECK (per_process IN (0, 1)),
  ${STAMPS}
) STRICT;

CREATE TABLE checklists (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  template_id TEXT REFERENCES templates(id),
  ${STAMPS}
) STRICT;

-- vendor_id repeats the checklist's vendor so the dashboard's aggregates read one covering index.
-- due_date is the effective date (T + offset, or the hand-set date) so overdue is one range scan.
CREATE TABLE checklist_items (
  id TEXT PRIMARY KEY,
  checklist_id TEXT NOT NULL REFERENCES checklists(id),
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  position INTEGER NOT NULL,
  phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 6),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  owner_role TEXT NOT NULL DEFAULT '',
  owner_id TEXT REFERENCES people(id),
  offset_days INTEGER,
  due_date TEXT ${day('due_date')},
  due_manual INTEGER NOT NULL DEFAULT 0 CHECK (due_manual IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'todo' ${oneOf('status', ITEM_STATUS)},
  blocked_reason TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  process_id TEXT REFERENCES processes(id),
  signed_off_by_id TEXT REFERENCES people(id),
  signed_off_at TEXT,
  completed_at TEXT,
  ${STAMPS},
  CHECK (status <> 'blocked' OR blocked_reason <> '')
) STRICT;

CREATE TABLE checklist_item_links (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES checklist_items(id),
  record_kind TEXT NOT NULL ${oneOf('record_kind', LINK_KINDS)},
  record_id TEXT NOT NULL,
  ${STAMPS},
  UNIQUE (item_id, record_kind, record_id)
) STRICT;

-- One score per vendor per day, for the dashboard's trend.
CREATE TABLE readiness_history (
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  day TEXT NOT NULL ${day('day')},
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  PRIMARY KEY (vendor_id, day)
) STRICT, WITHOUT ROWID;

CREATE INDEX template_items_template ON template_items (template_id, position);
CREATE INDEX checklists_vendor ON checklists (vendor_id, deleted_at);
CREATE INDEX checklist_items_list ON checklist_items (checklist_id, deleted_at, phase, position);
CREATE INDEX checklist_items_vendor_status ON checklist_items (deleted_at, vendor_id, status, due_date, phase, checklist_id);
-- Covering indexes for readiness: every vendor's records are counted per combination of the
-- fields its rules read, from these narrow indexes instead of the wide tables.
CREATE INDEX processes_readiness ON processes (deleted_at, vendor_id, criticality, kt_stage, successor_id);
CREATE INDEX repositories_readiness ON repositories (deleted_at, vendor_id, transfer_status, admin_id);
CREATE INDEX licences_readiness ON licences (deleted_at, vendor_id, licensee, transferable, transfer_status);
CREATE INDEX documents_readiness ON documents (deleted_at, vendor_id, status, reviewed_on);
CREATE INDEX checklist_items_owner ON checklist_items (owner_id, deleted_at, status, due_date);
CREATE INDEX checklist_items_process ON checklist_items (process_id);
CREATE INDEX checklist_item_links_item ON checklist_item_links (item_id);
CREATE INDEX checklist_item_links_record ON checklist_item_links (record_kind, record_id);
`,
  },
  {
    version: 3,
    name: 'checklist items in the search index',
    // Items join the records in search_docs/search_fts under the kind 'checklist_item': the title,
    // and the description and evidence note one per line. The services keep them in step from here on.
    sql: `
INSERT INTO search_docs (record_id, kind, vendor_id)
  SELECT id, 'checklist_item', vendor_id FROM checklist_items WHERE deleted_at IS NULL;
INSERT INTO search_fts (rowid, title, body, scope)
  SELECT d.rowid, i.title, i.description || char(10) || i.evidence, 'kchecklist_item v' || replace(d.vendor_id, '-', '')
  FROM search_docs d JOIN checklist_items i ON i.id = d.record_id WHERE d.kind = 'checklist_item';
`,
  },
  {
    version: 4,
    name: 'checklist items: owner set by hand',
    // A knowledge-transfer item follows its process's in-house successor unless its owner was
    // chosen on the item. Until now every owner was chosen by hand, so existing owners count as such.
    sql: `
ALTER TABLE checklist_items ADD COLUMN owner_manual INTEGER NOT NULL DEFAULT 0 CHECK (owner_manual IN (0, 1));
UPDATE checklist_items SET owner_manual = 1 WHERE owner_id IS NOT NULL;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
