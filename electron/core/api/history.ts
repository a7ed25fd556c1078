// Undo and redo of this session's writes, from what the activity log recorded: each committed
// write's first entry says what it did to which record; undoing it is the inverse write through
// the same services (itself logged, and itself the step a redo takes back). A record changed since
// is never overwritten: the undo is refused with what changed it.
import type { HistoryState, HistoryStep } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { RECORD_KINDS, type RecordKind } from '../../../shared/records';
import { activityEntry, entriesAfter } from '../store/activity';
import { getRecord } from '../store/records';
import type { ServiceContext } from '../services/context';
import { deleteRecord, restoreRecord, updateRecordService } from '../services/records';
import { attachmentInverse, itemInverse } from './historyItems';
import { contractLinkInverse } from './historyContractLinks';
import { isRevertible, revertBatch } from '../sheets/apply';

/** How many steps back the session keeps. */
export const HISTORY_DEPTH = 100;

interface Step {
  /** The write's first activity entry: the one whose inverse takes it back. */
  activityId: string;
  summary: string;
}

const isRecordKind = (kind: string): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind);
const UNDOABLE = new Set(['create', 'update', 'delete', 'restore']);

export class UndoHistory {
  private undos: Step[] = [];
  private redos: Step[] = [];
  /** Entries taken back or written by an undo or redo: they never count as the record changing since. */
  private neutral = new Set<string>();
  /** What the last undo or redo took back: its write is named after it ("Redo Created vendor…", not "Redo Deleted…"). */
  private taken: Step | null = null;

  /**
   * A write committed: an undo's write is what a redo takes back, a redo's what the next undo
   * does; any other write can be undone next, and what was undone before can no longer be redone.
   */
  committed(method: string, step: Step): void {
    const inverse = method === 'history.undo' || method === 'history.redo';
    const named = inverse && this.taken ? { activityId: step.activityId, summary: this.taken.summary } : step;
    if (inverse) this.neutral.add(step.activityId);
    this.taken = null;
    if (method === 'history.undo') this.redos.push(named);
    else {
      this.undos.push(named);
      if (this.undos.length > HISTORY_DEPTH) this.undos.shift();
      if (method !== 'history.redo') this.redos = [];
    }
  }

  /** Another workbook: its history is not this one's. */
  clear(): void {
    this.undos = [];
    this.redos = [];
    this.neutral.clear();
  }

  state(ctx: ServiceContext): HistoryState {
    const top = (steps: Step[]): HistoryStep | null => {
      const s = steps[steps.length - 1];
      return s ? { summary: s.summary, undoable: this.inverseOf(ctx, s) !== null } : null;
    };
    return { undo: top(this.undos), redo: top(this.redos) };
  }

  /** Takes back the last write (inside the dispatcher's transaction); its own write lands on the redo side once committed. */
  undo(ctx: ServiceContext): void {
    this.takeBack(ctx, this.undos, 'undo');
  }

  redo(ctx: ServiceContext): void {
    this.takeBack(ctx, this.redos, 'redo');
  }

  private takeBack(ctx: ServiceContext, from: Step[], verb: 'undo' | 'redo'): void {
    const step = from[from.length - 1];
    if (!step) throw new ApiError('CONFLICT', `There is nothing to ${verb}.`);
    const inverse = this.inverseOf(ctx, step);
    if (!inverse) throw new ApiError('UNSUPPORTED', `“${step.summary}” cannot be undone.`);
    inverse();
    from.pop();
    this.neutral.add(step.activityId);
    this.taken = step;
  }

  /** The write that takes `step` back, or null when the backend cannot take such a write back. The write throws CONFLICT when the record changed since. */
  private inverseOf(ctx: ServiceContext, step: Step): (() => void) | null {
    const entry = activityEntry(ctx.db, step.activityId);
    // A sheet import is one entry for many records: taken back (and redone) as a whole.
    if (entry && isRevertible(entry)) return () => revertBatch(ctx, entry, step.summary, (id) => this.neutral.has(id));
    // Attachments and checklist items' writes have rules of their own (historyItems.ts).
    const neutral = (id: string) => this.neutral.has(id);
    const file = entry && attachmentInverse(ctx, entry, step.summary, neutral);
    if (file !== undefined) return file;
    const item = entry && itemInverse(ctx, entry, step.summary, neutral);
    if (item !== undefined) return item;
    const contractLink = entry && contractLinkInverse(ctx, entry, step.summary, neutral);
    if (contractLink !== undefined) return contractLink;
    if (!entry || !entry.recordId || !isRecordKind(entry.kind) || !UNDOABLE.has(entry.action)) return null;
    const { kind, recordId } = entry;
    const refuse = (why: string) => new ApiError('CONFLICT', `Cannot undo “${step.summary}”: ${why}. Nothing was changed.`);
    return () => {
      const now = getRecord(ctx.db, kind, recordId) as unknown as Record<string, unknown> | undefined;
      if (!now) throw refuse('the record is gone');
      // Compared by value as well as by the log: a pack import or another program changes rows without an entry per record.
      const later = entriesAfter(ctx.db, recordId, entry.seq).find((e) => !this.neutral.has(e.id));
      if (later) throw refuse(`the record changed since (“${later.summary}”)`);
      if (entry.action === 'create' || entry.action === 'restore') {
        if (now.deletedAt) throw refuse('the record was deleted since');
        deleteRecord(ctx, kind, recordId);
      } else if (entry.action === 'delete') {
        if (!now.deletedAt) throw refuse('the record was restored since');
        restoreRecord(ctx, kind, recordId);
      } else {
        const changes = entry.changes as Record<string, { from: unknown; to: unknown }>;
        const moved = Object.keys(changes).filter((f) => (now[f] ?? null) !== (changes[f]!.to ?? null));
        if (moved.length) throw refuse(`the record changed since (${moved.join(', ')})`);
        updateRecordService(ctx, kind, { id: recordId, changes: Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.from])) });
      }
    };
  }
}
