// The API as one table: every method's name, its input schema and its result type.
// The IPC binding, the HTTP binding, the preload, the browser client and the CLI are all derived
// from this table; adding a method is one entry here and one handler in electron/api/handlers.ts.
import { z } from 'zod';
import {
  RECORD_KINDS, SHAPES, TITLE_FIELD, type Fields, type RecordKind, type RecordOf,
} from './records';

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
  );
}

function updateSchema(kind: RecordKind): z.ZodType {
  return z.strictObject({
    id,
    expectedUpdatedAt: z.string().optional(),
    changes: z.strictObject(SHAPES[kind] as Record<string, z.ZodType>).partial(),
  });
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
  /** True for a workbook with no vendor and no person yet: the screens offer the demo. */
  empty: boolean;
}

export interface VendorSummary {
  vendor: RecordOf['vendor'];
  counts: Record<'process' | 'repository' | 'licence' | 'document', number>;
}

export interface SearchHit {
  kind: RecordKind;
  id: string;
  vendorId: string | null;
  vendorName: string | null;
  title: string;
  /** A piece of the matched text with the matches between \u0002 and \u0003. */
  snippet: string;
}

export interface Attachment {
  id: string;
  sha256: string;
  size: number;
  fileName: string;
  mediaType: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface AttachmentContent {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

export interface ActivityEntry {
  id: string;
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'restore' | 'attach' | 'detach' | 'settings' | 'demo';
  kind: string;
  recordId: string | null;
  vendorId: string | null;
  summary: string;
}

export interface Stats {
  totals: Record<RecordKind | 'attachment', number>;
  perVendor: { vendorId: string; vendorName: string; counts: Record<'process' | 'repository' | 'licence' | 'document', number> }[];
}

export const MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024;
const bytes = z.instanceof(Uint8Array, { error: 'must be the bytes of a file' })
  .refine((b) => b.byteLength <= MAX_ATTACHMENT_BYTES, { error: 'is larger than 512 MB' });
const fileName = z.string().trim().min(1, { error: 'is required' }).max(255, { error: 'is too long' })
  .refine((s) => !s.includes('/') && !s.includes('\\') && !s.includes('\u0000') && s !== '.' && s !== '..', { error: 'must be a plain file name' });

// ---- the table -------------------------------------------------------------------------------

export const API = {
  'app.info': read(none, as<AppInfo>()),
  'settings.setUserName': write(z.strictObject({ userName: z.string().trim().min(1, { error: 'is required' }).max(100) }), as<AppInfo>()),
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
  'attachment.add': write(z.strictObject({ documentId: id, fileName, mediaType: z.string().max(200).optional(), content: bytes }), as<Attachment>()),
  'attachment.list': read(z.strictObject({ documentId: id }), as<Attachment[]>()),
  'attachment.content': read(byId, as<AttachmentContent>()),
  'attachment.open': read(byId, as<{ opened: boolean }>()),
  'attachment.remove': write(z.strictObject({ documentId: id, attachmentId: id }), as<{ removed: boolean }>()),
  ...crud('vendor'),
  ...crud('person'),
  ...crud('process'),
  ...crud('repository'),
  ...crud('licence'),
  ...crud('document'),
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
