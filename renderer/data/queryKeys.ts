// The one place query keys are built, and the one table that says which change events make which
// query stale. A key is [method, payload] (plus an optional loader name for a query loaded by a
// function of its own), so the same call is cached once, whichever screen asks for it. The table
// lists what each read depends on: the kinds of rows whose change can alter its answer, and the
// vendor or record the payload narrows it to. Anything the table cannot rule out counts as stale:
// a refresh too many costs a request, one too few leaves wrong data on screen.
import { ALL_KINDS, type ChangeEvent } from '../../shared/changes';
import { ATTACHMENT_OWNER_FIELDS, type InputOf, type MethodName } from '../../shared/contract';
import { INVENTORY_KINDS, RECORD_KINDS, REGISTER_KINDS, type RecordKind } from '../../shared/records';

/** A key as TanStack Query stores it: the method, its payload, and the name of a custom loader if any. */
export type ApiQueryKey<M extends QueryMethod = QueryMethod> = readonly [M, InputOf<M>] | readonly [M, InputOf<M>, string];

/** The key of `method(payload)`; `loader` names a query loaded by a function of its own but refreshed like `method(payload)`. */
export function queryKey<M extends QueryMethod>(method: M, payload: InputOf<M>, loader?: string): ApiQueryKey<M> {
  const p = (payload ?? {}) as InputOf<M>;
  return loader === undefined ? [method, p] : [method, p, loader];
}

/** Kinds whose change is felt across vendors: a person's name shows as a label everywhere, templates and settings have no vendor. */
const GLOBAL_KINDS = new Set(['person', 'template', 'settings']);
const ANY = ALL_KINDS;
/** Everything readiness, counts and search are made of (templates and settings are not). */
const WORKBOOK: readonly string[] = [...RECORD_KINDS, 'checklist', 'checklist_item'];

interface Scope {
  /** The query shows one vendor's data only. */
  vendorId?: string | undefined;
  /** The query shows one record (or what hangs off it) only. */
  id?: string | undefined;
}

/**
 * True when `event` may change the answer of a query that reads `kinds`, narrowed to `scope`.
 * An event names no vendor or record when it cannot tell: then it is felt everywhere.
 */
export function touches(event: ChangeEvent, kinds: readonly string[] | typeof ANY, scope: Scope = {}): boolean {
  if (event.kinds === ALL_KINDS) return true;
  const hit = kinds === ANY ? [...event.kinds] : event.kinds.filter((k) => kinds.includes(k));
  if (hit.length === 0) return false;
  if (scope.id !== undefined && event.ids.length > 0 && !event.ids.includes(scope.id)) return false;
  if (scope.vendorId === undefined || event.vendorIds.length === 0) return true;
  return event.vendorIds.includes(scope.vendorId) || hit.some((k) => GLOBAL_KINDS.has(k));
}

type Rule<M extends MethodName> = (event: ChangeEvent, payload: InputOf<M>) => boolean;

type RecordRules = {
  [K in RecordKind as `${K}.get`]: Rule<`${K}.get`>;
} & {
  [K in RecordKind as `${K}.list`]: Rule<`${K}.list`>;
};

function recordRules(): RecordRules {
  const rules: Record<string, Rule<never>> = {};
  for (const kind of RECORD_KINDS) {
    // Loaded for an edit dialog, a record comes with the names of the people and documents it refers to.
    rules[`${kind}.get`] = ((e, p: { id: string }) => touches(e, [kind], { id: p.id }) || touches(e, ['person', 'document'])) as Rule<never>;
    // A list carries the names of the people, documents and vendors its rows refer to.
    rules[`${kind}.list`] = ((e, p: { vendorId?: string }) => touches(e, [kind, 'person', 'document', 'vendor'], { vendorId: p.vendorId })) as Rule<never>;
  }
  return rules as RecordRules;
}

/** Every read a screen may load through useApi, with what makes it stale. Imperative reads (pack jobs, file pickers, reports) are not here. */
const RULES = {
  'app.info': (e) => touches(e, ['vendor', 'person', 'settings']),
  'stats.get': (e) => touches(e, WORKBOOK),
  // Each vendor's serve-notice-by comes from its contracts and the notices served on them.
  'vendor.summaries': (e) => touches(e, ['vendor', ...INVENTORY_KINDS, 'contract', 'notice']),
  'search.query': (e) => touches(e, WORKBOOK),
  'cost.totals': (e, p) => touches(e, ['cost', 'vendor'], { vendorId: p.vendorId }),
  // The data sets a deletion letter would list, and its reply-by day (from the vendor's exit date).
  'dataset.deletionScope': (e, p) => touches(e, ['dataset', 'vendor'], { vendorId: p.vendorId }),
  'activity.list': (e, p) => touches(e, ANY, { vendorId: p.vendorId, id: p.recordId }),
  // Every write appends an entry to the chain.
  'activity.verifyChain': (e) => touches(e, ANY),
  // An attach or removal is logged against its owner (a document, an item, a notice, an access record, a data set).
  'attachment.list': (e, p) => touches(e, Object.values(ATTACHMENT_OWNER_FIELDS), {
    id: Object.keys(ATTACHMENT_OWNER_FIELDS).map((f) => (p as Record<string, string | undefined>)[f]).find((v) => v !== undefined),
  }),
  'template.list': (e) => touches(e, ['template']),
  'template.get': (e) => touches(e, ['template']),
  // The exit date moves the items' due dates, so the vendor counts too.
  'checklist.list': (e, p) => touches(e, ['checklist', 'checklist_item', 'vendor'], { vendorId: p.vendorId }),
  'checklist.items': (e, p) => touches(e, ['checklist', 'checklist_item', 'vendor', 'person', 'process'], { vendorId: p.vendorId }),
  // An item's links show the titles of the records they point to.
  'checklist.links': (e, p) => touches(e, ['checklist_item'], { id: p.itemId }) || touches(e, RECORD_KINDS),
  // The open records of the item's register (any vendor's: the payload names only the item).
  'checklist.registerOpen': (e, p) => touches(e, ['checklist_item'], { id: p.itemId }) || touches(e, REGISTER_KINDS),
  // Links are logged under the contract; the titles shown are the documents' and licences'.
  'contract.links': (e, p) => touches(e, ['contract'], { id: p.contractId }) || touches(e, ['document', 'licence']),
  'checklist.myTasks': (e) => touches(e, ['checklist', 'checklist_item', 'vendor', 'person']),
  // Contract notices and terms, licence dates, open items' due dates, access planned from the exit date, infrastructure
  // expiries, and the vendor and people names they carry.
  'deadlines.list': (e, p) => touches(e, ['vendor', 'person', 'contract', 'notice', 'licence', 'checklist', 'checklist_item', 'access', 'infrastructure'], { vendorId: p.vendorId }),
  'readiness.vendor': (e, p) => touches(e, WORKBOOK, { vendorId: p.vendorId }),
  'dashboard.get': (e) => touches(e, WORKBOOK),
  // Every write is a step the Edit menu can name.
  'history.state': (e) => touches(e, ANY),
  // Kept by an import (trust on first use, kind 'pack') or changed in Settings.
  'signers.list': (e) => touches(e, ['settings', 'pack']),
  'calendar.settings.get': (e) => touches(e, ['settings']),
  'person.references': (e) => touches(e, WORKBOOK),
  ...recordRules(),
} satisfies { [M in MethodName]?: Rule<M> };

export type QueryMethod = keyof typeof RULES;

/** True when `event` may have changed what the query under `key` answered. Keys this module did not build are treated as stale. */
export function isStaleAfter(event: ChangeEvent, key: readonly unknown[]): boolean {
  const [method, payload] = key;
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(RULES, method)) return true;
  const rule = RULES[method as QueryMethod] as Rule<QueryMethod>;
  return rule(event, (payload ?? {}) as InputOf<QueryMethod>);
}
