// Merging a verified pack into the open workbook: what each record would become, per kind and
// vendor, and which records conflict. Records match by their stable id; attachments by their
// SHA-256, links and built-in templates by what they connect (their natural key), so the same
// file or link made on both sides never doubles.
//
// The rule (docs/pack-format.md, "Merging"). For a record present on both sides whose content
// differs (all fields but the id and timestamps; a redacted pack's blanked fields are ignored):
//   - "mine changed" when this workbook changed it since its last exchange with the pack's
//     workbook: the activity log has an entry for it since then (sequence numbers, no clocks), or
//     its updated_at is later than both that exchange and every timestamp the exchanged pack
//     brought (changes that leave no log entry, with the other machine's clock ahead accounted
//     for); "theirs changed" when the pack's updated_at is later than the other side's last
//     exchange with this workbook;
//   - only theirs changed → update (or delete, for a tombstone); only mine changed → keep mine;
//     both changed → conflict, resolved by the user, by default towards the later updated_at.
// The last exchange is known from this workbook's record of packs it imported (settings
// "pack_peer:<workbook id>") and from the pack's own record of this workbook's packs
// (manifest.sync.received). Without any exchange yet, every difference is a conflict.
// Clock skew between the two machines can only turn an update into a conflict, never lose a change.
import { fieldMeta, type RecordKind } from '../../../shared/records';
import { BUILTIN_TEMPLATES } from '../../../shared/templates';
import { AUDITOR_INTENT, profileLabel, withheldWords } from '../../../shared/pack-profiles';
import {
  MAX_PREVIEW_CHANGES, MAX_PREVIEW_CONFLICTS, type DefaultResolution, type FieldDifference, type ImportPreview, type MergeAction, type MergeRecord, type MergeSummaryRow,
  type PackProblem, type Resolution,
} from '../../../shared/packs';
import { loggedAfter } from '../store/activity';
import { attachmentBySha, attachmentLink, liveAttachmentWithSha, type OwnerKind } from '../store/attachments';
import type { Db } from '../store/open';
import { contractLinkId, itemLinkId, rowById, rowExists } from '../store/packRows';
import { getSetting } from '../store/settings';
import { builtinTemplateCopyId, builtinTemplateRows } from '../store/templates';
import { vendorName as storedVendorName } from '../store/vendors';
import { DATA_TABLES, dataJson, type DataTable } from './format';
import type { Inspection } from './inspect';
import { summarise, type Manifest } from './manifest';
import { ATTACHMENT_OWNER_TABLE, builtinTemplateId, CONTRACT_LINK_TABLE, fieldsOf, fromSql, REDACTED_FIELDS, TABLES, type Row, type TableDef } from './tables';

export interface PeerState {
  /** The other workbook's clock: when it made the last pack imported here. */
  packCreatedAt: string;
  /** Its activity sequence number then. */
  activitySeq: number;
  /** This workbook's clock and activity sequence number right after that import. */
  importedAt: string;
  localSeq: number;
  /** The latest updated_at among that pack's records (the other machine's clock). */
  maxUpdatedAt?: string;
  /**
   * Records whose version here was kept against the other side's (a conflict resolved "mine", or
   * a change made only here): they still count as changed here until the two sides agree again.
   */
  kept?: string[];
}

export const peerKey = (workbookId: string) => `pack_peer:${workbookId}`;

export function readPeer(db: Db, workbookId: string): PeerState | null {
  const raw = getSetting(db, peerKey(workbookId));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as PeerState;
    return typeof v.packCreatedAt === 'string' && typeof v.importedAt === 'string' && Number.isInteger(v.localSeq) ? v : null;
  } catch {
    return null;
  }
}

export interface PlannedRow {
  table: DataTable;
  /** The pack's row with its id and references translated to this workbook's ids. */
  theirs: Row;
  /** The id in the pack (what resolutions are keyed by). */
  packId: string;
  mine: Row | null;
  action: MergeAction;
  suggested: Resolution | null;
}

export interface MergePlan {
  preview: ImportPreview;
  /** This workbook's ids of every record the pack holds (to update the kept list, see PeerState). */
  packIds: Set<string>;
  /** The kept list before this import. */
  kept: Set<string>;
  /** Every row that is not "same", in the order to apply. */
  rows: PlannedRow[];
  problems: PackProblem[];
}

interface SyncPoints {
  /** This workbook's side of the last exchange (its clock and activity sequence). */
  mine: { at: string; seq: number } | null;
  /** The other workbook's side (its clock). */
  theirs: string | null;
  kept: Set<string>;
}

function syncPoints(db: Db, manifest: Manifest): SyncPoints {
  const me = getSetting(db, 'workbook_id') ?? '';
  const stored = readPeer(db, manifest.workbookId);
  const receipt = manifest.sync.received.find((r) => r.workbookId === me);
  let mine: SyncPoints['mine'] = null;
  if (stored) {
    // Records that import brought carry the other machine's timestamps: nothing up to the latest
    // of them counts as a change here.
    const at = stored.maxUpdatedAt && stored.maxUpdatedAt > stored.importedAt ? stored.maxUpdatedAt : stored.importedAt;
    mine = { at, seq: stored.localSeq };
  }
  // The other side imported one of our packs: our state as of that pack is merged over there.
  if (receipt && (!mine || receipt.activitySeq > mine.seq)) mine = { at: receipt.packCreatedAt, seq: receipt.activitySeq };
  let theirs: string | null = stored?.packCreatedAt ?? null;
  if (receipt && (theirs === null || receipt.importedAt > theirs)) theirs = receipt.importedAt;
  return { mine, theirs, kept: new Set(stored?.kept ?? []) };
}

const STAMPS = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt']);

/**
 * The fields a pack withholds, per table: those its manifest lists ("table.field": a redaction
 * profile's, shared/pack-profiles.ts) and, in a redacted pack, the table's blanked ones (packs of
 * every version list those too). They neither count as a difference nor overwrite this workbook's value.
 */
export function withheldFields(manifest: Manifest): Map<DataTable, Set<string>> {
  const out = new Map<DataTable, Set<string>>(DATA_TABLES.map((t) => [t, new Set(manifest.redacted ? TABLES[t].redact : [])]));
  for (const key of manifest.redactedFields) {
    const [table, field] = key.split('.') as [string, string];
    const set = out.get(table as DataTable);
    if (set && fieldsOf(TABLES[table as DataTable]).includes(field) && !STAMPS.has(field)) set.add(field);
  }
  return out;
}

function comparable(t: TableDef, withheld: ReadonlySet<string>): string[] {
  return fieldsOf(t).filter((f) => !STAMPS.has(f) && !withheld.has(f));
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

function labelOf(t: TableDef, field: string): string {
  if (t.kind) {
    try {
      return fieldMeta(t.kind as RecordKind, field).label;
    } catch {
      // fall through: a stamp or a field without words
    }
  }
  return field === 'deletedAt' ? 'Deleted' : field;
}

function differences(t: TableDef, mine: Row, theirs: Row, withheld: ReadonlySet<string>): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const f of comparable(t, withheld)) {
    if (!same(mine[f], theirs[f])) out.push({ field: f, label: labelOf(t, f), mine: mine[f] ?? null, theirs: theirs[f] ?? null });
  }
  if (Boolean(mine.deletedAt) !== Boolean(theirs.deletedAt)) out.push({ field: 'deletedAt', label: 'Deleted', mine: mine.deletedAt ?? null, theirs: theirs.deletedAt ?? null });
  return out;
}

/** The ids the activity log files a row's changes under: its own, or its owner's for links. */
function logIds(table: DataTable, row: Row): string[] {
  if (table === 'attachment_links') return [row.id as string, row.ownerId as string];
  if (table === 'checklist_item_links') return [row.id as string, row.itemId as string];
  // A contract's links are logged under the contract (services/contractLinks.ts).
  if (table === 'contract_links') return [row.id as string, row.contractId as string];
  return [row.id as string];
}

/** The latest updated_at among a pack's records. */
export function latestStamp(inspection: Inspection): string {
  let max = '';
  for (const rows of inspection.rows.values()) for (const r of rows) if (String(r.updatedAt) > max) max = String(r.updatedAt);
  return max;
}

export function planMerge(db: Db, inspection: Inspection): MergePlan {
  const manifest = inspection.manifest!;
  const withheld = withheldFields(manifest);
  const problems: PackProblem[] = [];
  const warnings: string[] = [];
  const sync = syncPoints(db, manifest);
  const rowsOf = (t: DataTable) => inspection.rows.get(t) ?? [];

  // Pack id → local id, for rows matched by their natural key rather than their id.
  const idMap = new Map<string, string>();
  const mapId = (id: unknown) => (typeof id === 'string' ? (idMap.get(id) ?? id) : id);
  // Ids that will exist once the import is applied: in the pack, or here already.
  const inPack = new Map<DataTable, Set<string>>(DATA_TABLES.map((t) => [t, new Set<string>()]));
  const skipped = new Set<string>();

  // Built-in templates: the pack's id for each (see builtinTemplateId) → this workbook's copy.
  for (const t of builtinTemplateRows(db)) {
    idMap.set(builtinTemplateId(t.builtin), t.id);
  }
  // A template row that says it is built in (not something our exporter writes) never replaces ours.
  const builtinTemplates = new Set<string>();
  for (const r of rowsOf('templates')) {
    if (r.builtin) {
      const local = builtinTemplateCopyId(db, r.builtin as string);
      if (local) {
        idMap.set(r.id as string, local);
        builtinTemplates.add(r.id as string);
      }
    }
  }
  for (const r of rowsOf('attachments')) {
    const local = attachmentBySha(db, r.sha256 as string)?.id;
    if (local) idMap.set(r.id as string, local);
    // A live attachment whose file is neither in the pack nor here cannot be imported.
    const hasFile = inspection.attachments.has(r.sha256 as string)
      || liveAttachmentWithSha(db, r.sha256 as string);
    if (r.deletedAt === null && !hasFile) skipped.add(r.id as string);
  }
  if (skipped.size) warnings.push(`${skipped.size} attached file(s) are described but not included in the pack; they and their links are left out.`);
  for (const r of rowsOf('attachment_links')) {
    const local = attachmentLink(db, r.ownerKind as OwnerKind, r.ownerId as string, mapId(r.attachmentId) as string)?.id;
    if (local) idMap.set(r.id as string, local);
    if (skipped.has(r.attachmentId as string)) skipped.add(r.id as string);
  }
  for (const r of rowsOf('checklist_item_links')) {
    const local = itemLinkId(db, r.itemId as string, r.recordKind as string, r.recordId as string);
    if (local) idMap.set(r.id as string, local);
  }
  for (const r of rowsOf('contract_links')) {
    const local = contractLinkId(db, r.contractId as string, r.recordKind as string, r.recordId as string);
    if (local) idMap.set(r.id as string, local);
  }
  for (const t of DATA_TABLES) for (const r of rowsOf(t)) if (!skipped.has(r.id as string)) inPack.get(t)!.add(mapId(r.id) as string);

  const vendorNames = new Map<string, string>(manifest.vendors.map((v) => [v.id, v.name]));
  for (const r of rowsOf('vendors')) vendorNames.set(r.id as string, r.name as string);
  const vendorName = (id: string | null) => {
    if (!id) return null;
    if (!vendorNames.has(id)) vendorNames.set(id, storedVendorName(db, id) ?? id);
    return vendorNames.get(id)!;
  };

  const packContractVendor = new Map(rowsOf('contracts').map((r) => [mapId(r.id) as string, r.vendorId]));
  /** The vendor of a row of the pack (once imported) or of this workbook, by id; undefined when neither has it. */
  const packVendors = new Map<DataTable, Map<string, unknown>>();
  const vendorOf = (table: DataTable, id: string): unknown => {
    let known = packVendors.get(table);
    if (!known) packVendors.set(table, (known = new Map(rowsOf(table).map((r) => [mapId(r.id) as string, r.vendorId]))));
    return known.has(id) ? known.get(id) : rowById(db, TABLES[table], id)?.vendorId;
  };
  // A checklist item that a pack of earlier builds adds without its register (tables.ts addedLater)
  // gets the register of the built-in template item it came from, recognised by its checklist's
  // template, its phase and its title as migration 10 recognised them; any other item has none.
  const builtinKeys = new Map(builtinTemplateRows(db).map((t) => [t.id, t.builtin]));
  const packChecklistTemplates = new Map(rowsOf('checklists').map((r) => [mapId(r.id) as string, mapId(r.templateId)]));
  const builtinRegister = (item: Row): string | null => {
    const checklistId = item.checklistId as string;
    const templateId = packChecklistTemplates.has(checklistId) ? packChecklistTemplates.get(checklistId) : rowById(db, TABLES.checklists, checklistId)?.templateId;
    const template = BUILTIN_TEMPLATES.find((t) => t.key === builtinKeys.get(templateId as string));
    return template?.items.find((i) => i.phase === item.phase && i.title === item.title)?.register ?? null;
  };
  const exists = (table: DataTable, id: string) =>
    inPack.get(table)!.has(id) || rowExists(db, TABLES[table], id);

  const planned: PlannedRow[] = [];
  const summary = new Map<string, MergeSummaryRow>();
  const conflicts: MergeRecord[] = [];
  const changes: MergeRecord[] = [];
  let changeCount = 0;
  let conflictCount = 0;
  const cleared = new Map<string, number>();

  for (const table of DATA_TABLES) {
    const t = TABLES[table];
    for (const packRow of rowsOf(table)) {
      const packId = packRow.id as string;
      if (skipped.has(packId)) continue;
      // Built-in templates are the app's own: each workbook keeps its copy.
      if (table === 'templates' && builtinTemplates.has(packId)) continue;
      if (table === 'template_items' && builtinTemplates.has(packRow.templateId as string)) continue;
      const theirs: Row = { ...packRow, id: mapId(packId) };
      for (const ref of t.refs) {
        const target = theirs[ref.field];
        if (typeof target !== 'string') continue;
        const mapped = mapId(target) as string;
        theirs[ref.field] = mapped;
        if (!exists(ref.table, mapped)) {
          if (ref.required) {
            problems.push({ file: dataJson(table), message: `record ${packId}: ${ref.field} refers to ${TABLES[ref.table].label.one.toLowerCase()} ${target}, which is neither in the pack nor in this workbook` });
          } else {
            theirs[ref.field] = null;
            const key = `${t.label.many}: ${ref.field}`;
            cleared.set(key, (cleared.get(key) ?? 0) + 1);
          }
        }
      }
      if (table === 'attachment_links') {
        const owner = ATTACHMENT_OWNER_TABLE[theirs.ownerKind as keyof typeof ATTACHMENT_OWNER_TABLE];
        if (!exists(owner, theirs.ownerId as string)) {
          problems.push({ file: dataJson(table), message: `record ${packId}: ownerId refers to ${TABLES[owner].label.one.toLowerCase()} ${String(theirs.ownerId)}, which is neither in the pack nor in this workbook` });
        }
      }
      if (table === 'contract_links') {
        const target = CONTRACT_LINK_TABLE[theirs.recordKind as keyof typeof CONTRACT_LINK_TABLE];
        if (!exists(target, theirs.recordId as string)) {
          problems.push({ file: dataJson(table), message: `record ${packId}: recordId refers to ${TABLES[target].label.one.toLowerCase()} ${String(theirs.recordId)}, which is neither in the pack nor in this workbook` });
        } else {
          // A contract covers its own vendor's records only (as services/contractLinks.ts holds it when one is linked by hand).
          const contractVendor = vendorOf('contracts', theirs.contractId as string);
          const recordVendor = vendorOf(target, theirs.recordId as string);
          if (contractVendor !== undefined && recordVendor !== undefined && contractVendor !== recordVendor) {
            problems.push({ file: dataJson(table), message: `record ${packId}: recordId refers to ${TABLES[target].label.one.toLowerCase()} ${String(theirs.recordId)} of another vendor than its contract's; a contract covers its own vendor's records` });
          }
        }
      }
      // A notice is served on one of its own vendor's contracts (as services/records.ts holds it when one is recorded by hand).
      if (table === 'contract_notices') {
        const contractId = theirs.contractId as string;
        const contractVendor = packContractVendor.get(contractId) ?? rowById(db, TABLES.contracts, contractId)?.vendorId;
        if (contractVendor !== undefined && contractVendor !== theirs.vendorId) {
          problems.push({ file: dataJson(table), message: `record ${packId}: contractId refers to contract ${String(packRow.contractId)} of another vendor; a notice is served on a contract of its own vendor` });
        }
      }
      const mineRaw = rowById(db, t, theirs.id as string);
      const mine = mineRaw ? fromSql(t, mineRaw) : null;
      const held = withheld.get(table)!;
      if (mine) for (const f of held) theirs[f] = mine[f];
      // A field the pack's writer did not have yet (tables.ts addedLater) is no difference and never erases this workbook's value.
      if (mine) for (const f of t.addedLater ?? []) if (theirs[f] === undefined) theirs[f] = mine[f];
      if (!mine && table === 'checklist_items' && theirs.register === undefined) theirs.register = builtinRegister(theirs);

      let action: MergeAction;
      let suggested: Resolution | null = null;
      let diff: FieldDifference[] = [];
      if (!mine) {
        action = 'add';
      } else {
        diff = differences(t, mine, theirs, held);
        if (diff.length === 0) {
          action = 'same';
        } else {
          const mineChanged = sync.mine === null || sync.kept.has(mine.id as string) || String(mine.updatedAt) > sync.mine.at
            || logIds(table, mine).some((id) => loggedAfter(db, id, sync.mine!.seq));
          const theirsChanged = sync.theirs === null || String(theirs.updatedAt) > sync.theirs;
          if (!mineChanged) action = theirs.deletedAt && !mine.deletedAt ? 'delete' : 'update';
          else if (!theirsChanged) action = 'keep';
          else {
            action = 'conflict';
            suggested = String(theirs.updatedAt) > String(mine.updatedAt) ? 'theirs' : 'mine';
          }
        }
      }

      const vendorId = t.vendorField ? ((theirs[t.vendorField] as string | null | undefined) ?? null) : null;
      const key = `${table}\u0000${vendorId ?? ''}`;
      let s = summary.get(key);
      if (!s) {
        s = { table, kindLabel: t.label.many, vendorId, vendorName: vendorName(vendorId), add: 0, update: 0, delete: 0, keep: 0, conflict: 0, same: 0 };
        summary.set(key, s);
      }
      s[action]++;
      if (action === 'same') continue;
      planned.push({ table, theirs, packId, mine, action, suggested });
      if (action === 'keep') continue;
      const record: MergeRecord = {
        table, kindLabel: t.label.one, id: packId, title: String(theirs[t.titleField] ?? ''), vendorId, vendorName: vendorName(vendorId), action,
        mineUpdatedAt: mine ? String(mine.updatedAt) : null, theirsUpdatedAt: String(theirs.updatedAt), suggested, differences: diff,
      };
      if (action === 'conflict') {
        if (conflictCount++ < MAX_PREVIEW_CONFLICTS) conflicts.push(record);
      }
      else if (changeCount++ < MAX_PREVIEW_CHANGES) changes.push(record);
    }
  }
  for (const [what, n] of cleared) warnings.push(`${what}: ${n} reference(s) to records that are neither in the pack nor here will be left empty.`);
  if (manifest.redacted) warnings.push('This pack is redacted: its blanked fields (repository URLs, secret and key locations, document locations) do not change yours.');
  const profileWords = profileWarning(manifest);
  if (profileWords) warnings.push(profileWords);

  let newFiles = 0;
  let newBytes = 0;
  let bytes = 0;
  for (const [sha, a] of inspection.attachments) {
    bytes += a.size;
    if (!liveAttachmentWithSha(db, sha)) {
      newFiles++;
      newBytes += a.size;
    }
  }
  const preview: ImportPreview = {
    pack: summarise(manifest),
    summary: [...summary.values()].sort((a, b) => DATA_TABLES.indexOf(a.table as DataTable) - DATA_TABLES.indexOf(b.table as DataTable)
      || (a.vendorName ?? '').localeCompare(b.vendorName ?? '')),
    conflicts, conflictsTruncated: conflictCount > MAX_PREVIEW_CONFLICTS, changes, changesTruncated: changeCount > MAX_PREVIEW_CHANGES,
    attachments: { files: inspection.attachments.size, bytes, newFiles, newBytes },
    warnings, knownPeer: sync.mine !== null || sync.theirs !== null,
  };
  const packIds = new Set<string>();
  for (const ids of inPack.values()) for (const id of ids) packIds.add(id);
  return { preview, rows: planned, problems, packIds, kept: sync.kept };
}

/** What the import says of the pack's profile: review only, part of a workbook, fields it leaves out (they do not change yours). */
function profileWarning(manifest: Manifest): string | null {
  const p = manifest.profile;
  if (!p || p.name === 'full') return null;
  const held = manifest.redactedFields.filter((k) => !(manifest.redacted && REDACTED_FIELDS.includes(k)));
  return [
    `Profile: ${profileLabel(p)}.`,
    p.name === 'auditor' ? AUDITOR_INTENT : '',
    p.name === 'person' || p.tables?.length ? 'It holds part of a workbook: what it lacks is neither deleted nor changed here.' : '',
    held.length ? `It leaves out ${withheldWords(held)}: your values of these are kept.` : '',
  ].filter(Boolean).join(' ');
}

/** The side a planned row ends up on, given the user's choices. */
export function decide(row: PlannedRow, resolutions: Record<string, Resolution> | undefined, fallback: DefaultResolution): Resolution {
  switch (row.action) {
    case 'add':
    case 'update':
    case 'delete':
      return 'theirs';
    case 'keep':
    case 'same':
      return 'mine';
    case 'conflict': {
      const chosen = resolutions?.[row.packId];
      if (chosen) return chosen;
      return fallback === 'newer' ? (row.suggested ?? 'mine') : fallback;
    }
  }
}
