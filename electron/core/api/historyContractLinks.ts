// Undo of linking a contract to a document or licence, and of unlinking one, from what the
// activity log recorded (services/contractLinks.ts): the inverse write through the same service,
// refused when the contract changed since. history.ts asks here before its record rules, which
// would read the link as a field edit.
import { CONTRACT_LINK_KINDS, type ContractLinkKind } from '../../../shared/contract-links';
import { ApiError } from '../../../shared/errors';
import type { activityEntry } from '../store/activity';
import { entriesAfter } from '../store/activity';
import type { ServiceContext } from '../services/context';
import { linkContract, unlinkContract } from '../services/contractLinks';

type Entry = NonNullable<ReturnType<typeof activityEntry>>;

function linkOf(value: unknown): { recordKind: ContractLinkKind; recordId: string } | null {
  const v = value as { recordKind?: unknown; recordId?: unknown } | null | undefined;
  return v && (CONTRACT_LINK_KINDS as readonly unknown[]).includes(v.recordKind) && typeof v.recordId === 'string'
    ? { recordKind: v.recordKind as ContractLinkKind, recordId: v.recordId } : null;
}

/** The write that takes back a logged contract link or unlink; undefined when `entry` is neither (history.ts goes on). */
export function contractLinkInverse(ctx: ServiceContext, entry: Entry, summary: string, neutral: (activityId: string) => boolean): (() => void) | undefined {
  if (entry.kind !== 'contract' || entry.action !== 'update' || !entry.recordId) return undefined;
  const contractId = entry.recordId;
  const changes = (entry.changes ?? {}) as Record<string, unknown>;
  const linked = linkOf(changes.link);
  const unlinked = linkOf(changes.unlink);
  if (!linked && !unlinked) return undefined;
  return () => {
    const later = entriesAfter(ctx.db, contractId, entry.seq).find((e) => !neutral(e.id));
    if (later) throw new ApiError('CONFLICT', `Cannot undo “${summary}”: the contract changed since (“${later.summary}”). Nothing was changed.`);
    if (linked) unlinkContract(ctx, { contractId, ...linked });
    else linkContract(ctx, { contractId, ...unlinked! });
  };
}
