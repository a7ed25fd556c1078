// The documents and licences a contract covers (issue 11). A link is to a live record of the
// contract's own vendor; linking twice changes nothing; each link and unlink is logged under the
// contract, with what it linked, so an undo can take it back (api/historyContractLinks.ts).
import type { ContractLink, ContractLinkKind } from '../../../shared/contract-links';
import { ApiError } from '../../../shared/errors';
import { KIND_LABEL, TITLE_FIELD } from '../../../shared/records';
import { deleteContractLink, liveContractLinks, putContractLink } from '../store/contractLinks';
import { getRecord } from '../store/records';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';

type LinkInput = { contractId: string; recordKind: ContractLinkKind; recordId: string };

const invalid = (field: string, message: string) => new ApiError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
const kindWord = (kind: ContractLinkKind) => KIND_LABEL[kind].one.toLowerCase();

function liveContract(ctx: ServiceContext, contractId: string) {
  const c = getRecord(ctx.db, 'contract', contractId);
  if (!c || c.deletedAt) throw invalid('contractId', 'refers to a contract that does not exist or was deleted');
  return c;
}

/** The linked record's title, or null when it is gone or deleted. */
function liveTitle(ctx: ServiceContext, kind: ContractLinkKind, id: string): { title: string; vendorId: string | null } | null {
  const r = getRecord(ctx.db, kind, id) as unknown as Record<string, unknown> | undefined;
  return r && !r.deletedAt ? { title: String(r[TITLE_FIELD[kind]]), vendorId: (r.vendorId as string | null) ?? null } : null;
}

export function linkContract(ctx: ServiceContext, input: LinkInput): ContractLink[] {
  return inWrite(ctx, () => {
    const contract = liveContract(ctx, input.contractId);
    const record = liveTitle(ctx, input.recordKind, input.recordId);
    if (!record) throw invalid('recordId', `refers to a ${kindWord(input.recordKind)} that does not exist or was deleted`);
    // A contract covers its own vendor's records only: another vendor's would leave with the wrong pack.
    if (record.vendorId !== contract.vendorId) throw invalid('recordId', `refers to a ${kindWord(input.recordKind)} of another vendor`);
    const linked = putContractLink(ctx.db, { id: ctx.newId(), contractId: contract.id, recordKind: input.recordKind, recordId: input.recordId, now: nowIso(ctx) });
    // Already linked: nothing changed, so nothing is logged (and there is no step to undo).
    if (linked) {
      describeChange(ctx, {
        action: 'update', kind: 'contract', recordId: contract.id, vendorId: contract.vendorId,
        summary: `Linked contract “${contract.title}” to ${kindWord(input.recordKind)} “${record.title}”`,
        changes: { link: { recordKind: input.recordKind, recordId: input.recordId } },
      });
    }
    return contractLinks(ctx, contract.id);
  });
}

export function unlinkContract(ctx: ServiceContext, input: LinkInput): ContractLink[] {
  return inWrite(ctx, () => {
    const contract = liveContract(ctx, input.contractId);
    if (deleteContractLink(ctx.db, contract.id, input.recordKind, input.recordId, nowIso(ctx))) {
      const title = liveTitle(ctx, input.recordKind, input.recordId)?.title;
      describeChange(ctx, {
        action: 'update', kind: 'contract', recordId: contract.id, vendorId: contract.vendorId,
        summary: `Unlinked ${kindWord(input.recordKind)} ${title ? `“${title}” ` : ''}from contract “${contract.title}”`,
        changes: { unlink: { recordKind: input.recordKind, recordId: input.recordId } },
      });
    }
    return contractLinks(ctx, contract.id);
  });
}

/** A contract's live links to live records, with their titles; none for a deleted contract. */
export function contractLinks(ctx: ServiceContext, contractId: string): ContractLink[] {
  const contract = getRecord(ctx.db, 'contract', contractId);
  if (!contract) throw new ApiError('NOT_FOUND', `No contract with id ${contractId}`);
  if (contract.deletedAt) return [];
  const links: ContractLink[] = [];
  for (const l of liveContractLinks(ctx.db, contractId)) {
    const record = liveTitle(ctx, l.recordKind, l.recordId);
    if (record) links.push({ ...l, title: record.title });
  }
  return links;
}
