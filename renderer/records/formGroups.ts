// How a record dialog lays out the kinds whose forms are long enough to need it: fields in groups
// in the order the work goes (for an access record: what and where, then the plan, then done and
// verified), and which records take attached files, under what heading, after which group.
import type { AttachmentOwnerField } from '../../shared/contract';
import type { RecordKind } from '../../shared/records';

export interface FormGroup {
  title: string;
  fields: string[];
}

export const FORM_GROUPS: Partial<Record<RecordKind, FormGroup[]>> = {
  access: [
    { title: 'What and where', fields: ['name', 'kind', 'system', 'holderId', 'privileged', 'secretLocation'] },
    { title: 'Plan', fields: ['action', 'plannedOffsetDays', 'status'] },
    { title: 'Done and verified', fields: ['doneOn', 'verifiedById', 'verifiedOn', 'notes'] },
  ],
  dataset: [
    { title: 'What and where', fields: ['name', 'system', 'location', 'region', 'format', 'volume', 'personalData', 'ownerId', 'description'] },
    { title: 'Coming back', fields: ['returnFormat', 'returnMethod', 'receivedOn', 'checkedById'] },
    {
      title: 'Deletion',
      fields: ['deletionRequired', 'certificateReceivedOn', 'certificateCoversBackups', 'certificateCoversSubprocessors', 'lastBackupExpiresOn', 'subprocessors'],
    },
    { title: 'Notes', fields: ['notes'] },
  ],
  infrastructure: [
    { title: 'What and where', fields: ['name', 'kind', 'identifier', 'provider', 'heldBy'] },
    { title: 'At the exit', fields: ['disposition', 'status', 'expiresOn', 'renewalAccount'] },
    { title: 'Notes', fields: ['notes'] },
  ],
};

/**
 * The groups of a kind's form, every editable field in one of them: a field the groups do not
 * name (added to the schema later) joins the last group rather than vanish from the form.
 */
export function formGroupsOf(kind: RecordKind, fields: string[]): FormGroup[] | null {
  const groups = FORM_GROUPS[kind];
  if (!groups) return null;
  const named = new Set(groups.flatMap((g) => g.fields));
  const known = groups.map((g) => ({ ...g, fields: g.fields.filter((f) => fields.includes(f)) }));
  const rest = fields.filter((f) => !named.has(f));
  known[known.length - 1]!.fields.push(...rest);
  return known;
}

export interface AttachedFilesSection {
  field: AttachmentOwnerField;
  title: string;
  /** The group the files follow; after the whole form when not given. */
  after?: string;
  /** What the drop hint says the files become. */
  dropText: string;
  /** The day field a file attached here dates when it is still empty (a certificate attached has arrived). */
  datesField?: string;
}

/** The record kinds whose dialog holds attached files. */
export const ATTACHED_FILES: Partial<Record<RecordKind, AttachedFilesSection>> = {
  document: { field: 'documentId', title: 'Attachments', dropText: 'Drop files to attach them to this document' },
  access: { field: 'accessId', title: 'Evidence', dropText: 'Drop files to attach them as evidence' },
  dataset: { field: 'datasetId', title: 'Deletion certificate', after: 'Deletion', dropText: 'Drop the signed deletion certificate to attach it', datesField: 'certificateReceivedOn' },
};
