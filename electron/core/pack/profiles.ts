// A redaction profile (shared/pack-profiles.ts) as the cut of an export: which rows of each table
// the pack keeps, which fields it withholds (and the value each then reads as, one the pack's
// schema accepts), and how the manifest names it. The cut is applied to the export's snapshot
// as views (store/packCut.ts), so the data files, the sheets and README.html all show the same.
import { ApiError } from '../../../shared/errors';
import {
  NEW_PROVIDER_FIELDS, NEW_PROVIDER_TABLES, RECORD_TABLES, type PackProfileInput, type PackProfileSummary, type ProfileKind,
} from '../../../shared/pack-profiles';
import { DEFAULTS } from '../../../shared/records';
import type { Db } from '../store/open';
import { createCutViews, fillPersonCut, personForCut, PERSON_CUT_TABLES, type RowFilter, type TableCut } from '../store/packCut';
import { toColumn } from '../store/tables';
import { DATA_TABLES, type DataTable } from './format';
import { ATTACHMENT_OWNER_TABLE, CONTRACT_LINK_TABLE, TABLES } from './tables';

export interface ProfileCut {
  summary: PackProfileSummary;
  /** Every withheld field, "table.field", in table order. */
  withheld: string[];
  /** Rows are left out (one person's tasks, kinds left out): the vendors' readiness would describe a part as the whole. */
  partial: boolean;
  /** Auditor: the pack states it is for review only. */
  reviewOnly: boolean;
  rows: Partial<Record<DataTable, RowFilter>>;
}

/** The value a withheld field reads as: the record's default (shared/records.ts), empty text, or no reference. */
function blankValue(table: DataTable, field: string): string | number | null {
  const kind = (RECORD_TABLES as Record<string, string>)[table] as keyof typeof DEFAULTS | undefined;
  if (kind) {
    const v = (DEFAULTS[kind] as Record<string, unknown>)[field];
    if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  }
  return field.endsWith('Id') ? null : '';
}

/** Withheld keys once each, in table and column order. */
export const sortKeys = (keys: Iterable<string>) => [...new Set(keys)].sort((a, b) => {
  const [ta, fa] = a.split('.') as [DataTable, string];
  const [tb, fb] = b.split('.') as [DataTable, string];
  return DATA_TABLES.indexOf(ta) - DATA_TABLES.indexOf(tb) || TABLES[ta].columns.findIndex((c) => c.field === fa) - TABLES[tb].columns.findIndex((c) => c.field === fb);
});

/** The tables each kind a custom profile leaves out takes with it. */
const KIND_TABLES: Record<ProfileKind, DataTable[]> = {
  people: ['people'], processes: ['processes'], repositories: ['repositories'], licences: ['licences'], documents: ['documents'],
  access: ['access_credentials'], datasets: ['data_sets'], infrastructure: ['infrastructure_items'],
  checklists: ['checklists', 'checklist_items', 'checklist_item_links', 'templates', 'template_items'], attachments: ['attachments', 'attachment_links'],
};
const LINK_KIND: Partial<Record<DataTable, string>> = { processes: 'process', repositories: 'repository', licences: 'licence', documents: 'document' };

/**
 * Kinds left out whole: every table that needs one of them goes too (a required reference), and
 * every optional reference to one is withheld, so nothing in the pack points at a row it lacks.
 */
function leaveOut(kinds: readonly ProfileKind[], withheld: Set<string>): Partial<Record<DataTable, RowFilter>> {
  const gone = new Set<DataTable>(kinds.flatMap((k) => KIND_TABLES[k]));
  for (let grew = true; grew;) {
    grew = false;
    for (const t of DATA_TABLES) {
      if (gone.has(t)) continue;
      for (const ref of TABLES[t].refs) {
        if (!gone.has(ref.table)) continue;
        if (ref.required) {
          gone.add(t);
          grew = true;
        } else withheld.add(`${t}.${ref.field}`);
      }
    }
  }
  for (const key of [...withheld]) if (gone.has(key.split('.')[0] as DataTable)) withheld.delete(key);
  return withoutLinksTo(gone);
}

/**
 * The cut of tables left out whole, and of the links to their records: a checklist item's, a
 * contract's, and the files attached to them (which go with their links), so nothing in the pack
 * points at a record it does not hold, and no file travels without the record it belongs to.
 */
function withoutLinksTo(gone: ReadonlySet<DataTable>): Partial<Record<DataTable, RowFilter>> {
  const rows: Partial<Record<DataTable, RowFilter>> = {};
  for (const t of gone) rows[t] = { none: true };
  const links = [...gone].map((t) => LINK_KIND[t]).filter((k): k is string => k !== undefined);
  if (links.length && !gone.has('checklist_item_links')) rows.checklist_item_links = { notIn: { column: 'record_kind', values: links } };
  const owners = Object.entries(ATTACHMENT_OWNER_TABLE).filter(([, table]) => gone.has(table)).map(([kind]) => kind);
  if (owners.length && !gone.has('attachment_links')) rows.attachment_links = { notIn: { column: 'owner_kind', values: owners } };
  const covered = Object.entries(CONTRACT_LINK_TABLE).filter(([, table]) => gone.has(table)).map(([kind]) => kind);
  if (covered.length && !gone.has('contract_links')) rows.contract_links = { notIn: { column: 'record_kind', values: covered } };
  return rows;
}

/**
 * Resolves the export's profile against the snapshot. One person's tasks fills the id lists of
 * what that person's items need (among the vendors in `scope`, a JSON array, or all); an unknown
 * person, or one with no items there, is refused naming the field.
 */
export function resolveProfile(db: Db, input: PackProfileInput | undefined, scope: string | null): ProfileCut {
  const base = { partial: false, reviewOnly: false, rows: {} };
  if (input === undefined || input === 'full') return { ...base, summary: { name: 'full' }, withheld: [] };
  if (input === 'auditor') return { ...base, summary: { name: 'auditor' }, withheld: [], reviewOnly: true };
  if (input === 'new-provider') {
    // The notices go with the letters attached to them: a served notice's file is as much between us and the vendor as the notice.
    const rows = withoutLinksTo(new Set(NEW_PROVIDER_TABLES as readonly DataTable[]));
    return { ...base, summary: { name: 'new-provider' }, withheld: sortKeys(NEW_PROVIDER_FIELDS), rows };
  }
  if ('person' in input) {
    const p = personForCut(db, input.person);
    if (!p) throw new ApiError('INVALID_INPUT', 'profile.person: refers to no person in this workbook', [{ field: 'profile.person', message: 'refers to no person in this workbook' }]);
    if (fillPersonCut(db, p.id, scope) === 0) {
      const message = `${p.name} is the owner of no checklist item${scope === null ? '' : ' of the vendors chosen'}: their pack would be empty`;
      throw new ApiError('INVALID_INPUT', `profile.person: ${message}`, [{ field: 'profile.person', message }]);
    }
    // Nor are the contracts or the exit costs: a person's items link inventory records, never a contract or a cost.
    // The registers likewise: an item links processes, repositories, licences and documents
    // (shared/checklists.ts LINK_KINDS), never an access record, a data set or an infrastructure
    // item, so, as for the other kinds, the pack holds only what the person's items link: none of them.
    const rows: Partial<Record<DataTable, RowFilter>> = {
      templates: { none: true }, template_items: { none: true }, contracts: { none: true }, contract_notices: { none: true }, exit_costs: { none: true },
      contract_links: { none: true }, access_credentials: { none: true }, data_sets: { none: true }, infrastructure_items: { none: true },
    };
    for (const t of PERSON_CUT_TABLES) rows[t] = { ids: true };
    // The checklists' templates stay at home: the pack holds the person's items, not the template they came from.
    return { ...base, partial: true, summary: { name: 'person', person: { id: p.id, name: p.name } }, withheld: ['checklists.templateId'], rows };
  }
  const withheld = new Set(input.custom.fields ?? []);
  const kinds = [...new Set(input.custom.tables ?? [])];
  const rows = leaveOut(kinds, withheld);
  return { ...base, partial: kinds.length > 0, summary: { name: 'custom', ...(kinds.length ? { tables: kinds } : {}) }, withheld: sortKeys(withheld), rows };
}

/** Applies the cut to the snapshot (nothing to do for a profile that keeps every row and field). */
export function applyProfile(db: Db, cut: ProfileCut): void {
  const cuts: Record<string, TableCut> = {};
  const of = (t: DataTable) => (cuts[TABLES[t].sql] ??= { rows: cut.rows[t] ?? { all: true }, blanks: {} });
  for (const t of Object.keys(cut.rows) as DataTable[]) of(t);
  for (const key of cut.withheld) {
    const [t, field] = key.split('.') as [DataTable, string];
    of(t).blanks[toColumn(field)] = blankValue(t, field);
  }
  if (Object.keys(cuts).length) createCutViews(db, cuts);
}

/** The tables the cut leaves out whole, by name: the report shows nothing of them. */
export function leftOutTables(cut: ProfileCut): Set<string> {
  return new Set(Object.entries(cut.rows).filter(([, r]) => r !== undefined && 'none' in r).map(([t]) => t));
}
