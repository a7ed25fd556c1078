// A deadline: one dated thing someone must act on, from wherever it comes (a contract's notice
// date, a licence expiry, a checklist item's due date …). The Upcoming screen, the iCalendar
// export, the deadlines CLI and the notifications all read this one shape.

export const DEADLINE_KINDS = [
  /** The day to start serving notice on a contract (notice deadline less our lead time). */
  'notice_start',
  /** The last day a contract's notice may reach the vendor. */
  'notice_due',
  /** A contract's current term ends (it renews or ends that day). */
  'contract_renewal',
  /** The last day to exercise an express renewal option. */
  'option_expiry',
  /** A licence's renewal or expiry date. */
  'licence_expiry',
  /** An open checklist item's due date. */
  'item_due',
  /** An access record's revocation, rotation or transfer, planned at T + its offset and not yet done. */
  'access_due',
  /** An infrastructure item's expiry (a certificate, a domain …) while its handover is not yet done. */
  'infrastructure_expiry',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  /**
   * Stable across exports and days: the same source record and kind always give the same id, so
   * a re-exported calendar updates its events instead of adding new ones (the iCalendar UID).
   */
  id: string;
  kind: DeadlineKind;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** What to do, in a few words ("Serve notice: Managed services agreement"). */
  title: string;
  /** One more line: the consequence or the context ("otherwise it renews until 2029-01-10"). */
  detail: string;
  vendorId: string | null;
  vendorName: string | null;
  /**
   * The person it concerns, when someone is named: who must act (an item's owner, our contact for
   * a contract or licence), or, for access, who holds it (null when the vendor holds it as a company).
   */
  personId: string | null;
  personName: string | null;
  /**
   * The record it comes from, for a link in the app; a checklist item's also names its checklist,
   * which the link needs to open the item where it is (a vendor may have several checklists).
   */
  source: { kind: 'contract' | 'licence' | 'checklist_item' | 'access' | 'infrastructure'; id: string; checklistId?: string };
}
