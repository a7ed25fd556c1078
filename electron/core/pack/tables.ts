// The pack's data tables: which SQL table each is, its columns in the JSON's key order, the zod
// schema every imported row must pass and what it refers to (which rows belong to the vendors
// being exported is SQL: store/packRows.ts). Record kinds reuse the shapes of shared/records.ts;
// checklist rows reuse the closed sets of shared/checklists.ts.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ITEM_STATUS, LINK_KINDS } from '../../../shared/checklists';
import { fieldNames, KIND_LABEL, REGISTER_KINDS, SHAPES, TITLE_FIELD, type RecordKind } from '../../../shared/records';
import { CONTRACT_LINK_KINDS } from '../../../shared/contract-links';
import { OWNER_KINDS, OWNER_TABLE, type OwnerKind } from '../store/attachments';
import { toColumn } from '../store/tables';
import type { DataTable } from './format';

export type Row = Record<string, unknown>;

export interface Column {
  field: string;
  column: string;
  /** SQLite stores these as 0/1; the JSON has true/false. */
  bool?: boolean;
}

export interface Reference {
  field: string;
  table: DataTable;
  /** A required reference makes a row without its target invalid; an optional one is cleared. */
  required: boolean;
}

export interface TableDef {
  name: DataTable;
  sql: string;
  label: { one: string; many: string };
  kind?: RecordKind;
  columns: Column[];
  schema: z.ZodType<Row>;
  refs: Reference[];
  /** The field naming the row in previews and reports. */
  titleField: string;
  /** The field holding the row's vendor (null: none, such as people without a vendor or templates). */
  vendorField: string | null;
  /** Fields blanked in redacted packs. */
  redact: string[];
  /**
   * Fields added after packs without them were made (format version 2 packs of earlier builds): a
   * row that lacks one keeps this workbook's value of it when merged, so an older pack never erases
   * it (merge.ts); a row added from such a pack has none.
   */
  addedLater?: string[];
}

const STAMP_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'];
const uuid = z.uuid({ error: 'must be an id' });
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = z.string({ error: 'must be a timestamp' }).regex(TIMESTAMP, { error: 'must be an ISO timestamp' });
const stamps = { id: uuid, createdAt: timestamp, updatedAt: timestamp, deletedAt: timestamp.nullable() };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.string().regex(ISO_DAY, { error: 'must be a date as YYYY-MM-DD' })
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; }, { error: 'is not a calendar date' });
const text = (max: number) => z.string({ error: 'must be text' }).max(max, { error: `is too long (${max} characters at most)` });
const title = z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(300, { error: 'is too long (300 characters at most)' });
// Which register an item works on (migration 10); absent in packs made before it travelled (addedLater).
const register = z.enum(REGISTER_KINDS, { error: `must be one of: ${REGISTER_KINDS.join(', ')}` }).nullable().optional();
const int = (min: number, max: number) => z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(min).max(max);

const cols = (fields: string[], bools: string[] = []): Column[] =>
  ['id', ...fields, ...STAMP_FIELDS].map((f) => ({ field: f, column: toColumn(f), ...(bools.includes(f) ? { bool: true } : {}) }));

function recordTable(name: DataTable, kind: RecordKind, redact: string[] = []): TableDef {
  const refs: Reference[] = [];
  for (const f of fieldNames(kind)) {
    const control = (SHAPES[kind] as Record<string, z.ZodType>)[f]!.meta() as { control?: string } | undefined;
    if (control?.control === 'person') refs.push({ field: f, table: 'people', required: false });
    if (control?.control === 'document') refs.push({ field: f, table: 'documents', required: false });
    if (control?.control === 'vendor') refs.push({ field: f, table: 'vendors', required: kind !== 'person' });
    if (control?.control === 'contract') refs.push({ field: f, table: 'contracts', required: true });
  }
  return {
    name, sql: name, label: KIND_LABEL[kind], kind, columns: cols(fieldNames(kind)),
    schema: z.strictObject({ ...(SHAPES[kind] as Record<string, z.ZodType>), ...stamps }) as unknown as z.ZodType<Row>,
    refs, titleField: TITLE_FIELD[kind], vendorField: kind === 'vendor' ? 'id' : kind === 'person' ? 'vendorId' : 'vendorId', redact,
  };
}

const checklistItemFields = [
  'checklistId', 'vendorId', 'position', 'phase', 'title', 'description', 'ownerRole', 'ownerId', 'offsetDays', 'dueDate', 'dueManual', 'status',
  'blockedReason', 'evidence', 'processId', 'signedOffById', 'signedOffAt', 'completedAt', 'ownerManual', 'register',
];

export const TABLES: Record<DataTable, TableDef> = {
  vendors: recordTable('vendors', 'vendor'),
  people: recordTable('people', 'person'),
  processes: recordTable('processes', 'process'),
  repositories: recordTable('repositories', 'repository', ['url', 'secretsLocation']),
  licences: recordTable('licences', 'licence', ['keyLocation']),
  documents: recordTable('documents', 'document', ['location']),
  contracts: recordTable('contracts', 'contract'),
  contract_notices: recordTable('contract_notices', 'notice'),
  exit_costs: recordTable('exit_costs', 'cost'),
  // Where a secret is kept is blanked in a redacted pack, as a repository's secrets location is.
  access_credentials: recordTable('access_credentials', 'access', ['secretLocation']),
  data_sets: recordTable('data_sets', 'dataset'),
  infrastructure_items: recordTable('infrastructure_items', 'infrastructure'),
  // A contract's links to the documents and licences it covers; matched by what they connect (merge.ts).
  contract_links: {
    name: 'contract_links', sql: 'contract_links', label: { one: 'Contract link', many: 'Contract links' },
    columns: cols(['contractId', 'recordKind', 'recordId']),
    schema: z.strictObject({ ...stamps, contractId: uuid, recordKind: z.enum(CONTRACT_LINK_KINDS, { error: `must be one of: ${CONTRACT_LINK_KINDS.join(', ')}` }), recordId: uuid }),
    refs: [{ field: 'contractId', table: 'contracts', required: true }], titleField: 'recordKind', vendorField: null, redact: [],
  },
  templates: {
    name: 'templates', sql: 'templates', label: { one: 'Template', many: 'Templates' }, columns: cols(['name', 'description', 'builtin']),
    schema: z.strictObject({ ...stamps, name: title, description: text(20000), builtin: z.string().regex(/^[a-z_]{1,40}$/).nullable() }),
    refs: [], titleField: 'name', vendorField: null, redact: [],
  },
  template_items: {
    name: 'template_items', sql: 'template_items', label: { one: 'Template item', many: 'Template items' },
    columns: cols(['templateId', 'position', 'phase', 'title', 'description', 'offsetDays', 'ownerRole', 'perProcess', 'register'], ['perProcess']),
    schema: z.strictObject({
      ...stamps, templateId: uuid, position: int(0, 1_000_000), phase: int(0, 6), title, description: text(20000), offsetDays: int(-3650, 3650),
      ownerRole: text(300), perProcess: z.boolean(), register,
    }),
    refs: [{ field: 'templateId', table: 'templates', required: true }], titleField: 'title', vendorField: null, redact: [], addedLater: ['register'],
  },
  checklists: {
    name: 'checklists', sql: 'checklists', label: { one: 'Checklist', many: 'Checklists' }, columns: cols(['vendorId', 'name', 'templateId']),
    schema: z.strictObject({ ...stamps, vendorId: uuid, name: title, templateId: uuid.nullable() }),
    refs: [{ field: 'vendorId', table: 'vendors', required: true }, { field: 'templateId', table: 'templates', required: false }],
    titleField: 'name', vendorField: 'vendorId', redact: [],
  },
  checklist_items: {
    name: 'checklist_items', sql: 'checklist_items', label: { one: 'Checklist item', many: 'Checklist items' }, columns: cols(checklistItemFields, ['dueManual', 'ownerManual']),
    schema: z.strictObject({
      ...stamps, checklistId: uuid, vendorId: uuid, position: int(0, 1_000_000), phase: int(0, 6), title, description: text(20000), ownerRole: text(300),
      ownerId: uuid.nullable(), offsetDays: int(-3650, 3650).nullable(), dueDate: day.nullable(), dueManual: z.boolean(),
      status: z.enum(ITEM_STATUS, { error: `must be one of: ${ITEM_STATUS.join(', ')}` }), blockedReason: text(2000), evidence: text(20000),
      processId: uuid.nullable(), signedOffById: uuid.nullable(), signedOffAt: timestamp.nullable(), completedAt: timestamp.nullable(),
      // Packs made before owners set by hand were tracked have none: every owner then was set by hand.
      ownerManual: z.boolean().optional(), register,
    }).transform((r) => ({ ...r, ownerManual: r.ownerManual ?? r.ownerId !== null })).refine((r) => r.status !== 'blocked' || r.blockedReason.trim() !== '', { error: 'a blocked item needs a reason', path: ['blockedReason'] }),
    refs: [
      { field: 'checklistId', table: 'checklists', required: true }, { field: 'vendorId', table: 'vendors', required: true },
      { field: 'ownerId', table: 'people', required: false }, { field: 'processId', table: 'processes', required: false },
      { field: 'signedOffById', table: 'people', required: false },
    ],
    titleField: 'title', vendorField: 'vendorId', redact: [], addedLater: ['register'],
  },
  checklist_item_links: {
    name: 'checklist_item_links', sql: 'checklist_item_links', label: { one: 'Checklist link', many: 'Checklist links' },
    columns: cols(['itemId', 'recordKind', 'recordId']),
    schema: z.strictObject({ ...stamps, itemId: uuid, recordKind: z.enum(LINK_KINDS), recordId: uuid }),
    refs: [{ field: 'itemId', table: 'checklist_items', required: true }], titleField: 'recordKind', vendorField: null, redact: [],
  },
  attachments: {
    name: 'attachments', sql: 'attachments', label: { one: 'Attachment', many: 'Attachments' }, columns: cols(['sha256', 'size', 'fileName', 'mediaType']),
    schema: z.strictObject({
      ...stamps, sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in lowercase hex' }), size: int(0, Number.MAX_SAFE_INTEGER),
      fileName: text(255).min(1), mediaType: text(200),
    }),
    refs: [], titleField: 'fileName', vendorField: null, redact: [],
  },
  attachment_links: {
    name: 'attachment_links', sql: 'attachment_links', label: { one: 'Attachment link', many: 'Attachment links' },
    columns: cols(['attachmentId', 'ownerKind', 'ownerId', 'fileName']),
    // Version 1 packs hold documents' and checklist items' files only; version 2 those of notices, access records and data sets too.
    schema: z.strictObject({ ...stamps, attachmentId: uuid, ownerKind: z.enum(OWNER_KINDS, { error: `must be one of: ${OWNER_KINDS.join(', ')}` }), ownerId: uuid, fileName: text(255).min(1) }),
    refs: [{ field: 'attachmentId', table: 'attachments', required: true }], titleField: 'fileName', vendorField: null, redact: [],
  },
};

/**
 * The id a built-in template has in every pack, whatever its id in the workbook: built-in
 * templates belong to the app, so each workbook seeds its own copy under an id of its own. Packs
 * refer to them by this id (a UUID made from the key) and the importer maps it to its own copy.
 */
export function builtinTemplateId(key: string): string {
  const h = createHash('sha256').update(`handover-workbook builtin template ${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${(8 + (parseInt(h[16]!, 16) & 3)).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The fields a redacted pack blanks (`redact`), as "table.field". */
export const REDACTED_FIELDS: readonly string[] = (Object.keys(TABLES) as DataTable[]).flatMap((t) => TABLES[t].redact.map((f) => `${t}.${f}`));

/** The fields of a row in JSON order. */
export const fieldsOf = (t: TableDef) => t.columns.map((c) => c.field);

/** A row as read from SQLite, turned into its JSON form (booleans). */
export function fromSql(t: TableDef, row: Row): Row {
  for (const c of t.columns) if (c.bool) row[c.field] = row[c.field] === 1;
  return row;
}

export function toSqlValue(c: Column, v: unknown): unknown {
  if (c.bool) return v ? 1 : 0;
  return v === undefined ? null : v;
}

/** The table holding each kind of record a file is attached to (attachment_links.ownerKind). */
export const ATTACHMENT_OWNER_TABLE: Record<OwnerKind, DataTable> = OWNER_TABLE;

/** The table holding each kind of record a contract links (contract_links.recordKind). */
export const CONTRACT_LINK_TABLE: Record<(typeof CONTRACT_LINK_KINDS)[number], DataTable> = { document: 'documents', licence: 'licences' };
