// Spreadsheets in (issue 9): the types and input schemas of the sheet import, shared by the
// backend (electron/core/sheets/), the screens and the CLI. Additive changes only: the screens
// are built against these names.
//
// The flow, for the screens:
// 1. Get the file to the backend. Browser face: POST the bytes to /upload?token=… (the pack
//    upload route) as Content-Type application/octet-stream, and keep the `upload` id it answers. Desktop: the path from the open dialog
//    or the dropped file. Pasted cells (copied from Excel: tab-separated) go as `text`.
//    With the file's own name in `fileName` (the activity entry names it).
// 2. `sheets.inspect` {source, kind, sheet?, headerRow?} → SheetInspection: the sheets of an XLSX
//    (pick one and call again with `sheet`), the header row found (or the one given), every column
//    with its header and a few sample values, the known tool's format it recognised, the fields of
//    the kind (label, control, allowed values) and a mapping to start from: the one remembered for
//    this source when there is one (`remembered`), else guessed from the headers and synonyms.
// 3. The user edits the mapping (column → field, value maps for choice fields, date order, key).
// 4. Dry run: `sheets.startPreview` {source, kind, mapping, ...} → {jobId}; poll
//    `sheets.jobStatus` {jobId} (step, rowsDone/rowsTotal) until `state` is done, read its
//    `result` (SheetPreview): counts, every refused cell {row, column, field, message}, each row's
//    outcome (first MAX_PREVIEW_ROWS), choice values it could not match (offer a picker, put the
//    answers in mapping.values), people it could not find (offer to create: mapping.createPeople),
//    and `needsDateOrder` when day and month cannot be told apart (ask, set mapping.dateOrder).
//    `sheets.cancel` {jobId} stops it. `sheets.preview` is the same in one call (CLI, tests).
// 5. `sheets.apply` with the same input: one transaction, one activity entry naming the file and
//    its SHA-256, undoable as a whole (Edit › Undo / history.undo). It re-checks every row: if any
//    row is refused it writes nothing and answers `applied: false` with the refusals.
//    The mapping is remembered for the source (its header set) on apply.
// 6. `sheets.template` {kind, format} → a blank sheet with the headers and allowed values:
//    written to `destination` when given; else on the desktop to the file picked in a save dialog
//    (`path`, '' when cancelled); else (browser face) nothing is written and `downloadPath` is the
//    route that answers it (GET, add `?token=`).
//    `sheets.mappings` lists the remembered mappings; `sheets.forgetMapping` {id} drops one.
import { z } from 'zod';
import type { RecordKind } from './records';

/** The kinds a sheet can hold, as the CLI names them (`--kind`). */
export const SHEET_KINDS = ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'access', 'data-sets', 'infrastructure', 'contracts', 'exit-costs'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const SHEET_KIND_RECORD: Record<SheetKind, RecordKind> = {
  vendors: 'vendor',
  people: 'person',
  processes: 'process',
  repositories: 'repository',
  licences: 'licence',
  documents: 'document',
  access: 'access',
  'data-sets': 'dataset',
  infrastructure: 'infrastructure',
  contracts: 'contract',
  'exit-costs': 'cost',
};

export const SHEET_FORMATS = ['csv', 'xlsx', 'pasted'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export const DATE_ORDERS = ['ymd', 'dmy', 'mdy'] as const;
/** How to read a date such as 03/04/2026: d/m/y (3 April) or m/d/y (4 March); ymd is ISO only. */
export type DateOrder = (typeof DATE_ORDERS)[number];

// ---- limits (the backend refuses past them, naming the row and column) ----------------------

/** A cell longer than this (in UTF-8 bytes) is refused. */
export const MAX_CELL_BYTES = 32 * 1024;
/** Data rows in one sheet at most. */
export const MAX_SHEET_ROWS = 1_000_000;
/** Columns in one sheet at most. */
export const MAX_SHEET_COLUMNS = 200;
/** Pasted text at most (characters); larger sheets come as a file. */
export const MAX_PASTED_CHARS = 5_000_000;
/** Rows whose outcome the preview lists (the counts and the refusals are always complete). */
export const MAX_PREVIEW_ROWS = 2000;
/** Refused cells the preview lists at most. */
export const MAX_PREVIEW_REFUSALS = 10_000;
/** Sample values per column in the inspection. */
export const SAMPLES_PER_COLUMN = 5;
/** Cells fixed by hand in the preview (mapping.overrides) at most. */
export const MAX_CELL_OVERRIDES = 1000;
/** A value typed into a refused cell at most (characters). */
export const MAX_OVERRIDE_CHARS = 1000;

// ---- inputs ----------------------------------------------------------------------------------

const uuid = z.uuid({ error: 'must be an id' });
const localPath = z.string().trim().min(1, { error: 'is required' }).max(4096, { error: 'is too long' })
  .refine((s) => !s.includes('\u0000'), { error: 'must be a file path' });

/** Where the sheet is: a file on this machine (desktop, CLI), an upload (browser face) or pasted cells. */
export const sheetSource = z.strictObject({
  path: localPath.optional(),
  upload: uuid.optional(),
  text: z.string().max(MAX_PASTED_CHARS, { error: `is too long (${MAX_PASTED_CHARS.toLocaleString('en')} characters at most); save it as a file` }).optional(),
  /** The file's own name (uploads and the activity entry); default: the path's base name, or "pasted cells". */
  fileName: z.string().trim().min(1).max(255).optional(),
}).refine((s) => [s.path, s.upload, s.text].filter((x) => x !== undefined).length === 1, { error: 'give one of path, upload or text', path: ['path'] });
export type SheetSource = z.input<typeof sheetSource>;

const fieldName = z.string().min(1).max(64);
const headerName = z.string().max(300);

export const sheetMapping = z.strictObject({
  /** Which field each column fills, by header text; a column left out (or null) is ignored. */
  columns: z.record(headerName, fieldName.nullable()),
  /** Choice fields: the sheet's value (as written) → the field's value, for values not matched by themselves. */
  values: z.record(fieldName, z.record(z.string().max(300), z.string().max(64))).optional(),
  /** How to read dates like 03/04/2026; needed only when the sheet does not tell (see SheetPreview.needsDateOrder). */
  dateOrder: z.enum(DATE_ORDERS).optional(),
  /** The field rows are matched on for re-import: 'id' (an id column), or a natural key such as 'name' (within the vendor). Default: id when mapped, else the title field. */
  key: fieldName.optional(),
  /** Create the people the sheet names that the workbook does not have (side in-house; vendor people for owner fields). */
  createPeople: z.boolean().optional(),
  /** Cells fixed by hand in the preview: read in place of the sheet's value (row as the sheet numbers it, column by header text). Never remembered. */
  overrides: z.array(z.strictObject({
    row: z.number().int().min(1).max(MAX_SHEET_ROWS + 1000),
    column: headerName,
    value: z.string().max(MAX_OVERRIDE_CHARS, { error: `is too long (${MAX_OVERRIDE_CHARS} characters at most)` }),
  })).max(MAX_CELL_OVERRIDES, { error: `fix at most ${MAX_CELL_OVERRIDES} cells by hand; correct the sheet itself and import it again` }).optional(),
});
export type SheetMapping = z.input<typeof sheetMapping>;

const sheetShape = {
  source: sheetSource,
  kind: z.enum(SHEET_KINDS),
  /** XLSX: the sheet's name (default: the first). */
  sheet: z.string().max(100).optional(),
  /** 1-based row of the headers (default: found: the first row with mostly text cells). */
  headerRow: z.number().int().min(1).max(1000).optional(),
  /** Inventory kinds: the vendor rows belong to when the sheet has no vendor column (name or id). */
  vendor: z.string().trim().min(1).max(300).optional(),
};

export const sheetInspectInput = z.strictObject(sheetShape);
export type SheetInspectInput = z.input<typeof sheetInspectInput>;

export const sheetRunInput = z.strictObject({ ...sheetShape, mapping: sheetMapping });
export type SheetRunInput = z.input<typeof sheetRunInput>;

export const sheetJobInput = z.strictObject({ jobId: uuid });

export const sheetTemplateInput = z.strictObject({
  kind: z.enum(SHEET_KINDS),
  format: z.enum(['csv', 'xlsx']),
  /** Where to write it. Without it: the desktop's save dialog, or the browser face's download route. */
  destination: localPath.optional(),
});
export type SheetTemplateInput = z.input<typeof sheetTemplateInput>;

export const sheetForgetMappingInput = z.strictObject({ id: uuid });

// ---- results ---------------------------------------------------------------------------------

export interface SheetColumn {
  /** 0-based position in the row. */
  index: number;
  /** Spreadsheet letter (A, B, … AA) as the refusals name it. */
  letter: string;
  header: string;
  samples: string[];
}

export interface SheetFieldInfo {
  field: string;
  label: string;
  control: string;
  /** Choice fields: the allowed values. */
  options?: readonly string[];
  required: boolean;
}

export interface KnownFormat {
  /** 'snipe-it' | 'glpi' | 'itop'. */
  tool: string;
  /** What the export holds, e.g. "Software licences". */
  table: string;
  label: string;
}

export interface SheetInspection {
  fileName: string;
  sha256: string;
  format: SheetFormat;
  /** CSV: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string | null;
  /** CSV: the delimiter found. */
  delimiter: string | null;
  /** XLSX: every sheet's name; CSV: one. */
  sheets: string[];
  sheet: string;
  /** 1-based. */
  headerRow: number;
  /** Data rows below the header (empty rows not counted). */
  rowCount: number;
  columns: SheetColumn[];
  knownFormat: KnownFormat | null;
  fields: SheetFieldInfo[];
  /** The mapping to start from: remembered for this source, else the known format's, else guessed. */
  mapping: SheetMapping;
  /** The remembered mapping used, when there is one. */
  rememberedId: string | null;
  /** A stable key of the source (kind + header set): what a mapping is remembered under. */
  sourceKey: string;
}

export type SheetRowAction = 'add' | 'update' | 'unchanged' | 'refused';

export interface SheetRefusal {
  /** 1-based row number in the sheet (as the spreadsheet shows it); 0 for the sheet as a whole. */
  row: number;
  /** The column's letter and header, e.g. "C (Criticality)"; '' for a whole row. */
  column: string;
  field: string;
  message: string;
}

export interface SheetRowOutcome {
  row: number;
  action: SheetRowAction;
  /** The matched record (updates, unchanged). */
  recordId: string | null;
  title: string;
  /** Updates: the fields that change. */
  changed: string[];
}

export interface UnmatchedValues {
  field: string;
  column: string;
  /** Each value once, with how many rows hold it. */
  values: { value: string; rows: number }[];
}

export interface MissingPerson {
  /** As the sheet writes it (a name or an e-mail). */
  ref: string;
  rows: number;
}

export interface SheetPreview {
  fileName: string;
  sha256: string;
  added: number;
  updated: number;
  unchanged: number;
  refused: SheetRefusal[];
  refusedTruncated: boolean;
  /** Rows refused (a row with two bad cells counts once). */
  refusedRows: number;
  rows: SheetRowOutcome[];
  rowsTruncated: boolean;
  unmatched: UnmatchedValues[];
  missingPeople: MissingPerson[];
  /** True when a date column holds only dates like 03/04/2026 and no mapping.dateOrder was given. */
  needsDateOrder: boolean;
  /** People the apply would create (mapping.createPeople). */
  peopleToCreate: number;
  /** The key rows were matched on. */
  key: string;
}

export interface SheetApplyResult {
  applied: boolean;
  added: number;
  updated: number;
  unchanged: number;
  refused: SheetRefusal[];
  peopleCreated: number;
  fileName: string;
  sha256: string;
  /** The activity entry of the import (null when nothing was applied). */
  activityId: string | null;
}

export type SheetJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface SheetJobStatus {
  jobId: string;
  /** A dry run (sheets.startPreview) or an apply (sheets.startApply). */
  kind: 'preview' | 'apply';
  state: SheetJobState;
  step: string;
  /** Rows checked, or records written, so far. */
  rowsDone: number;
  /** 0 until the sheet has been read. */
  rowsTotal: number;
  /** A finished dry run's preview. */
  result: SheetPreview | null;
  /** A finished apply's outcome. */
  applied: SheetApplyResult | null;
  error: { code: string; message: string; issues?: { field: string; message: string }[] } | null;
}

export interface SheetTemplateResult {
  fileName: string;
  path: string;
  /** Browser face: the route that streams it (add `?token=`). */
  downloadPath: string;
}

export interface RememberedMapping {
  id: string;
  kind: SheetKind;
  sourceKey: string;
  /** The file it was last used for. */
  fileName: string;
  headers: string[];
  mapping: SheetMapping;
  updatedAt: string;
}
