// Contract facts for the pure deadline and flag tests.
import type { ContractWithNotice } from '../../shared/contract-deadlines';

/** A contract the exit ends, tacitly renewed for 12 months with 90 days' notice and 10 days' lead time. */
export function contract(over: Partial<ContractWithNotice> = {}): ContractWithNotice {
  return {
    id: 'c', title: 'Main contract', kind: 'statement_of_work', initialEnd: '2027-06-30', renewal: 'tacit', renewalMonths: 12, optionsExercised: null,
    noticeAmount: 90, noticeUnit: 'days', leadDays: 10, assistanceMonths: null, endedByExit: 'yes', exitAssistance: 'yes', servedOn: null, ...over,
  };
}
