// The single-key legend of checklist rows, shown on demand: "?" (outside a text field) or its
// button toggles it, and the command palette lists it. Hidden, it still describes the rows to
// screen readers (aria-describedby reads hidden text), so nobody depends on seeing it.
import { useEffect } from 'react';
import { create } from 'zustand';
import { ITEM_STATUS, ITEM_STATUS_LABEL } from '../../shared/checklists';

export const LEGEND_KEY = '?';

export const useKeyLegend = create<{ shown: boolean; toggle(): void }>((set) => ({
  shown: false,
  toggle: () => set((s) => ({ shown: !s.shown })),
}));

/** True where a typed "?" is text, not a command. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** The keys themselves, also listed in Help › Keyboard shortcuts. */
export function LegendKeys() {
  return (
    <>
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
    </>
  );
}

/** The keys a focused item row understands; lists point to it with aria-describedby. */
export function KeyLegend({ id }: { id: string }) {
  const shown = useKeyLegend((s) => s.shown);
  const toggle = useKeyLegend((s) => s.toggle);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // defaultPrevented: another legend on the page already took this press.
      if (e.key !== LEGEND_KEY || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTextEntry(e.target)) return;
      e.preventDefault();
      useKeyLegend.getState().toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="key-legend-bar">
      <button type="button" className="button button-quiet button-small key-legend-toggle" aria-expanded={shown} aria-controls={id} onClick={toggle}>
        {shown ? 'Hide keys' : 'Keys'} <kbd aria-hidden="true">{LEGEND_KEY}</kbd>
      </button>
      <p id={id} className="key-legend" hidden={!shown}>
        <span className="key-legend-title">Keys on a focused row:</span>
        <LegendKeys />
        <span>
          <kbd>{LEGEND_KEY}</kbd> hide this legend
        </span>
      </p>
    </div>
  );
}
