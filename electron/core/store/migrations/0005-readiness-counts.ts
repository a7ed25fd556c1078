// Schema version 5: readiness counts.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// Readiness for every vendor counted every live record on each call: over a million index entries
// in a workbook of 1,000 vendors, most of a second, however the counting was written. These tables
// keep those counts instead: how many live records share each combination of the raw fields the
// readiness rules read, kept exact by triggers on every write path (services, packs read in, bulk
// loads). Nothing in them depends on today or on people: lateness and who has left are read at
// the time (../readiness.ts), through the indexes below. A count that drops to zero keeps its row
// (readers skip it): deleting it would cost every write a second statement.
export default `
CREATE INDEX processes_owner ON processes (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX processes_successor ON processes (successor_id) WHERE successor_id IS NOT NULL;

CREATE TABLE readiness_item_counts (
  vendor_id TEXT NOT NULL,
  phase INTEGER NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, phase, status)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_item_counts (vendor_id, phase, status, n)
  SELECT vendor_id, phase, status, count(*) FROM checklist_items WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
CREATE TRIGGER readiness_item_counts_insert AFTER INSERT ON checklist_items WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_item_counts (vendor_id, phase, status, n) VALUES (NEW.vendor_id, NEW.phase, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_item_counts_delete AFTER DELETE ON checklist_items WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_item_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND phase = OLD.phase AND status = OLD.status;
END;
CREATE TRIGGER readiness_item_counts_update AFTER UPDATE OF deleted_at, vendor_id, phase, status ON checklist_items
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.phase <> NEW.phase OR OLD.status <> NEW.status BEGIN
  UPDATE readiness_item_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND phase = OLD.phase AND status = OLD.status;
  INSERT INTO readiness_item_counts (vendor_id, phase, status, n) SELECT NEW.vendor_id, NEW.phase, NEW.status, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TABLE readiness_process_counts (
  vendor_id TEXT NOT NULL,
  criticality TEXT NOT NULL,
  kt_stage TEXT NOT NULL,
  has_successor INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, criticality, kt_stage, has_successor)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_process_counts (vendor_id, criticality, kt_stage, has_successor, n)
  SELECT vendor_id, criticality, kt_stage, successor_id IS NOT NULL, count(*) FROM processes WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
CREATE TRIGGER readiness_process_counts_insert AFTER INSERT ON processes WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_process_counts (vendor_id, criticality, kt_stage, has_successor, n)
    VALUES (NEW.vendor_id, NEW.criticality, NEW.kt_stage, NEW.successor_id IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_process_counts_delete AFTER DELETE ON processes WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_process_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND criticality = OLD.criticality AND kt_stage = OLD.kt_stage
    AND has_successor = (OLD.successor_id IS NOT NULL);
END;
CREATE TRIGGER readiness_process_counts_update AFTER UPDATE OF deleted_at, vendor_id, criticality, kt_stage, successor_id ON processes
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.criticality <> NEW.criticality
  OR OLD.kt_stage <> NEW.kt_stage OR (OLD.successor_id IS NULL) <> (NEW.successor_id IS NULL) BEGIN
  UPDATE readiness_process_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND criticality = OLD.criticality AND kt_stage = OLD.kt_stage AND has_successor = (OLD.successor_id IS NOT NULL);
  INSERT INTO readiness_process_counts (vendor_id, criticality, kt_stage, has_successor, n)
    SELECT NEW.vendor_id, NEW.criticality, NEW.kt_stage, NEW.successor_id IS NOT NULL, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The admin is kept as its id ('' for none): which side an admin is on, and whether they have
-- left, is read from people when counting.
CREATE TABLE readiness_repository_counts (
  vendor_id TEXT NOT NULL,
  transfer_status TEXT NOT NULL,
  admin_id TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, transfer_status, admin_id)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_repository_counts (vendor_id, transfer_status, admin_id, n)
  SELECT vendor_id, transfer_status, ifnull(admin_id, ''), count(*) FROM repositories WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
CREATE TRIGGER readiness_repository_counts_insert AFTER INSERT ON repositories WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_repository_counts (vendor_id, transfer_status, admin_id, n) VALUES (NEW.vendor_id, NEW.transfer_status, ifnull(NEW.admin_id, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_repository_counts_delete AFTER DELETE ON repositories WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_repository_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND transfer_status = OLD.transfer_status AND admin_id = ifnull(OLD.admin_id, '');
END;
CREATE TRIGGER readiness_repository_counts_update AFTER UPDATE OF deleted_at, vendor_id, transfer_status, admin_id ON repositories
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.transfer_status <> NEW.transfer_status
  OR OLD.admin_id IS NOT NEW.admin_id BEGIN
  UPDATE readiness_repository_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND transfer_status = OLD.transfer_status AND admin_id = ifnull(OLD.admin_id, '');
  INSERT INTO readiness_repository_counts (vendor_id, transfer_status, admin_id, n)
    SELECT NEW.vendor_id, NEW.transfer_status, ifnull(NEW.admin_id, ''), 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TABLE readiness_licence_counts (
  vendor_id TEXT NOT NULL,
  licensee TEXT NOT NULL,
  transferable TEXT NOT NULL,
  transfer_status TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, licensee, transferable, transfer_status)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_licence_counts (vendor_id, licensee, transferable, transfer_status, n)
  SELECT vendor_id, licensee, transferable, transfer_status, count(*) FROM licences WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
CREATE TRIGGER readiness_licence_counts_insert AFTER INSERT ON licences WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_licence_counts (vendor_id, licensee, transferable, transfer_status, n)
    VALUES (NEW.vendor_id, NEW.licensee, NEW.transferable, NEW.transfer_status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_licence_counts_delete AFTER DELETE ON licences WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_licence_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND licensee = OLD.licensee AND transferable = OLD.transferable
    AND transfer_status = OLD.transfer_status;
END;
CREATE TRIGGER readiness_licence_counts_update AFTER UPDATE OF deleted_at, vendor_id, licensee, transferable, transfer_status ON licences
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.licensee <> NEW.licensee
  OR OLD.transferable <> NEW.transferable OR OLD.transfer_status <> NEW.transfer_status BEGIN
  UPDATE readiness_licence_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND licensee = OLD.licensee AND transferable = OLD.transferable AND transfer_status = OLD.transfer_status;
  INSERT INTO readiness_licence_counts (vendor_id, licensee, transferable, transfer_status, n)
    SELECT NEW.vendor_id, NEW.licensee, NEW.transferable, NEW.transfer_status, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TABLE readiness_document_counts (
  vendor_id TEXT NOT NULL,
  status TEXT NOT NULL,
  reviewed INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, status, reviewed)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_document_counts (vendor_id, status, reviewed, n)
  SELECT vendor_id, status, reviewed_on IS NOT NULL, count(*) FROM documents WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
CREATE TRIGGER readiness_document_counts_insert AFTER INSERT ON documents WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_document_counts (vendor_id, status, reviewed, n) VALUES (NEW.vendor_id, NEW.status, NEW.reviewed_on IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_document_counts_delete AFTER DELETE ON documents WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_document_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND status = OLD.status AND reviewed = (OLD.reviewed_on IS NOT NULL);
END;
CREATE TRIGGER readiness_document_counts_update AFTER UPDATE OF deleted_at, vendor_id, status, reviewed_on ON documents
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.status <> NEW.status
  OR (OLD.reviewed_on IS NULL) <> (NEW.reviewed_on IS NULL) BEGIN
  UPDATE readiness_document_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND status = OLD.status AND reviewed = (OLD.reviewed_on IS NOT NULL);
  INSERT INTO readiness_document_counts (vendor_id, status, reviewed, n)
    SELECT NEW.vendor_id, NEW.status, NEW.reviewed_on IS NOT NULL, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
`;
