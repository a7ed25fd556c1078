// Everything that refers to a person — found from the schema, so a new person field is covered
// without a change here — and the hand-over that moves it to someone else and deletes the person
// in one transaction, each moved record logged in its own history.
import { KIND_LABEL, RECORD_KINDS, TITLE_FIELD, fieldMeta, type RecordKind } from '../../../shared/records';
import { REF_EXAMPLES, type HandOverResult, type PersonRefGroup, type PersonRefKind, type PersonReferences } from '../../../shared/people';
import { ApiError } from '../../../shared/errors';
import { prepared } from '../store/prepared';
import { getRecord, isLive } from '../store/records';
import { refFields, TABLE, toColumn } from '../store/tables';
import { describeChange, inWrite, nowIso, type ServiceContext } from './context';
import { deleteRecord } from './records';

interface RefField {
  kind: PersonRefKind;
  field: string;
  table: string;
  /** The SQL expression of the record's title and of its vendor's id, over `t`. */
  title: string;
  vendor: string;
  /** Live records only, and only those of a live vendor (the rest are shown nowhere). */
  live: string;
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

/** Facts about the past: who reviewed, who signed off. A hand-over never rewrites them. */
const FACTS = new Set(['document.reviewedById', 'checklist_item.signedOffById']);

function refField(kind: PersonRefKind, field: string, table: string, title: string, vendor: string, live: string, label: string): RefField {
  const key = `${kind}.${field}`;
  return { kind, field, table, title, vendor, live, role: ROLES[key] ?? label, label, handedOver: !FACTS.has(key) };
}

/** Every field of every kind that holds a person's id: the record kinds' from their schemas, then the checklist items'. */
export const PERSON_REF_FIELDS: readonly RefField[] = [
  ...RECORD_KINDS.flatMap((kind: RecordKind) => refFields(kind).filter((r) => r.target === 'person').map((r) => {
    const vendorLive = kind === 'vendor' ? '' : ' AND EXISTS (SELECT 1 FROM vendors v WHERE v.id = t.vendor_id AND v.deleted_at IS NULL)';
    return refField(kind as PersonRefKind, r.field, TABLE[kind], `t.${toColumn(TITLE_FIELD[kind])}`, kind === 'vendor' ? 't.id' : 't.vendor_id',
      `t.deleted_at IS NULL${vendorLive}`, fieldMeta(kind, r.field).label);
  })),
  ...(['ownerId', 'signedOffById'] as const).map((field) => refField('checklist_item', field, 'checklist_items', 't.title', 't.vendor_id',
    `t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM checklists c JOIN vendors v ON v.id = c.vendor_id
      WHERE c.id = t.checklist_id AND c.deleted_at IS NULL AND v.deleted_at IS NULL)`, field === 'ownerId' ? 'Owner' : 'Signed off by')),
];

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
    const where = `${toColumn(f.field)} = ? AND ${f.live}`;
    const count = (prepared(ctx.db, `SELECT count(*) AS n FROM ${f.table} t WHERE t.${where}`).get(personId) as { n: number }).n;
    if (count === 0) continue;
    const records = prepared(ctx.db, `SELECT t.id, ${f.title} AS title, (SELECT name FROM vendors WHERE id = ${f.vendor}) AS vendorName
      FROM ${f.table} t WHERE t.${where} ORDER BY ${f.title} COLLATE NOCASE, t.id LIMIT ?`).all(personId, REF_EXAMPLES) as PersonRefGroup['records'];
    groups.push({ kind: f.kind, field: f.field, role: f.role, count, handedOver: f.handedOver, records });
  }
  return { personId, total: groups.reduce((n, g) => n + g.count, 0), groups };
}

const kindWord = (kind: PersonRefKind) => (kind === 'checklist_item' ? 'checklist item' : KIND_LABEL[kind].one.toLowerCase());

/**
 * Moves what the person owned or is contact for to `toId`, then deletes the person: one
 * transaction, so either all of it lands or none. Sign-offs and reviews stay with the person
 * (they record what that person did) and read "(left)" from then on.
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
      const col = toColumn(f.field);
      const rows = prepared(ctx.db, `SELECT t.id, ${f.title} AS title, ${f.vendor} AS vendorId FROM ${f.table} t WHERE t.${col} = ? AND ${f.live}`)
        .all(leaving.id) as { id: string; title: string; vendorId: string }[];
      if (!f.handedOver) {
        kept += rows.length;
        continue;
      }
      const update = prepared(ctx.db, `UPDATE ${f.table} SET ${col} = ?, updated_at = ? WHERE id = ?`);
      for (const r of rows) {
        update.run(taking.id, at, r.id);
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
