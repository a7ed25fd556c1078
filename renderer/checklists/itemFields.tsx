// What the item forms share (adding an item, a template's item, an item's detail): reading the
// "days from T" box and the phase choice.
import { ITEM_STATUS, PHASES } from '../../shared/checklists';
import type { FieldMeta } from '../../shared/records';
import type { FormField } from '../forms/formCore';

/** The item forms' fields, described as the record schemas describe theirs, so the one field component (FieldControl) draws them. */
export const ITEM_FIELD = {
  title: { label: 'Title', control: 'text' },
  status: { label: 'Status', control: 'enum', options: ITEM_STATUS },
  ownerId: { label: 'Owner', control: 'person' },
  blockedReason: { label: 'Blocked by', control: 'longtext' },
  phase: { label: 'Phase', control: 'enum', options: PHASES.map((_, i) => String(i)) },
  offset: { label: 'Days from exit date (T)', control: 'int' },
  description: { label: 'Description', control: 'longtext' },
  evidence: { label: 'Evidence note', control: 'longtext' },
} satisfies Record<string, FieldMeta>;

/** How a phase reads as an option: "2. Knowledge transfer". */
export const phaseOption = (phase: string) => `${phase}. ${PHASES[Number(phase)]?.label ?? `Phase ${phase}`}`;

export const OFFSET_ERROR = 'Days from T must be a whole number, e.g. -30.';

/** The "days from T" box for the form engine: named shortly in messages, and the schema's offsetDays lands on it. */
export const OFFSET_FIELD: FormField = { meta: ITEM_FIELD.offset, errorLabel: 'Days from T', paths: ['offsetDays'], notANumber: OFFSET_ERROR };

/** The typed offset as a whole number of days, or null while it is not one. */
export function parseOffset(text: string): number | null {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isInteger(n) ? n : null;
}
