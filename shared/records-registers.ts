// The security-closure registers (issue 10): access and credentials the vendor holds, the data
// sets it keeps for us, the infrastructure held of record. Their shapes join the others in
// shared/records.ts SHAPES.
import { z } from 'zod';
import * as E from './enums';
import { choice, date, longText, meta, notes, ref, requiredText, text, vendorId } from './fields';
import { secretLookalike, secretRefusal } from './secrets';

/** Text in the access register: refused when it looks like a secret rather than where one is kept. */
const noSecret = <T extends z.ZodString>(schema: T) =>
  schema.superRefine((s, ctx) => {
    const what = secretLookalike(s);
    if (what !== null) ctx.addIssue({ code: 'custom', message: secretRefusal(what) });
  });
const keepMeta = <T extends z.ZodType>(from: z.ZodType, to: T): T => to.meta(from.meta() as Record<string, unknown>);
const safeText = (label: string, column = false, hint?: string) => { const t = text(label, column, hint); return keepMeta(t, noSecret(t)); };
const safeLongText = (label: string) => { const t = longText(label); return keepMeta(t, noSecret(t)); };
const offsetDays = (label: string, hint: string) =>
  z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' })
    .min(-3650, { error: 'is more than ten years before T' }).max(3650, { error: 'is more than ten years after T' })
    .meta(meta({ label, control: 'int', hint }));

export const accessShape = {
  vendorId,
  name: keepMeta(requiredText('Name'), noSecret(requiredText('Name'))),
  kind: choice('Kind', E.ACCESS_KIND, true),
  system: safeText('System', true),
  // Access held by nobody in particular is held by the vendor as a company.
  holderId: ref('Held by', 'person', true, 'The vendor (company)'),
  privileged: choice('Privileged', E.YES_NO, true),
  secretLocation: safeText('Where the secret is kept', false, 'A reference such as a vault path, never the secret itself.'),
  action: choice('Action', E.ACCESS_ACTION, true),
  plannedOffsetDays: offsetDays('Planned on (days from T)', 'Counted from the exit date T like checklist items: 0 is T, -7 a week before, 1 the day after.'),
  status: choice('Status', E.ACCESS_STATUS, true),
  doneOn: date('Done on'),
  verifiedById: ref('Verified by', 'person'),
  verifiedOn: date('Verified on', true),
  notes: safeLongText('Notes'),
};

export const datasetShape = {
  vendorId,
  name: requiredText('Name'),
  description: longText('Description'),
  system: text('System', true),
  location: text('Location', false, 'Where it is stored: data centre, cloud region or site.'),
  region: text('Country or region', true),
  format: text('Format'),
  personalData: choice('Personal data', E.PERSONAL_DATA, true),
  volume: text('Approximate volume', false, 'Such as 2 TB or 40 million rows.'),
  ownerId: ref('Owner', 'person', true),
  returnFormat: text('Returned as (format)'),
  returnMethod: text('Returned how', false, 'Such as SFTP transfer, encrypted disk, database dump.'),
  receivedOn: date('Received back on', true),
  checkedById: ref('Checked by', 'person'),
  deletionRequired: choice('Deletion required', E.YES_NO),
  certificateReceivedOn: date('Deletion certificate received on', true, 'Attach the signed certificate to this data set.'),
  certificateCoversBackups: choice('Certificate covers backups', E.CLAUSE),
  certificateCoversSubprocessors: choice('Certificate covers sub-processors', E.CLAUSE),
  lastBackupExpiresOn: date('Last backup copy expires on', false, 'When the vendor\'s last backup holding this data is overwritten or destroyed.'),
  subprocessors: longText('Sub-processors holding copies'),
  notes: notes(),
};

export const infrastructureShape = {
  vendorId,
  name: requiredText('Name'),
  kind: choice('Kind', E.INFRA_KIND, true),
  identifier: text('Identifier', false, 'Host name, account or subscription id, domain or certificate subject.'),
  provider: text('Provider or location', true),
  heldBy: choice('Held of record by', E.ORG_OWNER, true),
  disposition: choice('What happens to it', E.INFRA_DISPOSITION, true),
  status: choice('Status', E.INFRA_STATUS, true),
  expiresOn: date('Expires on', true, 'For certificates and domains.'),
  renewalAccount: choice('Renews on the account of', E.RENEWAL_ACCOUNT),
  notes: notes(),
};
