// Where each record kind lives in SQL, and how its camelCase fields map to snake_case columns.
import { fieldMeta, fieldNames, type RecordKind } from '../../../shared/records';

export const TABLE: Record<RecordKind, string> = {
  vendor: 'vendors',
  person: 'people',
  process: 'processes',
  repository: 'repositories',
  licence: 'licences',
  document: 'documents',
  contract: 'contracts',
  notice: 'contract_notices',
  cost: 'exit_costs',
  access: 'access_credentials',
  dataset: 'data_sets',
  infrastructure: 'infrastructure_items',
};

export const toColumn = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Fields that hold the id of another record, and which kind that record is. */
export function refFields(kind: RecordKind): { field: string; target: RecordKind }[] {
  const out: { field: string; target: RecordKind }[] = [];
  for (const f of fieldNames(kind)) {
    const c = fieldMeta(kind, f).control;
    if (c === 'person' || c === 'document' || c === 'vendor' || c === 'contract') out.push({ field: f, target: c });
  }
  return out;
}

const selectCache = new Map<RecordKind, string>();

/** The SELECT list that returns a row in the API's camelCase shape. */
export function selectList(kind: RecordKind, alias = 't'): string {
  let s = selectCache.get(kind);
  if (!s) {
    const cols = ['id', ...fieldNames(kind), 'createdAt', 'updatedAt', 'deletedAt'];
    s = cols.map((f) => `${alias}.${toColumn(f)} AS "${f}"`).join(', ');
    selectCache.set(kind, s);
  }
  return alias === 't' ? s : s.replaceAll('t.', `${alias}.`);
}
