// Redaction profiles of transition packs: who a pack is cut for, and what each profile leaves out.
// The export input names a profile; the backend (electron/core/pack/profiles.ts) turns it into the
// rows and fields the pack holds; the manifest names the profile and every withheld field as
// "table.field", and an import never lets a withheld field change the receiver's value.
import { z } from 'zod';
import { fieldMeta, fieldNames, KIND_LABEL, TITLE_FIELD, type RecordKind } from './records';

/** The pack's record tables and the record kind each holds. */
export const RECORD_TABLES = {
  vendors: 'vendor', people: 'person', processes: 'process', repositories: 'repository', licences: 'licence', documents: 'document',
  contracts: 'contract', contract_notices: 'notice', exit_costs: 'cost',
  access_credentials: 'access', data_sets: 'dataset', infrastructure_items: 'infrastructure',
} as const satisfies Record<string, RecordKind>;
export type RecordTable = keyof typeof RECORD_TABLES;

/**
 * The kinds a custom profile may leave out whole. Vendors always stay: every other row hangs on
 * one. Checklists go with their items and links; attachments with their links.
 */
export const PROFILE_KINDS = ['people', 'processes', 'repositories', 'licences', 'documents', 'access', 'datasets', 'infrastructure', 'checklists', 'attachments'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];
export const PROFILE_KIND_LABEL: Record<ProfileKind, string> = {
  people: 'People', processes: 'Processes', repositories: 'Repositories', licences: 'Licences', documents: 'Documents',
  access: 'Access and credentials', datasets: 'Data sets', infrastructure: 'Infrastructure',
  checklists: 'Checklists and their items', attachments: 'Attached files',
};

/** Fields of checklist items a profile may withhold, with their words (they have no record shape). */
const ITEM_FIELDS: Record<string, string> = { description: 'Description', evidence: 'Evidence note' };

export interface WithholdableField {
  /** "table.field", as the manifest lists it. */
  key: string;
  table: string;
  field: string;
  label: string;
}

/**
 * Fields that have no blank a record may hold: a cost's amount and currency (a cost without them is
 * refused, so a pack blanking them would not verify). A pack that must not show costs leaves the
 * table out whole, as the new provider's does.
 */
const NEVER_BLANK: ReadonlySet<string> = new Set(['exit_costs.amount', 'exit_costs.currency']);

/**
 * Every field a profile may withhold. Not the title (it names the row in every list), the vendor a
 * record belongs to (what the pack is cut by), the contract a notice is served on (without them a
 * row means nothing) nor the fields that are NEVER_BLANK.
 */
export const WITHHOLDABLE_FIELDS: readonly WithholdableField[] = [
  ...Object.entries(RECORD_TABLES).flatMap(([table, kind]) => (fieldNames(kind) as string[])
    .filter((f) => f !== TITLE_FIELD[kind] && !(f === 'vendorId' && kind !== 'person') && fieldMeta(kind, f).control !== 'contract' && !NEVER_BLANK.has(`${table}.${f}`))
    .map((field) => ({ key: `${table}.${field}`, table, field, label: fieldMeta(kind, field).label }))),
  ...Object.entries(ITEM_FIELDS).map(([field, label]) => ({ key: `checklist_items.${field}`, table: 'checklist_items', field, label })),
];
const WITHHOLDABLE = new Set(WITHHOLDABLE_FIELDS.map((f) => f.key));
export const isWithholdable = (key: string) => WITHHOLDABLE.has(key);

/**
 * The tables a pack for a new provider leaves out whole: the notices served on the outgoing vendor,
 * and the exit costs (what leaving costs us is ours alone, as the licence costs below).
 */
export const NEW_PROVIDER_TABLES: readonly string[] = ['contract_notices', 'exit_costs'];

/**
 * What a pack for a new provider leaves out, and why each:
 * - money: a licence's annual cost and its currency, and the exit costs, left out whole (NEW_PROVIDER_TABLES);
 * - the commercial terms of the outgoing vendor's contracts: their references, start and end,
 *   renewal, notice and how it is served, our internal lead time, the termination-assistance period
 *   and the service credits (what we pay and how we leave are between us and the outgoing vendor;
 *   the planned exit date stays, the new provider plans to it), and the notices served on them
 *   (NEW_PROVIDER_TABLES); the vendor's own contract fields of before issue 11 likewise;
 * - internal notes: the notes of every record.
 * Kept: each contract's title, kind, whether the exit ends it and its operational clauses (exit
 * assistance, data return, deletion certificate, IP, escrow, step-in, confidentiality: what the
 * new provider can rely on), licence renewal dates (the new provider must act before a licence
 * lapses), SLAs and checklist evidence (the proof of the handover work it takes over).
 * The registers (issue 10): the data sets and the infrastructure travel whole but for their notes:
 * the new provider takes them over (where the data lives and how it comes back, what runs where,
 * what expires and on whose account it renews). The access records travel too, since some are
 * transferred to it and it must know which of the vendor's accesses are being closed, but not
 * where each secret is kept (`secretLocation`): revoking and rotating them is the outgoing
 * vendor's closure work with us, and that reference leads to our vaults.
 */
export const NEW_PROVIDER_FIELDS: readonly string[] = [
  'licences.annualCost', 'licences.currency', 'access_credentials.secretLocation',
  'vendors.contractRef', 'vendors.contractStart', 'vendors.contractEnd', 'vendors.renewal', 'vendors.noticeDays', 'vendors.leadDays',
  ...['reference', 'start', 'initialEnd', 'renewal', 'renewalMonths', 'optionsExercised', 'noticeAmount', 'noticeUnit', 'noticeMethod', 'noticeTo',
    'leadDays', 'assistanceMonths', 'serviceCredits', 'serviceCreditsRef'].map((f) => `contracts.${f}`),
  ...Object.keys(RECORD_TABLES).filter((t) => !NEW_PROVIDER_TABLES.includes(t)).map((t) => `${t}.notes`),
];

export const PROFILE_NAMES = ['full', 'new-provider', 'auditor', 'person', 'custom'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const id = z.uuid({ error: 'must be the id of a person' });

/** The profile an export is cut to (default full). */
export const packProfileInput = z.union([
  z.enum(['full', 'new-provider', 'auditor']),
  z.strictObject({ person: id }),
  z.strictObject({
    custom: z.strictObject({
      tables: z.array(z.enum(PROFILE_KINDS, { error: `must be one of: ${PROFILE_KINDS.join(', ')}` })).max(PROFILE_KINDS.length).optional(),
      fields: z.array(z.string().refine(isWithholdable, { error: 'is not a field a pack can leave out (table.field)' })).max(WITHHOLDABLE_FIELDS.length).optional(),
    }),
  }),
], { error: 'must be full, new-provider, auditor, { person: id } or { custom: { tables, fields } }' });
export type PackProfileInput = z.input<typeof packProfileInput>;

/** What a pack says of its profile (manifest, verify, import preview). */
export interface PackProfileSummary {
  name: ProfileName;
  /** One person's tasks: whose. */
  person?: { id: string; name: string } | undefined;
  /** Custom: the kinds left out whole. */
  tables?: ProfileKind[] | undefined;
}

export const PROFILE_LABEL: Record<ProfileName, string> = {
  full: 'Full', 'new-provider': 'New provider', auditor: 'Auditor', person: 'One person’s tasks', custom: 'Custom',
};

/** One line each: what the profile leaves out (the export dialog). */
export const PROFILE_HINT: Record<ProfileName, string> = {
  full: 'Everything the chosen vendors hold.',
  'new-provider': 'Leaves out costs, the vendor’s contract terms (references, dates, renewal, notice, lead time, assistance, service credits), the notices served, where access secrets are kept and every note.',
  auditor: 'Everything, marked for review only: not to be imported into a live workbook.',
  person: 'Only the items assigned to one person, the records they link, those records’ vendors and the people they name.',
  custom: 'Leaves out the kinds and fields you choose.',
};

/** What an auditor's pack says of itself, in README.html, verify and import. */
export const AUDITOR_INTENT = 'Made for an auditor: this pack is for review only, not for importing into a live workbook.';

export function profileLabel(p: PackProfileSummary): string {
  if (p.name === 'person') return `${PROFILE_LABEL.person}${p.person ? `: ${p.person.name}` : ''}`;
  return PROFILE_LABEL[p.name];
}

/** The kinds a custom profile leaves out whole, in the words people read: "access and credentials, data sets". */
export function leftOutWords(kinds: readonly ProfileKind[]): string {
  return kinds.map((k) => PROFILE_KIND_LABEL[k].toLowerCase()).join(', ');
}

/** References a profile drops when it leaves out what they point at, and the words for them. */
const REFERENCE_LABEL: Record<string, string> = {
  'checklist_items.ownerId': 'Owner', 'checklist_items.processId': 'Process', 'checklist_items.signedOffById': 'Signed off by', 'checklists.templateId': 'Template',
};

/** The words for withheld "table.field" keys, grouped by kind: "Licences: annual cost, currency; …". */
export function withheldWords(keys: readonly string[]): string {
  const byTable = new Map<string, string[]>();
  for (const key of keys) {
    const [table, field] = key.split('.') as [string, string];
    const label = WITHHOLDABLE_FIELDS.find((f) => f.key === key)?.label ?? REFERENCE_LABEL[key] ?? field;
    const list = byTable.get(table) ?? [];
    list.push(label.toLowerCase());
    byTable.set(table, list);
  }
  const tableLabel = (t: string) => (t in RECORD_TABLES ? KIND_LABEL[RECORD_TABLES[t as RecordTable]].many : t === 'checklist_items' ? 'Checklist items' : t === 'checklists' ? 'Checklists' : t);
  return [...byTable].map(([t, fields]) => `${tableLabel(t)}: ${fields.join(', ')}`).join('; ');
}
