// A demo vendor's contracts: the master agreement (the first vendor's tacit notice date already
// passed, so it has renewed and the next date is a year on), a statement of work that renews
// tacitly, the data processing agreement and an NDA that outlives the exit.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../../shared/dates';
import { DEFAULTS } from '../../../shared/records';
import type { prepareInsert } from '../store/records';

export interface DemoContractsInput {
  vendorId: string;
  /** The vendor's place among the demo vendors: what varies between them. */
  index: number;
  reference: string;
  exitDate: string;
  today: string;
  stamp: { createdAt: string; updatedAt: string; deletedAt: null };
}

/** Inserts the vendor's contracts; answers how many. */
export function demoContracts(insert: ReturnType<typeof prepareInsert>, c: DemoContractsInput): number {
  const v = c.index;
  const base = { ...DEFAULTS.contract, ...c.stamp, vendorId: c.vendorId, start: addDays(c.today, -3 * 365 - v) };
  const assistance = (['yes', 'no', 'unknown'] as const)[v % 3];
  insert({
    ...base, id: randomUUID(), title: 'Managed services agreement', kind: 'master_agreement', reference: c.reference,
    // The first vendor's three months' notice ran out 50 days ago: the agreement renewed tacitly.
    initialEnd: v === 0 ? addDays(c.today, 40) : addDays(c.exitDate, 30 + 20 * (v % 4)), renewal: 'tacit', renewalMonths: 12,
    noticeAmount: 3, noticeUnit: 'months', noticeMethod: 'registered_post', noticeTo: 'the vendor’s General Counsel, at its registered office',
    leadDays: 30, assistanceMonths: 6, exitAssistance: assistance, exitAssistanceRef: assistance === 'yes' ? '§ 24.3' : '',
    dataReturn: 'yes', dataReturnRef: '§ 25.1', deletionCertificate: v % 2 ? 'no' : 'yes', ipOwnership: 'yes', ipOwnershipRef: '§ 17',
    escrowClause: v % 2 ? 'yes' : 'no', stepIn: 'unknown', serviceCredits: 'yes', serviceCreditsRef: 'Schedule 4', confidentiality: 'yes', confidentialityRef: '§ 30',
  });
  insert({
    ...base, id: randomUUID(), title: `Statement of work ${3 + v} – operations`, kind: 'statement_of_work', reference: `${c.reference}-SOW-${3 + v}`,
    initialEnd: addDays(c.exitDate, -10 - 15 * (v % 3)), renewal: 'tacit', renewalMonths: 12, noticeAmount: 60, noticeUnit: 'days',
    noticeMethod: 'email', leadDays: 14,
  });
  insert({
    ...base, id: randomUUID(), title: 'Data processing agreement', kind: 'data_processing_agreement', reference: `${c.reference}-DPA`,
    dataReturn: 'yes', dataReturnRef: '§ 11', deletionCertificate: 'yes', deletionCertificateRef: '§ 12',
  });
  insert({
    ...base, id: randomUUID(), title: 'Mutual non-disclosure agreement', kind: 'nda', reference: `NDA-${c.reference}`,
    initialEnd: addDays(c.exitDate, 3 * 365), endedByExit: 'no', confidentiality: 'yes', confidentialityRef: '§ 6',
  });
  return 4;
}
