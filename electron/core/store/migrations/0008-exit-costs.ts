// Schema version 8: the costs of leaving a vendor (issue 11).
// Frozen as shipped: never edit this text, not even its whitespace (test/backend/migrations.test.ts
// holds its SHA-256). Change the schema with a new migration at the end of ../migrations.ts.
// Amounts are decimal text with at most two decimals ("12000.00"), never REAL: the app sums them
// as whole cents, so a total is exact and reads back as the user typed it. Dual running is the one
// recurring cost: its amount is per month and months says how many; every other cost is one-off.
export default `
CREATE TABLE exit_costs (
  id TEXT PRIMARY KEY,
  vendor_id TEXT NOT NULL REFERENCES vendors(id),
  description TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('termination_fee', 'dual_running', 'migration_work', 'onboarding', 'licences_rebought', 'other')),
  amount TEXT NOT NULL CHECK (length(amount) BETWEEN 1 AND 16 AND amount NOT GLOB '*[^0-9.]*' AND amount GLOB '[0-9]*' AND amount NOT GLOB '*.*.*' AND amount NOT GLOB '*.' AND amount NOT GLOB '*.[0-9][0-9][0-9]*'),
  months INTEGER CHECK (months IS NULL OR months BETWEEN 0 AND 120),
  currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE INDEX exit_costs_vendor ON exit_costs (vendor_id, deleted_at, description COLLATE NOCASE);
`;
