// The dry run in progress: its step, the rows read of the sheet's rows, and Cancel.
import type { SheetJobStatus } from '../../shared/sheets';
import { formatNumber } from '../format';
import { ProgressBar } from '../packs/ProgressBar';

export function RunProgress({ status, onCancel }: { status: SheetJobStatus | null; onCancel(): void }) {
  const step = status?.step ?? 'Starting';
  const done = status?.rowsDone ?? 0;
  const total = status?.rowsTotal ?? 0;
  const rows = total > 0 ? `${formatNumber(done)} of ${formatNumber(total)} rows` : `${formatNumber(done)} rows`;
  return (
    <div className="pack-result pack-progress" role="group" aria-label="Dry run" aria-busy="true">
      <div className="pack-progress-line">
        <span>
          Dry run · <span role="status">{step}</span>
        </span>
        <span className="muted cell-mono">{rows}</span>
      </div>
      <ProgressBar label="Dry run progress" value={done} max={total} valueText={`${step}: ${rows}`} />
      <div className="pack-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel dry run
        </button>
      </div>
    </div>
  );
}
