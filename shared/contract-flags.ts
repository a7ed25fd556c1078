// The red flags a vendor's contracts raise (shared/readiness.ts lists them with the rest): notice
// dates near or past, an exit planned after a contract that cannot renew has ended, no
// exit-assistance clause in the master agreement, an express renewal option about to close.
// A contract with a notice served on it raises no notice flag: the notice is done.
import { needsNotice, positionOf, type ContractWithNotice, type PositionOf } from './contract-deadlines';
import { daysBetween } from './dates';

/** A notice or option date raises a flag this many days ahead; the first band is high severity. */
export const NOTICE_WARNING_BANDS = [30, 60, 90] as const;

export type ContractFlagKind = 'notice_date_past' | 'notice_date_near' | 'exit_after_contract_end' | 'no_exit_assistance_clause' | 'express_option_expiring';

export interface ContractFlag {
  kind: ContractFlagKind;
  severity: 'high' | 'medium';
  message: string;
  target: { kind: 'contract'; id: string };
}

export interface ContractFlagVendor {
  exitDate: string | null;
  status: string;
  contracts: readonly ContractWithNotice[];
}

const inDays = (n: number) => (n === 0 ? 'today' : `in ${n} day${n === 1 ? '' : 's'}`);
const band = (n: number) => NOTICE_WARNING_BANDS.find((b) => n <= b);

/** `position`: how a contract's position is worked out (contract-deadlines.ts); afresh unless the caller keeps them. */
export function contractFlags(vendor: ContractFlagVendor, today: string, position: PositionOf = positionOf): ContractFlag[] {
  if (vendor.status === 'exited') return [];
  const flags: ContractFlag[] = [];
  // Once the exit is under way notice has been served (recorded or not); before that, the dates matter.
  const beforeExit = vendor.status === 'active' || vendor.status === 'exit_planned';
  for (const c of vendor.contracts) {
    const target = { kind: 'contract' as const, id: c.id };
    const p = position(c, today);
    if (beforeExit && needsNotice(c) && p.serveBy && p.noticeBy) {
      const left = daysBetween(today, p.serveBy);
      if (left < 0) {
        const still = daysBetween(today, p.noticeBy);
        flags.push({
          kind: 'notice_date_past', severity: 'high', target,
          message: `${c.title}: the day to start serving notice, ${p.serveBy}, passed ${-left} day${left === -1 ? '' : 's'} ago; notice must reach the vendor by ${p.noticeBy} (${inDays(still)}) or it renews until ${p.ifMissedRunsUntil}`,
        });
      } else if (band(left)) {
        flags.push({
          kind: 'notice_date_near', severity: left <= NOTICE_WARNING_BANDS[0] ? 'high' : 'medium', target,
          message: `${c.title}: serve notice by ${p.serveBy} (${inDays(left)}, within ${band(left)} days) or it renews until ${p.ifMissedRunsUntil}`,
        });
      }
    }
    if (c.endedByExit !== 'yes') continue;
    // No renewal left to bridge the gap: none agreed, or the express option already closed.
    const cannotRenew = c.renewal === 'none' || (c.renewal === 'express' && p.noticeBy === null);
    if (cannotRenew && vendor.exitDate && p.currentEnd && vendor.exitDate > p.currentEnd) {
      const gap = daysBetween(p.currentEnd, vendor.exitDate);
      flags.push({
        kind: 'exit_after_contract_end', severity: 'high', target,
        message: `The planned exit ${vendor.exitDate} falls ${gap} day${gap === 1 ? '' : 's'} after ${c.title} ends on ${p.currentEnd}, with no renewal`,
      });
    }
    // An option that closes before the exit only matters if the exit needs the contract beyond its term.
    if (c.renewal === 'express' && c.servedOn === null && p.noticeBy && p.currentEnd && (!vendor.exitDate || vendor.exitDate > p.currentEnd)) {
      const left = daysBetween(today, p.noticeBy);
      if (band(left)) {
        flags.push({
          kind: 'express_option_expiring', severity: left <= NOTICE_WARNING_BANDS[0] ? 'high' : 'medium', target,
          message: `${c.title}: the renewal option must be exercised by ${p.noticeBy} (${inDays(left)}), or it ends on ${p.currentEnd}${vendor.exitDate ? `, before the planned exit ${vendor.exitDate}` : ''}`,
        });
      }
    }
    if (c.kind === 'master_agreement' && c.exitAssistance !== 'yes') {
      flags.push({
        kind: 'no_exit_assistance_clause', severity: 'medium', target,
        message: c.exitAssistance === 'no'
          ? `${c.title} has no exit-assistance clause: the vendor owes no help with the handover`
          : `${c.title} has not been checked for an exit-assistance clause`,
      });
    }
  }
  return flags;
}
