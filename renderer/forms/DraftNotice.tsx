// Says that a dialog opened on the unsaved edits of an earlier visit (see drafts.ts), and offers
// to throw them away.
import { formatDateTime } from '../format';

export function DraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard(): void }) {
  return (
    <div className="draft-notice" role="status">
      <span>Restored your unsaved draft from {formatDateTime(savedAt)}</span>
      <button type="button" className="button button-small" onClick={onDiscard}>
        Discard draft
      </button>
    </div>
  );
}
