// Everything that refers to a person — found from the schema, so a new person field is covered
// without a change here — and the hand-over that moves it to someone else and deletes the person
// in one transaction, each moved record logged in its own history.
import { KIND_LABEL, fieldMeta } from '../../../shared/records';
import { REF_EXAMPLES, type HandOverResult, type PersonRefGroup, type PersonRefKind, type PersonReferences } from '../../../shared/people';
import { ApiError } from '../../../shared/errors';
import { countReferring, PERSON_REF_COLUMNS, referringExamples, referringRecords, setReference, type PersonRefColumn } from '../store/people';
import { getRecord, isLive } from '../store/records';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';
import { deleteRecord } from './records';

interface RefField extends PersonRefColumn {
  role: string;
  /** The field's label, as the activity log names changed fields. */
  label: string;
  handedOver: boolean;
}

/** What the person is for the record, in the dialog's words; a field not named here reads as its label. */
const ROLES: Record<string, string> = {
  'vendor.vendorContactId': 'Vendor point of contact for',
  'vendor.ourContactId': 'Our point of contact for',
  'process.ownerId': 'Current owner of',
  'process.successorId': 'In-house successor of',
  'repository.adminId': 'Holds admin rights on',
  'document.reviewedById': 'Reviewed',
  'checklist_item.ownerId': 'Owner of',
  'checklist_item.signedOffById': 'Signed off',
};

/**
 * Facts about the past: who reviewed, who signed off, who served a notice, who verified an
 * access closed, who checked the data that came back. A hand-over never rewrites them: the
 * successor did none of it, and the record is evidence of who did.
 */
const FACTS = new Set([
  'document.reviewedById', 'checklist_item.signedOffById', 'notice.servedById', 'access.verifiedById', 'dataset.checkedById',
]);

/** The label of a person field, as the activity log names changed fields. */
function labelOf(c: PersonRefColumn): string {
  if (c.kind === 'checklist_item') return c.field === 'ownerId' ? 'Owner' : 'Signed off by';
  return fieldMeta(c.kind, c.field).label;
}

/** Every field of every kind that holds a person's id, with what the person is for the record. */
export const PERSON_REF_FIELDS: readonly RefField[] = PERSON_REF_COLUMNS.map((c) => {
  const key = `${c.kind}.${c.field}`;
  const label = labelOf(c);
  return { ...c, role: ROLES[key] ?? label, label, handedOver: !FACTS.has(key) };
});

function mustPerson(ctx: ServiceContext, id: string) {
  const p = getRecord(ctx.db, 'person', id);
  if (!p) throw new ApiError('NOT_FOUND', `No person with id ${id}`);
  return p;
}

/** What a person owns, is contact for, or signed: live records only, counted in full, the first few named. */
export function personReferences(ctx: ServiceContext, personId: string): PersonReferences {
  mustPerson(ctx, personId);
  const groups: PersonRefGroup[] = [];
  for (const f of PERSON_REF_FIELDS) {
    const count = countReferring(ctx.db, f, personId);
    if (count === 0) continue;
    const records = referringExamples(ctx.db, f, personId, REF_EXAMPLES);
    groups.push({ kind: f.kind, field: f.field, role: f.role, count, handedOver: f.handedOver, records });
  }
  return { personId, total: groups.reduce((n, g) => n + g.count, 0), groups };
}

const kindWord = (kind: PersonRefKind) => (kind === 'checklist_item' ? 'checklist item' : KIND_LABEL[kind].one.toLowerCase());

/**
 * Moves what the person owned or is contact for to `toId`, then deletes the person: one
 * transaction, so either all of it lands or none. The facts (FACTS: sign-offs, reviews, notices
 * served, verifications and checks) stay with the person (they record what that person did) and
 * read "(left)" from then on.
 */
export function handOverAndDelete(ctx: ServiceContext, input: { id: string; toId: string }): HandOverResult {
  return inWrite(ctx, () => {
    const leaving = mustPerson(ctx, input.id);
    if (!isLive(ctx.db, 'person', input.toId)) {
      throw new ApiError('INVALID_INPUT', 'toId: refers to a person who does not exist or was deleted', [{ field: 'toId', message: 'refers to a person who does not exist or was deleted' }]);
    }
    const taking = mustPerson(ctx, input.toId);
    const at = nowIso(ctx);
    let handedOver = 0;
    let kept = 0;
    for (const f of PERSON_REF_FIELDS) {
      const rows = referringRecords(ctx.db, f, leaving.id);
      if (!f.handedOver) {
        kept += rows.length;
        continue;
      }
      for (const r of rows) {
        setReference(ctx.db, f, r.id, taking.id, at);
        describeChange(ctx, {
          action: 'update', kind: f.kind, recordId: r.id, vendorId: r.vendorId,
          summary: `Handed over ${kindWord(f.kind)} “${r.title}” from ${leaving.name} to ${taking.name}: ${f.label.toLowerCase()}`,
          changes: { [f.field]: { from: leaving.id, to: taking.id } },
        });
      }
      handedOver += rows.length;
    }
    describeChange(ctx, {
      action: 'update', kind: 'person', recordId: leaving.id, vendorId: leaving.vendorId,
      summary: `Handed over ${handedOver} reference${handedOver === 1 ? '' : 's'} of “${leaving.name}” to “${taking.name}”${kept ? `; ${kept} past sign-off${kept === 1 ? '' : 's'} or review${kept === 1 ? '' : 's'} stay in their name` : ''}`,
    });
    deleteRecord(ctx, 'person', leaving.id);
    return { personId: leaving.id, handedOver, kept };
  });
}
