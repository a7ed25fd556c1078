// Takes the user to a part of the screen that another component draws once its data has loaded
// (the overview's red flags, from a count on the dashboard): waits for it to appear, scrolls it
// into view and puts the keyboard there, then calls `done` so the wish is not acted on twice.
import { useEffect, useLayoutEffect, useRef } from 'react';

export function useShowPart(selector: string | null, done: () => void): void {
  const doneRef = useRef(done);
  useLayoutEffect(() => {
    doneRef.current = done;
  });
  useEffect(() => {
    if (!selector) return;
    const take = () => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) return false;
      // A section is not focusable by itself; -1 lets the script focus it without adding a Tab stop.
      if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
      doneRef.current();
      return true;
    };
    if (take()) return;
    const observer = new MutationObserver(() => {
      if (take()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [selector]);
}
