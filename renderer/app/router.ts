// A hash router: the page's query string (?token=… in the browser face) is never touched, so it
// survives navigation and reload. Routes are parsed into a small union the screens switch on.
import { useSyncExternalStore } from 'react';
import { confirmLeave, hasUnsaved } from './unsaved';
import { INVENTORY_KINDS, type InventoryKind, type RecordKind } from '../../shared/records';

export const VENDOR_TABS = [
  'overview', 'checklists', 'contracts', 'processes', 'repositories', 'licences', 'documents', 'access', 'data', 'infrastructure', 'costs', 'activity',
] as const;
export type VendorTab = (typeof VENDOR_TABS)[number];

/** What each tab is called, on the tab itself and in the command palette. */
export const TAB_LABEL: Record<VendorTab, string> = {
  overview: 'Overview',
  checklists: 'Checklists',
  contracts: 'Contracts',
  processes: 'Processes',
  repositories: 'Repositories',
  licences: 'Licences',
  documents: 'Documents',
  access: 'Access',
  data: 'Data',
  infrastructure: 'Infrastructure',
  costs: 'Costs',
  activity: 'Activity',
};

export const TAB_OF_KIND: Record<InventoryKind, VendorTab> = {
  process: 'processes',
  repository: 'repositories',
  licence: 'licences',
  document: 'documents',
  access: 'access',
  dataset: 'data',
  infrastructure: 'infrastructure',
};

export const KIND_OF_TAB: Partial<Record<VendorTab, InventoryKind>> = Object.fromEntries(
  INVENTORY_KINDS.map((k) => [TAB_OF_KIND[k], k]),
);

export type Route =
  | { name: 'dashboard' }
  | { name: 'vendors' }
  /** `open`: the record (inventory tabs) or checklist item (checklists tab) whose dialog is open;
   *  `checklist`: which of the vendor's checklists the checklists tab shows;
   *  `show`: a part of the overview to take the user to (the red flags, from the dashboard). */
  | { name: 'vendor'; vendorId: string; tab: VendorTab; open: string | null; checklist?: string | null; show?: OverviewPart | null }
  | { name: 'tasks' }
  | { name: 'upcoming' }
  | { name: 'templates'; id: string | null }
  | { name: 'people'; open: string | null }
  | { name: 'search'; q: string }
  | { name: 'packs'; part: PackPart };

/** The parts of a vendor's overview a link can take the user to. */
export type OverviewPart = 'flags';

/** The Packs screen's three parts. */
export const PACK_PARTS = ['export', 'verify', 'import'] as const;
export type PackPart = (typeof PACK_PARTS)[number];

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'vendors' && parts[1]) {
    const tab = (VENDOR_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as VendorTab) : 'overview';
    return { name: 'vendor', vendorId: parts[1], tab, open: params.get('open'), checklist: params.get('checklist'), show: params.get('show') === 'flags' ? 'flags' : null };
  }
  if (parts[0] === 'vendors') return { name: 'vendors' };
  if (parts[0] === 'tasks') return { name: 'tasks' };
  if (parts[0] === 'upcoming') return { name: 'upcoming' };
  if (parts[0] === 'templates') return { name: 'templates', id: parts[1] ?? null };
  if (parts[0] === 'people') return { name: 'people', open: params.get('open') };
  if (parts[0] === 'search') return { name: 'search', q: params.get('q') ?? '' };
  if (parts[0] === 'packs') {
    const part = (PACK_PARTS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as PackPart) : 'export';
    return { name: 'packs', part };
  }
  return { name: 'dashboard' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '#/';
    case 'vendors':
      return '#/vendors';
    case 'vendor': {
      const params = new URLSearchParams();
      if (route.checklist && route.tab === 'checklists') params.set('checklist', route.checklist);
      if (route.show && route.tab === 'overview') params.set('show', route.show);
      if (route.open) params.set('open', route.open);
      const query = params.toString();
      return `#/vendors/${encodeURIComponent(route.vendorId)}/${route.tab}${query ? `?${query}` : ''}`;
    }
    case 'tasks':
      return '#/tasks';
    case 'upcoming':
      return '#/upcoming';
    case 'templates':
      return `#/templates${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
    case 'people':
      return `#/people${route.open ? `?open=${encodeURIComponent(route.open)}` : ''}`;
    case 'search':
      return `#/search${route.q ? `?q=${encodeURIComponent(route.q)}` : ''}`;
    case 'packs':
      return route.part === 'export' ? '#/packs' : `#/packs/${route.part}`;
  }
}

/** Where a record lives on screen: its vendor's tab (with its dialog open), or the people page. */
export function routeOfRecord(kind: RecordKind, id: string, vendorId: string | null): Route {
  if (kind === 'vendor') return { name: 'vendor', vendorId: id, tab: 'overview', open: null };
  if (kind === 'person') return { name: 'people', open: id };
  if (!vendorId) return { name: 'vendors' };
  // A notice is shown with its contract, on the contracts tab.
  if (kind === 'contract' || kind === 'notice') return { name: 'vendor', vendorId, tab: 'contracts', open: kind === 'contract' ? id : null };
  if (kind === 'cost') return { name: 'vendor', vendorId, tab: 'costs', open: id };
  return { name: 'vendor', vendorId, tab: TAB_OF_KIND[kind], open: id };
}

/** A checklist item in its vendor's checklists tab, with its detail open. */
export function routeOfItem(item: { id: string; vendorId: string; checklistId: string }): Route {
  return { name: 'vendor', vendorId: item.vendorId, tab: 'checklists', open: item.id, checklist: item.checklistId };
}

/** Where a search result opens: a record's dialog, or a checklist item in its checklist. */
export function routeOfHit(hit: { kind: RecordKind | 'checklist_item'; id: string; vendorId: string | null; checklistId: string | null }): Route {
  if (hit.kind !== 'checklist_item') return routeOfRecord(hit.kind, hit.id, hit.vendorId);
  if (!hit.vendorId || !hit.checklistId) return { name: 'vendors' };
  return routeOfItem({ id: hit.id, vendorId: hit.vendorId, checklistId: hit.checklistId });
}

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}
// Leaving a screen with unsaved edits asks first; declined, the address goes back to where it was.
let shownHash = window.location.hash;
window.addEventListener('hashchange', () => {
  if (window.location.hash !== shownHash && !confirmLeave()) {
    window.history.replaceState(window.history.state, '', shownHash || '#/');
    return;
  }
  shownHash = window.location.hash;
  notify();
});
// The browser face also asks before a reload or closing the tab. (In the desktop app a
// beforeunload veto would silently block closing the window, so it is not used there.)
if (!('handover' in window)) {
  window.addEventListener('beforeunload', (e) => {
    if (hasUnsaved()) e.preventDefault();
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** Goes to a route; `replace` leaves no history entry (e.g. closing a record's dialog). */
export function navigate(route: Route, opts: { replace?: boolean } = {}) {
  const href = hrefOf(route);
  if (href === window.location.hash) return;
  if (opts.replace) {
    // replaceState fires no hashchange event, so tell the subscribers ourselves.
    window.history.replaceState(window.history.state, '', href);
    shownHash = window.location.hash;
    notify();
  } else {
    window.location.hash = href;
  }
}
