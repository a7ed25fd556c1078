// The progress of a verify, preview or import job: what it is doing, the bytes read of the pack,
// and Cancel (an import can be cancelled until its records are committed).
import { useState } from 'react';
import type { PackJobStatusOf, PackJobKind } from '../../shared/packs';
import { api } from '../api';
import { formatBytes } from '../format';
import { ProgressBar } from './ProgressBar';

interface Props {
  /** "Checking", "Reading", "Importing". */
  label: string;
  name: string;
  status: PackJobStatusOf<PackJobKind> | null;
}

export function JobProgress({ label, name, status }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const [late, setLate] = useState(false);
  const step = status?.step ?? 'Starting';
  const done = status?.bytesDone ?? 0;
  const totalBytes = status?.bytesTotal ?? 0;
  const bytes = totalBytes > 0 ? `${formatBytes(done)} of ${formatBytes(totalBytes)}` : formatBytes(done);
  const cancel = async () => {
    if (!status) return;
    setCancelling(true);
    const answer = await api['pack.cancel']({ jobId: status.jobId }).catch(() => ({ cancelled: false, reason: 'finished' as const }));
    if (!answer.cancelled && answer.reason === 'too late') setLate(true);
  };
  return (
    <div className="pack-result pack-progress" role="group" aria-label={label} aria-busy="true">
      <div className="pack-progress-line">
        <span>
          {label} <strong>{name}</strong> · <span role="status">{late ? 'Too late to cancel: the records are being committed' : cancelling ? 'Cancelling…' : step}</span>
        </span>
        <span className="muted cell-mono">{bytes}</span>
      </div>
      <ProgressBar label={`${label} progress`} value={done} max={totalBytes} valueText={`${step}: ${bytes}`} />
      <div className="pack-actions">
        <button type="button" className="button" onClick={() => void cancel()} disabled={!status || cancelling}>
          Cancel
        </button>
      </div>
    </div>
  );
}
