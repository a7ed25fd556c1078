// What rows refer to by name: vendors by name or id, people by e-mail, name or id, runbooks by
// title within the vendor. Loaded once per run (a sheet of 100,000 rows asks a Map, not SQL).
import type { Db } from '../store/open';
import { liveDocumentTitles, livePeopleNames, liveVendorNames } from '../store/sheets';

/** Whitespace the key would change: a run of two or more, or a single one that is not a plain space. */
const ODD_SPACE = /\s\s|[^\S ]/;
/** Trimmed, each run of whitespace one space, lower case; the replace (a new string) only for a text that needs it, as most do not. */
const key = (s: string) => {
  const t = s.trim();
  return (ODD_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

function multi(rows: { id: string; k: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.k) continue;
    const k = key(r.k);
    const list = m.get(k);
    if (list) list.push(r.id); else m.set(k, [r.id]);
  }
  return m;
}

/** `created`: a person this run creates (an earlier row named them), still missing from the workbook. */
export type Resolved = { id: string; created?: true } | { missing: true } | { message: string };

export class Lookups {
  private readonly vendorIds: Set<string>;
  private readonly vendorsByName: Map<string, string[]>;
  private readonly peopleIds: Set<string>;
  private readonly peopleByEmail: Map<string, string[]>;
  private readonly peopleByName: Map<string, string[]>;
  private docs: Map<string, string[]> | null = null;
  private docIds: Map<string, string> | null = null;
  /** People the run will create, by the key the sheet wrote. */
  readonly created = new Map<string, string>();

  constructor(private readonly db: Db) {
    const vendors = liveVendorNames(db);
    this.vendorIds = new Set(vendors.map((v) => v.id));
    this.vendorsByName = multi(vendors);
    const people = livePeopleNames(db);
    this.peopleIds = new Set(people.map((p) => p.id));
    this.peopleByEmail = multi(people.map((p) => ({ id: p.id, k: p.email })));
    this.peopleByName = multi(people.map((p) => ({ id: p.id, k: p.name })));
  }

  vendor(ref: string): Resolved {
    if (isUuid(ref)) return this.vendorIds.has(ref.toLowerCase()) ? { id: ref.toLowerCase() } : { message: `no vendor has the id ${ref}` };
    const ids = this.vendorsByName.get(key(ref)) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    return ids.length ? { message: `"${ref}" names ${ids.length} vendors; use the vendor's id` } : { message: `no vendor is named "${ref}"` };
  }

  person(ref: string): Resolved {
    if (isUuid(ref)) return this.peopleIds.has(ref.toLowerCase()) ? { id: ref.toLowerCase() } : { message: `no person has the id ${ref}` };
    const made = this.created.get(key(ref));
    if (made) return { id: made, created: true };
    const ids = (ref.includes('@') ? this.peopleByEmail.get(key(ref)) : undefined) ?? this.peopleByName.get(key(ref)) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    return ids.length ? { message: `"${ref}" names ${ids.length} people; use their e-mail` } : { missing: true };
  }

  /** A person the run creates for `ref`, so later rows naming them find the same one. */
  remember(ref: string, id: string): void {
    this.created.set(key(ref), id);
  }

  document(vendorId: string, ref: string): Resolved {
    if (!this.docs) {
      const rows = liveDocumentTitles(this.db);
      this.docs = multi(rows.map((r) => ({ id: r.id, k: `${r.v}\u0000${r.title}` })));
      this.docIds = new Map(rows.map((r) => [r.id, r.v]));
    }
    if (isUuid(ref)) {
      const v = this.docIds!.get(ref.toLowerCase());
      if (!v) return { message: `no document has the id ${ref}` };
      return v === vendorId ? { id: ref.toLowerCase() } : { message: 'must be a document of the same vendor' };
    }
    const ids = this.docs.get(key(`${vendorId}\u0000${ref}`)) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    return ids.length ? { message: `"${ref}" names ${ids.length} documents of this vendor; use the document's id` } : { message: `this vendor has no document titled "${ref}"` };
  }
}

export const refKey = key;
