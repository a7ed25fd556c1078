// Transition packs (docs/pack-format.md): the inputs of the pack methods and what they
// answer. A pack is exported by a background job (progress and cancel), verified, previewed
// against the open workbook and imported in one transaction.
import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import type { ChainReport } from './activityChain';
import { packProfileInput, type PackProfileSummary } from './pack-profiles';

export const PACK_FORMAT = 'handover-workbook-pack';
/** The format version this app writes (it reads every earlier one too: electron/core/pack/format.ts READABLE_VERSIONS). */
export const PACK_VERSION = 2;

const id = z.uuid({ error: 'must be an id' });
/** A file on this machine: only the desktop face and the CLI may name one (the browser face uploads). */
const localPath = z.string().trim().min(1, { error: 'is required' }).max(4096, { error: 'is too long' })
  .refine((s) => !s.includes('\u0000'), { error: 'must be a file path' });

export const packExportInput = z.strictObject({
  /** The vendors to export; leave out and set `all` for every vendor. */
  vendorIds: z.array(id).min(1, { error: 'name at least one vendor' }).max(10_000).optional(),
  all: z.boolean().optional(),
  /** Include the attached files (default true). */
  attachments: z.boolean().optional(),
  /** Blank repository URLs, secret and key locations and document locations (packs that go outside). */
  redact: z.boolean().optional(),
  /** Who the pack is cut for (shared/pack-profiles.ts; default full). */
  profile: packProfileInput.optional(),
  /** Desktop: the path chosen in the save dialog. Without it the pack goes to a temporary folder (browser face: download it). */
  destination: localPath.optional(),
  /**
   * Encrypt the pack in the age format (it ends in .zip.age) to X25519 recipients (age1…) or to a
   * passphrase, not both (age keeps a passphrase file to that one key). Used for this export only, never stored.
   */
  encryption: z.strictObject({
    recipients: z.array(z.string().trim().regex(/^age1[02-9ac-hj-np-z]{58}$/, { error: 'must be an age public key (age1…)' }))
      .min(1, { error: 'name at least one recipient' }).max(100).optional(),
    passphrase: z.string().min(1, { error: 'is empty' }).max(1024, { error: 'is too long' }).optional(),
  }).refine((o) => (o.recipients !== undefined) !== (o.passphrase !== undefined), { error: 'give either a passphrase or recipients' }).optional(),
}).refine((o) => (o.all === true) !== (o.vendorIds !== undefined), { error: 'give either vendorIds or all: true', path: ['vendorIds'] });
export type PackExportInput = z.input<typeof packExportInput>;

/** Where a pack to read is: a file on this machine (desktop, CLI) or an upload to the browser face. */
const sourceShape = { path: localPath.optional(), upload: id.optional() };
const oneSource = (o: { path?: string | undefined; upload?: string | undefined }) => (o.path === undefined) !== (o.upload === undefined);
const sourceError = { error: 'give either path or upload', path: ['path'] };

/** What opens an encrypted pack: its passphrase and/or the text of an identity file (AGE-SECRET-KEY-1… lines). Never stored. */
const packKeys = z.strictObject({
  passphrase: z.string().min(1, { error: 'is empty' }).max(1024, { error: 'is too long' }).optional(),
  identity: z.string().min(1, { error: 'is empty' }).max(64 * 1024, { error: 'is too long for an identity file' }).optional(),
  /** The identity file by its path (desktop: picked in the open dialog) or as an upload (browser face), read once and not kept. */
  identityPath: localPath.optional(),
  identityUpload: id.optional(),
}).refine((k) => [k.identity, k.identityPath, k.identityUpload].filter((v) => v !== undefined).length <= 1, { error: 'give one identity file', path: ['identity'] });

export const packSourceInput = z.strictObject({ ...sourceShape, keys: packKeys.optional() }).refine(oneSource, sourceError);
export type PackSourceInput = z.input<typeof packSourceInput>;

export const RESOLUTIONS = ['mine', 'theirs'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
/** How conflicts nobody chose for are settled: keep mine, take theirs, or the newer side of each. */
export const DEFAULT_RESOLUTIONS = ['mine', 'theirs', 'newer'] as const;
export type DefaultResolution = (typeof DEFAULT_RESOLUTIONS)[number];

export const packImportInput = z.strictObject({
  ...sourceShape,
  keys: packKeys.optional(),
  /** The choice per conflicting record, by record id. */
  resolutions: z.record(id, z.enum(RESOLUTIONS)).optional(),
  default: z.enum(DEFAULT_RESOLUTIONS).optional(),
}).refine(oneSource, sourceError);
export type PackImportInput = z.input<typeof packImportInput>;

export const packJobInput = z.strictObject({ jobId: id });

/** Forgets an upload, or a finished export job and its temporary pack. */
export const packDiscardInput = z.strictObject({ upload: id.optional(), jobId: id.optional() })
  .refine((o) => (o.upload === undefined) !== (o.jobId === undefined), { error: 'give either upload or jobId', path: ['upload'] });

// ---- results ---------------------------------------------------------------------------------

export interface PackVendorRef {
  id: string;
  name: string;
}

export interface PackExportResult {
  /** The pack's file name (no folder). */
  fileName: string;
  /** Where it was written: the destination given, or a temporary file (browser face: download it). */
  path: string;
  /** Browser face: the route that streams it (add `?token=`), while the app runs. */
  downloadPath: string;
  size: number;
  files: number;
  attachments: number;
  redacted: boolean;
  vendors: PackVendorRef[];
  profile: PackProfileSummary;
}

export type PackJobState = 'running' | 'done' | 'failed' | 'cancelled';

/** The four kinds of long pack work, all run as jobs: start, poll the status, cancel. */
export type PackJobKind = 'export' | 'verify' | 'preview' | 'import';

export interface PackJobResults {
  export: PackExportResult;
  verify: PackVerifyReport;
  preview: ImportPreview;
  import: ImportResult;
}

/** A job's status, told apart by its kind (each kind has its own result). */
export type PackJobStatus = { [K in PackJobKind]: PackJobStatusOf<K> }[PackJobKind];

export interface PackJobStatusOf<K extends PackJobKind> {
  jobId: string;
  kind: K;
  state: PackJobState;
  /** What it is doing now, for the progress line ("Attachments", "Data", …). */
  step: string;
  /** Bytes read so far and the expected total (the total grows a little while data files are written). */
  bytesDone: number;
  bytesTotal: number;
  result: PackJobResults[K] | null;
  error: ApiErrorBody | null;
}

export interface PackCancelResult {
  cancelled: boolean;
  /** Why not: the job had finished, or (an import) its records were already being committed. */
  reason?: 'finished' | 'too late';
}

export interface PackProblem {
  /** The file in the pack the problem is about; null for the pack as a whole. */
  file: string | null;
  message: string;
}

export interface PackSummary {
  format: string;
  version: number;
  appVersion: string;
  createdAt: string;
  createdBy: string;
  workbookId: string;
  vendors: PackVendorRef[];
  redacted: boolean;
  /** Who the pack was cut for (full for packs made before profiles). */
  profile: PackProfileSummary;
  /** Every field the pack leaves out, as "table.field". */
  redactedFields: string[];
  attachmentsIncluded: boolean;
  counts: Record<string, number>;
  files: number;
  bytes: number;
  /** Who signed the manifest and how far its key is trusted; null for a pack that is not signed (earlier versions). */
  signature: PackSignature | null;
}

/**
 * How far a signed pack's key is trusted, from the packs this workbook has seen from the same
 * workbook id: trusted (the key kept for it), first seen (none kept yet), changed (another key).
 */
export type SignerTrust = 'trusted' | 'first-seen' | 'changed';

export interface PackSignature {
  workbookName: string;
  /** The user of the workbook that made it (the manifest's createdBy). */
  user: string;
  /** minisign's key id (16 hex digits). */
  keyId: string;
  /** A short name of the public key (SHA-256, the first 16 bytes in groups of four). */
  fingerprint: string;
  /** The public key as `minisign -P` takes it. */
  publicKey: string;
  /** Null where no workbook is there to compare with (the CLI's verify without --db). */
  trust: SignerTrust | null;
  /** When changed: the fingerprint of the key kept for that workbook. */
  trustedFingerprint: string | null;
}

/** A key this workbook keeps for another workbook's packs (Settings › Signing keys). */
export interface TrustedSigner {
  workbookId: string;
  workbookName: string;
  keyId: string;
  fingerprint: string;
  publicKey: string;
  firstSeen: string;
  lastSeen: string;
}

/** Keep (accept) a workbook's key, as a pack showed it; replaces the one kept before. */
export const signerTrustInput = z.strictObject({
  workbookId: id,
  publicKey: z.string().trim().regex(/^RW[A-Za-z0-9+/]{54}$/, { error: 'must be a minisign public key (the line minisign -P takes)' }),
  workbookName: z.string().trim().max(300, { error: 'is too long' }),
});
export const signerForgetInput = z.strictObject({ workbookId: id });

export interface PackVerifyReport {
  ok: boolean;
  problems: PackProblem[];
  /** What the manifest says, when it could be read. */
  manifest: PackSummary | null;
  /** The check of the activity log the pack carries (history/activity.json); null when it carries none (packs made before the chain). */
  history?: ChainReport | null;
}

/**
 * What importing one record would do:
 * add (new here), update / delete (only the pack changed it since the last exchange),
 * keep (only this workbook changed it), conflict (both did), same (identical).
 */
export type MergeAction = 'add' | 'update' | 'delete' | 'keep' | 'conflict' | 'same';

export interface FieldDifference {
  field: string;
  label: string;
  mine: unknown;
  theirs: unknown;
}

export interface MergeRecord {
  /** The pack's table, e.g. "processes" or "checklist_items". */
  table: string;
  kindLabel: string;
  id: string;
  title: string;
  vendorId: string | null;
  vendorName: string | null;
  action: MergeAction;
  mineUpdatedAt: string | null;
  theirsUpdatedAt: string;
  /** For conflicts: the side taken when nobody chooses (the newer one). */
  suggested: Resolution | null;
  differences: FieldDifference[];
}

export interface MergeSummaryRow {
  table: string;
  kindLabel: string;
  vendorId: string | null;
  vendorName: string | null;
  add: number;
  update: number;
  delete: number;
  keep: number;
  conflict: number;
  same: number;
}

export interface ImportPreview {
  pack: PackSummary;
  /** Rows per table and vendor, in a stable order. */
  summary: MergeSummaryRow[];
  /** The conflicts with the fields that differ (the first MAX_PREVIEW_CONFLICTS; the rest take the default). */
  conflicts: MergeRecord[];
  conflictsTruncated: boolean;
  /** The records that would be added, updated or deleted (the first MAX_PREVIEW_CHANGES). */
  changes: MergeRecord[];
  changesTruncated: boolean;
  attachments: { files: number; bytes: number; newFiles: number; newBytes: number };
  /** Things the import will do that are worth knowing (a reference to a record the pack lacks, …). */
  warnings: string[];
  /** True when this workbook has exchanged packs with the pack's workbook before. */
  knownPeer: boolean;
}

export const MAX_PREVIEW_CHANGES = 2000;
export const MAX_PREVIEW_CONFLICTS = 10_000;

export interface ImportResult {
  added: number;
  updated: number;
  deleted: number;
  kept: number;
  conflicts: { theirs: number; mine: number };
  attachmentsWritten: number;
  warnings: string[];
}

/** `pack.encryption`: whether a pack is encrypted (by its age header, not its name) and what opens it; given keys, whether they do. */
export interface PackEncryption {
  encrypted: boolean;
  /** What opens it (null for a plain pack); 'unknown' for keys of a kind this app does not read. */
  opensWith: 'passphrase' | 'identity' | 'unknown' | null;
  /** With keys: null when they open it, else why not ("the passphrase does not open this pack"). */
  problem: string | null;
}

export interface PackUpload {
  upload: string;
  size: number;
}
