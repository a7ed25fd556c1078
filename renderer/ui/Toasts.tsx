import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useToasts } from './toasts';

/** Bars of primary actions a toast must never cover (the sticky save bar of the vendor overview). */
const KEEP_CLEAR = '.form-actions';
const MARGIN = 16;
const GAP = 8;

/**
 * How far above the window's bottom edge the toasts sit: their usual corner, or just above a
 * save bar that reaches into that corner. Measured again while toasts are shown, as the page
 * scrolls, resizes or changes underneath them.
 */
function useLift(box: RefObject<HTMLElement | null>, shown: boolean): number {
  const [lift, setLift] = useState(MARGIN);
  useLayoutEffect(() => {
    if (!shown) return;
    const place = () => {
      const el = box.current;
      if (!el) return;
      const bottom = window.innerHeight - MARGIN;
      const top = bottom - el.offsetHeight;
      const left = window.innerWidth - MARGIN - el.offsetWidth;
      let next = MARGIN;
      for (const bar of document.querySelectorAll(KEEP_CLEAR)) {
        const r = bar.getBoundingClientRect();
        const overlaps = r.width > 0 && r.right > left && r.left < window.innerWidth - MARGIN && r.bottom > top && r.top < bottom;
        if (overlaps) next = Math.max(next, window.innerHeight - r.top + GAP);
      }
      setLift(next);
    };
    place();
    const observer = new MutationObserver(place);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [box, shown]);
  return lift;
}

/**
 * The live region where toasts appear; screen readers announce each as it arrives. It lets clicks
 * through everywhere but on the toasts themselves (see .toasts in controls.css).
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  const ref = useRef<HTMLElement>(null);
  const lift = useLift(ref, toasts.length > 0);
  return (
    <section ref={ref} className="toasts" aria-label="Notifications" aria-live="polite" style={{ bottom: lift }}>
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          <span className="toast-message">{t.message}</span>
          {t.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(t.id);
                void t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      ))}
    </section>
  );
}
