// Schema version 10: readiness counts for the security-closure registers (issue 10), and the
// register a checklist item works on.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// The count tables follow migration 5: how many live records share each combination of the raw
// fields the readiness rules read, kept exact by triggers on every write path. What depends on
// today (a certificate or domain expiring soon) is read at the time through the partial index
// below, which holds only the records that rule can flag. Access is counted by whether the vendor
// holds it (no holder: the vendor as a company; or a holder on the vendor's side, left or not), the
// holder's side read when the record is written; triggers on people move a holder's records when
// their side changes (or the person row comes or goes), so the dashboard never joins people.
// A built-in template item names the register it works on (template_items.register), copied to
// the items of checklists started from it; the items of the built-in templates as they were
// shipped until now are recognised by their template, phase and title, since checklist items keep
// no reference to the template item they came from.
export default `
CREATE TABLE readiness_access_counts (
  vendor_id TEXT NOT NULL,
  privileged TEXT NOT NULL,
  status TEXT NOT NULL,
  vendor_held INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, privileged, status, vendor_held)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
  SELECT vendor_id, privileged, status, (a.holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = a.holder_id), '') = 'vendor'), count(*)
  FROM access_credentials a WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
CREATE TRIGGER readiness_access_counts_insert AFTER INSERT ON access_credentials WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
    VALUES (NEW.vendor_id, NEW.privileged, NEW.status, (NEW.holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = NEW.holder_id), '') = 'vendor'), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_access_counts_delete AFTER DELETE ON access_credentials WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_access_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND privileged = OLD.privileged AND status = OLD.status
    AND vendor_held = (OLD.holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = OLD.holder_id), '') = 'vendor');
END;
CREATE TRIGGER readiness_access_counts_update AFTER UPDATE OF deleted_at, vendor_id, privileged, status, holder_id ON access_credentials
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.privileged <> NEW.privileged
  OR OLD.status <> NEW.status OR OLD.holder_id IS NOT NEW.holder_id BEGIN
  UPDATE readiness_access_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND privileged = OLD.privileged AND status = OLD.status
    AND vendor_held = (OLD.holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = OLD.holder_id), '') = 'vendor');
  INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
    SELECT NEW.vendor_id, NEW.privileged, NEW.status, (NEW.holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = NEW.holder_id), '') = 'vendor'), 1
    WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_access_counts_holder_insert AFTER INSERT ON people WHEN NEW.side = 'vendor' BEGIN
  UPDATE readiness_access_counts SET n = n - m.k FROM (SELECT vendor_id, privileged, status, count(*) AS k FROM access_credentials
    WHERE holder_id = NEW.id AND deleted_at IS NULL GROUP BY 1, 2, 3) m
    WHERE readiness_access_counts.vendor_id = m.vendor_id AND readiness_access_counts.privileged = m.privileged AND readiness_access_counts.status = m.status
      AND readiness_access_counts.vendor_held = 0;
  INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
    SELECT vendor_id, privileged, status, 1, count(*) FROM access_credentials WHERE holder_id = NEW.id AND deleted_at IS NULL GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER readiness_access_counts_holder_delete AFTER DELETE ON people WHEN OLD.side = 'vendor' BEGIN
  UPDATE readiness_access_counts SET n = n - m.k FROM (SELECT vendor_id, privileged, status, count(*) AS k FROM access_credentials
    WHERE holder_id = OLD.id AND deleted_at IS NULL GROUP BY 1, 2, 3) m
    WHERE readiness_access_counts.vendor_id = m.vendor_id AND readiness_access_counts.privileged = m.privileged AND readiness_access_counts.status = m.status
      AND readiness_access_counts.vendor_held = 1;
  INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
    SELECT vendor_id, privileged, status, 0, count(*) FROM access_credentials WHERE holder_id = OLD.id AND deleted_at IS NULL GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER readiness_access_counts_holder_update AFTER UPDATE OF id, side ON people
WHEN OLD.id <> NEW.id OR (OLD.side = 'vendor') <> (NEW.side = 'vendor') BEGIN
  UPDATE readiness_access_counts SET n = n - m.k FROM (SELECT vendor_id, privileged, status, count(*) AS k FROM access_credentials
    WHERE holder_id = OLD.id AND deleted_at IS NULL AND OLD.side = 'vendor' GROUP BY 1, 2, 3) m
    WHERE readiness_access_counts.vendor_id = m.vendor_id AND readiness_access_counts.privileged = m.privileged AND readiness_access_counts.status = m.status
      AND readiness_access_counts.vendor_held = 1;
  INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
    SELECT vendor_id, privileged, status, 0, count(*) FROM access_credentials WHERE holder_id = OLD.id AND deleted_at IS NULL AND OLD.side = 'vendor' GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  UPDATE readiness_access_counts SET n = n - m.k FROM (SELECT vendor_id, privileged, status, count(*) AS k FROM access_credentials
    WHERE holder_id = NEW.id AND deleted_at IS NULL AND NEW.side = 'vendor' GROUP BY 1, 2, 3) m
    WHERE readiness_access_counts.vendor_id = m.vendor_id AND readiness_access_counts.privileged = m.privileged AND readiness_access_counts.status = m.status
      AND readiness_access_counts.vendor_held = 0;
  INSERT INTO readiness_access_counts (vendor_id, privileged, status, vendor_held, n)
    SELECT vendor_id, privileged, status, 1, count(*) FROM access_credentials WHERE holder_id = NEW.id AND deleted_at IS NULL AND NEW.side = 'vendor' GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TABLE readiness_dataset_counts (
  vendor_id TEXT NOT NULL,
  personal_data TEXT NOT NULL,
  received INTEGER NOT NULL,
  deletion_required TEXT NOT NULL,
  certified INTEGER NOT NULL,
  covers_backups TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, personal_data, received, deletion_required, certified, covers_backups)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_dataset_counts (vendor_id, personal_data, received, deletion_required, certified, covers_backups, n)
  SELECT vendor_id, personal_data, received_on IS NOT NULL, deletion_required, certificate_received_on IS NOT NULL, certificate_covers_backups, count(*)
  FROM data_sets WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
CREATE TRIGGER readiness_dataset_counts_insert AFTER INSERT ON data_sets WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_dataset_counts (vendor_id, personal_data, received, deletion_required, certified, covers_backups, n)
    VALUES (NEW.vendor_id, NEW.personal_data, NEW.received_on IS NOT NULL, NEW.deletion_required, NEW.certificate_received_on IS NOT NULL, NEW.certificate_covers_backups, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_dataset_counts_delete AFTER DELETE ON data_sets WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_dataset_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND personal_data = OLD.personal_data
    AND received = (OLD.received_on IS NOT NULL) AND deletion_required = OLD.deletion_required
    AND certified = (OLD.certificate_received_on IS NOT NULL) AND covers_backups = OLD.certificate_covers_backups;
END;
CREATE TRIGGER readiness_dataset_counts_update AFTER UPDATE OF deleted_at, vendor_id, personal_data, received_on, deletion_required, certificate_received_on,
  certificate_covers_backups ON data_sets
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.personal_data <> NEW.personal_data
  OR (OLD.received_on IS NULL) <> (NEW.received_on IS NULL) OR OLD.deletion_required <> NEW.deletion_required
  OR (OLD.certificate_received_on IS NULL) <> (NEW.certificate_received_on IS NULL) OR OLD.certificate_covers_backups <> NEW.certificate_covers_backups BEGIN
  UPDATE readiness_dataset_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL
    AND vendor_id = OLD.vendor_id AND personal_data = OLD.personal_data AND received = (OLD.received_on IS NOT NULL)
    AND deletion_required = OLD.deletion_required AND certified = (OLD.certificate_received_on IS NOT NULL) AND covers_backups = OLD.certificate_covers_backups;
  INSERT INTO readiness_dataset_counts (vendor_id, personal_data, received, deletion_required, certified, covers_backups, n)
    SELECT NEW.vendor_id, NEW.personal_data, NEW.received_on IS NOT NULL, NEW.deletion_required, NEW.certificate_received_on IS NOT NULL, NEW.certificate_covers_backups, 1
    WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TABLE readiness_infrastructure_counts (
  vendor_id TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (vendor_id, status)
) STRICT, WITHOUT ROWID;
INSERT INTO readiness_infrastructure_counts (vendor_id, status, n)
  SELECT vendor_id, status, count(*) FROM infrastructure_items WHERE deleted_at IS NULL GROUP BY 1, 2;
CREATE TRIGGER readiness_infrastructure_counts_insert AFTER INSERT ON infrastructure_items WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO readiness_infrastructure_counts (vendor_id, status, n) VALUES (NEW.vendor_id, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER readiness_infrastructure_counts_delete AFTER DELETE ON infrastructure_items WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE readiness_infrastructure_counts SET n = n - 1 WHERE vendor_id = OLD.vendor_id AND status = OLD.status;
END;
CREATE TRIGGER readiness_infrastructure_counts_update AFTER UPDATE OF deleted_at, vendor_id, status ON infrastructure_items
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.vendor_id <> NEW.vendor_id OR OLD.status <> NEW.status BEGIN
  UPDATE readiness_infrastructure_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL AND vendor_id = OLD.vendor_id AND status = OLD.status;
  INSERT INTO readiness_infrastructure_counts (vendor_id, status, n) SELECT NEW.vendor_id, NEW.status, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE INDEX infrastructure_items_vendor_renewal ON infrastructure_items (vendor_id, expires_on)
  WHERE deleted_at IS NULL AND expires_on IS NOT NULL AND renewal_account = 'vendor' AND kind IN ('tls_certificate', 'domain') AND status IN ('not_started', 'in_progress');

ALTER TABLE template_items ADD COLUMN register TEXT CHECK (register IN ('access', 'dataset', 'infrastructure'));
ALTER TABLE checklist_items ADD COLUMN register TEXT CHECK (register IN ('access', 'dataset', 'infrastructure'));

CREATE TEMP TABLE builtin_registers (builtin TEXT NOT NULL, phase INTEGER NOT NULL, title TEXT NOT NULL, register TEXT NOT NULL);
INSERT INTO builtin_registers (builtin, phase, title, register) VALUES
  ('exit', 1, 'Register access and credentials', 'access'),
  ('exit', 1, 'Register where data lives', 'dataset'),
  ('exit', 4, 'Migrate and reconcile data', 'dataset'),
  ('exit', 4, 'Domains, DNS and certificates', 'infrastructure'),
  ('exit', 5, 'Revoke the vendor’s access', 'access'),
  ('exit', 5, 'Rotate shared secrets', 'access'),
  ('exit', 5, 'Deletion certificate', 'dataset'),
  ('exit', 5, 'Access review at T+30', 'access'),
  ('emergency_exit', 5, 'Take back privileged access', 'access'),
  ('emergency_exit', 1, 'Capture data and configuration now', 'dataset'),
  ('emergency_exit', 5, 'Rotate shared secrets', 'access'),
  ('emergency_exit', 5, 'Deletion certificate', 'dataset');
UPDATE template_items SET register = (SELECT r.register FROM builtin_registers r JOIN templates t ON t.builtin = r.builtin
  WHERE t.id = template_items.template_id AND r.phase = template_items.phase AND r.title = template_items.title)
  WHERE template_id IN (SELECT id FROM templates WHERE builtin IS NOT NULL);
UPDATE checklist_items SET register = (SELECT r.register FROM builtin_registers r JOIN templates t ON t.builtin = r.builtin JOIN checklists c ON c.template_id = t.id
  WHERE c.id = checklist_items.checklist_id AND r.phase = checklist_items.phase AND r.title = checklist_items.title)
  WHERE checklist_id IN (SELECT c.id FROM checklists c JOIN templates t ON t.id = c.template_id WHERE t.builtin IS NOT NULL);
DROP TABLE builtin_registers;
`;
