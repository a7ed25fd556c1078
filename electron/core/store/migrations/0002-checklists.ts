// Schema version 2: checklist templates, checklists and their items, readiness history.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
export default `
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- The key of a built-in template ('exit', 'emergency_exit'); NULL for the user's own.
  builtin TEXT UNIQUE,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
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
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;

CREATE TABLE checklists (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  template_id TEXT REFERENCES templates(id),
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
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
  due_date TEXT CHECK (due_date IS NULL OR (length(due_date) = 10 AND due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  due_manual INTEGER NOT NULL DEFAULT 0 CHECK (due_manual IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'blocked', 'done', 'not_applicable')),
  blocked_reason TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  process_id TEXT REFERENCES processes(id),
  signed_off_by_id TEXT REFERENCES people(id),
  signed_off_at TEXT,
  completed_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
  CHECK (status <> 'blocked' OR blocked_reason <> '')
) STRICT;

CREATE TABLE checklist_item_links (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES checklist_items(id),
  record_kind TEXT NOT NULL CHECK (record_kind IN ('process', 'repository', 'licence', 'document')),
  record_id TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
  UNIQUE (item_id, record_kind, record_id)
) STRICT;

-- One score per vendor per day, for the dashboard's trend.
CREATE TABLE readiness_history (
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  day TEXT NOT NULL CHECK (day IS NULL OR (length(day) = 10 AND day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
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
`;
