// Whom a pack was cut for and what it leaves out (its manifest's profile and withheld fields), in
// Verify and the import preview. An auditor's pack says it is for review only.
import { AUDITOR_INTENT, profileLabel, withheldWords } from '../../shared/pack-profiles';
import type { PackSummary } from '../../shared/packs';

export function ProfileFact({ pack }: { pack: PackSummary }) {
  return (
    <div>
      <dt>Profile</dt>
      <dd>
        {profileLabel(pack.profile)}
        {pack.profile.name === 'auditor' && <span className="field-hint"> · {AUDITOR_INTENT}</span>}
        {pack.redactedFields.length > 0 && <span> · leaves out {withheldWords(pack.redactedFields)}</span>}
      </dd>
    </div>
  );
}
