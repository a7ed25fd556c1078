// The files a v1 pack may hold (docs/pack-format.md) and the reader's limits. Nothing else is ever
// accepted: an entry name outside this list is refused, whatever else is right about it.

export const MANIFEST = 'manifest.json';
export const README = 'README.html';
export const REPORT = 'report.md';

/** The data tables, in the order they are written and applied. */
export const DATA_TABLES = [
  'vendors', 'people', 'processes', 'repositories', 'licences', 'documents',
  'templates', 'template_items', 'checklists', 'checklist_items', 'checklist_item_links',
  'attachments', 'attachment_links',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** The spreadsheets: one per record kind, plus the checklist items. */
export const CSV_TABLES = ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'checklist_items'] as const satisfies readonly DataTable[];

export const dataJson = (t: DataTable) => `data/${t}.json`;
export const dataCsv = (t: DataTable) => `data/${t}.csv`;
export const attachmentName = (sha: string) => `attachments/${sha}`;

const FIXED = new Set<string>([MANIFEST, README, REPORT, ...DATA_TABLES.map(dataJson), ...CSV_TABLES.map(dataCsv)]);
const ATTACHMENT = /^attachments\/[0-9a-f]{64}$/;

/** Whether a name is one the format defines (exact, case-sensitive). */
export function isFormatName(name: string): boolean {
  return FIXED.has(name) || ATTACHMENT.test(name);
}

export function isAttachmentName(name: string): boolean {
  return ATTACHMENT.test(name);
}

/** The reader's limits; tests shrink them to prove each one holds. */
export interface PackLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one attachment. */
  maxAttachmentBytes: number;
  /** Uncompressed bytes of one data file, report or README. */
  maxDataBytes: number;
  maxManifestBytes: number;
  /** Largest uncompressed : compressed ratio of one entry (checked for entries over ratioFloorBytes). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: PackLimits = {
  maxEntries: 250_000,
  maxTotalBytes: 64 * 1024 ** 3,
  maxAttachmentBytes: 512 * 1024 ** 2,
  maxDataBytes: 1024 ** 3,
  maxManifestBytes: 64 * 1024 ** 2,
  // Text deflates 3–20×, highly repetitive logs up to ~100×; a zip bomb needs hundreds to a thousand.
  maxRatio: 250,
  ratioFloorBytes: 1024 * 1024,
};
