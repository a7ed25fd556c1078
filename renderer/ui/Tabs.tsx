// ARIA tabs (tablist, tab, tabpanel) with automatic activation: arrows, Home and End move between
// tabs. Hand-made rather than react-aria's TabPanel, which watches its whole subtree with a
// MutationObserver and re-scans it for tabbable elements on every change: under a virtualized
// table that forced a style and layout pass on every scroll frame.
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  id: K;
  label: string;
  /** Shown beside the label, outside the tab's accessible name (e.g. a count). */
  badge?: ReactNode;
}

interface Props<K extends string> {
  label: string;
  idPrefix: string;
  tabs: TabItem<K>[];
  selected: K;
  onSelect(id: K): void;
  /** The selected tab's panel. */
  children: ReactNode;
  panelClassName?: string;
}

export function Tabs<K extends string>({ label, idPrefix, tabs, selected, onSelect, children, panelClassName }: Props<K>) {
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (id: K) => `${idPrefix}-tab-${id}`;
  const panelId = `${idPrefix}-panel`;

  // The strip scrolls when the tabs are wider than it (a vendor's twelve at 1280 px): bring the
  // selected one into view, however it was selected (a click, a key, a link to that tab). Only the
  // strip scrolls, never the page, as scrollIntoView would.
  useLayoutEffect(() => {
    const list = listRef.current;
    const tab = list?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    if (!list || !tab) return;
    const l = list.getBoundingClientRect();
    const t = tab.getBoundingClientRect();
    if (t.left < l.left) list.scrollLeft -= l.left - t.left;
    else if (t.right > l.right) list.scrollLeft += t.right - l.right;
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(tab.id))}`)?.focus();
  };

  return (
    <div className="tabs">
      <div ref={listRef} role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            className="tab"
            aria-selected={t.id === selected}
            aria-controls={t.id === selected ? panelId : undefined}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
            {t.badge !== undefined && (
              <span className="tab-count" aria-hidden="true">
                {t.badge}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} className={panelClassName ?? 'tab-panel'}>
        {children}
      </div>
    </div>
  );
}
