// Schema version 9: the security-closure registers (issue 10): access and credentials, data sets,
// infrastructure; and attachments on more than documents and checklist items.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// An access record keeps where its secret is kept, never the secret (the app refuses values that
// look like one). planned_offset_days counts from the vendor's exit date T as checklist items do.
// attachment_links is rebuilt because its owner_kind CHECK named two owners: a data set carries
// its signed deletion certificate, an access record its evidence, a notice the letter served.
export default `
CREATE TABLE access_credentials (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'named_account' CHECK (kind IN ('named_account', 'service_account', 'api_key', 'ssh_key', 'vpn_account', 'oauth_grant', 'ip_allowlist', 'cloud_role', 'dns_registrar_login', 'shared_secret', 'badge_hardware')),
  system TEXT NOT NULL DEFAULT '',
  holder_id TEXT REFERENCES people(id),
  privileged TEXT NOT NULL DEFAULT 'no' CHECK (privileged IN ('yes', 'no')),
  secret_location TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT 'revoke' CHECK (action IN ('revoke', 'rotate', 'transfer')),
  planned_offset_days INTEGER NOT NULL DEFAULT 0 CHECK (planned_offset_days BETWEEN -3650 AND 3650),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'scheduled', 'done', 'verified')),
  done_on TEXT,
  verified_by_id TEXT REFERENCES people(id),
  verified_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE INDEX access_credentials_vendor ON access_credentials (vendor_id, deleted_at, name COLLATE NOCASE);
CREATE INDEX access_credentials_holder ON access_credentials (holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX access_credentials_verifier ON access_credentials (verified_by_id) WHERE verified_by_id IS NOT NULL;

CREATE TABLE data_sets (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  system TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  personal_data TEXT NOT NULL DEFAULT 'no' CHECK (personal_data IN ('no', 'yes', 'special')),
  volume TEXT NOT NULL DEFAULT '',
  owner_id TEXT REFERENCES people(id),
  return_format TEXT NOT NULL DEFAULT '',
  return_method TEXT NOT NULL DEFAULT '',
  received_on TEXT,
  checked_by_id TEXT REFERENCES people(id),
  deletion_required TEXT NOT NULL DEFAULT 'yes' CHECK (deletion_required IN ('yes', 'no')),
  certificate_received_on TEXT,
  certificate_covers_backups TEXT NOT NULL DEFAULT 'unknown' CHECK (certificate_covers_backups IN ('unknown', 'yes', 'no')),
  certificate_covers_subprocessors TEXT NOT NULL DEFAULT 'unknown' CHECK (certificate_covers_subprocessors IN ('unknown', 'yes', 'no')),
  last_backup_expires_on TEXT,
  subprocessors TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE INDEX data_sets_vendor ON data_sets (vendor_id, deleted_at, name COLLATE NOCASE);
CREATE INDEX data_sets_owner ON data_sets (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX data_sets_checker ON data_sets (checked_by_id) WHERE checked_by_id IS NOT NULL;

CREATE TABLE infrastructure_items (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'server' CHECK (kind IN ('server', 'virtual_machine', 'cloud_account', 'subscription', 'domain', 'dns_zone', 'tls_certificate', 'network_link', 'hardware', 'other')),
  identifier TEXT NOT NULL DEFAULT '',
  provider TEXT NOT NULL DEFAULT '',
  held_by TEXT NOT NULL DEFAULT 'vendor' CHECK (held_by IN ('us', 'vendor', 'third_party')),
  disposition TEXT NOT NULL DEFAULT 'transfer' CHECK (disposition IN ('transfer', 'migrate', 'decommission', 'keep_at_vendor')),
  status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'verified')),
  expires_on TEXT,
  renewal_account TEXT NOT NULL DEFAULT 'unknown' CHECK (renewal_account IN ('unknown', 'us', 'vendor', 'third_party')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE INDEX infrastructure_items_vendor ON infrastructure_items (vendor_id, deleted_at, name COLLATE NOCASE);
CREATE INDEX infrastructure_items_expiry ON infrastructure_items (expires_on) WHERE expires_on IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE attachment_links_v9 (
  id TEXT PRIMARY KEY,
  attachment_id TEXT NOT NULL REFERENCES attachments(id),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document', 'checklist_item', 'notice', 'access', 'dataset')),
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
  UNIQUE (owner_kind, owner_id, attachment_id)
) STRICT;
INSERT INTO attachment_links_v9 (id, attachment_id, owner_kind, owner_id, file_name, created_at, updated_at, deleted_at)
  SELECT id, attachment_id, owner_kind, owner_id, file_name, created_at, updated_at, deleted_at FROM attachment_links;
DROP TABLE attachment_links;
ALTER TABLE attachment_links_v9 RENAME TO attachment_links;
CREATE INDEX attachment_links_owner ON attachment_links (owner_kind, owner_id);
CREATE INDEX attachment_links_attachment ON attachment_links (attachment_id);
`;
