// The files a pack may hold (docs/pack-format.md) and the reader's limits. Nothing else is ever
// accepted: an entry name outside this list is refused, whatever else is right about it.
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract';

export const MANIFEST = 'manifest.json';
/** The manifest's minisign signature (minisign.ts). Not listed in the manifest: it signs the manifest. */
export const MANIFEST_SIG = 'manifest.json.minisig';
export const README = 'README.html';
export const REPORT = 'report.md';

/** The data tables, in the order they are written and applied. */
export const DATA_TABLES = [
  'vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'contracts', 'contract_notices', 'exit_costs',
  'access_credentials', 'data_sets', 'infrastructure_items', 'contract_links',
  'templates', 'template_items', 'checklists', 'checklist_items', 'checklist_item_links',
  'attachments', 'attachment_links',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** The spreadsheets: one per record kind, plus the checklist items. */
export const CSV_TABLES = [
  'vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'contracts', 'contract_notices', 'exit_costs',
  'access_credentials', 'data_sets', 'infrastructure_items', 'checklist_items',
] as const satisfies readonly DataTable[];

/**
 * Tables packs made before them lack (contracts, notices and exit costs, issue 11): such a pack has
 * neither their files nor their counts, and still verifies and imports. A pack that counts one has its files.
 */
export const ADDED_TABLES = ['contracts', 'contract_notices', 'exit_costs'] as const satisfies readonly DataTable[];
export const isAddedTable = (t: DataTable): boolean => (ADDED_TABLES as readonly DataTable[]).includes(t);

/**
 * Tables that came with format version 2 (issue 10's registers, and a contract's links to its
 * documents and licences): every version 2 pack has them, no version 1 pack has them. A reader of
 * version 1 refuses a version 2 pack by its version, before it reads anything else.
 */
export const V2_TABLES = ['access_credentials', 'data_sets', 'infrastructure_items', 'contract_links'] as const satisfies readonly DataTable[];
export const isV2Table = (t: DataTable): boolean => (V2_TABLES as readonly DataTable[]).includes(t);

/** The format versions this app reads: the one it writes and those before it. */
export const READABLE_VERSIONS = [1, 2] as const;
export type PackVersion = (typeof READABLE_VERSIONS)[number];

/**
 * The activity log of the workbook that made the pack, with its hash chain (history.ts). Not under
 * data/: it is that workbook's own history, never imported or merged. Optional: packs made before
 * the chain lack it.
 */
export const ACTIVITY = 'history/activity.json';

export const dataJson = (t: DataTable) => `data/${t}.json`;
export const dataCsv = (t: DataTable) => `data/${t}.csv`;

/**
 * Extensions never given to an attachment in a pack: programs and scripts that run when opened,
 * and files a desktop acts on merely by showing the folder (shortcuts, shell commands). Such a
 * file is still in the pack, under its hash alone.
 */
const UNSAFE_EXTENSIONS = new Set([
  'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'msc', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'reg',
  'lnk', 'url', 'scf', 'website', 'desktop', 'gadget', 'inf', 'jar', 'app', 'command', 'sh', 'scpt',
]);
const EXTENSION = /^[a-z0-9]{1,10}$/;

/**
 * The extension an attachment keeps in a pack, from its file name: lower-case, 1–10 letters or
 * digits, not one that runs or acts by itself; null when there is none or it is unsafe (then the
 * name is the hash alone, as in packs of earlier versions).
 */
export function attachmentExtension(fileName: string | undefined): string | null {
  const ext = fileName?.match(/[^./\\]\.([^./\\]+)$/)?.[1]?.toLowerCase();
  return ext !== undefined && EXTENSION.test(ext) && !UNSAFE_EXTENSIONS.has(ext) ? ext : null;
}

/** attachments/<sha256>, with the file's extension when it has a safe one: attachments/<sha256>.pdf. */
export function attachmentName(sha: string, fileName?: string): string {
  const ext = attachmentExtension(fileName);
  return `attachments/${sha}${ext === null ? '' : `.${ext}`}`;
}

const FIXED = new Set<string>([MANIFEST, MANIFEST_SIG, README, REPORT, ACTIVITY, ...DATA_TABLES.map(dataJson), ...CSV_TABLES.map(dataCsv)]);
const ATTACHMENT = /^attachments\/([0-9a-f]{64})(?:\.([a-z0-9]{1,10}))?$/;

/** The hash and extension an attachment's entry name holds, or null when it is not one. */
export function parseAttachmentName(name: string): { sha: string; ext: string | null } | null {
  const m = ATTACHMENT.exec(name);
  if (!m) return null;
  const ext = m[2] ?? null;
  if (ext !== null && UNSAFE_EXTENSIONS.has(ext)) return null;
  return { sha: m[1]!, ext };
}

/** Whether a name is one the format defines (exact, case-sensitive). */
export function isFormatName(name: string): boolean {
  return FIXED.has(name) || parseAttachmentName(name) !== null;
}

export function isAttachmentName(name: string): boolean {
  return parseAttachmentName(name) !== null;
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
}

export const DEFAULT_LIMITS: PackLimits = {
  maxEntries: 250_000,
  maxTotalBytes: 64 * 1024 ** 3,
  // What a workbook takes (shared/contract.ts), so every attachment it holds travels in its packs.
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  maxDataBytes: 1024 ** 3,
  maxManifestBytes: 64 * 1024 ** 2,
};
// No limit on the compression ratio: a blank disk image or a log of one repeated line deflates
// about 1000:1, exactly like a zip bomb, and is an honest file. What stops a bomb is what it has to
// declare: its sizes are held to these limits (and, on import, to the free disk space) before
// anything is read, and reading stops at the first byte beyond the declared size (zip-read.ts).
