// --profile full|new-provider|auditor|person:NAME_OR_ID for `handover export`:
// the redaction profile a pack is cut to (shared/pack-profiles.ts). A person is named by id or by
// name (any case); an unknown or ambiguous one is wrong usage, so the command exits 2.
import type { PackProfileInput } from '../../shared/pack-profiles';
import { openWorkbook, type Db } from '../core/store/open';
import { livePeopleNames } from '../core/store/people';
import { UsageError } from './usage';

export const PROFILE_USAGE = '[--profile full|new-provider|auditor|person:NAME_OR_ID]';

/** The profile `--profile` names, reading the workbook at `db` to find a person. */
export function parseProfile(value: string | undefined, db: string): PackProfileInput | undefined {
  if (value === undefined) return undefined;
  if (value === 'full' || value === 'new-provider' || value === 'auditor') return value;
  if (value.startsWith('person:')) return { person: findPerson(value.slice('person:'.length).trim(), db) };
  throw new UsageError(`--profile "${value.slice(0, 80)}" is not a profile: give full, new-provider, auditor or person:NAME_OR_ID`);
}

function findPerson(wanted: string, path: string): string {
  if (!wanted) throw new UsageError('--profile person: name the person (person:NAME_OR_ID)');
  const db = openWorkbook(path, { readonly: true });
  try {
    return findPersonIn(db, wanted, '--profile person:', path);
  } finally {
    db.close();
  }
}

/** A live person by id or by name (any case); `flag` starts the message when none or several match. */
export function findPersonIn(db: Db, wanted: string, flag: string, path: string): string {
  const people = livePeopleNames(db);
  const byId = people.find((p) => p.id === wanted.toLowerCase());
  if (byId) return byId.id;
  const byName = people.filter((p) => p.name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) throw new UsageError(`${flag} more than one person is named "${wanted}"; use an id: ${byName.map((p) => p.id).join(', ')}`);
  throw new UsageError(`${flag} no person "${wanted}" in ${path}`);
}
