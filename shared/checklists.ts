// Handover checklists: the phases of an exit, item statuses, and the schemas of what the screens
// send. Due dates are offsets in days from the vendor's exit date T unless set by hand.
import type { AssistancePeriod, VendorNotice } from './contract-deadlines';
import { z } from 'zod';
import type { Readiness } from './readiness';
import { REGISTER_KINDS } from './records';

export const PHASES = [
  { key: 'setup', label: 'Set-up' },
  { key: 'registers', label: 'Registers' },
  { key: 'knowledge_transfer', label: 'Knowledge transfer' },
  { key: 'commercial_legal', label: 'Commercial and legal' },
  { key: 'cutover', label: 'Cutover' },
  { key: 'security_closure', label: 'Security closure' },
  { key: 'close', label: 'Close' },
] as const;
export type PhaseIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const KT_PHASE: PhaseIndex = 2;

export const ITEM_STATUS = ['todo', 'in_progress', 'blocked', 'done', 'not_applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUS)[number];
export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = {
  todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', done: 'Done', not_applicable: 'Not applicable',
};
/** An item that no longer needs work. */
export const isClosed = (s: ItemStatus) => s === 'done' || s === 'not_applicable';

export const LINK_KINDS = ['process', 'repository', 'licence', 'document'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * The register a checklist item works on (issue 10): the item then shows the vendor's records of
 * that register still open. Named by the template item and copied to the items started from it.
 */
export type ItemRegister = (typeof REGISTER_KINDS)[number];

const id = z.uuid({ error: 'must be the id of a record' });
const phase = z.number({ error: 'must be a phase number' }).int().min(0, { error: 'must be a phase from 0 to 6' }).max(6, { error: 'must be a phase from 0 to 6' });
const offset = z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' })
  .min(-3650, { error: 'is more than ten years before T' }).max(3650, { error: 'is more than ten years after T' });
const title = z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(300, { error: 'is too long (300 characters at most)' });
const longText = z.string().trim().max(20000, { error: 'is too long (20,000 characters at most)' });
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.string().regex(ISO_DAY, { error: 'must be a date as YYYY-MM-DD' })
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; }, { error: 'is not a calendar date' });

export const templateItemInput = z.strictObject({
  phase,
  title,
  description: longText.optional(),
  offsetDays: offset,
  ownerRole: z.string().trim().max(100).optional(),
  /** Expanded into one item per process of the vendor when a checklist starts. */
  perProcess: z.boolean().optional(),
  /** The register the item works on; its items then show that register's open records. */
  register: z.enum(REGISTER_KINDS, { error: `must be one of: ${REGISTER_KINDS.join(', ')}` }).nullable().optional(),
});
export type TemplateItemInput = z.input<typeof templateItemInput>;

export const templateInput = z.strictObject({
  name: title,
  description: longText.optional(),
  items: z.array(templateItemInput).max(500, { error: 'has more than 500 items' }),
});

export const itemChanges = z.strictObject({
  title: title.optional(),
  description: longText.optional(),
  phase: phase.optional(),
  ownerId: id.nullable().optional(),
  status: z.enum(ITEM_STATUS, { error: `must be one of: ${ITEM_STATUS.join(', ')}` }).optional(),
  blockedReason: z.string().trim().max(2000).optional(),
  evidence: longText.optional(),
  /** Moves the due date with T: a number of days from the exit date. Clears a hand-set date. */
  offsetDays: offset.optional(),
  /** A date set by hand: it stays put when the exit date moves. null returns to the offset. */
  dueDate: day.nullable().optional(),
});
export type ItemChanges = z.input<typeof itemChanges>;

export interface Template {
  id: string;
  name: string;
  description: string;
  builtin: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  items: TemplateItem[];
}

export interface TemplateItem {
  id: string;
  position: number;
  phase: PhaseIndex;
  title: string;
  description: string;
  offsetDays: number;
  ownerRole: string;
  perProcess: boolean;
  register: ItemRegister | null;
}

export interface Checklist {
  id: string;
  vendorId: string;
  name: string;
  templateId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ChecklistItem {
  id: string;
  checklistId: string;
  vendorId: string;
  position: number;
  phase: PhaseIndex;
  title: string;
  description: string;
  ownerRole: string;
  ownerId: string | null;
  /**
   * The owner was chosen on the item itself. A knowledge-transfer item starts with its process's
   * in-house successor and follows a later change of successor until then.
   */
  ownerManual: boolean;
  offsetDays: number | null;
  /** The effective due date: T + offset, or the hand-set date; null when the vendor has no exit date. */
  dueDate: string | null;
  dueManual: boolean;
  status: ItemStatus;
  blockedReason: string;
  evidence: string;
  processId: string | null;
  /** The register the item works on (from its template item), or null. */
  register: ItemRegister | null;
  signedOffById: string | null;
  signedOffAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** An item's register as its detail shows it: the vendor's records of it not yet done, and how many there are in all. */
export interface ItemRegisterOpen {
  register: ItemRegister;
  /** Live records of the register for the item's vendor. */
  total: number;
  /** How many of them are still open (all, though `open` lists at most REGISTER_OPEN_LISTED). */
  openCount: number;
  /** The open records, earliest stage first, each with what it still lacks ("active", "done, not verified" …). */
  open: { id: string; title: string; state: string }[];
}
/** The open records an item's detail lists at most; the count says how many more. */
export const REGISTER_OPEN_LISTED = 50;

export interface ItemLink {
  id: string;
  itemId: string;
  recordKind: LinkKind;
  recordId: string;
  title: string;
}

/** "T−30", "T", "T+14": how an offset reads where there is no exit date yet. */
export function offsetLabel(offsetDays: number | null): string {
  if (offsetDays == null) return '';
  if (offsetDays === 0) return 'T';
  return offsetDays < 0 ? `T−${-offsetDays}` : `T+${offsetDays}`;
}

export interface ChecklistWithProgress extends Checklist {
  done: number;
  total: number;
  overdue: number;
  blocked: number;
}

export interface TaskRow extends ChecklistItem {
  vendorName: string;
  checklistName: string;
  overdue: boolean;
}

export interface DashboardRow {
  vendorId: string;
  name: string;
  status: string;
  exitDate: string | null;
  daysToExit: number | null;
  serveNoticeBy: string | null;
  readiness: number;
  /** Change of the score against the most recent score at least a week old; null with no history yet. */
  trend: number | null;
  flags: number;
  highFlags: number;
  items: { total: number; done: number; overdue: number; blocked: number };
}

export interface PhaseSpan {
  phase: PhaseIndex;
  /** Earliest and latest due date of the phase's items (null without an exit date). */
  start: string | null;
  end: string | null;
  startOffset: number | null;
  endOffset: number | null;
  done: number;
  total: number;
}

export interface VendorOverview {
  vendorId: string;
  today: string;
  readiness: Readiness;
  /** Open items due from today on, soonest first. */
  nextDeadlines: (ChecklistItem & { checklistName: string })[];
  /** The exit's phases against dates, for the timeline. */
  phases: PhaseSpan[];
  /** The serve-notice-by from the contracts the exit ends (shared/contract-deadlines.ts); null when none needs notice. */
  notice: VendorNotice | null;
  /** Termination-assistance periods of the contracts notice was served on, for the timeline. */
  assistance: AssistancePeriod[];
}
