// The register a checklist item works on, as its detail shows it: the item's vendor's records of
// that register still open (the T+30 access review lists the access not yet verified).
import { REGISTER_OPEN_LISTED, type ItemRegisterOpen } from '../../../shared/checklists';
import { registerOpen } from '../store/registerOpen';
import { mustItem } from './checklists';
import type { ServiceContext } from './context';

/** null for an item that works on no register. */
export function itemRegisterOpen(ctx: ServiceContext, itemId: string): ItemRegisterOpen | null {
  const item = mustItem(ctx, itemId);
  return item.register === null ? null : registerOpen(ctx.db, item.vendorId, item.register, REGISTER_OPEN_LISTED);
}
