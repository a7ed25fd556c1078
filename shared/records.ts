// The record kinds of a workbook: one zod shape per kind. Each field carries the words and the
// control the screens use (zod's .meta()), so the schema, the forms and the tables never drift.
import { z } from 'zod';
import * as E from './enums';

export type Control = 'text' | 'longtext' | 'email' | 'url' | 'date' | 'int' | 'money' | 'currency' | 'enum' | 'person' | 'document' | 'vendor';

export interface FieldMeta {
  label: string;
  control: Control;
  options?: readonly string[];
  /** Shown as a column in the record's table. */
  column?: boolean;
  /** Help text under the input. */
  hint?: string;
}

const meta = (m: FieldMeta) => m as unknown as Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const requiredText = (label: string, column = true) =>
  z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(300, { error: 'is too long (300 characters at most)' })
    .meta(meta({ label, control: 'text', column }));
const text = (label: string, column = false, hint?: string) =>
  z.string().trim().max(300, { error: 'is too long (300 characters at most)' }).meta(meta({ label, control: 'text', column, hint }));
const longText = (label: string) =>
  z.string().trim().max(20000, { error: 'is too long (20,000 characters at most)' }).meta(meta({ label, control: 'longtext' }));
const date = (label: string, column = false, hint?: string) =>
  z.string()
    .regex(ISO_DATE, { error: 'must be a date as YYYY-MM-DD' })
    .refine(isRealDate, { error: 'is not a calendar date' })
    .nullable()
    .meta(meta({ label, control: 'date', column, hint }));
const days = (label: string, hint?: string) =>
  z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' })
    .min(0, { error: 'cannot be negative' }).max(3650, { error: 'is more than ten years' })
    .nullable().meta(meta({ label, control: 'int', hint }));
const choice = <T extends readonly [string, ...string[]]>(label: string, values: T, column = false) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` }).meta(meta({ label, control: 'enum', options: values, column }));
const ref = (label: string, control: 'person' | 'document', column = false) =>
  z.uuid({ error: 'must be the id of a record' }).nullable().meta(meta({ label, control, column }));
const url = (label: string, column = false) =>
  z.string().trim().max(2000, { error: 'is too long' })
    .refine((s) => s === '' || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(s) || /^[\w.-]+@[\w.-]+:\S+$/.test(s), {
      error: 'must be a URL such as https://…',
    })
    .meta(meta({ label, control: 'url', column }));
const notes = () => longText('Notes');

const vendorId = z.uuid({ error: 'must be the id of a vendor' }).meta(meta({ label: 'Vendor', control: 'vendor' }));

export const vendorShape = {
  name: requiredText('Name'),
  services: longText('Services provided'),
  contractRef: text('Contract reference'),
  contractStart: date('Contract start'),
  contractEnd: date('Contract end', true),
  renewal: choice('Renewal', E.RENEWAL),
  noticeDays: days('Notice period (days)'),
  leadDays: days('Internal lead time (days)', 'Time we need before serving notice: approvals, budget, board.'),
  exitDate: date('Planned exit date', true, 'T: the checklist due dates count from this date.'),
  exitKind: choice('Exit kind', E.EXIT_KIND),
  target: choice('Target', E.EXIT_TARGET),
  newProviderName: text('New provider name'),
  status: choice('Status', E.VENDOR_STATUS, true),
  vendorContactId: ref('Vendor point of contact', 'person'),
  ourContactId: ref('Our point of contact', 'person'),
  notes: notes(),
};

export const personShape = {
  name: requiredText('Name'),
  role: text('Role', true),
  email: z.union([z.literal(''), z.email({ error: 'must be an e-mail address' })]).meta(meta({ label: 'E-mail', control: 'email', column: true })),
  side: choice('Side', E.PERSON_SIDE, true),
  vendorId: z.uuid({ error: 'must be the id of a vendor' }).nullable().meta(meta({ label: 'Vendor', control: 'vendor', column: true })),
  notes: notes(),
};

export const processShape = {
  vendorId,
  name: requiredText('Name'),
  description: longText('Description'),
  frequency: text('Frequency', true),
  criticality: choice('Criticality', E.CRITICALITY, true),
  sla: text('SLA'),
  ownerId: ref('Current owner (vendor)', 'person', true),
  successorId: ref('In-house successor', 'person', true),
  runbookId: ref('Runbook', 'document'),
  ktStage: choice('Knowledge-transfer stage', E.KT_STAGE, true),
  notes: notes(),
};

export const repositoryShape = {
  vendorId,
  name: requiredText('Name'),
  url: url('URL', true),
  host: text('Host', true),
  defaultBranch: text('Default branch'),
  orgOwner: choice('Organisation owned by', E.ORG_OWNER, true),
  adminId: ref('Admin rights held by', 'person', true),
  ciCd: text('CI/CD location'),
  secretsLocation: text('Where its secrets live', false, 'A reference such as a vault path, never the secret itself.'),
  escrow: choice('Escrow', E.ESCROW),
  accessVerifiedOn: date('Access verified on'),
  transferStatus: choice('Transfer status', E.REPO_TRANSFER, true),
  notes: notes(),
};

export const licenceShape = {
  vendorId,
  product: requiredText('Product'),
  licensor: text('Licensor', true),
  type: choice('Type', E.LICENCE_TYPE, true),
  seats: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'cannot be negative' })
    .max(10_000_000, { error: 'is too large' }).nullable().meta(meta({ label: 'Seats', control: 'int', column: true })),
  licensee: choice('Licensee of record', E.LICENSEE, true),
  transferable: choice('Transferable', E.TRANSFERABLE, true),
  keyLocation: text('Where the key is kept', false, 'A reference such as a vault path, never the key itself.'),
  renewalDate: date('Renewal or expiry', true),
  annualCost: z.number({ error: 'must be an amount' }).min(0, { error: 'cannot be negative' }).max(1e12, { error: 'is too large' })
    .nullable().meta(meta({ label: 'Annual cost', control: 'money', column: true })),
  currency: z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter code such as EUR' })])
    .meta(meta({ label: 'Currency', control: 'currency' })),
  transferStatus: choice('Transfer status', E.LICENCE_TRANSFER, true),
  notes: notes(),
};

export const documentShape = {
  vendorId,
  title: requiredText('Title'),
  kind: choice('Kind', E.DOCUMENT_KIND, true),
  location: text('Location (URL or path)', true),
  version: text('Version'),
  status: choice('Status', E.DOCUMENT_STATUS, true),
  reviewedById: ref('Reviewed by', 'person', true),
  reviewedOn: date('Reviewed on'),
  notes: notes(),
};

/** Values a new record starts with where the input leaves a field out. */
export const DEFAULTS = {
  vendor: {
    services: '', contractRef: '', contractStart: null, contractEnd: null, renewal: 'none', noticeDays: null, leadDays: null,
    exitDate: null, exitKind: 'ordinary', target: 'in_house', newProviderName: '', status: 'active', vendorContactId: null,
    ourContactId: null, notes: '',
  },
  person: { role: '', email: '', side: 'in_house', vendorId: null, notes: '' },
  process: {
    description: '', frequency: '', criticality: 'medium', sla: '', ownerId: null, successorId: null, runbookId: null,
    ktStage: 'not_started', notes: '',
  },
  repository: {
    url: '', host: '', defaultBranch: '', orgOwner: 'vendor', adminId: null, ciCd: '', secretsLocation: '', escrow: 'none',
    accessVerifiedOn: null, transferStatus: 'not_started', notes: '',
  },
  licence: {
    licensor: '', type: 'subscription', seats: null, licensee: 'unknown', transferable: 'unknown', keyLocation: '',
    renewalDate: null, annualCost: null, currency: '', transferStatus: 'not_started', notes: '',
  },
  document: { kind: 'other', location: '', version: '', status: 'draft', reviewedById: null, reviewedOn: null, notes: '' },
} as const;

export const SHAPES = {
  vendor: vendorShape,
  person: personShape,
  process: processShape,
  repository: repositoryShape,
  licence: licenceShape,
  document: documentShape,
} as const;

export type RecordKind = keyof typeof SHAPES;
export const RECORD_KINDS = Object.keys(SHAPES) as RecordKind[];
export const INVENTORY_KINDS = ['process', 'repository', 'licence', 'document'] as const satisfies readonly RecordKind[];
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

type Shape<K extends RecordKind> = (typeof SHAPES)[K];
export type Fields<K extends RecordKind> = z.output<z.ZodObject<Shape<K>>>;

/** What every stored record carries besides its own fields. */
export interface Stamp {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export type Vendor = Fields<'vendor'> & Stamp;
export type Person = Fields<'person'> & Stamp;
export type Process = Fields<'process'> & Stamp;
export type Repository = Fields<'repository'> & Stamp;
export type Licence = Fields<'licence'> & Stamp;
export type DocumentRecord = Fields<'document'> & Stamp;
export interface RecordOf {
  vendor: Vendor;
  person: Person;
  process: Process;
  repository: Repository;
  licence: Licence;
  document: DocumentRecord;
}

/** The field that names a record in lists, search results and the activity log. */
export const TITLE_FIELD: { [K in RecordKind]: keyof Fields<K> & string } = {
  vendor: 'name',
  person: 'name',
  process: 'name',
  repository: 'name',
  licence: 'product',
  document: 'title',
};

export const KIND_LABEL: Record<RecordKind, { one: string; many: string }> = {
  vendor: { one: 'Vendor', many: 'Vendors' },
  person: { one: 'Person', many: 'People' },
  process: { one: 'Process', many: 'Processes' },
  repository: { one: 'Repository', many: 'Repositories' },
  licence: { one: 'Licence', many: 'Licences' },
  document: { one: 'Document', many: 'Documents' },
};

/** Fields whose text feeds the search index besides the title. */
export const SEARCH_FIELDS: { [K in RecordKind]: readonly (keyof Fields<K> & string)[] } = {
  vendor: ['services', 'contractRef', 'newProviderName', 'notes'],
  person: ['role', 'email', 'notes'],
  process: ['description', 'frequency', 'sla', 'notes'],
  repository: ['url', 'host', 'ciCd', 'notes'],
  licence: ['licensor', 'notes'],
  document: ['location', 'version', 'notes'],
};

/** The screen's words and control for one field, read from the schema. */
export function fieldMeta(kind: RecordKind, field: string): FieldMeta {
  const schema = (SHAPES[kind] as Record<string, z.ZodType>)[field];
  const m = schema?.meta() as FieldMeta | undefined;
  if (!m) throw new Error(`No field ${kind}.${field}`);
  return m;
}

export function fieldNames<K extends RecordKind>(kind: K): (keyof Fields<K> & string)[] {
  return Object.keys(SHAPES[kind]) as (keyof Fields<K> & string)[];
}

/** A rule between fields of one record, which no single field's schema can check. */
export interface FieldRuleIssue {
  field: string;
  message: string;
}

/**
 * The rules between fields of a record. The API's create and update schemas apply them to what
 * they are given; the records service applies them again to the stored record with the changes
 * merged in, so a change to one of the two fields is checked against the other's stored value.
 * `changed` names the fields the user changed: the issue goes to the one they touched.
 */
export function crossFieldIssues(kind: RecordKind, values: Record<string, unknown>, changed?: readonly string[]): FieldRuleIssue[] {
  if (kind !== 'vendor') return [];
  const { contractStart: start, contractEnd: end } = values;
  if (typeof start !== 'string' || typeof end !== 'string' || end >= start) return [];
  const onlyStart = changed !== undefined && changed.includes('contractStart') && !changed.includes('contractEnd');
  return [onlyStart
    ? { field: 'contractStart', message: 'must not be after the contract end' }
    : { field: 'contractEnd', message: 'must not be before the contract start' }];
}

/**
 * A planned exit after the contract ends leaves a stretch with no contract to run the service:
 * allowed (a bridging agreement may cover it), but warned about at the field and as a red flag.
 */
export function exitAfterContractEnd(v: { contractEnd: string | null; exitDate: string | null }): boolean {
  return v.contractEnd !== null && v.exitDate !== null && v.exitDate > v.contractEnd;
}

/** How a reference to a deleted record reads where it is still shown: a person left; anything else was deleted. */
export function refLabel(kind: RecordKind, title: string, deleted: boolean): string {
  return deleted ? `${title} (${kind === 'person' ? 'left' : 'deleted'})` : title;
}
