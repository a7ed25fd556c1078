// A demo vendor's exit costs, on the first two demo vendors only: a termination fee, dual running
// (a monthly cost for some months), migration work, onboarding and licences bought again, in two
// currencies on the first vendor so its totals show one per currency.
import { randomUUID } from 'node:crypto';
import { DEFAULTS, type Fields } from '../../../shared/records';
import type { prepareInsert } from '../store/records';

type DemoCost = Pick<Fields<'cost'>, 'description' | 'category' | 'amount' | 'months' | 'currency'> & { notes?: string };

const COSTS: readonly (readonly DemoCost[])[] = [
  [
    { description: 'Early termination fee (MSA § 23.2)', category: 'termination_fee', amount: '45000.00', months: null, currency: 'EUR' },
    { description: 'Old and new operations side by side', category: 'dual_running', amount: '12000.00', months: 6, currency: 'EUR', notes: 'Until the T+30 access review.' },
    { description: 'Data migration and cut-over weekend', category: 'migration_work', amount: '28500.00', months: null, currency: 'EUR' },
    { description: 'Backup software, bought in our own name', category: 'licences_rebought', amount: '9800.00', months: null, currency: 'USD' },
  ],
  [
    { description: 'Exit assistance beyond the contract', category: 'termination_fee', amount: '18000.00', months: null, currency: 'GBP' },
    { description: 'Both service desks running', category: 'dual_running', amount: '7500.00', months: 3, currency: 'GBP' },
    { description: 'New provider onboarding and knowledge transfer', category: 'onboarding', amount: '22000.00', months: null, currency: 'GBP' },
  ],
];

/** Inserts the vendor's costs (none past the second demo vendor); answers how many. */
export function demoCosts(insert: ReturnType<typeof prepareInsert>, c: { vendorId: string; index: number; stamp: { createdAt: string; updatedAt: string; deletedAt: null } }): number {
  const costs = COSTS[c.index] ?? [];
  for (const cost of costs) insert({ ...DEFAULTS.cost, ...c.stamp, ...cost, id: randomUUID(), vendorId: c.vendorId });
  return costs.length;
}
