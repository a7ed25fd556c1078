// A hash router: the page's query string (?token=… in the browser face) is never touched, so it
// survives navigation and reload. Routes are parsed into a small union the screens switch on.
import { useSyncExternalStore } from 'react';
import { INVENTORY_KINDS, type InventoryKind, type RecordKind } from '../../shared/records';

export const VENDOR_TABS = ['overview', 'processes', 'repositories', 'licences', 'documents', 'activity'] as const;
export type VendorTab = (typeof VENDOR_TABS)[number];

export const TAB_OF_KIND: Record<InventoryKind, VendorTab> = {
  process: 'processes',
  repository: 'repositories',
  licence: 'licences',
  document: 'documents',
};

export const KIND_OF_TAB: Partial<Record<VendorTab, InventoryKind>> = Object.fromEntries(
  INVENTORY_KINDS.map((k) => [TAB_OF_KIND[k], k]),
);

export type Route =
  | { name: 'vendors' }
  | { name: 'vendor'; vendorId: string; tab: VendorTab; open: string | null }
  | { name: 'people'; open: string | null }
  | { name: 'search'; q: string };

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'vendors' && parts[1]) {
    const tab = (VENDOR_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as VendorTab) : 'overview';
    return { name: 'vendor', vendorId: parts[1], tab, open: params.get('open') };
  }
  if (parts[0] === 'people') return { name: 'people', open: params.get('open') };
  if (parts[0] === 'search') return { name: 'search', q: params.get('q') ?? '' };
  return { name: 'vendors' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'vendors':
      return '#/vendors';
    case 'vendor':
      return `#/vendors/${encodeURIComponent(route.vendorId)}/${route.tab}${route.open ? `?open=${encodeURIComponent(route.open)}` : ''}`;
    case 'people':
      return `#/people${route.open ? `?open=${encodeURIComponent(route.open)}` : ''}`;
    case 'search':
      return `#/search${route.q ? `?q=${encodeURIComponent(route.q)}` : ''}`;
  }
}

/** Where a record lives on screen: its vendor's tab (with its dialog open), or the people page. */
export function routeOfRecord(kind: RecordKind, id: string, vendorId: string | null): Route {
  if (kind === 'vendor') return { name: 'vendor', vendorId: id, tab: 'overview', open: null };
  if (kind === 'person') return { name: 'people', open: id };
  if (!vendorId) return { name: 'vendors' };
  return { name: 'vendor', vendorId, tab: TAB_OF_KIND[kind], open: id };
}

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}
window.addEventListener('hashchange', notify);

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
    notify();
  } else {
    window.location.hash = href;
  }
}
