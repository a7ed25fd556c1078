// One line above the activity: whether the workbook's log is still the chain it wrote (every entry
// hashed over the one before it), or which entry was changed behind the app's back.
import { chainWords } from '../../shared/activityChain';
import { useApi } from '../data/useApi';

export function HistoryCheck() {
  const chain = useApi('activity.verifyChain', {});
  const r = chain.data;
  if (!r) return null;
  if (r.broken) {
    return (
      <p className="form-alert history-check" role="alert">
        {chainWords(r)}. The log of this workbook was changed outside the app.
      </p>
    );
  }
  return (
    <p className="history-check muted" role="status" title={r.head ? `Head of the chain: ${r.head}` : undefined}>
      {chainWords(r)}{r.entries > 0 ? " in this workbook's log, each chained to the one before." : '.'}
    </p>
  );
}
