// The dates a status change means: an access marked done was done today, and one marked verified
// was verified today (and done by then), unless the user has given those days already. Without
// this a record reads "Verified" with no day at all, and the register's dates stay empty.
import type { RecordKind } from '../../shared/records';
import type { FormValues } from './formCore';

/** The fields to fill (only empty ones) when `field` of a `kind` form takes `value`. */
export function datesOfStatus(kind: RecordKind, field: string, value: string, values: FormValues, today: string): Record<string, string> {
  if (kind !== 'access' || field !== 'status') return {};
  const wanted = value === 'done' ? ['doneOn'] : value === 'verified' ? ['doneOn', 'verifiedOn'] : [];
  return Object.fromEntries(wanted.filter((f) => !values[f]).map((f) => [f, today]));
}
