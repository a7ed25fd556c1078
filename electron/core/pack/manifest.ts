// manifest.json: what the pack is and, for every other file, its path, size and SHA-256. The
// schema is strict: a manifest with a field too many or a value out of its range is refused.
import { z } from 'zod';
import { malformedText } from '../../../shared/text';
import { PACK_FORMAT, PACK_VERSION, type PackProblem, type PackSummary } from '../../../shared/packs';
import { PROFILE_KINDS, PROFILE_NAMES } from '../../../shared/pack-profiles';
import { DATA_TABLES, MANIFEST, MANIFEST_SIG, READABLE_VERSIONS, V2_TABLES, isAddedTable, isFormatName, isV2Table, type DataTable } from './format';
import { historyFieldSchema } from './history';
import { signatureSummary } from './manifestSignature';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = z.string().regex(TIMESTAMP, { error: 'must be an ISO timestamp' });
const count = z.number().int().min(0);

/** What a workbook knows of a pack it imported from another workbook (see merge.ts). */
export const receivedSchema = z.strictObject({
  workbookId: z.uuid(),
  /** The other workbook's clock: when it made the pack. */
  packCreatedAt: timestamp,
  /** The other workbook's activity sequence number when it made the pack. */
  activitySeq: count,
  /** This workbook's clock: when it imported the pack. */
  importedAt: timestamp,
});
export type Received = z.infer<typeof receivedSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(50) }),
  createdAt: timestamp,
  createdBy: z.string().max(300),
  workbookId: z.uuid(),
  scope: z.enum(['all', 'vendors']),
  vendors: z.array(z.strictObject({ id: z.uuid(), name: z.string().max(300) })).max(100_000),
  redacted: z.boolean(),
  /** Every withheld field as "table.field" (redaction profiles withhold more than the 4 of earlier packs). */
  redactedFields: z.array(z.string().max(100).regex(/^[a-z_]+\.[A-Za-z]+$/, { error: 'must be table.field' })).max(500),
  /** Who the pack was cut for (shared/pack-profiles.ts); absent in packs made before profiles, which are full. */
  profile: z.strictObject({
    name: z.enum(PROFILE_NAMES),
    person: z.strictObject({ id: z.uuid(), name: z.string().max(300) }).optional(),
    tables: z.array(z.enum(PROFILE_KINDS)).max(PROFILE_KINDS.length).optional(),
  }).optional(),
  attachmentsIncluded: z.boolean(),
  /**
   * Rows in each data/<table>.json, tombstones included; packs made before contracts (format.ts
   * ADDED_TABLES) count none of them; version 1 packs none of V2_TABLES, version 2 packs all of them (checked below).
   */
  counts: z.strictObject(Object.fromEntries(DATA_TABLES.map((t) => [t, isAddedTable(t) || isV2Table(t) ? count.optional() : count])) as Record<DataTable, typeof count>),
  sync: z.strictObject({ activitySeq: count, received: z.array(receivedSchema).max(10_000) }),
  /** The activity log the pack carries in history/activity.json (history.ts); absent in packs made before the chain. */
  history: historyFieldSchema.optional(),
  /** The key manifest.json.minisig was made with (absent in unsigned packs, those of earlier versions). */
  signer: z.strictObject({
    workbookName: z.string().max(300),
    /** As minisign prints it. */
    keyId: z.string().regex(/^[0-9A-F]{16}$/, { error: 'must be 16 upper-case hex digits' }),
    /** The line `minisign -P` takes. */
    publicKey: z.string().regex(/^RW[A-Za-z0-9+/]{54}$/, { error: 'must be a minisign public key' }),
  }).optional(),
  files: z.array(z.strictObject({
    path: z.string().max(300).refine((p) => isFormatName(p) && p !== MANIFEST && p !== MANIFEST_SIG, { error: 'is not a file of the pack format' }),
    size: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in lowercase hex' }),
  })).max(1_000_000),
}).superRefine((m, ctx) => {
  // The tables of version 2 are in every version 2 pack and in no version 1 pack: one without them is damaged, not older.
  for (const t of V2_TABLES) {
    const counted = m.counts[t] !== undefined;
    if (m.version >= 2 && !counted) ctx.addIssue({ code: 'custom', path: ['counts', t], message: `is missing: a version ${m.version} pack counts the ${t} it holds` });
    if (m.version < 2 && counted) ctx.addIssue({ code: 'custom', path: ['counts', t], message: `is not a table of version ${m.version} packs (it came with version 2)` });
  }
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Parses manifest.json; problems name the field. The format and version are checked first, with their own words. */
export function parseManifest(text: string): { manifest: Manifest } | { problems: PackProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [{ file: MANIFEST, message: `is not valid JSON: ${(e as Error).message}` }] };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { problems: [{ file: MANIFEST, message: 'is not a JSON object' }] };
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== PACK_FORMAT) {
    return { problems: [{ file: MANIFEST, message: `is not a Handover Workbook pack manifest (format is ${JSON.stringify(format)?.slice(0, 80) ?? 'missing'}, expected "${PACK_FORMAT}")` }] };
  }
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(version)) {
    // The words readers of version 1 already say of a newer pack (they check nothing else first), kept so.
    const newer = typeof version === 'number' && version > PACK_VERSION;
    const reads = `this app reads versions ${READABLE_VERSIONS.join(' and ')}`;
    return { problems: [{ file: MANIFEST, message: newer
      ? `is format version ${version}, made by a newer app; ${reads}: update Handover Workbook to read it`
      : `has format version ${JSON.stringify(version)?.slice(0, 40) ?? 'missing'}; ${reads}` }] };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 50).map((i) => ({
        file: MANIFEST,
        message: `${i.path.map(String).join('.') || '(top level)'}: ${i.code === 'unrecognized_keys' ? `has unknown field(s) ${i.keys.join(', ')}` : i.message}`,
      })),
    };
  }
  // Its names (who made it, the vendors) go into this workbook's activity log: a lone surrogate
  // would be stored as bytes that are not UTF-8 and read back as something else.
  const malformed = malformedText(parsed.data);
  if (malformed) return { problems: [{ file: MANIFEST, message: `${malformed.field}: ${malformed.message}` }] };
  return { manifest: parsed.data };
}

export function summarise(m: Manifest): PackSummary {
  return {
    format: m.format, version: m.version, appVersion: m.app.version, createdAt: m.createdAt, createdBy: m.createdBy, workbookId: m.workbookId,
    vendors: m.vendors, redacted: m.redacted, profile: m.profile ?? { name: 'full' }, redactedFields: m.redactedFields, attachmentsIncluded: m.attachmentsIncluded, counts: m.counts, files: m.files.length,
    bytes: m.files.reduce((s, f) => s + f.size, 0), signature: signatureSummary(m),
  };
}
