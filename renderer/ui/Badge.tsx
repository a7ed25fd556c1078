import { enumLabel } from '../../shared/enums';
import { toneOf } from './tones';

/** A small coloured status badge for an enum value. */
export function Badge({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return <span className={`badge badge-${toneOf(value)}`}>{enumLabel(value)}</span>;
}
