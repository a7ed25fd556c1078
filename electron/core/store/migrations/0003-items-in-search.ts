// Schema version 3: checklist items in the search index.
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// Items join the records in search_docs/search_fts under the kind 'checklist_item': the title,
// and the description and evidence note one per line. The services keep them in step from here on.
export default `
INSERT INTO search_docs (record_id, kind, vendor_id)
  SELECT id, 'checklist_item', vendor_id FROM checklist_items WHERE deleted_at IS NULL;
INSERT INTO search_fts (rowid, title, body, scope)
  SELECT d.rowid, i.title, i.description || char(10) || i.evidence, 'kchecklist_item v' || replace(d.vendor_id, '-', '')
  FROM search_docs d JOIN checklist_items i ON i.id = d.record_id WHERE d.kind = 'checklist_item';
`;
