// The shapes readiness reads and answers (shared/readiness.ts computes them): a vendor's records
// or their counts grouped by the fields the rules read, and the score, parts and red flags.
import type { ItemStatus, PhaseIndex } from './checklists';
import type { ContractWithNotice, PositionOf } from './contract-deadlines';
import type { PartRecords } from './readiness-explain';
import type { CRITICALITY_WEIGHTS, Lateness, PART_WEIGHTS } from './readiness';

export interface ReadinessInput {
  today: string;
  /** `contracts`: the vendor's live contracts, each with the first notice served on it (shared/contract-flags.ts reads them). */
  vendor: { id: string; name: string; exitDate: string | null; status: string; contracts: readonly ContractWithNotice[] };
  items: { id: string; title: string; phase: PhaseIndex; status: ItemStatus; dueDate: string | null; blockedReason: string }[];
  /** `left`: those of its owner and successor who have left (were deleted), as "successor Dmitri Ivanov". */
  processes: { id: string; name: string; criticality: keyof typeof CRITICALITY_WEIGHTS; successorId: string | null; ktStage: string; left?: string[] }[];
  repositories: { id: string; name: string; transferStatus: string; adminSide: string | null }[];
  licences: { id: string; product: string; licensee: string; transferable: string; transferStatus: string }[];
  documents: { id: string; title: string; status: string; reviewedOn: string | null }[];
  /** The registers (issue 10); absent counts as none. `holderSide`: the holder's side, null when the holder is the vendor as a company (holderId null). */
  access?: { id: string; name: string; privileged: string; status: string; holderId: string | null; holderSide: string | null }[];
  datasets?: { id: string; name: string; personalData: string; receivedOn: string | null; deletionRequired: string; certificateReceivedOn: string | null; certificateCoversBackups: string }[];
  infrastructure?: { id: string; name: string; kind: string; status: string; expiresOn: string | null; renewalAccount: string }[];
}

export type PartKey = keyof typeof PART_WEIGHTS;

export interface ReadinessPart {
  key: PartKey;
  label: string;
  weight: number;
  /** 0–100 for this part; null when there is nothing to measure. */
  score: number | null;
  /** Weighted progress and what it is out of, e.g. 12.5 of 40 (weight points, not records: see `records`). */
  done: number;
  total: number;
  /** The records behind it, unweighted: e.g. 5 of 44 items done. */
  records: PartRecords;
  /** What is counted and how it is weighted, with the counts and the points, in plain words: every face shows it as is. */
  explanation: string;
}

export type FlagKind =
  | 'critical_process_no_successor'
  | 'critical_process_not_signed_off'
  | 'owner_left'
  | 'exit_after_contract_end'
  | 'repository_no_in_house_admin'
  | 'licence_vendor_held_not_transferable'
  | 'document_missing'
  | 'item_overdue'
  | 'item_blocked'
  | 'notice_date_near'
  | 'notice_date_past'
  | 'no_exit_assistance_clause'
  | 'express_option_expiring'
  | 'privileged_access_after_exit'
  | 'vendor_access_open'
  | 'access_not_verified'
  | 'personal_data_not_certified'
  | 'certificate_misses_backups'
  | 'renewal_on_vendor_account';

export interface RedFlag {
  kind: FlagKind;
  severity: 'high' | 'medium';
  message: string;
  /** The record or checklist item that causes it, so the screens can link to it. */
  target: { kind: 'vendor' | 'contract' | 'process' | 'repository' | 'licence' | 'document' | 'checklist_item' | 'access' | 'dataset' | 'infrastructure'; id: string };
}

export interface Readiness {
  score: number;
  parts: ReadinessPart[];
  /** How many red flags, by severity: always known. */
  flagCounts: { high: number; medium: number };
  /** The flags themselves, naming their records; empty when only counts were asked for. */
  flags: RedFlag[];
}

/**
 * The same facts grouped: how many records share each combination of the fields the rules read.
 * Big workbooks are summarised this way by the database (counting is cheap there; turning a
 * hundred thousand rows into objects is not), and `members` fetches the records of a group only
 * when a rule flags that group, so the rules themselves stay here, in one place.
 */
export interface ReadinessGroups {
  today: string;
  vendor: ReadinessInput['vendor'];
  /** How the contracts' positions are worked out (shared/contract-deadlines.ts); afresh when absent. */
  positionOf?: PositionOf;
  items: { phase: PhaseIndex; status: ItemStatus; late: Lateness; count: number }[];
  processes: { criticality: keyof typeof CRITICALITY_WEIGHTS; ktStage: string; hasSuccessor: boolean; ownerLeft: boolean; count: number }[];
  repositories: { transferStatus: string; adminSide: string | null; count: number }[];
  licences: { licensee: string; transferable: string; transferStatus: string; count: number }[];
  documents: { status: string; reviewed: boolean; count: number }[];
  /** `vendorHeld`: no holder (the vendor as a company) or a holder on the vendor's side. */
  access: { privileged: boolean; status: string; vendorHeld: boolean; count: number }[];
  datasets: { personalData: string; received: boolean; deletionRequired: string; certified: boolean; coversBackups: string; count: number }[];
  /** `atRisk`: renewalAtRisk (readiness.ts) on the day scored. */
  infrastructure: { status: string; atRisk: boolean; count: number }[];
}

export interface GroupMembers {
  items(g: ReadinessGroups['items'][number]): { id: string; title: string; dueDate: string | null; blockedReason: string }[];
  processes(g: ReadinessGroups['processes'][number]): { id: string; name: string; left?: string[] }[];
  repositories(g: ReadinessGroups['repositories'][number]): { id: string; name: string }[];
  licences(g: ReadinessGroups['licences'][number]): { id: string; product: string }[];
  documents(g: ReadinessGroups['documents'][number]): { id: string; title: string }[];
  access(g: ReadinessGroups['access'][number]): { id: string; name: string }[];
  datasets(g: ReadinessGroups['datasets'][number]): { id: string; name: string }[];
  infrastructure(g: ReadinessGroups['infrastructure'][number]): { id: string; name: string; kind: string; expiresOn: string | null }[];
}
