import { enumLabel } from '../../shared/enums';
import { toneOf, type Tone } from './tones';

/** A small coloured status badge for an enum value; `tone` where the field gives the value a colour of its own. */
export function Badge({ value, tone }: { value: string | null | undefined; tone?: Tone | undefined }) {
  if (!value) return null;
  return <span className={`badge badge-${tone ?? toneOf(value)}`}>{enumLabel(value)}</span>;
}
