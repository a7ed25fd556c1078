// A vendor's exit costs in the report: each cost (dual running with its months × monthly cost
// shown), then the totals, one per currency, one-off and recurring apart. A pack for a new
// provider, or for one person's tasks, shows none of it: what leaving costs is ours alone.
import { costTotals, costWords, formatAmount } from '../../../shared/costs';
import type { ProfileName } from '../../../shared/pack-profiles';
import { liveCostsOf } from '../store/costs';
import type { Block, ReportInput } from './report';
import { columns, label } from './report-cells';

/** The profiles whose packs carry the costs in their report: those for us (and an auditor of ours). */
const WITH_COSTS: ReadonlySet<ProfileName> = new Set(['full', 'auditor', 'custom']);

export const costsShown = (input: Pick<ReportInput, 'profile' | 'leftOut'>) =>
  (input.profile === undefined || WITH_COSTS.has(input.profile.name)) && !input.leftOut?.has('exit_costs');

export function* costBlocks(input: ReportInput, vendorId: string, level: 2 | 3): Generator<Block> {
  if (!costsShown(input)) return;
  const costs = liveCostsOf(input.db, vendorId);
  yield { t: 'heading', level, text: `Exit costs (${costs.length})`, page: false };
  yield {
    t: 'table', empty: 'None recorded.',
    columns: columns(['Cost', 40], ['Category', 20], ['Amount', 40]),
    rows: function* () {
      for (const c of costs) yield [c.description, label(c.category), costWords(c)];
    },
  };
  if (costs.length === 0) return;
  yield { t: 'p', text: 'Totals per currency: amounts in different currencies are not added together.' };
  yield {
    t: 'table', empty: 'None recorded.',
    columns: columns(['Currency', 13], ['One-off', 29, true], ['Recurring (dual running)', 29, true], ['Total', 29, true]),
    rows: function* () {
      for (const t of costTotals(costs)) yield [t.currency, formatAmount(t.oneOff, t.currency), formatAmount(t.recurring, t.currency), formatAmount(t.total, t.currency)];
    },
  };
}
