import { ITEM_STATUS, ITEM_STATUS_LABEL } from '../../shared/checklists';

/** The keys a focused item row understands; lists point to it with aria-describedby. */
export function KeyLegend({ id }: { id: string }) {
  return (
    <p id={id} className="key-legend">
      <span className="key-legend-title">Keys on a focused row:</span>
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd> move
      </span>
      <span>
        <kbd>Enter</kbd> details
      </span>
      <span>
        <kbd>Space</kbd> done / not done
      </span>
      {ITEM_STATUS.map((s, i) => (
        <span key={s}>
          <kbd>{i + 1}</kbd> {ITEM_STATUS_LABEL[s]}
        </span>
      ))}
    </p>
  );
}
