// What refers to a person, shown before the person is deleted, and the hand-over that moves it to
// someone else in one step. The backend finds the references (electron/core/services/people.ts).
import { z } from 'zod';

/** The kinds of record that can refer to a person. */
export type PersonRefKind = 'vendor' | 'process' | 'repository' | 'document' | 'checklist_item';

/** One field of one kind that holds a person's id, and how many live records hold this person there. */
export interface PersonRefGroup {
  kind: PersonRefKind;
  field: string;
  /** What the person is for these records, e.g. "In-house successor". */
  role: string;
  count: number;
  /**
   * False for what records a fact about the past — who reviewed a document, who signed an item
   * off: a hand-over leaves these as they are (the person did it), so they show "(left)".
   */
  handedOver: boolean;
  /** The first few of them, to name in the dialog. */
  records: { id: string; title: string; vendorName: string | null }[];
}

export interface PersonReferences {
  personId: string;
  /** Live records that refer to the person, summed over the groups. */
  total: number;
  groups: PersonRefGroup[];
}

/** How many records of a group the references name; the count is always complete. */
export const REF_EXAMPLES = 5;

const id = z.uuid({ error: 'must be the id of a record' });

export const handOverInput = z.strictObject({
  id,
  /** Who takes over what the person owned. */
  toId: id,
}).refine((o) => o.id !== o.toId, { error: 'must be someone else than the person leaving', path: ['toId'] });

export interface HandOverResult {
  /** The person, now deleted. */
  personId: string;
  /** Fields of records moved to the new person (one record can count twice: owner and successor). */
  handedOver: number;
  /** References left as they were: facts about the past such as sign-offs. */
  kept: number;
}
