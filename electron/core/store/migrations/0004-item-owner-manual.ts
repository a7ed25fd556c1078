// Schema version 4: checklist items: owner set by hand.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// A knowledge-transfer item follows its process's in-house successor unless its owner was
// chosen on the item. Until now every owner was chosen by hand, so existing owners count as such.
export default `
ALTER TABLE checklist_items ADD COLUMN owner_manual INTEGER NOT NULL DEFAULT 0 CHECK (owner_manual IN (0, 1));
UPDATE checklist_items SET owner_manual = 1 WHERE owner_id IS NOT NULL;
`;
