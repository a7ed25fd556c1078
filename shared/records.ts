// The record kinds of a workbook: one zod shape per kind. Each field carries the words and the
// control the screens use (zod's .meta()), so the schema, the forms and the tables never drift.
import { z } from 'zod';
import * as E from './enums';
import {
  choice, clause, clauseRef, count, date, days, isRealDate, ISO_DATE, longText, meta, notes, ref, requiredText, text, url, vendorId, type FieldMeta,
} from './fields';
import { accessShape, datasetShape, infrastructureShape } from './records-registers';

// The field builders live in shared/fields.ts; these are read from here by the screens.
export type { Control, FieldMeta } from './fields';
export { requiredText } from './fields';
export { accessShape, datasetShape, infrastructureShape } from './records-registers';

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

export const contractShape = {
  vendorId,
  title: requiredText('Title'),
  kind: choice('Kind', E.CONTRACT_KIND, true),
  reference: text('Reference', true),
  start: date('Start'),
  initialEnd: date('Initial term end', true, 'The last day of the first term, before any renewal.'),
  renewal: choice('Renewal', E.RENEWAL, true),
  renewalMonths: count('Renewal term (months)', 600, 'is more than fifty years', 'Each renewal\'s length; 12 when left empty.'),
  optionsExercised: count('Renewal options exercised', 100, 'is more than a hundred', 'Express renewal: how many options have been taken up so far.'),
  noticeAmount: count('Notice period', 3650, 'is more than ten years', 'As the contract states it, in days or months.'),
  noticeUnit: choice('Notice in', E.NOTICE_UNIT),
  noticeMethod: choice('Notice must be served by', E.NOTICE_METHOD),
  noticeTo: text('Notice to', false, 'Whom the notice goes to, as the contract names them.'),
  leadDays: days('Internal lead time (days)', 'Time we need before serving notice: approvals, budget, board.'),
  assistanceMonths: count('Termination assistance (months)', 120, 'is more than ten years', 'How long the vendor must help after the contract ends.'),
  endedByExit: choice('This exit ends it', E.YES_NO, true),
  exitAssistance: clause('Exit assistance'),
  exitAssistanceRef: clauseRef('Exit assistance'),
  dataReturn: clause('Data return'),
  dataReturnRef: clauseRef('Data return'),
  deletionCertificate: clause('Deletion certificate'),
  deletionCertificateRef: clauseRef('Deletion certificate'),
  ipOwnership: clause('Source code and IP ownership'),
  ipOwnershipRef: clauseRef('Source code and IP ownership'),
  escrowClause: clause('Escrow'),
  escrowClauseRef: clauseRef('Escrow'),
  stepIn: clause('Step-in rights'),
  stepInRef: clauseRef('Step-in rights'),
  serviceCredits: clause('Service credits or penalties'),
  serviceCreditsRef: clauseRef('Service credits or penalties'),
  confidentiality: clause('Surviving confidentiality'),
  confidentialityRef: clauseRef('Surviving confidentiality'),
  notes: notes(),
};

export const noticeShape = {
  vendorId,
  contractId: z.uuid({ error: 'must be the id of a contract' }).meta(meta({ label: 'Contract', control: 'contract', column: true })),
  servedOn: z.string({ error: 'is required' })
    .regex(ISO_DATE, { error: 'must be a date as YYYY-MM-DD' })
    .refine(isRealDate, { error: 'is not a calendar date' })
    .meta(meta({ label: 'Served on', control: 'date', column: true })),
  servedById: ref('Served by', 'person', true),
  method: choice('How', E.NOTICE_METHOD, true),
  evidenceId: ref('Evidence', 'document', false),
  acknowledgedOn: date('Acknowledged on', true),
  notes: notes(),
};

// Decimal text, never a float: totals are summed exactly as whole cents (shared/costs.ts).
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
export const costShape = {
  vendorId,
  description: requiredText('Description'),
  category: choice('Category', E.COST_CATEGORY, true),
  amount: z.string({ error: 'is required' }).trim().min(1, { error: 'is required', abort: true })
    .refine((s) => !s.startsWith('-'), { error: 'cannot be negative' })
    .refine((s) => s.startsWith('-') || AMOUNT.test(s), { error: 'must be an amount such as 12000.00 (digits, at most two decimals, no separators)' })
    .meta(meta({ label: 'Amount', control: 'text', column: true, hint: 'The whole amount; for dual running, the cost per month.' })),
  months: count('Months', 120, 'is more than ten years (120 months at most)', 'Dual running only: how many months both run side by side.'),
  currency: z.string({ error: 'is required' }).regex(/^[A-Z]{3}$/, { error: 'must be a three-letter code such as EUR' })
    .meta(meta({ label: 'Currency', control: 'currency', column: true })),
  notes: notes(),
};


/**
 * The vendor's own contract fields, from before contracts were records of their own (issue 11):
 * migration 7 made each vendor's its first contract. Kept and still read in (packs, sheets), but
 * no form edits them and no deadline is worked out from them.
 */
export const VENDOR_LEGACY_CONTRACT_FIELDS = ['contractRef', 'contractStart', 'contractEnd', 'renewal', 'noticeDays', 'leadDays'] as const;

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
  contract: {
    kind: 'master_agreement', reference: '', start: null, initialEnd: null, renewal: 'none', renewalMonths: null, optionsExercised: null,
    noticeAmount: null, noticeUnit: 'days', noticeMethod: 'unknown', noticeTo: '', leadDays: null, assistanceMonths: null, endedByExit: 'yes',
    exitAssistance: 'unknown', exitAssistanceRef: '', dataReturn: 'unknown', dataReturnRef: '', deletionCertificate: 'unknown',
    deletionCertificateRef: '', ipOwnership: 'unknown', ipOwnershipRef: '', escrowClause: 'unknown', escrowClauseRef: '', stepIn: 'unknown',
    stepInRef: '', serviceCredits: 'unknown', serviceCreditsRef: '', confidentiality: 'unknown', confidentialityRef: '', notes: '',
  },
  notice: { servedById: null, method: 'unknown', evidenceId: null, acknowledgedOn: null, notes: '' },
  cost: { category: 'other', months: null, notes: '' },
  access: {
    kind: 'named_account', system: '', holderId: null, privileged: 'no', secretLocation: '', action: 'revoke', plannedOffsetDays: 0,
    status: 'active', doneOn: null, verifiedById: null, verifiedOn: null, notes: '',
  },
  dataset: {
    description: '', system: '', location: '', region: '', format: '', personalData: 'no', volume: '', ownerId: null, returnFormat: '',
    returnMethod: '', receivedOn: null, checkedById: null, deletionRequired: 'yes', certificateReceivedOn: null, certificateCoversBackups: 'unknown',
    certificateCoversSubprocessors: 'unknown', lastBackupExpiresOn: null, subprocessors: '', notes: '',
  },
  infrastructure: {
    kind: 'server', identifier: '', provider: '', heldBy: 'vendor', disposition: 'transfer', status: 'not_started', expiresOn: null,
    renewalAccount: 'unknown', notes: '',
  },
} as const;

export const SHAPES = {
  vendor: vendorShape,
  person: personShape,
  process: processShape,
  repository: repositoryShape,
  licence: licenceShape,
  document: documentShape,
  contract: contractShape,
  notice: noticeShape,
  cost: costShape,
  access: accessShape,
  dataset: datasetShape,
  infrastructure: infrastructureShape,
} as const;

export type RecordKind = keyof typeof SHAPES;
export const RECORD_KINDS = Object.keys(SHAPES) as RecordKind[];
export const INVENTORY_KINDS = ['process', 'repository', 'licence', 'document', 'access', 'dataset', 'infrastructure'] as const satisfies readonly RecordKind[];
/** The security-closure registers (issue 10): inventory kinds, listed apart where they are treated apart. */
export const REGISTER_KINDS = ['access', 'dataset', 'infrastructure'] as const satisfies readonly InventoryKind[];
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
export type Contract = Fields<'contract'> & Stamp;
export type ContractNotice = Fields<'notice'> & Stamp;
export type ExitCost = Fields<'cost'> & Stamp;
export type AccessRecord = Fields<'access'> & Stamp;
export type DataSet = Fields<'dataset'> & Stamp;
export type InfrastructureItem = Fields<'infrastructure'> & Stamp;
export interface RecordOf {
  vendor: Vendor;
  person: Person;
  process: Process;
  repository: Repository;
  licence: Licence;
  document: DocumentRecord;
  contract: Contract;
  notice: ContractNotice;
  cost: ExitCost;
  access: AccessRecord;
  dataset: DataSet;
  infrastructure: InfrastructureItem;
}

/** The field that names a record in lists, search results and the activity log. */
export const TITLE_FIELD: { [K in RecordKind]: keyof Fields<K> & string } = {
  vendor: 'name',
  person: 'name',
  process: 'name',
  repository: 'name',
  licence: 'product',
  document: 'title',
  contract: 'title',
  notice: 'servedOn',
  cost: 'description',
  access: 'name',
  dataset: 'name',
  infrastructure: 'name',
};

export const KIND_LABEL: Record<RecordKind, { one: string; many: string }> = {
  vendor: { one: 'Vendor', many: 'Vendors' },
  person: { one: 'Person', many: 'People' },
  process: { one: 'Process', many: 'Processes' },
  repository: { one: 'Repository', many: 'Repositories' },
  licence: { one: 'Licence', many: 'Licences' },
  document: { one: 'Document', many: 'Documents' },
  contract: { one: 'Contract', many: 'Contracts' },
  notice: { one: 'Notice served', many: 'Notices served' },
  cost: { one: 'Exit cost', many: 'Exit costs' },
  access: { one: 'Access or credential', many: 'Access and credentials' },
  dataset: { one: 'Data set', many: 'Data sets' },
  infrastructure: { one: 'Infrastructure item', many: 'Infrastructure' },
};

/**
 * The words a count of one kind takes, in lower case: "1 data set", "6 infrastructure items".
 * Mostly KIND_LABEL's; but a list's name is not always a noun one counts ("Infrastructure" names
 * the tab and the table, yet "5 infrastructure" reads oddly).
 */
export function kindNouns(kind: RecordKind): { one: string; many: string } {
  const { one, many } = KIND_LABEL[kind];
  return { one: one.toLowerCase(), many: kind === 'infrastructure' ? 'infrastructure items' : many.toLowerCase() };
}

/** Fields whose text feeds the search index besides the title. */
export const SEARCH_FIELDS: { [K in RecordKind]: readonly (keyof Fields<K> & string)[] } = {
  vendor: ['services', 'contractRef', 'newProviderName', 'notes'],
  person: ['role', 'email', 'notes'],
  process: ['description', 'frequency', 'sla', 'notes'],
  repository: ['url', 'host', 'ciCd', 'notes'],
  licence: ['licensor', 'notes'],
  document: ['location', 'version', 'notes'],
  contract: ['reference', 'noticeTo', 'notes'],
  notice: ['notes'],
  cost: ['notes'],
  access: ['system', 'secretLocation', 'notes'],
  dataset: ['description', 'system', 'location', 'region', 'subprocessors', 'notes'],
  infrastructure: ['identifier', 'provider', 'notes'],
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

/** The kinds crossFieldIssues has rules for. */
const KINDS_WITH_FIELD_RULES: ReadonlySet<RecordKind> = new Set(['vendor', 'notice', 'cost', 'access', 'dataset', 'contract']);

/**
 * The rules between fields of a record. The API's create and update schemas apply them to what
 * they are given; the records service applies them again to the stored record with the changes
 * merged in, so a change to one of the two fields is checked against the other's stored value.
 * `changed` names the fields the user changed: the issue goes to the one they touched.
 */
export function crossFieldIssues(kind: RecordKind, values: Record<string, unknown>, changed?: readonly string[]): FieldRuleIssue[] {
  // Most kinds have no rule between fields: answered before the helpers below are made (a sheet's dry run asks once per row).
  if (!KINDS_WITH_FIELD_RULES.has(kind)) return [];
  const only = (field: string, other: string) => changed !== undefined && changed.includes(field) && !changed.includes(other);
  const ordered = (first: string, second: string, firstMessage: string, secondMessage: string): FieldRuleIssue[] => {
    const a = values[first];
    const b = values[second];
    if (typeof a !== 'string' || typeof b !== 'string' || b >= a) return [];
    return [only(first, second) ? { field: first, message: firstMessage } : { field: second, message: secondMessage }];
  };
  if (kind === 'vendor') return ordered('contractStart', 'contractEnd', 'must not be after the contract end', 'must not be before the contract start');
  if (kind === 'notice') return ordered('servedOn', 'acknowledgedOn', 'must not be after the day it was acknowledged', 'must not be before the day it was served');
  if (kind === 'cost') return costIssues(values, only);
  if (kind === 'access') return ordered('doneOn', 'verifiedOn', 'must not be after the day it was verified', 'must not be before the day it was done');
  if (kind === 'dataset') return ordered('receivedOn', 'certificateReceivedOn', 'must not be after the deletion certificate arrived', 'must not be before the data came back: data is deleted only once returned');
  if (kind !== 'contract') return [];
  const issues = ordered('start', 'initialEnd', 'must not be after the initial term end', 'must not be before the start');
  // A renewal term or an exercised option on a contract that cannot renew in that way says the
  // terms were misread: refused rather than silently ignored by the arithmetic.
  const renewal = values.renewal;
  if (typeof values.renewalMonths === 'number' && renewal === 'none') {
    issues.push(only('renewal', 'renewalMonths')
      ? { field: 'renewal', message: 'cannot be none while a renewal term is set: clear the renewal term first' }
      : { field: 'renewalMonths', message: 'applies only to a contract that renews: set the renewal to tacit or express first' });
  }
  if (typeof values.optionsExercised === 'number' && values.optionsExercised > 0 && renewal !== undefined && renewal !== 'express') {
    issues.push(only('renewal', 'optionsExercised')
      ? { field: 'renewal', message: 'must stay express while renewal options are recorded as exercised' }
      : { field: 'optionsExercised', message: 'applies only to renewal by express option' });
  }
  if (values.noticeUnit === 'months' && typeof values.noticeAmount === 'number' && values.noticeAmount > 120) {
    issues.push(only('noticeUnit', 'noticeAmount')
      ? { field: 'noticeUnit', message: `cannot be months: ${values.noticeAmount} months is more than ten years` }
      : { field: 'noticeAmount', message: 'is more than ten years (120 months at most)' });
  }
  return issues;
}

/**
 * Dual running is a monthly cost for a number of months; every other cost is one amount, so a
 * number of months on it would be read as a multiplier nobody meant.
 */
function costIssues(values: Record<string, unknown>, only: (field: string, other: string) => boolean): FieldRuleIssue[] {
  const { category, months } = values;
  if (category === undefined) return [];
  if (category === 'dual_running' && months === null) {
    return [only('category', 'months')
      ? { field: 'category', message: 'cannot be dual running without the number of months: set the months too' }
      : { field: 'months', message: 'is required for dual running: how many months both run side by side' }];
  }
  if (category !== 'dual_running' && typeof months === 'number') {
    return [only('category', 'months')
      ? { field: 'category', message: 'must stay dual running while months are set: clear the months first' }
      : { field: 'months', message: 'applies only to dual running: clear it, or set the category to dual running' }];
  }
  return [];
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
