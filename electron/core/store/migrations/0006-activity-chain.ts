// Schema version 6: the activity log as a hash chain.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// Each entry carries the hash of the entry before it (prev_hash) and its own (hash): SHA-256 over
// both and its canonical content, computed in JS (../activityChain.ts: SQLite has no SHA-256).
// Entries of an upgraded workbook get theirs right after this text runs, in the same transaction
// (../open.ts): the update trigger below lets a hash be filled in once, while it is NULL, and
// nothing else; an entry without a hash can no longer be inserted.
export default `
ALTER TABLE activity ADD COLUMN prev_hash TEXT;
ALTER TABLE activity ADD COLUMN hash TEXT;
DROP TRIGGER activity_no_update;
CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.prev_hash IS NULL OR NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
  OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action OR NEW.kind IS NOT OLD.kind OR NEW.record_id IS NOT OLD.record_id
  OR NEW.vendor_id IS NOT OLD.vendor_id OR NEW.summary IS NOT OLD.summary OR NEW.changes IS NOT OLD.changes BEGIN
  SELECT RAISE(ABORT, 'the activity log is append-only');
END;
CREATE TRIGGER activity_hashed BEFORE INSERT ON activity WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL BEGIN
  SELECT RAISE(ABORT, 'an activity entry needs its place in the chain (prev_hash, hash)');
END;
`;
