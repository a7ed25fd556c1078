// The API as one table: every method's name, its input schema and its result type.
// The IPC binding, the HTTP binding, the preload, the browser client and the CLI are all derived
// from this table; adding a method is one entry here and one handler in electron/core/api/handlers.ts.
import { z } from 'zod';
import {
  ITEM_STATUS, LINK_KINDS, itemChanges, templateInput, templateItemInput,
  type Checklist, type ChecklistItem, type ChecklistWithProgress, type DashboardRow, type ItemLink, type ItemRegisterOpen, type TaskRow, type Template, type VendorOverview,
} from './checklists';
import { KT_STAGE } from './enums';
import {
  packDiscardInput, packExportInput, packImportInput, packJobInput, packSourceInput, signerForgetInput, signerTrustInput, type TrustedSigner,
  type ImportPreview, type ImportResult, type PackCancelResult, type PackEncryption, type PackJobStatus, type PackVerifyReport,
} from './packs';
import type { ChainReport } from './activityChain';
import type { CurrencyTotal } from './costs';
import { CONTRACT_LINK_KINDS, type ContractLink } from './contract-links';
import { calendarAlarmsInput, calendarExportInput, type CalendarAlarms, type CalendarExportResult } from './calendar';
import type { Deadline } from './deadlines';
import { packProfileInput } from './pack-profiles';
import { deletionLetterInput, type DeletionScope } from './deletion-letter';
import { handOverInput, type HandOverResult, type PersonReferences } from './people';
import {
  sheetForgetMappingInput, sheetInspectInput, sheetJobInput, sheetRunInput, sheetTemplateInput,
  type RememberedMapping, type SheetApplyResult, type SheetInspection, type SheetJobStatus, type SheetPreview, type SheetTemplateResult,
} from './sheets';
import {
  RECORD_KINDS, SHAPES, TITLE_FIELD, crossFieldIssues, type Fields, type RecordKind, type RecordOf,
  type InventoryKind,
} from './records';
import { attachmentOwner, attachmentFileName, type Attachment } from './attachments';

// Attachments' inputs and limits are in attachments.ts; read from here by every side.
export {
  ATTACHMENT_OWNER_FIELDS, attachmentFileName, attachmentUploadInput, MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentOwnerField,
} from './attachments';

/** A method's entry: its input schema, and its result type carried as a phantom. */
export interface Method<I extends z.ZodType, R> {
  input: I;
  /** Never read at run time: it only carries the result type. */
  result: R;
  /** True when the method changes the workbook (it runs in a write transaction and is logged). */
  writes: boolean;
}

const as = <R>() => undefined as unknown as R;
const read = <I extends z.ZodType, R>(input: I, result: R): Method<I, R> => ({ input, result, writes: false });
const write = <I extends z.ZodType, R>(input: I, result: R): Method<I, R> => ({ input, result, writes: true });

const none = z.strictObject({});
const id = z.uuid({ error: 'must be the id of a record' });
const byId = z.strictObject({ id });

// ---- records -------------------------------------------------------------------------------

/** Fields a new record must have; the rest fall back to DEFAULTS. */
export const REQUIRED_FIELDS: { [K in RecordKind]: readonly (keyof Fields<K> & string)[] } = {
  vendor: ['name'],
  person: ['name'],
  process: ['vendorId', 'name'],
  repository: ['vendorId', 'name'],
  licence: ['vendorId', 'product'],
  document: ['vendorId', 'title'],
  contract: ['vendorId', 'title'],
  notice: ['vendorId', 'contractId', 'servedOn'],
  cost: ['vendorId', 'description', 'amount', 'currency'],
  access: ['vendorId', 'name'],
  dataset: ['vendorId', 'name'],
  infrastructure: ['vendorId', 'name'],
};

type RequiredField<K extends RecordKind> = (typeof REQUIRED_FIELDS)[K][number];
export type CreateInput<K extends RecordKind> = Partial<Fields<K>> & Pick<Fields<K>, RequiredField<K>>;
export interface UpdateInput<K extends RecordKind> {
  id: string;
  /** When given, the update is refused if the record changed since it was read. */
  expectedUpdatedAt?: string;
  changes: Partial<Fields<K>>;
}

function createSchema(kind: RecordKind): z.ZodType {
  const shape = SHAPES[kind] as Record<string, z.ZodType>;
  const required = REQUIRED_FIELDS[kind] as readonly string[];
  return z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, required.includes(k) ? s : s.optional()])),
  ).superRefine(fieldRules(kind));
}

function updateSchema(kind: RecordKind): z.ZodType {
  return z.strictObject({
    id,
    expectedUpdatedAt: z.string().optional(),
    // Both fields of a rule changed together are checked here; one of them alone, against the
    // stored other, by the records service.
    changes: z.strictObject(SHAPES[kind] as Record<string, z.ZodType>).partial().superRefine(fieldRules(kind)),
  });
}

/** The rules between a record's fields (shared/records.ts), as issues at the field they name. */
function fieldRules(kind: RecordKind) {
  return (values: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const issue of crossFieldIssues(kind, values)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  };
}

export const SORT_DIR = ['asc', 'desc'] as const;
export const MAX_PAGE = 1000;

const listSchema = z.strictObject({
  vendorId: id.optional(),
  /** Words to match (prefix search over the record's indexed text). */
  filter: z.string().max(200).optional(),
  /** Exact values for enum fields, e.g. { criticality: 'critical' }. */
  where: z.record(z.string(), z.string().max(100)).optional(),
  sort: z.string().max(64).optional(),
  dir: z.enum(SORT_DIR).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
  includeDeleted: z.boolean().optional(),
});
export type ListInput = z.input<typeof listSchema>;

export interface ListResult<T> {
  rows: T[];
  total: number;
  /** Display names of the people, documents and vendors the rows refer to, by id. */
  labels: Record<string, string>;
}

type Crud<K extends RecordKind> = {
  [P in `${K}.create`]: Method<z.ZodType<CreateInput<K>>, RecordOf[K]>;
} & {
  [P in `${K}.update`]: Method<z.ZodType<UpdateInput<K>>, RecordOf[K]>;
} & {
  [P in `${K}.delete` | `${K}.restore`]: Method<typeof byId, RecordOf[K]>;
} & {
  [P in `${K}.get`]: Method<typeof byId, RecordOf[K]>;
} & {
  [P in `${K}.list`]: Method<typeof listSchema, ListResult<RecordOf[K]>>;
};

function crud<K extends RecordKind>(kind: K): Crud<K> {
  return {
    [`${kind}.create`]: write(createSchema(kind), as<RecordOf[K]>()),
    [`${kind}.update`]: write(updateSchema(kind), as<RecordOf[K]>()),
    [`${kind}.delete`]: write(byId, as<RecordOf[K]>()),
    [`${kind}.restore`]: write(byId, as<RecordOf[K]>()),
    [`${kind}.get`]: read(byId, as<RecordOf[K]>()),
    [`${kind}.list`]: read(listSchema, as<ListResult<RecordOf[K]>>()),
  } as Crud<K>;
}

// ---- the rest of the results -----------------------------------------------------------------

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  workbookId: string;
  workbookPath: string;
  userName: string;
  /** Whether this face can hand a file to the operating system to open. */
  canOpenFiles: boolean;
  /** Whether this face can switch workbooks (desktop menus). */
  canSwitchWorkbook: boolean;
  /** Whether this face has native file dialogs (`app.pickFile`); the browser face uploads and downloads instead. */
  canPickFiles: boolean;
  /** Whether this face prints the report to PDF itself (`report.printToPdf`); the browser face uses the browser's print. */
  canPrintToPdf: boolean;
  /** True for a workbook with no vendor and no person yet: the screens offer the demo. */
  empty: boolean;
  /** Whether what falls due within seven days is announced (desktop notifications, the count on Upcoming); on unless turned off in Settings. */
  deadlineNotifications: boolean;
}

export interface VendorSummary {
  vendor: RecordOf['vendor'];
  counts: Record<InventoryKind, number>;
  /** The earliest serve-notice-by among the contracts the exit ends (shared/contract-deadlines.ts). */
  serveNoticeBy: string | null;
}

export interface SearchHit {
  kind: RecordKind | 'checklist_item';
  id: string;
  vendorId: string | null;
  vendorName: string | null;
  title: string;
  /** A piece of the matched text with the matches between \u0002 and \u0003. */
  snippet: string;
  /** A checklist item's checklist (null for records). */
  checklistId: string | null;
}

/** Where a checklist's text filter matched in one item, marked as in SearchHit.snippet (only the parts that matched). */
export interface ItemMarks {
  title?: string;
  /** A piece of the description or evidence note. */
  body?: string;
  /** The owner's name. */
  owner?: string;
}

export interface ActivityEntry {
  id: string;
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'restore' | 'attach' | 'detach' | 'settings' | 'demo' | 'import' | 'request';
  kind: string;
  recordId: string | null;
  vendorId: string | null;
  summary: string;
}

/** The write an undo (or a redo) would take back next, as the Edit menu names it. */
export interface HistoryStep {
  summary: string;
  /** False for writes the backend cannot take back (imports, templates, settings…): the menu item is disabled. */
  undoable: boolean;
}

export interface HistoryState {
  undo: HistoryStep | null;
  redo: HistoryStep | null;
}

export interface Stats {
  totals: Record<RecordKind | 'attachment', number>;
  perVendor: { vendorId: string; vendorName: string; counts: Record<InventoryKind, number> }[];
}

// ---- checklists ----

export const ITEM_GROUP_BY = ['phase', 'status', 'owner'] as const;
const itemQuery = z.strictObject({
  checklistId: id.optional(),
  vendorId: id.optional(),
  /** A person's items, or (null) the items nobody owns. */
  ownerId: id.nullable().optional(),
  status: z.array(z.enum(ITEM_STATUS, { error: `must be one of ${ITEM_STATUS.join(', ')}` })).max(5).optional(),
  phase: z.number({ error: 'must be a phase number' }).int({ error: 'must be a phase from 0 to 6' }).min(0, { error: 'must be a phase from 0 to 6' }).max(6, { error: 'must be a phase from 0 to 6' }).optional(),
  overdue: z.boolean().optional(),
  /** Items due on or before this day. */
  dueBefore: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional(),
  /** Words to find in the items' title, description or evidence note, or their owner's name. */
  text: z.string().max(200).optional(),
  /** Rows ordered by group, and each group's figures in `groups`. */
  groupBy: z.enum(ITEM_GROUP_BY, { error: `must be one of ${ITEM_GROUP_BY.join(', ')}` }).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(20000).optional(),
});

/** One group of a grouped item query: done and total count all its items (not applicable ones left out); shown, those the filters keep. */
export interface ItemGroup {
  /** The phase number, the status, or the owner's id ('' for the unassigned items). */
  key: string;
  label: string;
  done: number;
  total: number;
  shown: number;
  /** The span of its due dates, or of its offsets from T while there are no dates. */
  firstDue: string | null;
  lastDue: string | null;
  minOffset: number | null;
  maxOffset: number | null;
}
export type ItemQueryResult = { rows: ChecklistItem[]; total: number; labels: Record<string, string>; marks?: Record<string, ItemMarks>; groups?: ItemGroup[] };
const linkInput = z.strictObject({ itemId: id, recordKind: z.enum(LINK_KINDS), recordId: id });
const contractLinkInput = z.strictObject({ contractId: id, recordKind: z.enum(CONTRACT_LINK_KINDS), recordId: id });

/** Which vendors a report covers: some by id, or all. */
const reportInput = z.strictObject({ vendorIds: z.array(id).min(1, { error: 'name at least one vendor' }).max(10_000).optional(), all: z.boolean().optional(), redact: z.boolean().optional(), profile: packProfileInput.optional() })
  .refine((o) => (o.all === true) !== (o.vendorIds !== undefined), { error: 'give either vendorIds or all: true', path: ['vendorIds'] });

// ---- the table -------------------------------------------------------------------------------

export const API = {
  'app.info': read(none, as<AppInfo>()),
  'settings.setUserName': write(z.strictObject({ userName: z.string().trim().min(1, { error: 'is required' }).max(100) }), as<AppInfo>()),
  'settings.setDeadlineNotifications': write(z.strictObject({ enabled: z.boolean({ error: 'must be true or false' }) }), as<AppInfo>()),
  // The signing keys kept for other workbooks' packs (shared/packs.ts TrustedSigner): trust on first import; a changed key is accepted here.
  'signers.list': read(none, as<TrustedSigner[]>()),
  'signers.trust': write(signerTrustInput, as<TrustedSigner>()),
  'signers.forget': write(signerForgetInput, as<{ removed: boolean }>()),
  'demo.load': write(none, as<{ vendors: number; records: number }>()),
  'stats.get': read(none, as<Stats>()),
  'vendor.summaries': read(none, as<VendorSummary[]>()),
  'search.query': read(
    z.strictObject({ q: z.string().max(200), limit: z.number().int().min(1).max(100).optional(), kind: z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]).optional() }),
    as<SearchHit[]>(),
  ),
  'activity.list': read(
    z.strictObject({ vendorId: id.optional(), recordId: id.optional(), before: z.string().optional(), limit: z.number().int().min(1).max(500).optional() }),
    as<ActivityEntry[]>(),
  ),
  /** Checks the activity log's hash chain: intact, or its first broken link. */
  'activity.verifyChain': read(none, as<ChainReport>()),
  // Bytes never travel in a call: the desktop names the file the user picked or dropped (streamed
  // by the backend; refused on the browser face, which uploads to POST /attachments instead).
  'attachment.addFile': write(attachmentOwner({ path: z.string().min(1, { error: 'is required' }).max(4096), fileName: attachmentFileName.optional() }), as<Attachment>()),
  'attachment.list': read(attachmentOwner({}), as<Attachment[]>()),
  /** A copy saved where the user picks in the native save dialog (desktop; the browser face downloads GET /attachments/<id>). */
  'attachment.saveAs': read(byId, as<{ path: string | null }>()),
  'attachment.open': read(byId, as<{ opened: boolean }>()),
  'attachment.remove': write(attachmentOwner({ attachmentId: id }), as<{ removed: boolean }>()),
  'template.list': read(none, as<Template[]>()),
  'template.get': read(byId, as<Template>()),
  'template.create': write(templateInput, as<Template>()),
  'template.update': write(z.strictObject({ id, name: templateInput.shape.name.optional(), description: templateInput.shape.description, items: templateInput.shape.items.optional() }), as<Template>()),
  'template.duplicate': write(z.strictObject({ id, name: templateInput.shape.name.optional() }), as<Template>()),
  'template.delete': write(byId, as<{ deleted: boolean }>()),
  'template.fromChecklist': write(z.strictObject({ checklistId: id, name: templateInput.shape.name }), as<Template>()),
  'checklist.start': write(z.strictObject({ vendorId: id, templateId: id, name: z.string().trim().max(300).optional() }), as<Checklist>()),
  'checklist.list': read(z.strictObject({ vendorId: id }), as<ChecklistWithProgress[]>()),
  'checklist.rename': write(z.strictObject({ id, name: templateInput.shape.name }), as<Checklist>()),
  'checklist.delete': write(byId, as<{ id: string; deleted: boolean }>()),
  'checklist.restore': write(byId, as<{ id: string; deleted: boolean }>()),
  'checklist.items': read(itemQuery, as<ItemQueryResult>()),
  'checklist.addItem': write(z.strictObject({
    checklistId: id, phase: templateItemInput.shape.phase, title: templateItemInput.shape.title, description: templateItemInput.shape.description,
    offsetDays: templateItemInput.shape.offsetDays.optional(), dueDate: itemChanges.shape.dueDate, ownerId: id.nullable().optional(),
  }), as<ChecklistItem>()),
  'checklist.updateItem': write(z.strictObject({ id, expectedUpdatedAt: z.string().optional(), changes: itemChanges }), as<ChecklistItem>()),
  'checklist.setKtStage': write(z.strictObject({ id, stage: z.enum(KT_STAGE) }), as<ChecklistItem>()),
  'checklist.signOff': write(z.strictObject({ id, byId: id.nullable() }), as<ChecklistItem>()),
  'checklist.deleteItem': write(byId, as<ChecklistItem>()),
  'checklist.restoreItem': write(byId, as<ChecklistItem>()),
  'checklist.link': write(linkInput, as<ItemLink[]>()),
  'checklist.unlink': write(linkInput, as<ItemLink[]>()),
  'checklist.links': read(z.strictObject({ itemId: id }), as<ItemLink[]>()),
  // The vendor's records still open in the register the item works on; null when it works on none.
  'checklist.registerOpen': read(z.strictObject({ itemId: id }), as<ItemRegisterOpen | null>()),
  // The documents and licences a contract covers: its own vendor's live records only; linking twice changes nothing.
  'contract.link': write(contractLinkInput, as<ContractLink[]>()),
  'contract.unlink': write(contractLinkInput, as<ContractLink[]>()),
  'contract.links': read(z.strictObject({ contractId: id }), as<ContractLink[]>()),
  'checklist.myTasks': read(z.strictObject({ personId: id, includeClosed: z.boolean().optional() }), as<TaskRow[]>()),
  'readiness.vendor': read(z.strictObject({ vendorId: id }), as<VendorOverview>()),
  'dashboard.get': read(none, as<DashboardRow[]>()),
  // Every dated thing to act on from today to today + days (shared/deadlines.ts), with overdue open items; by date, then title.
  'deadlines.list': read(z.strictObject({
    days: z.number().int().min(1).max(3650).default(90), vendorId: id.optional(), personId: id.optional(),
  }), as<Deadline[]>()),
  // The deadlines as an iCalendar file (shared/calendar.ts): reminders at the lead times set; written where the save dialog or
  // `destination` says (desktop, scripts), or answered with the browser face's download address.
  'calendar.settings.get': read(none, as<CalendarAlarms>()),
  'calendar.settings.set': write(calendarAlarmsInput, as<CalendarAlarms>()),
  'calendar.export': read(calendarExportInput, as<CalendarExportResult>()),
  // Undo and redo of this session's last writes, done by the backend from what the activity log recorded.
  'history.state': read(none, as<HistoryState>()),
  'history.undo': write(none, as<HistoryState>()),
  'history.redo': write(none, as<HistoryState>()),
  // Transition packs (shared/packs.ts). An export is a job: start it, poll its status, cancel it.
  'app.pickFile': read(z.strictObject({ purpose: z.enum(['open-pack', 'save-pack', 'open-sheet', 'open-identity']), suggestedName: z.string().max(200).optional() }), as<{ path: string | null }>()),
  'report.html': read(reportInput, as<{ title: string; html: string }>()),
  'report.printToPdf': read(reportInput, as<{ path: string | null }>()),
  'pack.export': read(packExportInput, as<{ jobId: string }>()),
  'pack.jobStatus': read(packJobInput, as<PackJobStatus>()),
  'pack.cancel': read(packJobInput, as<PackCancelResult>()),
  'pack.discard': read(packDiscardInput, as<{ removed: boolean }>()),
  // Verify, preview and import are jobs like export (status and cancel as above). The import job
  // writes through its own connection and holds this backend's writes itself while it applies, so
  // starting it is not a write for the dispatcher.
  // Whether a pack is encrypted (its age header) and what opens it; with keys, whether they do (the header only).
  'pack.encryption': read(packSourceInput, as<PackEncryption>()),
  'pack.startVerify': read(packSourceInput, as<{ jobId: string }>()),
  'pack.startPreview': read(packSourceInput, as<{ jobId: string }>()),
  'pack.startImport': read(packImportInput, as<{ jobId: string }>()),
  // The same jobs in one call that answers when they end (the CLI, scripts, tests).
  'pack.verify': read(packSourceInput, as<PackVerifyReport>()),
  'pack.preview': read(packSourceInput, as<ImportPreview>()),
  'pack.import': write(packImportInput, as<ImportResult>()),
  // Spreadsheets in (shared/sheets.ts has the flow): inspect, a dry run as a job (or in one call), apply in one transaction.
  'sheets.inspect': read(sheetInspectInput, as<SheetInspection>()),
  'sheets.startPreview': read(sheetRunInput, as<{ jobId: string }>()),
  'sheets.jobStatus': read(sheetJobInput, as<SheetJobStatus>()),
  'sheets.cancel': read(sheetJobInput, as<{ cancelled: boolean }>()),
  'sheets.preview': read(sheetRunInput, as<SheetPreview>()),
  'sheets.apply': write(sheetRunInput, as<SheetApplyResult>()),
  // The apply as a job (status and cancel as the dry run's): a large sheet writes on a connection of
  // its own, holding this backend's writes itself, so starting it is not a write for the dispatcher.
  'sheets.startApply': read(sheetRunInput, as<{ jobId: string }>()),
  'sheets.template': read(sheetTemplateInput, as<SheetTemplateResult>()),
  'sheets.mappings': read(none, as<RememberedMapping[]>()),
  'sheets.forgetMapping': write(sheetForgetMappingInput, as<{ removed: boolean }>()),
  ...crud('vendor'),
  ...crud('person'),
  // Before a person is deleted: what refers to them; then, instead of a plain delete, hand it to someone else.
  'person.references': read(byId, as<PersonReferences>()),
  'person.handOverAndDelete': write(handOverInput, as<HandOverResult>()),
  ...crud('process'),
  ...crud('repository'),
  ...crud('licence'),
  ...crud('document'),
  // A vendor's contracts, and the notices served on them (issue 11).
  ...crud('contract'),
  ...crud('notice'),
  // The costs of leaving a vendor (issue 11).
  ...crud('cost'),
  // The security-closure registers (issue 10).
  ...crud('access'),
  ...crud('dataset'),
  ...crud('infrastructure'),
  // The request for a deletion certificate (shared/deletion-letter.ts): what it would list, the letter, and the letter printed to
  // PDF where the face has a printer (desktop; the browser face opens the letter for the browser's print). Saving the PDF is the
  // request: it is logged.
  'dataset.deletionScope': read(z.strictObject({ vendorId: id }), as<DeletionScope>()),
  'dataset.deletionLetter': read(deletionLetterInput, as<{ title: string; html: string }>()),
  'dataset.deletionLetterPdf': write(deletionLetterInput, as<{ path: string | null }>()),
  // A vendor's exit costs summed, one total per currency (shared/costs.ts).
  'cost.totals': read(z.strictObject({ vendorId: id }), as<CurrencyTotal[]>()),
};

export type Api = typeof API;
export type MethodName = keyof Api & string;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Api[M]['input']>;
export type ResultOf<M extends MethodName> = Api[M]['result'];
export const METHOD_NAMES = Object.keys(API) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
}

/** The IPC channel a method travels on in the desktop face. */
export const channelOf = (m: MethodName) => `handover:${m}`;

export { TITLE_FIELD };
