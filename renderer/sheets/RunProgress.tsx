// A dry run or an import in progress: its step, the rows checked (or records written) so far, and Cancel.
import type { SheetJobStatus } from '../../shared/sheets';
import { formatNumber } from '../format';
import { ProgressBar } from '../packs/ProgressBar';

export function RunProgress({ status, kind = 'preview', onCancel }: { status: SheetJobStatus | null; kind?: SheetJobStatus['kind']; onCancel(): void }) {
  const what = kind === 'apply' ? 'Import' : 'Dry run';
  const unit = kind === 'apply' ? 'records' : 'rows';
  const step = status?.step ?? 'Starting';
  const done = status?.rowsDone ?? 0;
  const total = status?.rowsTotal ?? 0;
  const count = total > 0 ? `${formatNumber(done)} of ${formatNumber(total)} ${unit}` : `${formatNumber(done)} ${unit}`;
  return (
    <div className="pack-result pack-progress" role="group" aria-label={what} aria-busy="true">
      <div className="pack-progress-line">
        <span>
          {what} · <span role="status">{step}</span>
        </span>
        <span className="muted cell-mono">{count}</span>
      </div>
      <ProgressBar label={`${what} progress`} value={done} max={total} valueText={`${step}: ${count}`} />
      <div className="pack-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel {what.toLowerCase()}
        </button>
      </div>
    </div>
  );
}
