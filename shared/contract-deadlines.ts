// A vendor's deadlines from its contracts: each contract's terms as the arithmetic of
// contract-terms.ts reads them, the vendor's serve-notice-by (the earliest among the contracts the
// exit ends), and the termination-assistance period once notice is served. Pure, so the dashboard,
// the overview, the flags and the report agree.
import { renewalEnd, termPosition, type ContractTerms, type TermPosition } from './contract-terms';

/** The fields of a contract the deadlines are worked out from (a Contract record has them all). */
export interface ContractFacts {
  id: string;
  title: string;
  kind: string;
  initialEnd: string | null;
  renewal: 'none' | 'tacit' | 'express';
  renewalMonths: number | null;
  optionsExercised: number | null;
  noticeAmount: number | null;
  noticeUnit: 'days' | 'months';
  leadDays: number | null;
  assistanceMonths: number | null;
  endedByExit: 'yes' | 'no';
  exitAssistance: 'unknown' | 'yes' | 'no';
}

/** A contract's facts with the first live notice served on it, if any. */
export interface ContractWithNotice extends ContractFacts {
  /** The day the first live notice was served on it; null while none is recorded. */
  servedOn: string | null;
}

export function termsOf(c: ContractFacts): ContractTerms {
  return {
    initialEnd: c.initialEnd,
    renewal: c.renewal,
    renewalMonths: c.renewalMonths,
    notice: c.noticeAmount == null ? null : { amount: c.noticeAmount, unit: c.noticeUnit },
    leadDays: c.leadDays,
    optionsExercised: c.optionsExercised ?? 0,
  };
}

/** Where the contract stood or will stand on `day`, worked out afresh. */
export function positionOn(c: ContractFacts, day: string): TermPosition {
  return termPosition(termsOf(c), day);
}

/** Works out where a contract stands on a day. */
export type PositionOf = (c: ContractFacts, day: string) => TermPosition;

/**
 * Where the contract stands on `today` (contract-terms.ts), worked out afresh. The functions
 * below take another PositionOf where the caller keeps the answers: the backend's keeps them for
 * the day (electron/core/services/contractPositions.ts), so shared/ stays free of state.
 */
export const positionOf: PositionOf = positionOn;

/**
 * Whether serving notice is what ends this contract: a tacit renewal runs on unless notice is
 * served; one without renewal, or with an express option, ends by itself. A contract the exit
 * does not end (an NDA that survives, a licence kept) has no notice to serve for it.
 */
export function needsNotice(c: ContractWithNotice): boolean {
  return c.endedByExit === 'yes' && c.renewal === 'tacit' && c.servedOn === null;
}

export interface VendorNotice {
  /** The day to start serving notice (notice deadline less our lead time). */
  serveBy: string;
  /** The last day notice may reach the vendor. */
  noticeBy: string;
  contractId: string;
  title: string;
}

/** The vendor's serve-notice-by: the earliest among the contracts the exit ends that still need notice. */
export function vendorNotice(contracts: readonly ContractWithNotice[], today: string, position: PositionOf = positionOf): VendorNotice | null {
  let best: VendorNotice | null = null;
  for (const c of contracts) {
    if (!needsNotice(c)) continue;
    const p = position(c, today);
    if (!p.serveBy || !p.noticeBy) continue;
    if (!best || p.serveBy < best.serveBy) best = { serveBy: p.serveBy, noticeBy: p.noticeBy, contractId: c.id, title: c.title };
  }
  return best;
}

export interface AssistancePeriod {
  contractId: string;
  title: string;
  /** From the day notice was served … */
  from: string;
  /** … to this many months after the term end it ends the contract on. */
  to: string;
  /** The term end the notice ends the contract on. */
  endsOn: string;
}

/**
 * The termination-assistance period of a contract notice was served on: it runs from the day of
 * the notice until the stated number of months after the contract ends (the usual outsourcing
 * clause: assistance through the notice period and for a while after). The end is the term end
 * as it stood on the day notice was served.
 */
export function assistancePeriod(c: ContractWithNotice): AssistancePeriod | null {
  if (!c.servedOn || !c.assistanceMonths) return null;
  const endsOn = positionOn(c, c.servedOn).endsOn;
  if (!endsOn) return null;
  // N months after the end, counted as a renewal term is: 30 June + 6 months ends on 31 December.
  return { contractId: c.id, title: c.title, from: c.servedOn, to: renewalEnd(endsOn, c.assistanceMonths, 1), endsOn };
}
