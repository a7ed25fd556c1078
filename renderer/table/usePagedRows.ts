import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useVersion } from '../app/store';
import { measurePaint, PageCache, type FetchPage } from './pageCache';

/**
 * A table's rows for one query (`queryKey` names it; `fetchPage` loads a page of it).
 * The query is refetched when the key changes, and refreshed in place when the app's data changes.
 */
export function usePagedRows(queryKey: string, fetchPage: FetchPage): PageCache {
  const [cache] = useState(() => new PageCache());
  const version = useVersion();
  const mountVersion = useRef(version);
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);

  // fetchPage is rebuilt each render; the key says when it actually asks for something else.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => cache.setQuery(fetchPage), [cache, queryKey]);

  useEffect(() => {
    if (version !== mountVersion.current) cache.refresh();
  }, [cache, version]);

  useLayoutEffect(() => {
    if (cache.takePaintPending()) measurePaint();
  });

  return cache;
}
