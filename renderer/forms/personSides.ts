// Which side's people a person field is usually filled with, so its picker lists them first:
// successors, admins, reviewers and our contact are in-house; a current owner and the vendor's
// contact are the vendor's people.
import type { RecordKind } from '../../shared/records';
import type { PersonSide } from './RefPicker';

const BY_FIELD: Partial<Record<RecordKind, Record<string, PersonSide>>> = {
  vendor: { vendorContactId: 'vendor', ourContactId: 'in_house' },
  process: { ownerId: 'vendor', successorId: 'in_house' },
  repository: { adminId: 'in_house' },
  document: { reviewedById: 'in_house' },
};

export function preferredSide(kind: RecordKind, field: string): PersonSide | undefined {
  return BY_FIELD[kind]?.[field];
}

/** Checklist owners, sign-offs and "viewing as" are the in-house team's. */
export const TEAM_SIDE: PersonSide = 'in_house';
