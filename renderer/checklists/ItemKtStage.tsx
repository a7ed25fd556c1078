// A knowledge-transfer item's process stage, changed from the item (its status follows).
import { useId } from 'react';
import type { ChecklistItem } from '../../shared/checklists';
import { enumLabel, KT_STAGE } from '../../shared/enums';
import { api } from '../api';
import { useApi } from '../data/useApi';

/** The stage of a knowledge-transfer item's process; the item's status follows it. */
export function ItemKtStage({ item, processId, onApply }: { item: ChecklistItem; processId: string; onApply(step: () => Promise<ChecklistItem>, done: string): Promise<void> }) {
  const id = useId();
  // Read from the process itself: documented, shadowing and reverse shadowing all read "in progress" on the item.
  const { data: process } = useApi('process.get', { id: processId });
  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Knowledge transfer</h3>
      <div className="detail-row">
        <label htmlFor={`${id}-stage`} className="field-label">
          Stage of {process ? `“${process.name}”` : 'the process'}
        </label>
        <select
          id={`${id}-stage`}
          className="input select detail-select"
          value={process?.ktStage ?? ''}
          disabled={!process}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const stage = e.target.value as (typeof KT_STAGE)[number];
            void onApply(() => api['checklist.setKtStage']({ id: item.id, stage }), `Knowledge transfer: ${enumLabel(stage).toLowerCase()}`);
          }}
        >
          {!process && <option value="">Loading…</option>}
          {KT_STAGE.map((s) => (
            <option key={s} value={s}>
              {enumLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        The process&apos;s stage in the inventory and this item&apos;s status move together: signed off means done.
      </p>
    </section>
  );
}
