// The tables of the security-closure registers, laid out for the people who work through them
// rather than read from the schema's column marks: the columns that fit a laptop's width (1280 px
// with the sidebar) in the order the work is read, short headers, the filters that matter, the
// order the table starts in, and badge colours for values whose meaning depends on the field
// (a privileged account or personal data is a risk to watch, not a settled "yes").
import type { RecordKind } from '../../shared/records';
import type { Tone } from '../ui/tones';
import type { Sort } from './types';

export interface TableLayout {
  /** The columns after the title, in order. */
  fields: string[];
  /** Headers (and filter names) shorter than the field's form label. */
  headers?: Record<string, string>;
  /** The enum fields offered as filter selects; the enum columns when not given. */
  filters?: string[];
  defaultSort?: Sort;
  /** Badge colours by field and value, over the shared ones (ui/tones.ts). */
  tones?: Record<string, Record<string, Tone>>;
  /** A badge beside the title when a field has a value (a privileged account). */
  titleBadge?: { field: string; value: string; text: string; tone: Tone };
}

/** Open, moving, done, checked: the same colours for access and infrastructure statuses. */
const WORK_TONES: Record<string, Tone> = { active: 'grey', not_started: 'grey', scheduled: 'amber', in_progress: 'amber', done: 'blue', verified: 'green' };

export const TABLE_LAYOUT: Partial<Record<RecordKind, TableLayout>> = {
  access: {
    fields: ['kind', 'system', 'holderId', 'action', 'plannedOffsetDays', 'status'],
    headers: { plannedOffsetDays: 'Planned', holderId: 'Held by' },
    filters: ['kind', 'privileged', 'action', 'status'],
    // In the order it is planned from T: what goes first is on top.
    defaultSort: { field: 'plannedOffsetDays', dir: 'asc' },
    tones: { status: WORK_TONES, action: { revoke: 'grey', rotate: 'grey', transfer: 'grey' } },
    titleBadge: { field: 'privileged', value: 'yes', text: 'Privileged', tone: 'amber' },
  },
  dataset: {
    fields: ['system', 'region', 'personalData', 'ownerId', 'receivedOn', 'certificateReceivedOn'],
    headers: { region: 'Region', receivedOn: 'Returned on', certificateReceivedOn: 'Certificate on', certificateCoversBackups: 'Certificate covers backups' },
    filters: ['personalData', 'certificateCoversBackups'],
    tones: { personalData: { no: 'grey', yes: 'amber', special: 'red' } },
  },
  infrastructure: {
    fields: ['kind', 'provider', 'heldBy', 'disposition', 'status', 'expiresOn'],
    headers: { heldBy: 'Held by', disposition: 'At the exit', provider: 'Provider' },
    filters: ['kind', 'heldBy', 'disposition', 'status'],
    tones: { status: WORK_TONES, disposition: { transfer: 'grey', migrate: 'grey', decommission: 'grey', keep_at_vendor: 'amber' } },
  },
};
