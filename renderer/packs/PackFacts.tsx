// What a pack's manifest says about it: who made it and when, for which vendors, how many records
// of each kind and how many files. Shown by Verify and by the import preview.
import type { PackSummary } from '../../shared/packs';
import { formatBytes, formatDateTime, formatNumber, plural } from '../format';
import { countOf, sortedCounts } from './labels';
import { SignatureFact } from './SignatureFact';
import { ProfileFact } from './ProfileFact';

export function PackFacts({ pack, label }: { pack: PackSummary; label: string }) {
  const counts = sortedCounts(pack.counts).filter(([, n]) => n > 0);
  return (
    <dl className="pack-facts" aria-label={label}>
      <div>
        <dt>Created</dt>
        <dd>
          <span className="cell-mono">{formatDateTime(pack.createdAt)}</span> by {pack.createdBy || 'an unnamed user'}
        </dd>
      </div>
      <SignatureFact pack={pack} />
      <div>
        <dt>Made with</dt>
        <dd>
          Handover Workbook {pack.appVersion} · format {pack.version}
        </dd>
      </div>
      <div>
        <dt>{pack.vendors.length === 1 ? 'Vendor' : `Vendors (${formatNumber(pack.vendors.length)})`}</dt>
        <dd>{pack.vendors.length ? pack.vendors.map((v) => v.name).join(', ') : <span className="muted">none</span>}</dd>
      </div>
      <ProfileFact pack={pack} />
      <div>
        <dt>Records</dt>
        <dd>{counts.length ? counts.map(([t, n]) => countOf(t, n)).join(', ') : <span className="muted">none</span>}</dd>
      </div>
      <div>
        <dt>Files</dt>
        <dd>
          {plural(pack.files, 'file', 'files')}, {formatBytes(pack.bytes)}
          {pack.attachmentsIncluded ? '' : ' · attached files left out'}
          {pack.redacted ? ' · sensitive fields left out' : ''}
        </dd>
      </div>
    </dl>
  );
}
