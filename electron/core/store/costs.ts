// The live exit costs of one vendor, as the totals (shared/costs.ts) and the report read them:
// in the order of their categories (termination fee first), then by description.
import type { CostInput } from '../../../shared/costs';
import { COST_CATEGORY } from '../../../shared/enums';
import type { Db } from './open';
import { prepared } from './prepared';

export interface CostRow extends CostInput {
  id: string;
  description: string;
}

const BY_CATEGORY = `CASE category ${COST_CATEGORY.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} END`;

export function liveCostsOf(db: Db, vendorId: string): CostRow[] {
  return prepared(db, `SELECT id, description, category, amount, months, currency FROM exit_costs
    WHERE vendor_id = ? AND deleted_at IS NULL ORDER BY ${BY_CATEGORY}, description COLLATE NOCASE, id`).all(vendorId) as CostRow[];
}
